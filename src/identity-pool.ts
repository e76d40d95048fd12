import type { IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IGrantable, IRole } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { IdentityPoolAuthenticationProviders } from './authentication-providers';
import type { IdentityPoolFrontendOutputsOptions } from './frontend-outputs';
import { IdentityPoolFrontendOutputs } from './frontend-outputs';
import type { IdentityPoolAttributes } from './identity-pool-attributes';
import { IdentityPoolBase } from './identity-pool-base';
import type { IIdentityPool, IIdentityPoolWithRoles } from './identity-pool-interface';
import { IdentityPoolIdentityType, IdentityPoolPrincipal } from './identity-pool-principal';
import type { MappedRoleOptions } from './mapped-role-options';
import type { IdentityPoolPrincipalTagsOptions } from './principal-tags';
import { IdentityPoolPrincipalTags } from './principal-tags';
import { CfnIdentityPool, Effect, FederatedPrincipal, Lazy, PolicyStatement, RemovalPolicy, Role } from './private/cdk/bindings';
import { checkIdentityPool, checkUserPoolProvider, POOL_NAME } from './private/construct-time/pool-validation';
import { SignedInUsers } from './private/grants/signed-in-users';
import { registerImportedRoleChecks, unauthenticatedRoleOrThrow } from './private/imports/imported-roles';
import { configError } from './private/messages/errors';
import { renderSupportedLoginProviders } from './private/render/login-providers';
import { checkAttributesShape, checkIdentityPoolPropsShape, checkBindConfigShape, checkKind, checkMappedRoleOptionsShape, checkStringShape, checkStruct, checkStructKeys, USER_POOL_PROVIDER } from './private/shapes/shapes';
import type { UserPoolProviderEntry } from './private/synth/facts';
import { brand, DEFINED_POOL_BRAND, hasBrand, recordDefaultRoleTrust } from './private/synth/facts';
import { formatIdentityPoolArn, identityPoolArnFromIdOrArn, identityPoolIdRegion, parseIdentityPoolArn, warnIfPoolIdNotHex } from './private/values/arn';
import { checkString } from './private/values/validate';
import { IdentityPoolRoleAttachment } from './role-attachment';
import type { IdentityPoolRoleMapping } from './role-mapping';
import type { IUserPoolAuthenticationProvider } from './user-pool-authentication-provider';
import type { UserPoolGroupRoleOptions } from './user-pool-group-role';
import { UserPoolGroupRole } from './user-pool-group-role';

/** The construct id of a pool's front end outputs: API, since it fixes their construct paths. */
const FRONTEND_OUTPUTS_ID = 'FrontendOutputs';

/**
 * Properties of an `IdentityPool`.
 */
export interface IdentityPoolProps {
  /**
   * The identity pool's name. Renaming a deployed pool updates it in place.
   * @default - CloudFormation generates a name
   */
  readonly identityPoolName?: string;

  /**
   * The default role of authenticated identities, used as given: it must trust this pool
   * (see `IdentityPoolPrincipal`). A role defined in the app that does not (no statement for
   * `sts:AssumeRoleWithWebIdentity` from Cognito, or no `aud` or `amr` condition) gets the
   * warning `cdk-identity-pool:roleTrust` at synth time.
   * @default - a role is created that only this pool's authenticated identities can assume,
   * with no permissions
   */
  readonly authenticatedRole?: IRole;

  /**
   * The default role of unauthenticated (guest) identities, used as given: it must trust
   * this pool (see `IdentityPoolPrincipal`); checked like `authenticatedRole`. In the enhanced
   * flow Cognito scopes guest credentials down to a fixed list of services, so a statement of a
   * role defined in the app that grants anything else gets the warning
   * `cdk-identity-pool:guestScopeDown` (unless `allowClassicFlow` is on).
   * @default - a role is created that only this pool's guest identities can assume, with no
   * permissions (created even when guest access is off, as aws-cdk-lib's module does, unless
   * `createUnauthenticatedRole` is false)
   */
  readonly unauthenticatedRole?: IRole;

