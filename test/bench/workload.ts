/**
 * The benchmark workload, shared by every implementation: the app, its stacks, and the
 * resources around each identity pool that all implementations create the same way (user pool,
 * app client, mapped roles). Only `Implementation.addIdentityPool` differs between them.
 */
import { App, Lazy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';

/** Identity pools per stack; more pools means more stacks. */
export const POOLS_PER_STACK = 50;

/** The features workload has about 15 resources per pool: fewer pools per stack keep it under 500. */
export const FEATURE_POOLS_PER_STACK = 20;

/** Rules in each pool's rule-based mapping, and mapped roles per stack (one per rule). */
export const RULES_PER_MAPPING = 25;

/** The key of the user pool mapping, given explicitly to all three implementations. */
export const USER_POOL_MAPPING_KEY = 'userpool';

/** The Cognito identity service principal of a commercial-partition, region-agnostic stack. */
export const COGNITO_IDENTITY = 'cognito-identity.amazonaws.com';

/** A rule's comparison, as the template spells it. */
export type MatchType = 'Equals' | 'Contains' | 'StartsWith' | 'NotEqual';

/** One rule of the rule-based mapping; `matchType` undefined means the default (Equals). */
export interface RuleSpec {
  readonly claim: string;
  readonly claimValue: string;
  readonly matchType?: MatchType;
  readonly mappedRole: iam.IRole;
}

/** Everything an implementation needs to define one identity pool. */
export interface PoolSpec {
  /** The identity pool's construct id, directly under the stack. */
  readonly id: string;
  readonly userPool: cognito.IUserPool;
  readonly userPoolClient: cognito.IUserPoolClient;
  readonly amazonAppId: string;
  readonly facebookAppId: string;
  readonly googleClientId: string;
  readonly appleServicesId: string;
  /** The rules of the user pool mapping, in order. */
  readonly rules: readonly RuleSpec[];
}

/**
 * The workloads: `basic`, the pool every implementation can build (guests on, four social
 * providers, a Token mapping for the user pool client and a 25-rule Facebook mapping), and
 * `features`, which adds what the newer features do (two user pool group roles, per-identity
 * S3 and DynamoDB grants, a principal tag mapping, guests granted a shared folder), built with
 * this library's API and, for aws-cdk-lib's module, with the plain aws-cdk-lib constructs that
 * render the same resources.
 */
export type Workload = 'basic' | 'features';

/** The stack-wide resources the `features` workload grants on. */
export interface SharedData {
  readonly bucket: s3.IBucket;
  readonly table: dynamodb.ITable;
}

/** One way of defining an identity pool: ours, aws-cdk-lib's, or raw L1 resources. */
export interface Implementation {
  readonly name: string;
  /** The workloads it builds (raw L1 resources only the basic one). */
  readonly workloads: readonly Workload[];
  /**
   * Defines one identity pool (with its default roles, providers and role mappings) in the
   * stack, and returns the pool's id (its Ref), which the mapped roles' trust lists. With
   * `data`, it also builds the `features` workload's additions.
   */
  addIdentityPool(stack: Stack, spec: PoolSpec, data?: SharedData): string;
}

/**
 * An app as users synthesize it: path metadata on, and stack traces of annotations either off
 * (`traces` false: what `cdk synth` sets, unless `--debug`) or on (aws-cdk-lib's default, which
 * unit tests and `Template.fromStack` get). Version reporting is off: its `AWS::CDK::Metadata`
 * resource lists construct types from jsii type information, which our TypeScript sources lack
 * when run uncompiled, so it would make the templates differ for a reason unrelated to the pools.
 */
export function newApp(outdir: string, traces = false): App {
  return new App({
    outdir,
    analyticsReporting: false,
    context: { 'aws:cdk:enable-path-metadata': true, 'aws:cdk:disable-stack-trace': !traces },
  });
}

/**
 * Builds the whole workload: `pools` identity pools, at most `POOLS_PER_STACK` per stack.
 * Each stack holds `RULES_PER_MAPPING` mapped roles that every pool of the stack maps to;
 * their trust names all the stack's pools (`aud`) and authenticated identities only (`amr`).
 */
export function buildApp(impl: Implementation, pools: number, outdir: string, workload: Workload = 'basic', traces = false): App {
  const app = newApp(outdir, traces);
  const perStack = workload === 'features' ? FEATURE_POOLS_PER_STACK : POOLS_PER_STACK;
  for (let first = 0, stackIndex = 0; first < pools; first += perStack, stackIndex++) {
    const stack = new Stack(app, `Bench${stackIndex}`);
    const poolIds: string[] = [];
    const roles = mappedRoles(stack, poolIds, workload === 'features');
    const data = workload === 'features' ? sharedData(stack) : undefined;
    const last = Math.min(pools, first + perStack);
    for (let index = first; index < last; index++) {
      poolIds.push(impl.addIdentityPool(stack, poolSpec(stack, index, roles), data));
    }
  }
  return app;
}

function sharedData(stack: Stack): SharedData {
  return {
    bucket: new s3.Bucket(stack, 'Photos'),
    table: new dynamodb.Table(stack, 'Albums', { partitionKey: { name: 'identityId', type: dynamodb.AttributeType.STRING } }),
  };
}

/**
 * The stack's mapped roles, trusting the pools whose ids end up in `poolIds`; with `sessionTags`
 * (the features workload, whose pools pass principal tags) they allow `sts:TagSession` too, as
 * they must for sign-in to work.
 */
function mappedRoles(stack: Stack, poolIds: string[], sessionTags: boolean): iam.IRole[] {
  const federated = new iam.FederatedPrincipal(COGNITO_IDENTITY, {
    'StringEquals': { [`${COGNITO_IDENTITY}:aud`]: Lazy.list({ produce: () => poolIds }) },
    'ForAnyValue:StringLike': { [`${COGNITO_IDENTITY}:amr`]: 'authenticated' },
  }, 'sts:AssumeRoleWithWebIdentity');
  const trust = sessionTags ? federated.withSessionTags() : federated;
  const roles: iam.IRole[] = [];
  for (let index = 0; index < RULES_PER_MAPPING; index++) {
    roles.push(new iam.Role(stack, `MappedRole${index}`, { assumedBy: trust }));
  }
  return roles;
}

const MATCH_TYPES: readonly (MatchType | undefined)[] = [undefined, 'Contains', 'StartsWith', 'NotEqual', 'Equals'];

/** The user pool, its app client and the provider settings of pool `index`. */
function poolSpec(stack: Stack, index: number, roles: readonly iam.IRole[]): PoolSpec {
  const userPool = new cognito.UserPool(stack, `UserPool${index}`);
  const userPoolClient = userPool.addClient('Client', { generateSecret: false, disableOAuth: true });
  return {
    id: `IdentityPool${index}`,
    userPool,
    userPoolClient,
    amazonAppId: `amzn1.application.bench${index}`,
    facebookAppId: `10000000000${index}`,
    googleClientId: `bench${index}.apps.googleusercontent.com`,
    appleServicesId: `com.example.bench${index}`,
    rules: roles.map((mappedRole, rule) => ({
      claim: rule % 2 === 0 ? 'custom:department' : 'cognito:groups',
      claimValue: `value-${rule}`,
      matchType: MATCH_TYPES[rule % MATCH_TYPES.length],
      mappedRole,
    })),
  };
}
