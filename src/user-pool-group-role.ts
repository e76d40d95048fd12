import type { IUserPool, IUserPoolGroup } from 'aws-cdk-lib/aws-cognito';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';
import { Construct } from 'constructs';
import type { IdentityPool } from './identity-pool';
import { IdentityPoolIdentityType, IdentityPoolPrincipal } from './identity-pool-principal';
import type { MappedRoleOptions } from './mapped-role-options';
import { Role, Stack, Token, UserPoolGroup } from './private/cdk/bindings';
import { markGroupTokenMapping } from './private/construct-time/role-mapping-validation';
import { configError } from './private/messages/errors';
import { warn, WarningId } from './private/messages/warnings';
import { checkGroupRolePropsShape } from './private/shapes/shapes';
import { checkRoleArn } from './private/values/arn';
import { sameValue } from './private/values/same-value';
import type { StringRule } from './private/values/validate';
import { checkString } from './private/values/validate';
import { IdentityPoolProviderUrl } from './provider-url';

/**
 * Options for a user pool group whose members get a role from an identity pool.
 */
export interface UserPoolGroupRoleOptions {
  /**
   * The user pool the group belongs to. It must already be an authentication provider of the
   * identity pool (`authenticationProviders.userPools` or `addUserPoolAuthentication`).
   */
  readonly userPool: IUserPool;

  /**
   * The group's precedence, an integer from 0 to 2147483647: a user in several groups gets the
   * role of the group with the lowest precedence (`cognito:preferred_role`). Two groups with the
   * same precedence and different roles leave that claim unset for users in both, and the
   * mapping's ambiguous-role resolution decides (the warning `cdk-identity-pool:groupPrecedence`).
   */
  readonly precedence: number;

  /**
   * The group's name, 1 to 128 characters. Renaming the group replaces it, and its members
   * leave it.
   * @default - CloudFormation generates a name
   */
  readonly groupName?: string;

  /**
   * A description of the group, at most 2048 characters.
   * @default - no description
   */
  readonly description?: string;

  /**
   * The role the group's members get, used as given: it must trust the identity pool's
   * authenticated identities (`IdentityPoolPrincipal`); a role defined in the app that does not
   * gets the warning `cdk-identity-pool:roleTrust`, naming the group.
   * @default - a role is created that only this pool's authenticated identities can assume, with
   * no permissions
   */
  readonly role?: IRole;

  /**
   * Deny credentials to the users of the user pool who are in no group (and to users whose groups
   * leave their role ambiguous), instead of giving them the default authenticated role. Applies
   * when this group role creates the pool's Token mapping for an app client; a Token mapping the
   * pool has already is kept as it is. When the mapping denies, the group role gets the warning
   * `cdk-identity-pool:usersInNoGroupDenied`.
   * @default false - users in no group get the default authenticated role (as in Amplify)
   */
  readonly denyUsersInNoGroup?: boolean;

  /**
   * Options of the role created when no `role` is given.
   * @default - a role with no name, description, policies or boundary
   */
  readonly roleOptions?: MappedRoleOptions;
}

/**
 * Properties of a `UserPoolGroupRole`.
 */
export interface UserPoolGroupRoleProps extends UserPoolGroupRoleOptions {
  /** The identity pool whose credentials the group's members get. */
  readonly identityPool: IdentityPool;
}

