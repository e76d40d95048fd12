import { Resource } from 'aws-cdk-lib';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { IIdentityPool } from './identity-pool-interface';
import { Lazy } from './private/cdk/bindings';
import { checkRoleMapping } from './private/construct-time/role-mapping-validation';
import { configError } from './private/messages/errors';
import { RoleAttachmentResource } from './private/render/role-attachment-resource';
import { renderRoleMappings } from './private/render/role-mapping-render';
import { checkRoleAttachmentPropsShape, checkRoleMappingShape } from './private/shapes/shapes';
import { ATTACHMENT_BRAND, brand } from './private/synth/facts';
import { SynthRegistry } from './private/synth/pipeline';
import { checkPoolInStackRegion, checkRoleArn } from './private/values/arn';
import type { IdentityPoolRoleMapping } from './role-mapping';

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

  /**
   * The pool (read by the synth rules).
   * @internal
   */
  public readonly _identityPool: IIdentityPool;

  /**
   * The default role of authenticated identities, when given (read by the synth rules).
   * @internal
   */
  public readonly _authenticatedRole?: IRole;

  /**
   * The default role of guests, when given (read by the synth rules).
   * @internal
   */
  public readonly _unauthenticatedRole?: IRole;

  /**
   * The mappings, the live list that renders (read by the synth rules and group roles).
   * @internal
   */
  public readonly _roleMappings: IdentityPoolRoleMapping[] = [];

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
    this._identityPool = props.identityPool;
    this._authenticatedRole = props.authenticatedRole;
    this._unauthenticatedRole = props.unauthenticatedRole;
    this.identityPoolId = props.identityPool.identityPoolId;

    new RoleAttachmentResource(this, 'Resource', {
      identityPoolId: this.identityPoolId,
      roles: renderRoles(props.authenticatedRole, props.unauthenticatedRole),
      roleMappings: Lazy.any({ produce: () => renderRoleMappings(this, this._roleMappings) }),
    });
    brand(this, ATTACHMENT_BRAND);
    SynthRegistry.of(this);

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
      checkRoleMappingShape(this, `roleMappings[${this._roleMappings.length}]`, mapping);
      // The same provider twice; two providers with one key are told apart by checkRoleMapping.
      if (this._roleMappings.some(existing => existing.providerUrl.value === mapping.providerUrl.value)) {
        configError(this, 'roleMappings', 'must map each identity provider once (Cognito keeps one mapping per provider)', mapping.providerUrl.value);
      }
      checkRoleMapping(this, this._identityPool, mapping, this._roleMappings);
      this._roleMappings.push(mapping);
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
