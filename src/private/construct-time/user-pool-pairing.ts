import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { CfnUserPool, CfnUserPoolClient, Token } from '../cdk/bindings';
import type { ShapeScope } from '../shapes/shapes';
import { shapeError } from '../shapes/shapes';
import { sameValue } from '../values/same-value';

/**
 * A user pool's provider name, `cognito-idp.<region>.<domain>/<userPoolId>`: the user pool id
 * (the user pool API's `UserPoolIdType`, `[\w-]+_[0-9a-zA-Z]+`) starts with the pool's region,
 * which the host names too.
 */
const PROVIDER_NAME = /^cognito-idp\.([a-z0-9]+(?:-[a-z0-9]+)+)\.[A-Za-z0-9.-]+\/(([\w-]+)_[0-9a-zA-Z]+)$/;
const PROVIDER_NAME_TEXT = 'cognito-idp.<region>.amazonaws.com/<region>_<id>';
/** `CognitoIdentityProviderClientId`: `[\w_]+`. */
const CLIENT_ID = /^\w+$/;

/**
 * Why a concrete user pool provider name can never name a user pool; undefined when it can, or
 * when it holds tokens.
 */
export function userPoolProviderNameError(providerName: string): string | undefined {
  if (Token.isUnresolved(providerName)) {
    return undefined;
  }
  const match = PROVIDER_NAME.exec(providerName);
  if (match === null) {
    return `must have the form ${PROVIDER_NAME_TEXT}, as a user pool's userPoolProviderName does`;
  }
  return match[1] === match[3] ? undefined
    : `must name a user pool of the region in its host: the user pool id ${match[2]} is of ${match[3]}, not ${match[1]}`;
}

/**
 * Checks a concrete `cognito-idp.<region>.amazonaws.com/<userPoolId>:<clientId>`, the provider
 * URL of a role mapping on a user pool and its app client.
 */
export function checkUserPoolProviderUrl(where: ShapeScope, property: string, url: string): void {
  if (Token.isUnresolved(url)) {
    return;
  }
  const colon = url.lastIndexOf(':');
  if (colon < 0 || !CLIENT_ID.test(url.slice(colon + 1))) {
    shapeError(where, property, `must have the form ${PROVIDER_NAME_TEXT}:<clientId>, naming the user pool and one of its app clients`, url);
  }
  const error = userPoolProviderNameError(url.slice(0, colon));
  if (error !== undefined) {
    shapeError(where, property, error.replace('must have the form', 'must start with the form'), url);
  }
}

/**
 * Fails when an app client defined in the app belongs to another user pool than the one it is
 * paired with: Cognito would take the pool's tokens for that client, which never issues them.
 * Judged only when the answer is sure: the client is defined in the app, and the user pool is too
 * or both ids are plain strings.
 */
export function checkClientOfUserPool(where: ShapeScope, property: string, userPool: IUserPool, client: IUserPoolClient): void {
  const resource = client.node?.defaultChild;
  if (!(resource instanceof CfnUserPoolClient)) {
    return;
  }
  const clientPoolId = resource.userPoolId;
  const poolId = userPool.userPoolId;
  if (clientPoolId === poolId) {
    return;
  }
  const concrete = !Token.isUnresolved(clientPoolId) && !Token.isUnresolved(poolId);
  if (!concrete && !(userPool.node?.defaultChild instanceof CfnUserPool)) {
    return;
  }
  if (!concrete && sameValue(resource, clientPoolId, poolId)) {
    return;
  }
  shapeError(where, property, `must be an app client of the user pool it is paired with (${userPool.node.path}), not of another user pool`, client.node.path);
}
