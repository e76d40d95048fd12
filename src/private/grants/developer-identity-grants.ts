import type { Grant, IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IIdentityPool } from '../../identity-pool-interface';
import { apiName, configError } from '../messages/errors';
import { definedPoolSettings } from '../synth/facts';

// The developer authenticated identities API, each on the identity pool's ARN:
// https://docs.aws.amazon.com/cognito/latest/developerguide/developer-authenticated-identities.html
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncognitoidentity.html
const TOKEN_ACTIONS = ['cognito-identity:GetOpenIdTokenForDeveloperIdentity'];
const ADMINISTRATION_ACTIONS = [
  'cognito-identity:LookupDeveloperIdentity',
  'cognito-identity:MergeDeveloperIdentities',
  'cognito-identity:UnlinkDeveloperIdentity',
];

/** Lets a backend sign its users in: `GetOpenIdTokenForDeveloperIdentity` on the pool. */
export function grantDeveloperIdentityTokens(pool: IIdentityPool, grantee: IGrantable): Grant {
  requireDeveloperProvider(pool, 'grantOpenIdTokenForDeveloperIdentity');
  return pool.grant(grantee, ...TOKEN_ACTIONS);
}

/** Lets a backend look up, merge and unlink developer identities of the pool. */
export function grantDeveloperIdentityAdministration(pool: IIdentityPool, grantee: IGrantable): Grant {
  requireDeveloperProvider(pool, 'grantDeveloperIdentityAdministration');
  return pool.grant(grantee, ...ADMINISTRATION_ACTIONS);
}

/**
 * A pool defined in the app must have a developer provider name for these calls to succeed
 * (Cognito answers them with an error otherwise); an imported pool's configuration is unknown.
 */
function requireDeveloperProvider(pool: IIdentityPool, method: string): void {
  const facts = definedPoolSettings(pool);
  if (facts === undefined) {
    return;
  }
  const name = facts.providers.customProvider;
  if (name === undefined) {
    configError(pool, 'authenticationProviders.customProvider',
      `must be set for ${apiName(method)}: without a developer provider name Cognito rejects every developer identity call; `
      + 'set it when creating the pool, and choose it for good: it cannot change once users exist', name);
  }
}
