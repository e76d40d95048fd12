import type { IIdentityPool } from './identity-pool-interface';
import { IdentityPoolPolicyVariables } from './policy-variables';
import { checkPrincipalTagKey } from './private/values/principal-tag-key';

/**
 * What marks a user's own data in the per-identity grants: the S3 folder name under the
 * prefix, or the DynamoDB partition key value.
 *
 * The default is the caller's identity id. The identity id changes when identities merge
 * and means nothing to a backend, so apps that key data by the user pool user instead map
 * the user pool's `sub` claim to a principal tag (`pool.addPrincipalTags`) and key by that tag.
 */
export class OwnerKey {
  /**
   * The caller's identity id, `${cognito-identity.amazonaws.com:sub}` (`<region>:<guid>`).
   */
  public static readonly IDENTITY_ID = new OwnerKey(undefined);

  /**
   * A principal tag of the caller's session, `${aws:PrincipalTag/<tagKey>}`, such as the user
   * pool `sub` claim mapped with `pool.addPrincipalTags('Tags', { providerName, principalTags:
   * { sub: 'sub' } })`. A grant keyed by a tag that no principal tag mapping of the pool passes
   * fails synthesis. Map only a claim users cannot change (such as `sub`): whoever can set the
   * claim can read and write the data of whoever has that value.
   *
   * @param tagKey the principal tag's key
   */
  public static principalTag(tagKey: string): OwnerKey {
    checkPrincipalTagKey('tagKey', tagKey);
    return new OwnerKey(tagKey);
  }

  /**
   * The principal tag key this owner key reads; undefined for the identity id.
   */
  public readonly principalTagKey?: string;

  private constructor(principalTagKey: string | undefined) {
    this.principalTagKey = principalTagKey;
  }

  /**
   * The policy variable that holds the owner's key, for the identities of one pool.
   *
   * @param identityPool the pool whose identities the policy is for
   */
  public policyVariable(identityPool: IIdentityPool): string {
    return this.principalTagKey === undefined
      ? IdentityPoolPolicyVariables.identityIdOf(identityPool)
      : IdentityPoolPolicyVariables.principalTag(this.principalTagKey);
  }
}
