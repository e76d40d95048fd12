import type { ResourceProps } from 'aws-cdk-lib';
import { Resource } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { OnEventOptions, Rule } from 'aws-cdk-lib/aws-events';
import type { Grant, IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { IIdentityPool } from './identity-pool-interface';
import type { OwnItemsOptions, OwnObjectsOptions, SharedObjectsOptions } from './own-data-options';
import { OwnerKey } from './owner-key';
// Grant is named by the API (from aws-cdk-lib above) and called through the bindings.
import * as bindings from './private/cdk/bindings';
import { onPoolCloudTrailEvent, onPoolConfigurationChange } from './private/events/cloudtrail-events';
import { grantDeveloperIdentityAdministration, grantDeveloperIdentityTokens } from './private/grants/developer-identity-grants';
import type { OwnDataAccess } from './private/grants/own-data-grants';
import { grantOwnItems, grantOwnObjects, grantSharedObjects } from './private/grants/own-data-grants';
import { BUCKET, checkGrantShape, checkKind, checkStringShape, GRANTABLE, TABLE } from './private/shapes/shapes';
import type { DefinedPoolSettings, OwnerKeyUse, RoleUse } from './private/synth/facts';
import { brand, POOL_BRAND } from './private/synth/facts';
import { SynthRegistry } from './private/synth/pipeline';

/**
 * What an identity pool, created here or imported, does from its id and ARN alone: its grants.
 * Not exported from the package: `IdentityPool` and the imported forms extend it, and jsii
 * shows its members on `IdentityPool`. Each grant delegates to its own file.
 *
 * @internal
 */
export abstract class IdentityPoolBase extends Resource implements IIdentityPool {
  public abstract readonly identityPoolId: string;
  public abstract readonly identityPoolArn: string;
  public abstract readonly identityPoolName: string;

  /**
   * The pool's settings, when it is defined in the app (read by the synth rules).
   * @internal
   */
  public _settings?: DefinedPoolSettings;

  /**
   * Who the pool's grants go to unless they name a grantee: its authenticated role, when known.
   * @internal
   */
  public _defaultGrantee?: IGrantable;

  /**
   * The grants keyed by principal tags, checked at synthesis against the pool's mappings.
   * @internal
   */
  public readonly _ownerKeyUses: OwnerKeyUse[] = [];

  /**
   * An imported pool's roles, checked at synthesis to trust it, and where their warnings go.
   * @internal
   */
  public _importedRoles?: { readonly target: Construct; readonly uses: readonly RoleUse[] };

  constructor(scope: Construct, id: string, props: ResourceProps = {}) {
    super(scope, id, props);
    brand(this, POOL_BRAND);
    SynthRegistry.of(this);
  }

  /**
   * Grants the given actions on this identity pool to a principal, such as a backend that
   * calls `GetOpenIdTokenForDeveloperIdentity`.
   *
   * @param grantee the principal to grant the actions to
   * @param actions the actions, such as `cognito-identity:GetOpenIdTokenForDeveloperIdentity`
   */
  public grant(grantee: IGrantable, ...actions: string[]): Grant {
    checkKind(this, 'grant grantee', grantee, GRANTABLE, true);
    actions.forEach((action, index) => checkStringShape(this, `grant actions[${index}]`, action, true));
    return bindings.Grant.addToPrincipal({
      grantee,
      actions,
      resourceArns: [this.identityPoolArn],
    });
  }

  /**
   * Lets a backend get OpenID tokens for its own users (`GetOpenIdTokenForDeveloperIdentity`).
   *
   * @param grantee the backend, such as a Lambda function
   */
  public grantOpenIdTokenForDeveloperIdentity(grantee: IGrantable): Grant {
    checkKind(this, 'grantOpenIdTokenForDeveloperIdentity grantee', grantee, GRANTABLE, true);
    return grantDeveloperIdentityTokens(this, grantee);
  }

  /**
   * Lets a backend look up, merge and unlink developer identities.
   *
   * @param grantee the backend, such as a Lambda function
   */
  public grantDeveloperIdentityAdministration(grantee: IGrantable): Grant {
    checkKind(this, 'grantDeveloperIdentityAdministration grantee', grantee, GRANTABLE, true);
    return grantDeveloperIdentityAdministration(this, grantee);
  }

  /**
   * Lets each identity read its own objects, `<prefix><identity id>/*`, and list its own folder.
   *
   * @param bucket the bucket, created or imported
   * @param options the prefix, the grantee and what names each folder; by default `<identity id>/`, to
   *   the authenticated role
   */
  public grantReadOwnObjects(bucket: IBucket, options: OwnObjectsOptions = {}): Grant {
    return this.ownObjects('grantReadOwnObjects', bucket, 'read', options);
  }

  /**
   * Lets each identity put and delete its own objects, `<prefix><identity id>/*`.
   *
   * @param bucket the bucket, created or imported
   * @param options the prefix, the grantee and what names each folder; by default `<identity id>/`, to
   *   the authenticated role
   */
  public grantWriteOwnObjects(bucket: IBucket, options: OwnObjectsOptions = {}): Grant {
    return this.ownObjects('grantWriteOwnObjects', bucket, 'write', options);
  }

  /**
   * Lets each identity read, write and list its own objects, `<prefix><identity id>/*`.
   *
   * @param bucket the bucket, created or imported
   * @param options the prefix, the grantee and what names each folder; by default `<identity id>/`, to
   *   the authenticated role
   */
  public grantReadWriteOwnObjects(bucket: IBucket, options: OwnObjectsOptions = {}): Grant {
    return this.ownObjects('grantReadWriteOwnObjects', bucket, 'readWrite', options);
  }

  /**
   * Lets the grantee read, and list, a shared folder `<prefix>*`.
   *
   * @param bucket the bucket, created or imported
   * @param options the shared prefix, and the grantee (by default the authenticated role)
   */
  public grantReadSharedObjects(bucket: IBucket, options: SharedObjectsOptions): Grant {
    checkGrantShape(this, 'grantReadSharedObjects', bucket, BUCKET, options, true);
    return grantSharedObjects(this, bucket, options);
  }

  /**
   * Lets each identity read the items whose partition key is its identity id.
   *
   * @param table the table, created or imported
   * @param options the grantee, attributes and owner key; by default the identity id, every attribute,
   *   to the authenticated role
   */
  public grantReadOwnItems(table: ITable, options: OwnItemsOptions = {}): Grant {
    return this.ownItems('grantReadOwnItems', table, 'read', options);
  }

  /**
   * Lets each identity write the items whose partition key is its identity id.
   *
   * @param table the table, created or imported
   * @param options the grantee, attributes and owner key; by default the identity id, every attribute,
   *   to the authenticated role
   */
  public grantWriteOwnItems(table: ITable, options: OwnItemsOptions = {}): Grant {
    return this.ownItems('grantWriteOwnItems', table, 'write', options);
  }

  /**
   * Lets each identity read and write the items whose partition key is its identity id.
   *
   * @param table the table, created or imported
   * @param options the grantee, attributes and owner key; by default the identity id, every attribute,
   *   to the authenticated role
   */
  public grantReadWriteOwnItems(table: ITable, options: OwnItemsOptions = {}): Grant {
    return this.ownItems('grantReadWriteOwnItems', table, 'readWrite', options);
  }

  /**
   * An EventBridge rule for every call to this pool that CloudTrail records.
   *
   * @param id the rule's construct id, under this pool
   * @param options the target, description and name of the rule, and an event pattern merged into ours; by
   *   default the rule has no target (add one with `rule.addTarget`) and a generated name
   */
  public onCloudTrailEvent(id: string, options?: OnEventOptions): Rule {
    return onPoolCloudTrailEvent(this, 'onCloudTrailEvent', id, options);
  }

  /**
   * An EventBridge rule for the management events that change who gets which credentials.
   *
   * @param id the rule's construct id, under this pool
   * @param options the target, description and name of the rule, and an event pattern merged into ours; by
   *   default the rule has no target (add one with `rule.addTarget`) and a generated name
   */
  public onConfigurationChange(id: string, options?: OnEventOptions): Rule {
    return onPoolConfigurationChange(this, 'onConfigurationChange', id, options);
  }

  private ownObjects(method: string, bucket: IBucket, access: OwnDataAccess, options: OwnObjectsOptions): Grant {
    checkGrantShape(this, method, bucket, BUCKET, options);
    return grantOwnObjects(this, method, bucket, access, options.ownerKey ?? OwnerKey.IDENTITY_ID, options);
  }

  private ownItems(method: string, table: ITable, access: OwnDataAccess, options: OwnItemsOptions): Grant {
    checkGrantShape(this, method, table, TABLE, options);
    return grantOwnItems(this, method, table, access, options.ownerKey ?? OwnerKey.IDENTITY_ID, options);
  }
}