  /**
   * Whether to create the default unauthenticated role when `unauthenticatedRole` is not given.
   * Set it to false on a pool without guest access to leave out a role nothing can use: the
   * role attachment then names only the authenticated role, `hasUnauthenticatedRole` is false,
   * and reading `unauthenticatedRole` throws. It must stay true (or a role be given) when
   * `allowUnauthenticatedIdentities` is true, since guests get their credentials from that role.
   * Turning it off on a deployed pool deletes the role it created.
   * @default true - a role is created, as aws-cdk-lib's module does
   */
  readonly createUnauthenticatedRole?: boolean;

  /**
   * The name, path, permissions boundary, description and maximum session duration of the
   * default authenticated role the pool creates (its construct id and logical id stay the same).
   * The maximum session duration matters only to the classic (basic) flow: enhanced-flow
   * credentials last one hour, whatever the role allows. Not allowed with `authenticatedRole`.
   * @default - a role named by CloudFormation, described "Default Authenticated Role for Identity
   * Pool <name>", with no boundary and a one-hour maximum session
   */
  readonly authenticatedRoleOptions?: MappedRoleOptions;

  /**
   * The same options for the default unauthenticated (guest) role the pool creates. Not allowed
   * with `unauthenticatedRole`, nor with `createUnauthenticatedRole: false`.
   * @default - a role named by CloudFormation, described "Default Unauthenticated Role for
   * Identity Pool <name>", with no boundary and a one-hour maximum session
   */
  readonly unauthenticatedRoleOptions?: MappedRoleOptions;

  /**
   * Give guest (unauthenticated) identities credentials. Anyone who holds the pool id, which
   * ships in every client, can then get them. When true, the pool carries the warning
   * `cdk-identity-pool:guestAccess`; acknowledge it with
   * `Annotations.of(pool).acknowledgeWarning('cdk-identity-pool:guestAccess')`.
   * @default false - only authenticated identities get credentials
   */
  readonly allowUnauthenticatedIdentities?: boolean;

  /**
   * Role mappings, per identity provider (at most 10). More can be added with `addRoleMappings`.
   * Each must name a provider the pool is configured with: a concrete URL that names none fails
   * here, and one for a user pool the pool lacks fails at synthesis (user pools can still be added).
   * @default - no role mappings; every identity gets its default role
   */
  readonly roleMappings?: IdentityPoolRoleMapping[];

  /**
   * Allow the classic (basic) authentication flow, in which clients call STS themselves with
   * any role that trusts the pool, bypassing role mappings. When true, the pool carries the
   * warning `cdk-identity-pool:classicFlow`, and every role in the app that trusts the pool
   * without an `amr` condition gets `cdk-identity-pool:roleTrust`.
   * @default - the property is not rendered, and Cognito keeps the classic flow off
   */
  readonly allowClassicFlow?: boolean;

  /**
   * The providers whose users can sign in.
   * @default - no providers; user pools can be added with `addUserPoolAuthentication`
   */
  readonly authenticationProviders?: IdentityPoolAuthenticationProviders;

  /**
   * What happens to the identity pool when it leaves the stack. Identity ids key your users'
   * data, and a deleted or replaced pool orphans all of them.
   * @default RemovalPolicy.RETAIN - the pool is kept, as a `UserPool` is
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * An Amazon Cognito identity pool: hands temporary AWS credentials to guests and to users
 * signed in through user pools, social logins, OpenID Connect, SAML or your own backend,
 * with roles chosen per user.
 *
 * @resource AWS::Cognito::IdentityPool
 */
export class IdentityPool extends IdentityPoolBase implements IIdentityPoolWithRoles {
  /**
   * Imports an identity pool by id, `<region>:<id>`. The ARN takes its region from the id, and
   * its partition and account from the stack.
   *
   * @param scope the scope of the imported pool
   * @param id the imported pool's construct id
   * @param identityPoolId the pool's id, `<region>:<id>`; a concrete one is checked
   */
  public static fromIdentityPoolId(scope: Construct, id: string, identityPoolId: string): IIdentityPool {
    checkStringShape(scope, 'identityPoolId', identityPoolId, true);
    const region = identityPoolIdRegion(scope, 'identityPoolId', identityPoolId);
    return IdentityPool.fromIdentityPoolArn(scope, id, formatIdentityPoolArn(scope, identityPoolId, region));
  }