/** `GroupName`: the user pool API's name pattern. */
const GROUP_NAME: StringRule = { min: 1, max: 128, pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, patternText: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+' };
const DESCRIPTION: StringRule = { min: 0, max: 2048 };
const MAX_PRECEDENCE = 2 ** 31 - 1;

/**
 * A user pool group and the role its members get from an identity pool, through the pool's
 * Token mapping for the user pool: the group's role reaches each member's ID token
 * (`cognito:roles`, `cognito:preferred_role`), and the identity pool hands it out.
 *
 * The identity pool gets a Token mapping (`useToken`) for each app client of the user pool it is
 * configured with, now and later, unless it maps that client already: a Token mapping is kept as
 * it is, and a Rules mapping fails, since Cognito keeps one mapping per provider. Users in no
 * group get the default authenticated role (`resolveAmbiguousRoles`), unless
 * `denyUsersInNoGroup` is set. The group's members keep what the pool grants every signed-in
 * user (`signedInUsers`): the role is one of the roles it covers.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html#using-tokens-to-assign-roles-to-users
 */
export class UserPoolGroupRole extends Construct {
  /** The role the group's members get: grant it what they may do. */
  public readonly role: IRole;

  /** The user pool group; add users to it to give them the role. */
  public readonly group: IUserPoolGroup;

  /** The group's precedence. */
  public readonly precedence: number;

  /**
   * Whether the Token mappings this group role creates deny users in no group.
   * @internal
   */
  public readonly _denyUsersInNoGroup: boolean;

  /**
   * @param scope where the group and the created role go, as `Group` and `Role`
   * @param id the construct id
   * @param props the identity pool, the user pool and the group
   */
  /**
   * Creates a user pool group with a role (created or supplied) and makes the identity pool
   * take roles from that user pool's tokens.
   *
   * @param scope the scope, usually the identity pool
   * @param id the construct id; the group and a created role are `Group` and `Role` under it
   * @param props the identity pool, the user pool, the precedence and the role
   */
  constructor(scope: Construct, id: string, props: UserPoolGroupRoleProps) {
    super(scope, id);
    checkGroupRolePropsShape(this, props);
    checkGroup(this, props);
    const pool = props.identityPool;
    const userPoolClients = clientsOf(pool, props.userPool);
    if (userPoolClients.length === 0) {
      configError(this, 'userPool',
        `must be an authentication provider of the identity pool ${pool.node.path} (add it to authenticationProviders.userPools, `
        + 'or with addUserPoolAuthentication, first): its groups\' roles reach users through the pool\'s Token mapping for it', props.userPool.node.path);
    }

    for (const client of userPoolClients) {
      checkNoRulesMapping(this, pool, client);
    }

    this.precedence = props.precedence;
    this._denyUsersInNoGroup = props.denyUsersInNoGroup === true;
    this.role = props.role ?? new Role(this, 'Role', {
      ...props.roleOptions,
      assumedBy: new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.AUTHENTICATED),
    });
    // A group member keeps what every signed-in user was granted (own folders and items).
    pool._signedInUsers.addRole(this.role);
    pool._groupRoles.push(this);
    this.group = new UserPoolGroup(this, 'Group', {
      userPool: props.userPool,
      groupName: props.groupName,
      description: props.description,
      precedence: props.precedence,
      role: this.role,
    });

    takeRolesFromTokens(this, pool, props.userPool.userPoolProviderName, userPoolClients);
    warnIfUsersInNoGroupDenied(this, pool, userPoolClients);
  }
}

function checkGroup(scope: IConstruct, props: UserPoolGroupRoleProps): void {
  const precedence = props.precedence;
  if (!Token.isUnresolved(precedence) && (!Number.isInteger(precedence) || precedence < 0 || precedence > MAX_PRECEDENCE)) {
    configError(scope, 'precedence', `must be an integer from 0 to ${MAX_PRECEDENCE} (the lowest precedence wins)`, precedence);
  }
  checkString(scope, 'groupName', props.groupName, GROUP_NAME);
  checkString(scope, 'description', props.description, DESCRIPTION);
  if (props.role !== undefined) {
    checkRoleArn(scope, 'role', props.role.roleArn);
  }
  if (props.role !== undefined && props.roleOptions !== undefined) {
    configError(scope, 'roleOptions', 'applies only to the role created when no role is given; configure the given role itself', Object.keys(props.roleOptions));
  }
}

/** A user pool provider of the pool, as a mapping names it: `<providerName>:<clientId>`. */
interface ProviderClient {
  readonly providerName: string;
  readonly clientId: string;
}

/** The user pool providers of the pool that are this user pool, one per app client. */
function clientsOf(pool: IdentityPool, userPool: IUserPool): readonly ProviderClient[] {
  const providerName = userPool.userPoolProviderName;
  return (pool._settings?.userPoolProviderEntries ?? []).filter(entry => sameValue(pool, entry.providerName, providerName));
}

