import { Token } from '../cdk/bindings';

/** The Cognito identity service principal of the commercial partitions (the China regions included). */
export const COMMERCIAL_PRINCIPAL = 'cognito-identity.amazonaws.com';

/** The Cognito identity service principal of the GovCloud regions. */
export const GOVCLOUD_PRINCIPAL = 'cognito-identity-us-gov.amazonaws.com';

/**
 * The principal identities of a pool in `region` sign in through: the GovCloud one in a
 * concrete `us-gov-*` region, else the commercial one (a token region included).
 * `IdentityPoolPrincipal.serviceForRegion` is this function.
 */
export function cognitoPrincipalForRegion(region: string): string {
  return !Token.isUnresolved(region) && region.startsWith('us-gov-') ? GOVCLOUD_PRINCIPAL : COMMERCIAL_PRINCIPAL;
}