  /**
   * Imports an identity pool by ARN; its region and account are taken from the ARN.
   * An imported pool's name is not known, so its `identityPoolName` is its id.
   *
   * @param scope the scope of the imported pool
   * @param id the imported pool's construct id
   * @param identityPoolArn the pool's ARN,
   * `arn:<partition>:cognito-identity:<region>:<account>:identitypool/<region>:<id>`; a concrete one is checked
   */
  public static fromIdentityPoolArn(scope: Construct, id: string, identityPoolArn: string): IIdentityPool {
    checkStringShape(scope, 'identityPoolArn', identityPoolArn, true);
    const parts = parseIdentityPoolArn(scope, identityPoolArn);
    class Import extends IdentityPoolBase {
      public readonly identityPoolId = parts.identityPoolId;
      public readonly identityPoolArn = identityPoolArn;
      public readonly identityPoolName = parts.identityPoolId;
    }
    const imported = new Import(scope, id, { account: parts.account, region: parts.region });
    warnIfPoolIdNotHex(imported, parts.identityPoolId);
    return imported;
  }

  /**
   * Whether the value is an `IdentityPool` created in the app, also when it comes from another
   * copy of this library in the same app (a brand, not `instanceof`).
   *
   * @param x the value to test
   */
  public static isIdentityPool(x: any): x is IdentityPool {
    return hasBrand(x, DEFINED_POOL_BRAND);
  }

  /**
   * Imports an identity pool made elsewhere together with the roles it hands out, so that grants
   * to `authenticatedRole` and `unauthenticatedRole` work on the import. Roles defined in the app
   * are checked to trust the pool (warning `cdk-identity-pool:roleTrust`); with `verifyRoles`, a
   * custom resource fails the deployment when the pool's roles are not the ones given.
   *
   * @param scope the scope of the imported pool
   * @param id its construct id
   * @param attrs the pool (id or ARN) and its roles
   */
  public static fromIdentityPoolAttributes(scope: Construct, id: string, attrs: IdentityPoolAttributes): IIdentityPoolWithRoles {
    checkAttributesShape(scope, attrs);
    checkString(scope, 'identityPoolName', attrs.identityPoolName, POOL_NAME);
    const arn = identityPoolArnFromIdOrArn(scope, attrs.identityPoolId, attrs.identityPoolArn);
    const parts = parseIdentityPoolArn(scope, arn);
    class ImportWithRoles extends IdentityPoolBase implements IIdentityPoolWithRoles {
      public readonly identityPoolId = parts.identityPoolId;
      public readonly identityPoolArn = arn;
      public readonly identityPoolName = attrs.identityPoolName ?? parts.identityPoolId;
      public readonly authenticatedRole = attrs.authenticatedRole;
      public readonly hasUnauthenticatedRole = attrs.unauthenticatedRole !== undefined;
      public get unauthenticatedRole(): IRole {
        return unauthenticatedRoleOrThrow(this, attrs.unauthenticatedRole, 'it was imported without one');
      }
    }
    const imported = new ImportWithRoles(scope, id, { account: parts.account, region: parts.region });
    imported._defaultGrantee = attrs.authenticatedRole;
    warnIfPoolIdNotHex(imported, parts.identityPoolId);
    registerImportedRoleChecks(imported, attrs);
    return imported;
  }

  public readonly identityPoolId: string;
  public readonly identityPoolName: string;

  /** The default role of authenticated identities. */
  public readonly authenticatedRole: IRole;

  /** Whether the pool has a default role of unauthenticated identities. */
  public readonly hasUnauthenticatedRole: boolean;

  /** The pool's one role attachment: its default roles and role mappings. */
  public readonly roleAttachment: IdentityPoolRoleAttachment;

  private readonly cognitoIdentityProviders: CfnIdentityPool.CognitoIdentityProviderProperty[] = [];

  /**
   * The user pools (by provider name) whose groups' roles this pool takes from the token, with
   * the group role that made it so (see `UserPoolGroupRole`).
   * @internal
   */
  public readonly _tokenRoleUserPools = new Map<string, Construct>();

