import type { IConstruct } from 'constructs';
import type { AttachmentFacts, FrontendOutputsFacts, PoolFacts } from './facts';
import { ATTACHMENT_BRAND, FRONTEND_OUTPUTS_BRAND, hasBrand, POOL_BRAND } from './facts';
import {
  CfnIdentityPool, CfnIdentityPoolPrincipalTag, CfnIdentityPoolRoleAttachment, CfnManagedPolicy, CfnPolicy, CfnResource, CfnUserPool,
  CfnUserPoolClient, CfnUserPoolGroup, Role, Stage, Token,
} from '../cdk/bindings';

/**
 * What the synth rules read of one stage's tree, found in one walk: the library's pools,
 * attachments and front end outputs (by their brands), and the L1s and roles the rules judge,
 * escape hatches included. Token strings stand for the same value wherever they are used, so
 * lookups are by the very strings the constructs carry (`Ref`s, `ProviderName`s, role ARNs).
 */
export interface TreeIndex {
  /** The stage (or root) the index covers; nested stages are left to their own index. */
  readonly stage: IConstruct;
  /** The library's identity pools, created in the app or imported, in tree order. */
  readonly pools: readonly PoolFacts[];
  /** The library's role attachments, in tree order. */
  readonly attachments: readonly AttachmentFacts[];
  /** Every role attachment L1, the library's and raw ones, in tree order. */
  readonly cfnAttachments: readonly CfnIdentityPoolRoleAttachment[];
  /** Identity pool L1s by their `Ref`. */
  readonly cfnPoolsByRef: ReadonlyMap<string, CfnIdentityPool>;
  /** Principal tag L1s (the library's and raw ones) by the `identityPoolId` they name. */
  readonly principalTagsByPoolId: ReadonlyMap<string, readonly CfnIdentityPoolPrincipalTag[]>;
  /** The library's front end outputs. */
  readonly frontendOutputs: readonly FrontendOutputsFacts[];
  /** User pools by their `Ref` (`userPoolId`). */
  readonly userPools: ReadonlyMap<string, CfnUserPool>;
  /** User pools by their provider name (`userPoolProviderName`). */
  readonly userPoolsByProviderName: ReadonlyMap<string, CfnUserPool>;
  /** App clients by their `Ref` (`userPoolClientId`). */
  readonly clients: ReadonlyMap<string, CfnUserPoolClient>;
  /** Groups by the `userPoolId` they name, in tree order. */
  readonly groupsByUserPoolId: ReadonlyMap<string, readonly CfnUserPoolGroup[]>;
  /** Roles defined in the tree, in tree order. */
  readonly roles: readonly Role[];
  /** Roles defined in the tree, by their `roleArn`. */
  readonly rolesByArn: ReadonlyMap<string, Role>;
  /** Permission policy L1s (`AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy`), unresolved. */
  readonly policies: readonly CfnResource[];
}

/** The part of the index that Token and Rules mappings on user pools need. */
export type UserPoolIndex = Pick<TreeIndex, 'userPools' | 'userPoolsByProviderName' | 'clients' | 'groupsByUserPoolId' | 'rolesByArn'>;

const POOL_TYPE = CfnIdentityPool.CFN_RESOURCE_TYPE_NAME;
const ATTACHMENT_TYPE = CfnIdentityPoolRoleAttachment.CFN_RESOURCE_TYPE_NAME;
const PRINCIPAL_TAG_TYPE = CfnIdentityPoolPrincipalTag.CFN_RESOURCE_TYPE_NAME;
const POLICY_TYPES: ReadonlySet<string> = new Set([CfnPolicy.CFN_RESOURCE_TYPE_NAME, CfnManagedPolicy.CFN_RESOURCE_TYPE_NAME]);

/**
 * Indexes the stage's tree in one walk (pre-order, as `findAll`), leaving out nested stages,
 * which aws-cdk-lib validates, and the pipeline indexes, on their own.
 */
export function indexTree(stage: IConstruct): TreeIndex {
  const index = {
    stage,
    pools: [] as PoolFacts[],
    attachments: [] as AttachmentFacts[],
    cfnAttachments: [] as CfnIdentityPoolRoleAttachment[],
    cfnPoolsByRef: new Map<string, CfnIdentityPool>(),
    principalTagsByPoolId: new Map<string, CfnIdentityPoolPrincipalTag[]>(),
    frontendOutputs: [] as FrontendOutputsFacts[],
    userPools: new Map<string, CfnUserPool>(),
    userPoolsByProviderName: new Map<string, CfnUserPool>(),
    clients: new Map<string, CfnUserPoolClient>(),
    groupsByUserPoolId: new Map<string, CfnUserPoolGroup[]>(),
    roles: [] as Role[],
    rolesByArn: new Map<string, Role>(),
    policies: [] as CfnResource[],
  };
  const visit = (construct: IConstruct): void => {
    if (CfnResource.isCfnResource(construct)) {
      indexResource(index, construct);
    } else if (Role.isRole(construct)) {
      index.roles.push(construct);
      index.rolesByArn.set(construct.roleArn, construct);
    } else if (hasBrand(construct, POOL_BRAND)) {
      index.pools.push(construct as unknown as PoolFacts);
    } else if (hasBrand(construct, ATTACHMENT_BRAND)) {
      index.attachments.push(construct as AttachmentFacts);
    } else if (hasBrand(construct, FRONTEND_OUTPUTS_BRAND)) {
      index.frontendOutputs.push(construct as FrontendOutputsFacts);
    }
    for (const child of construct.node.children) {
      if (!Stage.isStage(child)) {
        visit(child);
      }
    }
  };
  visit(stage);
  return index;
}

