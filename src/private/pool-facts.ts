import type { CfnIdentityPool } from 'aws-cdk-lib/aws-cognito';
import type { IConstruct } from 'constructs';
import type { IdentityPoolAuthenticationProviders } from '../authentication-providers';

/**
 * What a role attachment's synth-time checks need to know about an identity pool defined in
 * the app. Imported pools have none, and the checks that need them skip.
 */
export interface PoolFacts {
  /** Whether the classic (basic) flow is on. */
  readonly allowClassicFlow: boolean;
  /** The providers given in the pool's props. */
  readonly providers: IdentityPoolAuthenticationProviders;
  /** The pool's user pool providers, as rendered; grows with `addUserPoolAuthentication`. */
  readonly userPoolProviders: readonly CfnIdentityPool.CognitoIdentityProviderProperty[];
}

const factsByPool = new WeakMap<IConstruct, PoolFacts>();

/** Records the facts of a pool defined in the app. */
export function recordPoolFacts(pool: IConstruct, facts: PoolFacts): void {
  factsByPool.set(pool, facts);
}

/** The facts of a pool defined in the app; undefined for an imported pool. */
export function poolFacts(pool: IConstruct): PoolFacts | undefined {
  return factsByPool.get(pool);
}

const poolsWithPrincipalTags = new WeakSet<IConstruct>();

/** Records that a pool (defined in the app or imported) passes principal tags to its roles. */
export function recordPrincipalTags(pool: IConstruct): void {
  poolsWithPrincipalTags.add(pool);
}

/** Whether a pool passes principal tags, so the roles it hands out must allow `sts:TagSession`. */
export function hasPrincipalTags(pool: IConstruct): boolean {
  return poolsWithPrincipalTags.has(pool);
}