  /**
   * The pool's user pool group roles, in the order they were added (read by the front end outputs).
   * @internal
   */
  public readonly _groupRoles: UserPoolGroupRole[] = [];

  /** The user pool providers with their app clients, in the order they were added. */
  private readonly userPoolProviderEntries: UserPoolProviderEntry[] = [];

  /** Told of each user pool provider added from now on (front end outputs, group roles). */
  private readonly userPoolProviderListeners: Array<(entry: UserPoolProviderEntry) => void> = [];

  /** The default roles this pool created (not supplied ones), with their identity type. */
  private readonly defaultRoles: Array<{ role: Role; identityType: IdentityPoolIdentityType }> = [];

  /** Whether the default roles' trust already allows `sts:TagSession`. */
  private defaultRolesAllowTagSession = false;

  private arn?: string;

  private readonly guestRole?: IRole;

  /**
   * Every signed-in user, as one grantee (see `signedInUsers`).
   * @internal
   */
  public readonly _signedInUsers: SignedInUsers;

  /**
   * Every signed-in user of this pool, as one grantee: what is granted to it reaches the default
   * authenticated role and every role the pool hands out to signed-in identities that it made or
   * was given (its user pool group roles, the roles of `addMappedRole`), including roles added
   * after the grant. Roles defined in the app receive the statements; imported roles cannot be
   * changed and receive nothing. The pool's grants (`grantReadOwnObjects`, ...) go to it unless
   * they name a grantee, so a group member keeps their own data.
   */
  public get signedInUsers(): IGrantable {
    return this._signedInUsers;
  }

  /**
   * Creates an identity pool, its default roles (unless given) and its role attachment.
   *
   * @param scope the scope of the pool
   * @param id the pool's construct id
   * @param props the pool's configuration; by default, a pool with default roles, guest access
   * off and no providers
   */
  constructor(scope: Construct, id: string, props: IdentityPoolProps = {}) {
    // From JavaScript, props may be anything: the shape check below names what is wrong.
    super(scope, id, { physicalName: (props as IdentityPoolProps | null)?.identityPoolName });
    checkIdentityPoolPropsShape(this, props);
    checkIdentityPool(this, props);
    brand(this, DEFINED_POOL_BRAND);
    const providers = props.authenticationProviders ?? {};
    this._settings = {
      allowClassicFlow: props.allowClassicFlow === true,
      providers,
      userPoolProviders: this.cognitoIdentityProviders,
      userPoolProviderEntries: this.userPoolProviderEntries,
    };

    const resource = new CfnIdentityPool(this, 'Resource', {
      identityPoolName: this.physicalName,
      allowUnauthenticatedIdentities: props.allowUnauthenticatedIdentities ?? false,
      allowClassicFlow: props.allowClassicFlow,
      supportedLoginProviders: renderSupportedLoginProviders(providers),
      cognitoIdentityProviders: Lazy.any({ produce: () => this.cognitoIdentityProviders }, { omitEmptyArray: true }),
      openIdConnectProviderArns: providers.openIdConnectProviders?.map(provider => provider.openIdConnectProviderArn),
      samlProviderArns: providers.samlProviders?.map(provider => provider.samlProviderArn),
      developerProviderName: providers.customProvider,
    });
    resource.applyRemovalPolicy(props.removalPolicy ?? RemovalPolicy.RETAIN);

    this.identityPoolId = resource.ref;
    this.identityPoolName = resource.attrName;

    for (const userPool of providers.userPools ?? []) {
      this.addUserPoolAuthentication(userPool);
    }

    this.authenticatedRole = props.authenticatedRole
      ?? this.defaultRole('Authenticated', IdentityPoolIdentityType.AUTHENTICATED, props.authenticatedRoleOptions);
    this.guestRole = props.unauthenticatedRole
      ?? (props.createUnauthenticatedRole === false
        ? undefined
        : this.defaultRole('Unauthenticated', IdentityPoolIdentityType.UNAUTHENTICATED, props.unauthenticatedRoleOptions));
    this.hasUnauthenticatedRole = this.guestRole !== undefined;
    this._signedInUsers = new SignedInUsers(this);
    this._signedInUsers.addRole(this.authenticatedRole);
    this._defaultGrantee = this._signedInUsers;

    this.roleAttachment = new IdentityPoolRoleAttachment(this, 'DefaultRoleAttachment', {
      identityPool: this,
      authenticatedRole: this.authenticatedRole,
      unauthenticatedRole: this.guestRole,
      roleMappings: props.roleMappings,
    });
  }

