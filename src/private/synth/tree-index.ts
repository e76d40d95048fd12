import { CfnResource, Stage, Token } from 'aws-cdk-lib';
import { CfnUserPool, CfnUserPoolClient, CfnUserPoolGroup } from 'aws-cdk-lib/aws-cognito';
import { Role } from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';

/**
 * The user pools, app clients, user pool groups and roles of one construct tree (a stage), found
 * in one walk, for the role attachments' checks of Token and Rules mappings on user pools.
 * Token strings stand for the same value wherever they are used, so lookups are by the very
 * strings the constructs carry (`Ref`s, `ProviderName`s, role ARNs).
 */
export interface UserPoolIndex {
  /** User pools by their `Ref` (`userPoolId`). */
  readonly userPools: ReadonlyMap<string, CfnUserPool>;
  /** User pools by their provider name (`userPoolProviderName`). */
  readonly userPoolsByProviderName: ReadonlyMap<string, CfnUserPool>;
  /** App clients by their `Ref` (`userPoolClientId`). */
  readonly clients: ReadonlyMap<string, CfnUserPoolClient>;
  /** Groups by the `userPoolId` they name, in tree order. */
  readonly groupsByUserPoolId: ReadonlyMap<string, readonly CfnUserPoolGroup[]>;
  /** Roles defined in the tree, by their `roleArn`. */
  readonly rolesByArn: ReadonlyMap<string, Role>;
}

/** The index of each stage, built on first use in a validation pass and dropped at the next. */
const indexes = new WeakMap<IConstruct, UserPoolIndex>();
const registeredStages = new WeakSet<IConstruct>();

/**
 * Registers, once per stage, a validation that drops the stage's index: the stage is validated
 * before the constructs in it, so each synthesis walks the tree it synthesizes, at most once.
 * Called at construction time by every role attachment.
 */
export function registerUserPoolIndex(scope: IConstruct): void {
  const stage = stageOf(scope);
  if (registeredStages.has(stage)) {
    return;
  }
  registeredStages.add(stage);
  stage.node.addValidation({ validate: () => { indexes.delete(stage); return []; } });
}

/** The index of the scope's stage; walks the stage's tree the first time in a validation pass. */
export function userPoolIndex(scope: IConstruct): UserPoolIndex {
  const stage = stageOf(scope);
  let index = indexes.get(stage);
  if (index === undefined) {
    index = buildIndex(stage);
    indexes.set(stage, index);
  }
  return index;
}

function stageOf(scope: IConstruct): IConstruct {
  return Stage.of(scope) ?? scope.node.root;
}

function buildIndex(stage: IConstruct): UserPoolIndex {
  const userPools = new Map<string, CfnUserPool>();
  const userPoolsByProviderName = new Map<string, CfnUserPool>();
  const clients = new Map<string, CfnUserPoolClient>();
  const groupsByUserPoolId = new Map<string, CfnUserPoolGroup[]>();
  const rolesByArn = new Map<string, Role>();
  for (const construct of stage.node.findAll()) {
    if (Role.isRole(construct)) {
      rolesByArn.set(construct.roleArn, construct);
      continue;
    }
    if (!CfnResource.isCfnResource(construct)) {
      continue;
    }
    switch (construct.cfnResourceType) {
      case CfnUserPool.CFN_RESOURCE_TYPE_NAME:
        if (construct instanceof CfnUserPool) {
          userPools.set(construct.ref, construct);
          userPoolsByProviderName.set(construct.attrProviderName, construct);
        }
        break;
      case CfnUserPoolClient.CFN_RESOURCE_TYPE_NAME:
        if (construct instanceof CfnUserPoolClient) {
          clients.set(construct.ref, construct);
        }
        break;
      case CfnUserPoolGroup.CFN_RESOURCE_TYPE_NAME:
        if (construct instanceof CfnUserPoolGroup && typeof construct.userPoolId === 'string') {
          const groups = groupsByUserPoolId.get(construct.userPoolId) ?? [];
          groups.push(construct);
          groupsByUserPoolId.set(construct.userPoolId, groups);
        }
        break;
    }
  }
  return { userPools, userPoolsByProviderName, clients, groupsByUserPoolId, rolesByArn };
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
  return slash < 0 || tail === '' || Token.isUnresolved(tail) ? undefined : tail;
}

/**
 * How messages name an L1 resource: by the L2 that owns it (its `Resource` child), else itself.
 */
export function ownerPath(resource: IConstruct): string {
  const scope = resource.node.scope;
  return resource.node.id === 'Resource' && scope !== undefined ? scope.node.path : resource.node.path;
}