function indexResource(index: MutableIndex, construct: CfnResource): void {
  const type = construct.cfnResourceType;
  switch (type) {
    case CfnUserPool.CFN_RESOURCE_TYPE_NAME:
      if (construct instanceof CfnUserPool) {
        index.userPools.set(construct.ref, construct);
        index.userPoolsByProviderName.set(construct.attrProviderName, construct);
      }
      return;
    case CfnUserPoolClient.CFN_RESOURCE_TYPE_NAME:
      if (construct instanceof CfnUserPoolClient) {
        index.clients.set(construct.ref, construct);
      }
      return;
    case CfnUserPoolGroup.CFN_RESOURCE_TYPE_NAME:
      // Stryker disable next-line ConditionalExpression: a group L1 of another class has no userPoolId; indexed under undefined, no lookup finds it
      if (construct instanceof CfnUserPoolGroup && typeof construct.userPoolId === 'string') {
        push(index.groupsByUserPoolId, construct.userPoolId, construct);
      }
      return;
    case POOL_TYPE:
      index.cfnPoolsByRef.set(construct.ref, construct as CfnIdentityPool);
      return;
    case ATTACHMENT_TYPE:
      index.cfnAttachments.push(construct as CfnIdentityPoolRoleAttachment);
      return;
    case PRINCIPAL_TAG_TYPE: {
      const poolId = (construct as CfnIdentityPoolPrincipalTag).identityPoolId;
      // Stryker disable next-line ConditionalExpression: a principal tag L1 of another class has no identityPoolId; indexed under undefined, no lookup finds it
      if (typeof poolId === 'string') {
        push(index.principalTagsByPoolId, poolId, construct as CfnIdentityPoolPrincipalTag);
      }
      return;
    }
  }
  if (POLICY_TYPES.has(type)) {
    index.policies.push(construct);
  }
}

/** The index while it is built. */
interface MutableIndex {
  readonly cfnAttachments: CfnIdentityPoolRoleAttachment[];
  readonly cfnPoolsByRef: Map<string, CfnIdentityPool>;
  readonly principalTagsByPoolId: Map<string, CfnIdentityPoolPrincipalTag[]>;
  readonly userPools: Map<string, CfnUserPool>;
  readonly userPoolsByProviderName: Map<string, CfnUserPool>;
  readonly clients: Map<string, CfnUserPoolClient>;
  readonly groupsByUserPoolId: Map<string, CfnUserPoolGroup[]>;
  readonly policies: CfnResource[];
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list === undefined) {
    map.set(key, [value]);
  } else {
    list.push(value);
  }
}

/** A user pool and app client that a mapping's provider URL names. */
export interface MappedUserPool {
  /** The user pool's id, when it can be told: the client's, the user pool's in the tree, or a concrete id in the URL. */
  readonly userPoolId?: string;
  /** The app client, when it is defined in the tree. */
  readonly client?: CfnUserPoolClient;
  /** The user pool, when it is defined in the tree. */
  readonly userPool?: CfnUserPool;
}

/** The fields of a user pool provider that name it in a mapping: `<providerName>:<clientId>`. */
export interface UserPoolProviderName {
  readonly providerName?: string;
  readonly clientId?: string;
}

const USER_POOL_PREFIX = 'cognito-idp.';

/**
 * The user pool and client a mapping's provider URL names, `<providerName>:<clientId>`: matched
 * exactly against the pool's configured user pool providers when it has them, else split at the
 * last `:`. Undefined for a URL that names no user pool.
 */
export function mappedUserPool(url: string, index: UserPoolIndex, providers: readonly UserPoolProviderName[] = []): MappedUserPool | undefined {
  let providerName: string;
  let clientId: string;
  const configured = providers.find(provider => `${provider.providerName}:${provider.clientId}` === url);
  if (configured?.providerName !== undefined && configured.clientId !== undefined) {
    providerName = configured.providerName;
    clientId = configured.clientId;
  } else {
    const separator = url.lastIndexOf(':');
    // Stryker disable next-line EqualityOperator: a URL that starts with its colon leaves an empty provider name, which is no user pool's either
    if (separator <= 0) {
      return undefined;
    }
    providerName = url.slice(0, separator);
    clientId = url.slice(separator + 1);
  }
  if (!Token.isUnresolved(providerName) && !providerName.startsWith(USER_POOL_PREFIX)) {
    return undefined;
  }
  const client = index.clients.get(clientId);
  const clientPoolId = typeof client?.userPoolId === 'string' ? client.userPoolId : undefined;
  const userPoolId = clientPoolId ?? index.userPoolsByProviderName.get(providerName)?.ref ?? concreteTail(providerName);
  return { userPoolId, client, userPool: userPoolId === undefined ? undefined : index.userPools.get(userPoolId) };
}

/** The user pool id at the end of a provider name, `.../<userPoolId>`, when it is concrete. */
function concreteTail(providerName: string): string | undefined {
  const slash = providerName.lastIndexOf('/');
  const tail = providerName.slice(slash + 1);
  // Stryker disable next-line EqualityOperator: a provider name here starts with cognito-idp., never with its slash
  return slash < 0 || tail === '' || Token.isUnresolved(tail) ? undefined : tail;
}

/**
 * How messages name an L1 resource: by the L2 that owns it (its `Resource` child), else itself.
 */
export function ownerPath(resource: IConstruct): string {
  const scope = resource.node.scope;
  return resource.node.id === 'Resource' && scope !== undefined ? scope.node.path : resource.node.path;
}