  /** The identity pool's ARN. */
  public get identityPoolArn(): string {
    // Formatted on first use: most apps never read it, and every pool would pay for it.
    this.arn ??= formatIdentityPoolArn(this, this.identityPoolId);
    return this.arn;
  }

  /**
   * The default role of unauthenticated (guest) identities. Reading it on a pool created with
   * `createUnauthenticatedRole: false` and no `unauthenticatedRole` throws: check
   * `hasUnauthenticatedRole` first where a pool may have none.
   */
  public get unauthenticatedRole(): IRole {
    return unauthenticatedRoleOrThrow(this, this.guestRole, 'it was created with createUnauthenticatedRole: false');
  }

  /**
   * Lets the users of a user pool sign in, and returns the app client they sign in through
   * (the one given, or the one created for the provider). A provider that breaks a rule (the
   * same user pool and client twice, a concrete name or client id Cognito refuses) fails here.
   *
   * @param userPool the user pool provider, such as a `UserPoolAuthenticationProvider`
   */
  public addUserPoolAuthentication(userPool: IUserPoolAuthenticationProvider): IUserPoolClient {
    checkKind(this, 'userPool', userPool, USER_POOL_PROVIDER, true);
    const config = userPool.bind(this, this);
    checkBindConfigShape(this, config);
    const duplicate = this.cognitoIdentityProviders.find(existing =>
      existing.providerName === config.providerName && existing.clientId === config.clientId);
    if (duplicate) {
      configError(this, 'authenticationProviders.userPools', 'must name each user pool and client once', `${config.providerName}:${config.clientId}`);
    }
    checkUserPoolProvider(this, config, this.cognitoIdentityProviders.length + 1);
    this.cognitoIdentityProviders.push({
      providerName: config.providerName,
      clientId: config.clientId,
      serverSideTokenCheck: config.serverSideTokenCheck,
    });
    const entry: UserPoolProviderEntry = { providerName: config.providerName, clientId: config.clientId, userPoolClient: config.userPoolClient };
    this.userPoolProviderEntries.push(entry);
    for (const listener of [...this.userPoolProviderListeners]) {
      listener(entry);
    }
    return config.userPoolClient;
  }

  /**
   * Calls `listener` for each user pool provider added to the pool from now on.
   * @internal
   */
  public _onUserPoolProviderAdded(listener: (entry: UserPoolProviderEntry) => void): void {
    this.userPoolProviderListeners.push(listener);
  }

  /**
   * Adds role mappings to the pool's one role attachment, after those already present. A
   * mapping that breaks a rule fails here, when it is added; a mapping for a user pool the pool
   * does not have (yet) fails at synthesis, since user pools can still be added.
   *
   * @param roleMappings the mappings, one per identity provider
   */
  public addRoleMappings(...roleMappings: IdentityPoolRoleMapping[]): void {
    this.roleAttachment.addRoleMappings(...roleMappings);
  }

  /**
   * Defines a role that this pool's authenticated identities can assume (`aud` is this pool,
   * `amr` is `authenticated`), for use as `mappedRole` in role mapping rules.
   *
   * @param id the role's construct id, under this identity pool
   * @param options the role's name, description and policies; by default, a role with none
   */
  public addMappedRole(id: string, options: MappedRoleOptions = {}): Role {
    checkMappedRoleOptionsShape(this, 'addMappedRole options', options);
    const role = new Role(this, id, {
      ...options,
      assumedBy: new IdentityPoolPrincipal(this, IdentityPoolIdentityType.AUTHENTICATED),
    });
    this._signedInUsers.addRole(role);
    return role;
  }

