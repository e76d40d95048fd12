import type { CfnIdentityPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';
import type { IdentityPoolAuthenticationProviders } from '../authentication-providers';
import type { IdentityPoolRoleMapping } from '../role-mapping';

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

/** The principal tags a pool passes, over all its principal tag mappings. */
export interface PrincipalTagFacts {
  /** The keys of the custom mappings. */
  readonly tagKeys: Set<string>;
  /** Whether some mapping uses its provider's default tags, whose keys the library does not know. */
  providerDefaults: boolean;
}

const principalTagsByPool = new WeakMap<IConstruct, PrincipalTagFacts>();

/**
 * Records that a pool (defined in the app or imported) passes principal tags to its roles:
 * the given custom tag keys, or the provider's defaults.
 */
export function recordPrincipalTags(pool: IConstruct, tagKeys: readonly string[], providerDefaults: boolean): void {
  let facts = principalTagsByPool.get(pool);
  if (facts === undefined) {
    facts = { tagKeys: new Set(), providerDefaults: false };
    principalTagsByPool.set(pool, facts);
  }
  tagKeys.forEach(key => facts.tagKeys.add(key));
  facts.providerDefaults ||= providerDefaults;
}

/** Whether a pool passes principal tags, so the roles it hands out must allow `sts:TagSession`. */
export function hasPrincipalTags(pool: IConstruct): boolean {
  return principalTagsByPool.has(pool);
}

/** The principal tags a pool passes; undefined when it has no principal tag mapping in the app. */
export function principalTagFacts(pool: IConstruct): PrincipalTagFacts | undefined {
  return principalTagsByPool.get(pool);
}

const defaultGrantees = new WeakMap<IConstruct, IGrantable>();

/** Records who a pool's grants go to unless they name a grantee: its authenticated role. */
export function recordDefaultGrantee(pool: IConstruct, grantee: IGrantable): void {
  defaultGrantees.set(pool, grantee);
}

/** Who a pool's grants go to unless they name a grantee; undefined for a pool imported without roles. */
export function defaultGrantee(pool: IConstruct): IGrantable | undefined {
  return defaultGrantees.get(pool);
}

/** One user pool provider of a pool defined in the app, with the app client its users sign in through. */
export interface UserPoolProviderEntry {
  /** The user pool's provider name, `cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
  readonly providerName: string;
  /** The app client's id. */
  readonly clientId: string;
  /** The app client. */
  readonly userPoolClient: IUserPoolClient;
}

/** A function told of each user pool provider added to a pool after it registered. */
export type UserPoolProviderListener = (entry: UserPoolProviderEntry) => void;

const providerEntries = new WeakMap<IConstruct, UserPoolProviderEntry[]>();
const providerListeners = new WeakMap<IConstruct, UserPoolProviderListener[]>();

/** Records a user pool provider just added to a pool, and tells the pool's listeners. */
export function recordUserPoolProvider(pool: IConstruct, entry: UserPoolProviderEntry): void {
  let entries = providerEntries.get(pool);
  if (entries === undefined) {
    entries = [];
    providerEntries.set(pool, entries);
  }
  entries.push(entry);
  for (const listener of providerListeners.get(pool) ?? []) {
    listener(entry);
  }
}

/** The user pool providers of a pool defined in the app, in the order they were added. */
export function userPoolProviderEntries(pool: IConstruct): readonly UserPoolProviderEntry[] {
  return providerEntries.get(pool) ?? [];
}

/** Calls `listener` for every user pool provider added to the pool from now on. */
export function onUserPoolProviderAdded(pool: IConstruct, listener: UserPoolProviderListener): void {
  let listeners = providerListeners.get(pool);
  if (listeners === undefined) {
    listeners = [];
    providerListeners.set(pool, listeners);
  }
  listeners.push(listener);
}

const mappingsByAttachment = new WeakMap<IConstruct, readonly IdentityPoolRoleMapping[]>();

/** Records a role attachment's mappings (the live list it renders). */
export function recordRoleMappings(attachment: IConstruct, mappings: readonly IdentityPoolRoleMapping[]): void {
  mappingsByAttachment.set(attachment, mappings);
}

/** The mappings of a role attachment, as they stand now. */
export function roleMappingsOf(attachment: IConstruct): readonly IdentityPoolRoleMapping[] {
  return mappingsByAttachment.get(attachment) ?? [];
}
