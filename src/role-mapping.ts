import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { IdentityPoolProviderUrl } from './provider-url';

/**
 * How a rule compares a claim with its value.
 */
export enum RoleMappingMatchType {
  /** The claim equals the value. */
  EQUALS = 'Equals',
  /** The claim contains the value. */
  CONTAINS = 'Contains',
  /** The claim starts with the value. */
  STARTS_WITH = 'StartsWith',
  /** The claim does not equal the value. */
  NOTEQUAL = 'NotEqual',
}

/**
 * One rule of a rule-based role mapping: users whose token claim matches get the role.
 * Rules are evaluated in order; the first match wins.
 */
export interface RoleMappingRule {
  /**
   * The token claim to test, such as `custom:department` (custom user pool attributes
   * carry the `custom:` prefix). Never map a claim the user can write to an elevated role.
   */
  readonly claim: string;

  /**
   * The role users matching this rule receive. It must trust the identity pool's authenticated
   * identities (see `IdentityPool.addMappedRole`); a role defined in the app that does not gets
   * the warning `cdk-identity-pool:roleTrust` at synth time.
   */
  readonly mappedRole: IRole;

  /** The value the claim is compared with. */
  readonly claimValue: string;

  /**
   * How the claim is compared with `claimValue`.
   * @default RoleMappingMatchType.EQUALS
   */
  readonly matchType?: RoleMappingMatchType;
}

/**
 * How users of one identity provider are mapped to roles.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html
 */
export interface IdentityPoolRoleMapping {
  /** The identity provider whose users this mapping applies to. */
  readonly providerUrl: IdentityPoolProviderUrl;

  /**
   * The key of this mapping in the template's `RoleMappings` map. CloudFormation map keys
   * cannot be tokens; Cognito reads the provider from `IdentityProvider`, so the key only
   * has to be unique and stable.
   * @default - the provider URL when it is a plain string; for a token provider URL (such as a
   * user pool defined in the app), a stable key derived from what the token resolves to
   */
  readonly mappingKey?: string;

  /**
   * Take the role from the `cognito:roles` and `cognito:preferred_role` claims of the
   * provider's token, instead of from `rules`.
   * @default false - roles come from `rules`
   */
  readonly useToken?: boolean;

  /**
   * When no rule matches, or the token names no single role, give the user the pool's
   * default authenticated role instead of denying credentials. When true, the role attachment
   * carries the warning `cdk-identity-pool:resolveAmbiguousRoles`.
   * @default false - such users are denied
   */
  readonly resolveAmbiguousRoles?: boolean;

  /**
   * The rules, in evaluation order, for a rule-based mapping (1 to 25); none for a token mapping.
   * @default - no rules; required unless `useToken` is true
   */
  readonly rules?: RoleMappingRule[];
}
