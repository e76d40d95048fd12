import type { IIdentityPool } from './identity-pool-interface';
import { IdentityPoolPrincipal } from './identity-pool-principal';
import { checkPrincipalTagKey } from './private/values/principal-tag-key';

/**
 * The IAM policy variables that identity pool credentials carry, for policies you write by hand.
 *
 * In a role's permissions policy, `${cognito-identity.amazonaws.com:sub}` is the caller's
 * **identity id** (`<region>:<guid>`, e.g. `us-east-1:0a1b2c3d-...`), the key under which the
 * identity pool knows the user. It is not the user pool `sub` (a user pool user's id): a user
 * who signs in through a user pool has both, and they differ.
 *
 * The per-identity grants of `IIdentityPool` (`grantReadWriteOwnObjects`,
 * `grantReadWriteOwnItems`, ...) write these variables for you.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_s3_cognito-bucket.html
 */
export class IdentityPoolPolicyVariables {
  /** The caller's identity id, `<region>:<guid>` (not the user pool `sub`). */
  public static readonly IDENTITY_ID = '${cognito-identity.amazonaws.com:sub}';

  /** The id of the identity pool that issued the caller's credentials (the token's `aud`). */
  public static readonly IDENTITY_POOL_ID = '${cognito-identity.amazonaws.com:aud}';

  /**
   * The caller's authentication methods (the token's `amr`): `authenticated` or
   * `unauthenticated`, and for signed-in users the provider they signed in through.
   */
  public static readonly AUTHENTICATION_METHODS = '${cognito-identity.amazonaws.com:amr}';

  /**
   * The caller's identity id for the identities of one pool: in a concrete GovCloud region the
   * variable is named after `cognito-identity-us-gov.amazonaws.com`, as the pool's trust
   * conditions are; everywhere else (China included) it is `IDENTITY_ID`.
   *
   * @param identityPool the pool whose identities the policy is for
   */
  public static identityIdOf(identityPool: IIdentityPool): string {
    return `\${${IdentityPoolPrincipal.serviceForRegion(identityPool.env.region)}:sub}`;
  }

  /**
   * A principal tag of the caller's session, `${aws:PrincipalTag/<tagKey>}`: the value of the
   * token claim that an `IdentityPoolPrincipalTags` mapping passes under that key.
   *
   * @param tagKey the principal tag's key, 1-128 characters of AWS's tag alphabet
   */
  public static principalTag(tagKey: string): string {
    checkPrincipalTagKey('tagKey', tagKey);
    return `\${aws:PrincipalTag/${tagKey}}`;
  }

  private constructor() {}
}
