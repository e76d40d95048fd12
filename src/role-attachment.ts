import { Lazy, Resource } from 'aws-cdk-lib';
import { CfnIdentityPoolRoleAttachment } from 'aws-cdk-lib/aws-cognito';
import { IRole } from 'aws-cdk-lib/aws-iam';
import { Construct, IConstruct } from 'constructs';
import type { IIdentityPool } from './identity-pool-interface';
import { checkPoolInStackRegion, checkRoleArn } from './private/values/arn';
import { apiName, configError, describePath } from './private/messages/errors';
import { recordRoleMappings } from './private/pool-facts';
import { renderRoleMappings } from './private/render/role-mapping-render';
import { checkRoleMapping, registerRoleAttachmentChecks } from './private/construct-time/role-mapping-validation';
import { checkRoleAttachmentPropsShape, checkRoleMappingShape } from './private/shapes/shapes';
import { IdentityPoolRoleMapping } from './role-mapping';

/**
 * Properties of an `IdentityPoolRoleAttachment`.
 */
export interface IdentityPoolRoleAttachmentProps {
  /** The identity pool whose roles this attachment configures. */
  readonly identityPool: IIdentityPool;

  /**
   * The default role of authenticated identities.
   * @default - authenticated identities get no default role
   */
  readonly authenticatedRole?: IRole;

  /**
   * The default role of unauthenticated (guest) identities.
   * @default - guests get no default role
   */
  readonly unauthenticatedRole?: IRole;

  /**
   * Role mappings, per identity provider. More can be added with `addRoleMappings`.
   * @default - no role mappings; every identity gets its default role
   */
  readonly roleMappings?: IdentityPoolRoleMapping[];
}

/**
 * The roles configuration of an identity pool: its default roles and its role mappings.
 *
 * Cognito allows exactly one per identity pool, so there is one such construct per pool in
 * an app: `IdentityPool` creates it (as `DefaultRoleAttachment`), and you create one yourself
 * only for an imported pool. A second attachment for the same pool, whether this construct or
 * a raw `CfnIdentityPoolRoleAttachment`, fails synthesis naming both.
 *
 * @resource AWS::Cognito::IdentityPoolRoleAttachment
 */
export class IdentityPoolRoleAttachment extends Resource {
  /** The id of the identity pool this attachment configures. */
  public readonly identityPoolId: string;

  private readonly identityPool: IIdentityPool;
  private readonly roleMappings: IdentityPoolRoleMapping[] = [];

  /**
   * Creates the role attachment of an identity pool.
   *
   * @param scope the construct that holds the attachment
   * @param id the attachment's construct id
   * @param props the pool, its default roles and its first role mappings
   */
  constructor(scope: Construct, id: string, props: IdentityPoolRoleAttachmentProps) {
    super(scope, id);
    checkRoleAttachmentPropsShape(this, props);
    checkPoolInStackRegion(this, props.identityPool.identityPoolId);
    if (props.authenticatedRole !== undefined) {
      checkRoleArn(this, 'authenticatedRole', props.authenticatedRole.roleArn);
    }
    if (props.unauthenticatedRole !== undefined) {
      checkRoleArn(this, 'unauthenticatedRole', props.unauthenticatedRole.roleArn);
    }
    this.identityPool = props.identityPool;
    this.identityPoolId = props.identityPool.identityPoolId;

    new CfnIdentityPoolRoleAttachment(this, 'Resource', {
      identityPoolId: this.identityPoolId,
      roles: renderRoles(props.authenticatedRole, props.unauthenticatedRole),
      roleMappings: Lazy.any({ produce: () => renderRoleMappings(this, this.roleMappings) }),
    });
    guardOneAttachmentPerPool(this);
    recordRoleMappings(this, this.roleMappings);
    registerRoleAttachmentChecks(this, props, this.roleMappings);

    this.addRoleMappings(...props.roleMappings ?? []);
  }

  /**
   * Adds role mappings, after those already present; all of them render into this one
   * attachment, in order. A mapping that breaks a rule fails here, when it is added; one whose
   * provider may still be added to the pool (a user pool) is checked at synthesis.
   *
   * @param roleMappings the mappings, one per identity provider
   */
  public addRoleMappings(...roleMappings: IdentityPoolRoleMapping[]): void {
    for (const mapping of roleMappings) {
      checkRoleMappingShape(this, `roleMappings[${this.roleMappings.length}]`, mapping);
      const duplicate = this.roleMappings.find(existing => sameProvider(existing, mapping));
      if (duplicate) {
        configError(this, 'roleMappings', 'must map each identity provider once (Cognito keeps one mapping per provider)', mapping.providerUrl.value);
      }
      checkRoleMapping(this, this.identityPool, mapping, this.roleMappings);
      this.roleMappings.push(mapping);
    }
  }
}

function renderRoles(authenticated?: IRole, unauthenticated?: IRole): Record<string, string> | undefined {
  if (!authenticated && !unauthenticated) {
    return undefined;
  }
  const roles: Record<string, string> = {};
  if (authenticated) {
    roles.authenticated = authenticated.roleArn;
  }
  if (unauthenticated) {
    roles.unauthenticated = unauthenticated.roleArn;
  }
  return roles;
}

function sameProvider(a: IdentityPoolRoleMapping, b: IdentityPoolRoleMapping): boolean {
  return a.providerUrl.value === b.providerUrl.value
    || (a.mappingKey !== undefined && a.mappingKey === b.mappingKey);
}

/** Roots whose attachments are already checked by one validation. */
const guardedRoots = new WeakSet<IConstruct>();

/**
 * Registers, once per construct tree, a validation that finds every role attachment and
 * fails when two aim at the same identity pool (one pass over the tree, however many pools).
 */
function guardOneAttachmentPerPool(attachment: IdentityPoolRoleAttachment): void {
  const root = attachment.node.root;
  if (guardedRoots.has(root)) {
    return;
  }
  guardedRoots.add(root);
  root.node.addValidation({ validate: () => findDuplicateAttachments(root) });
}

function findDuplicateAttachments(root: IConstruct): string[] {
  const byPool = new Map<string, IConstruct>();
  const errors: string[] = [];
  for (const construct of root.node.findAll()) {
    if (!CfnIdentityPoolRoleAttachment.isCfnResource(construct)
      || (construct as CfnIdentityPoolRoleAttachment).cfnResourceType !== CfnIdentityPoolRoleAttachment.CFN_RESOURCE_TYPE_NAME) {
      continue;
    }
    // Same pool, same string: a token id is the same token string wherever it is used.
    const poolId = (construct as CfnIdentityPoolRoleAttachment).identityPoolId;
    const first = byPool.get(poolId);
    if (first) {
      // Registered on the root, whose path aws-cdk-lib prints (empty) before the message: it names both attachments.
      errors.push(`${describePath(construct)}: an identity pool has exactly one role attachment, and ${describePath(first)} already configures `
        + `this pool (received a second attachment for ${apiName('identityPoolId')} ${JSON.stringify(poolId)}); `
        + `add role mappings to the first with ${apiName('addRoleMappings')} instead`);
    } else {
      byPool.set(poolId, construct);
    }
  }
  return errors;
}