/**
 * Makes the pool take roles from this user pool's tokens: a Token mapping for each of its app
 * clients, and, once per pool and user pool, for each client added later.
 */
function takeRolesFromTokens(groupRole: UserPoolGroupRole, pool: IdentityPool, providerName: string, clients: readonly ProviderClient[]): void {
  for (const client of clients) {
    addTokenMapping(groupRole, pool, client);
  }
  const userPools = pool._tokenRoleUserPools;
  // Stryker disable next-line ConditionalExpression: once per pool; a second listener would find the mapping the first one added, and add none
  if (userPools.size === 0) {
    pool._onUserPoolProviderAdded(entry => {
      const first = [...userPools].find(([name]) => sameValue(pool, name, entry.providerName));
      if (first !== undefined) {
        addTokenMapping(first[1], pool, entry);
      }
    });
  }
  if (![...userPools.keys()].some(name => sameValue(pool, name, providerName))) {
    userPools.set(providerName, groupRole);
  }
}

/**
 * Adds a Token mapping for the client, unless the pool maps it already (with a Token mapping):
 * users in no group get the default authenticated role, unless the group role denies them.
 */
function addTokenMapping(scope: IConstruct, pool: IdentityPool, client: ProviderClient): void {
  checkNoRulesMapping(scope, pool, client);
  if (existingMapping(pool, client) === undefined) {
    const deny = (scope as UserPoolGroupRole)._denyUsersInNoGroup === true;
    const mapping = { providerUrl: IdentityPoolProviderUrl.userPoolUrl(providerUrl(client)), useToken: true, resolveAmbiguousRoles: !deny };
    markGroupTokenMapping(mapping);
    pool.addRoleMappings(mapping);
  }
}

/** Warns, on the group role, when a Token mapping that hands out its role denies users in no group. */
function warnIfUsersInNoGroupDenied(groupRole: UserPoolGroupRole, pool: IdentityPool, clients: readonly ProviderClient[]): void {
  const denying = clients.map(client => existingMapping(pool, client))
    .filter((index): index is number => index !== undefined && pool.roleAttachment._roleMappings[index].resolveAmbiguousRoles !== true);
  if (denying.length > 0) {
    warn(groupRole, WarningId.USERS_IN_NO_GROUP_DENIED,
      `The Token mapping${denying.length > 1 ? 's' : ''} ${denying.map(index => `roleMappings[${index}]`).join(', ')} of ${pool.roleAttachment.node.path}, `
      + 'which hand out this group\'s role, resolve ambiguous roles with Deny: users of the user pool who are in no group get no credentials at all, '
      + 'so no grant to signed-in users reaches them; leave denyUsersInNoGroup unset to give them the default authenticated role');
  }
}

/** Fails when the pool maps the client with rules: Cognito keeps one mapping per provider. */
function checkNoRulesMapping(scope: IConstruct, pool: IdentityPool, client: ProviderClient): void {
  const index = existingMapping(pool, client);
  if (index !== undefined && pool.roleAttachment._roleMappings[index].useToken !== true) {
    configError(scope, 'userPool',
      `cannot give its groups' roles through ${pool.roleAttachment.node.path}, whose roleMappings[${index}] maps this user pool client with rules: `
      + 'Cognito keeps one mapping per provider, and only a Token mapping hands out group roles; test cognito:groups in those rules instead',
      Stack.of(pool).resolve(providerUrl(client)));
  }
}

/** The index of the pool's mapping for the client, if any. */
function existingMapping(pool: IdentityPool, client: ProviderClient): number | undefined {
  const url = providerUrl(client);
  const index = pool.roleAttachment._roleMappings.findIndex(mapping => sameValue(pool, mapping.providerUrl.value, url));
  return index < 0 ? undefined : index;
}

function providerUrl(client: ProviderClient): string {
  return `${client.providerName}:${client.clientId}`;
}
