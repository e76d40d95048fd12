import type { AddToPrincipalPolicyResult, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FederatedPrincipal } from 'aws-cdk-lib/aws-iam';
import type { IIdentityPool } from './identity-pool-interface';
import { cognitoPrincipalForRegion } from './private/values/cognito-principal';

/**
 * Which identities of an identity pool a role trusts, by the token's `amr` claim.
 */
export enum IdentityPoolIdentityType {
  /** Identities that signed in through a provider. */
  AUTHENTICATED = 'authenticated',
  /** Guest identities. */
  UNAUTHENTICATED = 'unauthenticated',
}

/**
 * The identities of one identity pool, as a role's trusted principal.
 *
 * The trust is `sts:AssumeRoleWithWebIdentity` from Cognito's federated principal, on the two
 * conditions every such role needs: `aud` is this pool's id (without it, identities of any
 * pool in any account could assume the role) and `amr` is the identity type (without it,
 * guests could assume an authenticated role). In a GovCloud region the principal and its
 * condition keys are `cognito-identity-us-gov.amazonaws.com`. In the China regions they are
 * `cognito-identity.amazonaws.com`, as the trust policies of the developer guide on
 * docs.amazonaws.cn show (and as aws-cdk-lib's module renders everywhere).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html
 */
export class IdentityPoolPrincipal extends FederatedPrincipal {
  /**
   * The Cognito identity service principal for a region: the GovCloud one in a concrete
   * `us-gov-*` region, else `cognito-identity.amazonaws.com` (the China regions included).
   *
   * @param region the identity pool's region; a token (unknown region) gives the commercial principal
   */
  public static serviceForRegion(region: string): string {
    return cognitoPrincipalForRegion(region);
  }

  /**
   * The identities of one type of an identity pool, as a trusted principal.
   *
   * @param identityPool the pool whose identities may assume the role
   * @param identityType which of its identities may; by default, authenticated identities
   */
  constructor(identityPool: IIdentityPool, identityType: IdentityPoolIdentityType = IdentityPoolIdentityType.AUTHENTICATED) {
    const service = IdentityPoolPrincipal.serviceForRegion(identityPool.env.region);
    super(
      service,
      {
        'StringEquals': { [`${service}:aud`]: identityPool.identityPoolId },
        'ForAnyValue:StringLike': { [`${service}:amr`]: identityType },
      },
      'sts:AssumeRoleWithWebIdentity',
    );
  }

  /**
   * A federated principal has no policy of its own, so nothing is added, as with aws-cdk-lib's
   * `FederatedPrincipal`.
   *
   * aws-cdk-lib names this parameter `_statement`, unlike its `IPrincipal` interface; declared
   * here with the interface's name, so that pyright (Python) accepts this class as an `IPrincipal`.
   *
   * @param statement the statement, which is not added
   */
  public addToPrincipalPolicy(statement: PolicyStatement): AddToPrincipalPolicyResult {
    return super.addToPrincipalPolicy(statement);
  }
}