  /**
   * Maps one identity provider's token claims to principal tags (attributes for access
   * control), and lets this pool's default roles receive them (`sts:TagSession` in their trust).
   * Supplied and mapped roles must allow `sts:TagSession` themselves, e.g. with
   * `new IdentityPoolPrincipal(pool).withSessionTags()`.
   *
   * @param id the construct id of the mapping, under this identity pool
   * @param options the provider and the claims to map; a concrete value that breaks a rule fails here
   */
  public addPrincipalTags(id: string, options: IdentityPoolPrincipalTagsOptions): IdentityPoolPrincipalTags {
    checkStructKeys(this, 'addPrincipalTags options', checkStruct(this, 'addPrincipalTags options', options, true), 'IdentityPoolPrincipalTagsOptions');
    const principalTags = new IdentityPoolPrincipalTags(this, id, { ...options, identityPool: this });
    this.allowTagSessionOnDefaultRoles();
    return principalTags;
  }

  /**
   * Gives a user pool group a role and a precedence: creates the group (and, unless one is given,
   * a role that trusts this pool's authenticated identities), and makes this pool take roles
   * from the user pool's tokens (a Token mapping for each of its app clients, unless mapped
   * already). The user pool must be an authentication provider of this pool.
   *
   * @param id the construct id, under this identity pool, of the group (`Group`) and role (`Role`)
   * @param options the user pool, the precedence, and the group and role
   * @returns the group and the role, to grant the role what the group's members may do
   */
  public addUserPoolGroupRole(id: string, options: UserPoolGroupRoleOptions): UserPoolGroupRole {
    checkStructKeys(this, 'addUserPoolGroupRole options', checkStruct(this, 'addUserPoolGroupRole options', options, true), 'UserPoolGroupRoleOptions');
    return new UserPoolGroupRole(this, id, { ...options, identityPool: this });
  }

  /**
   * Publishes what a front end needs as stack outputs: the pool's id, region and guest access,
   * each user pool provider's ids and logins key, and an Amplify JS v6 configuration
   * (see `IdentityPoolFrontendOutputs` for the output ids). Once per pool, as `FrontendOutputs`.
   *
   * @param options a prefix for the output ids, and the app client Amplify signs in through; by
   *   default no prefix, and Amplify signs in through the first user pool provider's client
   */
  public addFrontendOutputs(options: IdentityPoolFrontendOutputsOptions = {}): IdentityPoolFrontendOutputs {
    checkStructKeys(this, 'addFrontendOutputs options', checkStruct(this, 'addFrontendOutputs options', options), 'IdentityPoolFrontendOutputsOptions');
    if (this.node.tryFindChild(FRONTEND_OUTPUTS_ID) !== undefined) {
      configError(this, 'addFrontendOutputs', 'can be called once per identity pool: its outputs are published already', options.outputPrefix);
    }
    return new IdentityPoolFrontendOutputs(this, FRONTEND_OUTPUTS_ID, { ...options, identityPool: this });
  }

  private defaultRole(type: string, identityType: IdentityPoolIdentityType, options: MappedRoleOptions = {}): Role {
    const role = new Role(this, `${type}Role`, {
      description: `Default ${type} Role for Identity Pool ${this.identityPoolName}`,
      ...options,
      assumedBy: new IdentityPoolPrincipal(this, identityType),
    });
    this.defaultRoles.push({ role, identityType });
    recordDefaultRoleTrust(role, { pool: this, identityType, tagSession: false, statementCount: 1 });
    return role;
  }

  private allowTagSessionOnDefaultRoles(): void {
    if (this.defaultRolesAllowTagSession) {
      return;
    }
    this.defaultRolesAllowTagSession = true;
    for (const { role, identityType } of this.defaultRoles) {
      const trust = new IdentityPoolPrincipal(this, identityType);
      role.assumeRolePolicy?.addStatements(new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['sts:TagSession'],
        principals: [new FederatedPrincipal(trust.federated)],
        conditions: trust.conditions,
      }));
      // Stryker disable next-line BooleanLiteral: a shortcut; without it the trust check reads the role's document, which allows sts:TagSession
      recordDefaultRoleTrust(role, { pool: this, identityType, tagSession: true, statementCount: 2 });
    }
  }
}
