import type { CfnIdentityPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IGrantable, IRole } from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';
import type { IdentityPoolAuthenticationProviders } from '../../authentication-providers';
import type { IIdentityPool } from '../../identity-pool-interface';
import type { IdentityPoolRoleMapping } from '../../role-mapping';
import { Role } from '../cdk/bindings';

/**
 * What the synth rules read off the library's constructs. The facts live on the constructs
 * themselves, as `@internal` members (jsii hides them), and the constructs carry a `Symbol.for`
 * brand, so the tree index recognises them even when two copies of the library share an app.
 * Nothing here is a registry: these are the shapes of the members.
 */

/** The brand of every identity pool of the library, created in the app or imported. */
export const POOL_BRAND = Symbol.for('cdk-identity-pool.IdentityPoolBase');
/** The brand of an `IdentityPool` created in the app. */
export const DEFINED_POOL_BRAND = Symbol.for('cdk-identity-pool.IdentityPool');
/** The brand of an `IdentityPoolRoleAttachment`. */
export const ATTACHMENT_BRAND = Symbol.for('cdk-identity-pool.IdentityPoolRoleAttachment');
/** The brand of an `IdentityPoolFrontendOutputs`. */
export const FRONTEND_OUTPUTS_BRAND = Symbol.for('cdk-identity-pool.IdentityPoolFrontendOutputs');

/** Marks a construct with a brand (not enumerable, so it never reaches a template or a snapshot). */
export function brand(construct: object, symbol: symbol): void {
  Object.defineProperty(construct, symbol, { value: true, enumerable: false });
}

/** Whether the value carries the brand. */
export function hasBrand(value: unknown, symbol: symbol): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[symbol] === true;
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

/** What a pool defined in the app knows of its configuration (undefined on imported pools). */
export interface DefinedPoolSettings {
  /** Whether the classic (basic) flow is on. */
  readonly allowClassicFlow: boolean;
  /** The providers given in the pool's props. */
  readonly providers: IdentityPoolAuthenticationProviders;
  /** The pool's user pool providers, as rendered; grows with `addUserPoolAuthentication`. */
  readonly userPoolProviders: readonly CfnIdentityPool.CognitoIdentityProviderProperty[];
  /** The same providers with their app clients, in the order they were added. */
  readonly userPoolProviderEntries: readonly UserPoolProviderEntry[];
}

/** One way an identity pool hands out a role. */
export interface RoleUse {
  /** The role. */
  readonly role: IRole;
  /** How the pool uses it, for messages: `authenticated default role`, ... */
  readonly description: string;
  /** Which identities receive it. */
  readonly identityType: 'authenticated' | 'unauthenticated';
}

/** A grant keyed by a principal tag, which needs a principal tag mapping that passes the tag. */
export interface OwnerKeyUse {
  /** The grant's method, for messages. */
  readonly method: string;
  /** The principal tag key. */
  readonly tagKey: string;
}

/** The members of a pool of the library (`IdentityPoolBase`) that the synth rules read. */
export interface PoolFacts extends IIdentityPool {
  /** The pool's settings when it is defined in the app; undefined when imported. */
  _settings?: DefinedPoolSettings;
  /** Who the pool's grants go to unless they name a grantee. */
  _defaultGrantee?: IGrantable;
  /** The grants keyed by principal tags. */
  readonly _ownerKeyUses: OwnerKeyUse[];
  /** An imported pool's roles and the construct that carries their trust warnings. */
  _importedRoles?: { readonly target: IConstruct; readonly uses: readonly RoleUse[] };
}

/** The members of an `IdentityPoolRoleAttachment` that the synth rules read. */
export interface AttachmentFacts extends IConstruct {
  readonly _identityPool: IIdentityPool;
  readonly _authenticatedRole?: IRole;
  readonly _unauthenticatedRole?: IRole;
  /** The live list of mappings, as rendered. */
  readonly _roleMappings: readonly IdentityPoolRoleMapping[];
}

/** The members of an `IdentityPoolFrontendOutputs` that the synth rules read. */
export interface FrontendOutputsFacts extends IConstruct {
  /** The message of what is wrong with the app client Amplify signs in through, if anything. */
  _amplifyClientProblem(): string | undefined;
}

/** What a default role of a pool defined in the app was given as its trust, kept on the role. */
export interface DefaultRoleTrust {
  /** The pool whose `IdentityPoolPrincipal` the role trusts. */
  readonly pool: IIdentityPool;
  /** `authenticated` or `unauthenticated`. */
  readonly identityType: string;
  /** Whether a statement allows `sts:TagSession` too. */
  readonly tagSession: boolean;
  /** The statements the library wrote: another statement makes the trust the user's to judge. */
  readonly statementCount: number;
}

const DEFAULT_ROLE_TRUST = Symbol.for('cdk-identity-pool.DefaultRoleTrust');

/** Records (or updates) on a default role the trust the library gave it. */
export function recordDefaultRoleTrust(role: IRole, trust: DefaultRoleTrust): void {
  Object.defineProperty(role, DEFAULT_ROLE_TRUST, { value: trust, enumerable: false, configurable: true });
}

/**
 * Whether the role is a default role of `pool` for that identity type whose trust is still only
 * what the library wrote (no statement added since), with `sts:TagSession` when it is needed:
 * then it trusts the pool as it must, and holds no condition the trust rules look for, without
 * reading its document. A trust policy changes only by adding statements.
 */
export function keepsDefaultRoleTrust(role: IRole, pool: IIdentityPool, identityType: string, sessionTags: boolean): boolean {
  const trust = (role as unknown as Record<symbol, DefaultRoleTrust | undefined>)[DEFAULT_ROLE_TRUST];
  return trust !== undefined && trust.pool === pool && trust.identityType === identityType && (trust.tagSession || !sessionTags)
    && Role.isRole(role) && role.assumeRolePolicy?.statementCount === trust.statementCount;
}

/** The settings of a pool of the library defined in the app, when `pool` is one. */
export function definedPoolSettings(pool: IIdentityPool): DefinedPoolSettings | undefined {
  return hasBrand(pool, POOL_BRAND) ? (pool as PoolFacts)._settings : undefined;
}
