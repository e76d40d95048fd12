import type { IConstruct } from 'constructs';
import type { StructName } from './struct-keys';
import { STRUCT_KEYS } from './struct-keys';
import { Token } from '../cdk/bindings';
import { apiName, configError, configErrorMessage } from '../messages/errors';

/**
 * Shape checks for callers the types do not hold (JavaScript, or TypeScript with `as any`): a
 * string where a struct goes, one object where a list goes, `undefined` in a list, a missing
 * required field, an object of the wrong kind. Each fails with the library's one kind of message,
 * naming the property, never with a raw TypeError further in. They are cheap (`typeof` tests),
 * and run first thing in every public entry point.
 *
 * Where there is no construct yet (a static factory, a provider's constructor), `where` is the
 * name of the entry point (`IdentityPoolProviderUrl.openId`), shown instead of a path.
 */
export type ShapeScope = IConstruct | string;

/** Throws the shape error, at a construct (with its path) or at a named entry point. */
export function shapeError(where: ShapeScope, property: string, rule: string, received: unknown): never {
  if (typeof where === 'string') {
    // A class name keeps its spelling in every language; a method after it is the caller's.
    // Stryker disable next-line Regex: an entry point is a class and at most one method, so the last dot is the only one
    const entry = where.replace(/\.([A-Za-z_$][\w$]*)$/, (_match, method: string) => `.${apiName(method)}`);
    throw new Error(`${entry}: ${configErrorMessage(property, rule, describeReceived(received))}`);
  }
  configError(where, property, rule, describeReceived(received));
}

/**
 * What a message shows for a value of the wrong shape: a primitive as it is, anything else as
 * `<...>` (a construct by its path, an array by its length, an object by its keys), since
 * constructs do not serialize.
 */
export function describeReceived(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' ? '<function>' : value;
  }
  if (Array.isArray(value)) {
    return `<array of ${value.length}>`;
  }
  const node = (value as { node?: { path?: unknown } }).node;
  if (node !== undefined && typeof node.path === 'string') {
    return `<${value.constructor?.name ?? 'construct'} ${node.path}>`;
  }
  const keys = Object.keys(value).filter(key => (value as Record<string, unknown>)[key] !== undefined);
  return keys.length === 0 ? '<empty object>' : `<object with ${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', ...' : ''}>`;
}

/** Whether a value is an object (not an array); absent values are the caller's to judge. */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A struct (props, options): an object, not a string, list or function. Absent passes unless
 * `required`. Returns the struct, or an empty one when absent, to read fields from.
 */
export function checkStruct(where: ShapeScope, property: string, value: unknown, required = false): Record<string, unknown> {
  if (value === undefined && !required) {
    return {};
  }
  if (!isObject(value)) {
    const rule = value === undefined ? 'is required: give an object' : 'must be an object (a struct)';
    shapeError(where, property, Array.isArray(value) ? `${rule}, not a list` : rule, value);
  }
  return value;
}

/**
 * A list: an array (one object where a list goes fails), without `undefined` or `null` entries.
 * Absent passes (every list the library takes is optional). Returns the list, or an empty one
 * when absent.
 */
export function checkList(where: ShapeScope, property: string, value: unknown): readonly unknown[] {
  if (value === undefined) {
    return [];
  }
  if (!Array.isArray(value)) {
    shapeError(where, property, 'must be a list (an array), even of one', value);
  }
  value.forEach((entry, index) => {
    if (entry === undefined || entry === null) {
      shapeError(where, `${property}[${index}]`, 'must not be empty: the list holds undefined or null here', entry);
    }
  });
  return value;
}

/** A string; a token string is one. Absent passes unless `required`. */
export function checkStringShape(where: ShapeScope, property: string, value: unknown, required = false): void {
  if (value === undefined && !required) {
    return;
  }
  if (typeof value !== 'string') {
    shapeError(where, property, value === undefined ? 'is required: give a string' : 'must be a string', value);
  }
}

/** A boolean (a token boolean is one). Absent passes. */
export function checkBooleanShape(where: ShapeScope, property: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean' && !Token.isUnresolved(value)) {
    shapeError(where, property, 'must be true or false', value);
  }
}

/** A number, which must be given (a token number is one). */
export function checkRequiredNumberShape(where: ShapeScope, property: string, value: unknown): void {
  if (typeof value !== 'number') {
    shapeError(where, property, value === undefined ? 'is required: give a number' : 'must be a number', value);
  }
}

/** The object kinds the library reads, by the member each has (and their names for messages). */
export interface ObjectKind {
  /** What the property takes, as a message says it: `an IAM role (iam.IRole)`. */
  readonly description: string;
  /** The member every object of the kind has. */
  readonly member: string;
  /** What the member is: a string (the default), a method, or an object. */
  readonly memberType?: 'string' | 'function' | 'object';
}

export const ROLE: ObjectKind = { description: 'an IAM role (iam.IRole)', member: 'roleArn' };
export const GRANTABLE: ObjectKind = { description: 'a principal to grant to (iam.IGrantable)', member: 'grantPrincipal', memberType: 'object' };
export const USER_POOL: ObjectKind = { description: 'a user pool (cognito.IUserPool)', member: 'userPoolProviderName' };
export const USER_POOL_CLIENT: ObjectKind = { description: 'a user pool app client (cognito.IUserPoolClient)', member: 'userPoolClientId' };
export const IDENTITY_POOL: ObjectKind = { description: 'an identity pool (IIdentityPool)', member: 'identityPoolId' };
export const OIDC_PROVIDER: ObjectKind = {
  description: 'an OpenID Connect provider (iam.IOpenIdConnectProvider)', member: 'openIdConnectProviderArn',
};
export const SAML_PROVIDER: ObjectKind = { description: 'a SAML provider (iam.ISamlProvider)', member: 'samlProviderArn' };
export const USER_POOL_PROVIDER: ObjectKind = {
  description: 'a user pool provider (IUserPoolAuthenticationProvider, such as a UserPoolAuthenticationProvider)', member: 'bind', memberType: 'function',
};
export const BUCKET: ObjectKind = { description: 'an S3 bucket (s3.IBucket)', member: 'bucketArn' };
export const TABLE: ObjectKind = { description: 'a DynamoDB table (dynamodb.ITable)', member: 'tableArn' };
export const OWNER_KEY: ObjectKind = { description: 'an OwnerKey (OwnerKey.IDENTITY_ID or OwnerKey.principalTag)', member: 'policyVariable', memberType: 'function' };
export const PROVIDER_URL: ObjectKind = { description: 'an IdentityPoolProviderUrl', member: 'value' };

/** The kinds a wrong object may be of, to name what was received instead. */
const KNOWN_KINDS: readonly ObjectKind[] = [OIDC_PROVIDER, SAML_PROVIDER, USER_POOL_CLIENT, USER_POOL, ROLE, IDENTITY_POOL, BUCKET, TABLE];

/**
 * An object of one kind, told by the member it has (`samlProviderArn` for a SAML provider): an
 * OpenID Connect provider where a SAML provider goes fails, naming what it is. Absent passes
 * unless `required`.
 */
export function checkKind(where: ShapeScope, property: string, value: unknown, kind: ObjectKind, required = false): void {
  if (value === undefined && !required) {
    return;
  }
  if (hasMember(value, kind)) {
    return;
  }
  const other = KNOWN_KINDS.find(candidate => hasMember(value, candidate));
  const rule = value === undefined ? `is required: give ${kind.description}` : `must be ${kind.description}`;
  shapeError(where, property, other === undefined ? rule : `${rule}, not ${other.description.split(' (')[0]}`, value);
}

function hasMember(value: unknown, kind: ObjectKind): boolean {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const member = (value as Record<string, unknown>)[kind.member];
  return typeof member === (kind.memberType ?? 'string') && member !== null;
}

/**
 * Fails on a key the library does not read, whose value would vanish from the template
 * (`openIdConnectProvider` for `openIdConnectProviders`); keys set to `undefined` pass.
 */
export function checkKnownKeys(where: ShapeScope, property: string, value: Record<string, unknown>, known: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (value[key] !== undefined && !known.includes(key)) {
      const closest = closestKey(key, known);
      const hint = closest === undefined ? '' : ` (did you mean ${apiName(closest)}?)`;
      const allowed = known.length === 0 ? 'it takes none' : `use one of ${known.map(name => apiName(name)).join(', ')}`;
      shapeError(where, property === '' ? key : `${property}.${key}`,
        `is not a property the library reads, so its value would be dropped${hint}: ${allowed}`, value[key]);
    }
  }
}

/** Checks a struct's keys against its properties in the jsii assembly (`STRUCT_KEYS`). */
export function checkStructKeys(where: ShapeScope, property: string, value: Record<string, unknown>, struct: StructName): void {
  checkKnownKeys(where, property, value, STRUCT_KEYS[struct]);
}

/** The known key a typo most likely meant: within a third of its length in edits, ignoring case. */
function closestKey(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

// The shapes of each entry point's arguments.

const SOCIAL_PROVIDERS: ReadonlyArray<readonly [string, StructName]> = [
  ['facebook', 'IdentityPoolFacebookLoginProvider'],
  ['google', 'IdentityPoolGoogleLoginProvider'],
  ['amazon', 'IdentityPoolAmazonLoginProvider'],
  ['apple', 'IdentityPoolAppleLoginProvider'],
  ['twitter', 'IdentityPoolTwitterLoginProvider'],
];

/** `IdentityPoolProps`, first thing in the `IdentityPool` constructor. */
export function checkIdentityPoolPropsShape(pool: IConstruct, value: unknown): void {
  const props = checkStruct(pool, 'props', value);
  checkStructKeys(pool, '', props, 'IdentityPoolProps');
  checkStringShape(pool, 'identityPoolName', props.identityPoolName);
  checkKind(pool, 'authenticatedRole', props.authenticatedRole, ROLE);
  checkKind(pool, 'unauthenticatedRole', props.unauthenticatedRole, ROLE);
  checkBooleanShape(pool, 'createUnauthenticatedRole', props.createUnauthenticatedRole);
  checkBooleanShape(pool, 'allowUnauthenticatedIdentities', props.allowUnauthenticatedIdentities);
  checkBooleanShape(pool, 'allowClassicFlow', props.allowClassicFlow);
  checkStringShape(pool, 'removalPolicy', props.removalPolicy);
  checkList(pool, 'roleMappings', props.roleMappings);
  checkAuthenticationProvidersShape(pool, props.authenticationProviders);
  checkMappedRoleOptionsShape(pool, 'authenticatedRoleOptions', props.authenticatedRoleOptions);
  checkMappedRoleOptionsShape(pool, 'unauthenticatedRoleOptions', props.unauthenticatedRoleOptions);
}

/**
 * `authenticationProviders`: every provider in a shape the library reads, so none is dropped: a
 * key it does not read fails, as does a provider of the wrong kind (an OpenID Connect provider
 * among the SAML providers).
 */
function checkAuthenticationProvidersShape(pool: IConstruct, value: unknown): void {
  const property = 'authenticationProviders';
  const providers = checkStruct(pool, property, value);
  checkStructKeys(pool, property, providers, 'IdentityPoolAuthenticationProviders');
  for (const [name, struct] of SOCIAL_PROVIDERS) {
    if (providers[name] === undefined) {
      continue;
    }
    const provider = checkStruct(pool, `${property}.${name}`, providers[name]);
    checkStructKeys(pool, `${property}.${name}`, provider, struct);
    for (const field of STRUCT_KEYS[struct]) {
      checkStringShape(pool, `${property}.${name}.${field}`, provider[field], true);
    }
  }
  checkList(pool, `${property}.userPools`, providers.userPools).forEach((provider, index) =>
    checkKind(pool, `${property}.userPools[${index}]`, provider, USER_POOL_PROVIDER));
  checkList(pool, `${property}.openIdConnectProviders`, providers.openIdConnectProviders).forEach((provider, index) =>
    checkKind(pool, `${property}.openIdConnectProviders[${index}]`, provider, OIDC_PROVIDER));
  checkList(pool, `${property}.samlProviders`, providers.samlProviders).forEach((provider, index) =>
    checkKind(pool, `${property}.samlProviders[${index}]`, provider, SAML_PROVIDER));
  checkStringShape(pool, `${property}.customProvider`, providers.customProvider);
}

/** What a user pool provider's `bind` returned: a provider written in JavaScript may return anything. */
export function checkBindConfigShape(pool: IConstruct, value: unknown): void {
  const property = 'userPool.bind()';
  const config = checkStruct(pool, property, value, true);
  checkStructKeys(pool, property, config, 'UserPoolAuthenticationProviderBindConfig');
  checkStringShape(pool, `${property}.providerName`, config.providerName, true);
  checkStringShape(pool, `${property}.clientId`, config.clientId, true);
  checkBooleanShape(pool, `${property}.serverSideTokenCheck`, config.serverSideTokenCheck);
  checkKind(pool, `${property}.userPoolClient`, config.userPoolClient, USER_POOL_CLIENT, true);
}

/**
 * One role mapping, `property` (`roleMappings[2]`), before any of its values is read: a list
 * where one mapping goes (`addRoleMappings([a, b])`) says how to pass several.
 */
export function checkRoleMappingShape(attachment: IConstruct, property: string, value: unknown): void {
  if (Array.isArray(value)) {
    shapeError(attachment, property, `must be a role mapping, not a list: pass each mapping as its own argument (${apiName('addRoleMappings')}(...mappings))`, value);
  }
  const mapping = checkStruct(attachment, property, value, true);
  checkStructKeys(attachment, property, mapping, 'IdentityPoolRoleMapping');
  checkKind(attachment, `${property}.providerUrl`, mapping.providerUrl, PROVIDER_URL, true);
  checkStringShape(attachment, `${property}.mappingKey`, mapping.mappingKey);
  checkBooleanShape(attachment, `${property}.useToken`, mapping.useToken);
  checkBooleanShape(attachment, `${property}.resolveAmbiguousRoles`, mapping.resolveAmbiguousRoles);
  checkList(attachment, `${property}.rules`, mapping.rules).forEach((entry, index) => {
    const ruleProperty = `${property}.rules[${index}]`;
    const rule = checkStruct(attachment, ruleProperty, entry);
    checkStructKeys(attachment, ruleProperty, rule, 'RoleMappingRule');
    checkStringShape(attachment, `${ruleProperty}.claim`, rule.claim, true);
    checkStringShape(attachment, `${ruleProperty}.claimValue`, rule.claimValue, true);
    checkStringShape(attachment, `${ruleProperty}.matchType`, rule.matchType);
    checkKind(attachment, `${ruleProperty}.mappedRole`, rule.mappedRole, ROLE, true);
  });
}

/** `IdentityPoolRoleAttachmentProps`. */
export function checkRoleAttachmentPropsShape(attachment: IConstruct, value: unknown): void {
  const props = checkStruct(attachment, 'props', value, true);
  checkStructKeys(attachment, '', props, 'IdentityPoolRoleAttachmentProps');
  checkKind(attachment, 'identityPool', props.identityPool, IDENTITY_POOL, true);
  checkKind(attachment, 'authenticatedRole', props.authenticatedRole, ROLE);
  checkKind(attachment, 'unauthenticatedRole', props.unauthenticatedRole, ROLE);
  checkList(attachment, 'roleMappings', props.roleMappings);
}

/** `IdentityPoolPrincipalTagsProps`: the provider, and a map (not a list) of tag keys to claims. */
export function checkPrincipalTagsPropsShape(scope: IConstruct, value: unknown): void {
  const props = checkStruct(scope, 'props', value, true);
  checkStructKeys(scope, '', props, 'IdentityPoolPrincipalTagsProps');
  checkKind(scope, 'identityPool', props.identityPool, IDENTITY_POOL, true);
  checkStringShape(scope, 'providerName', props.providerName, true);
  checkBooleanShape(scope, 'useDefaults', props.useDefaults);
  const tags = checkStruct(scope, 'principalTags', props.principalTags);
  for (const [key, claim] of Object.entries(tags)) {
    checkStringShape(scope, `principalTags[${JSON.stringify(key)}]`, claim, true);
  }
}

/** `UserPoolAuthenticationProviderProps`, checked where no construct exists yet. */
export function checkUserPoolProviderPropsShape(value: unknown): void {
  const where = 'UserPoolAuthenticationProvider';
  const props = checkStruct(where, 'props', value, true);
  checkStructKeys(where, '', props, 'UserPoolAuthenticationProviderProps');
  checkKind(where, 'userPool', props.userPool, USER_POOL, true);
  checkKind(where, 'userPoolClient', props.userPoolClient, USER_POOL_CLIENT);
  checkBooleanShape(where, 'disableServerSideTokenCheck', props.disableServerSideTokenCheck);
}

/** `IdentityPoolAttributes`. */
export function checkAttributesShape(scope: IConstruct, value: unknown): void {
  const attrs = checkStruct(scope, 'attrs', value, true);
  checkStructKeys(scope, '', attrs, 'IdentityPoolAttributes');
  checkStringShape(scope, 'identityPoolId', attrs.identityPoolId);
  checkStringShape(scope, 'identityPoolArn', attrs.identityPoolArn);
  checkStringShape(scope, 'identityPoolName', attrs.identityPoolName);
  checkKind(scope, 'authenticatedRole', attrs.authenticatedRole, ROLE, true);
  checkKind(scope, 'unauthenticatedRole', attrs.unauthenticatedRole, ROLE);
  checkList(scope, 'mappedRoles', attrs.mappedRoles).forEach((role, index) => checkKind(scope, `mappedRoles[${index}]`, role, ROLE));
  checkBooleanShape(scope, 'verifyRoles', attrs.verifyRoles);
}

/** `UserPoolGroupRoleProps`. */
export function checkGroupRolePropsShape(scope: IConstruct, value: unknown): void {
  const props = checkStruct(scope, 'props', value, true);
  checkStructKeys(scope, '', props, 'UserPoolGroupRoleProps');
  checkKind(scope, 'userPool', props.userPool, USER_POOL, true);
  checkRequiredNumberShape(scope, 'precedence', props.precedence);
  checkStringShape(scope, 'groupName', props.groupName);
  checkStringShape(scope, 'description', props.description);
  checkKind(scope, 'role', props.role, ROLE);
  checkBooleanShape(scope, 'denyUsersInNoGroup', props.denyUsersInNoGroup);
  checkMappedRoleOptionsShape(scope, 'roleOptions', props.roleOptions);
}

/** `MappedRoleOptions`, of `addMappedRole` and of a group role's `roleOptions`. */
export function checkMappedRoleOptionsShape(scope: IConstruct, property: string, value: unknown): void {
  checkStructKeys(scope, property, checkStruct(scope, property, value), 'MappedRoleOptions');
}

/** `IdentityPoolFrontendOutputsOptions`. */
export function checkFrontendOutputsShape(scope: IConstruct, value: unknown): void {
  const options = checkStruct(scope, 'options', value);
  checkStructKeys(scope, '', options, 'IdentityPoolFrontendOutputsProps');
  checkStringShape(scope, 'outputPrefix', options.outputPrefix);
  checkKind(scope, 'amplifyUserPoolClient', options.amplifyUserPoolClient, USER_POOL_CLIENT);
  checkBooleanShape(scope, 'includeGroupRoles', options.includeGroupRoles);
}

/**
 * The arguments of a per-identity grant, `method` (`grantReadOwnObjects`): the bucket or table,
 * and its options; `shared` grants need a prefix.
 */
export function checkGrantShape(pool: IConstruct, method: string, target: unknown, kind: ObjectKind, value: unknown, shared = false): void {
  checkKind(pool, `${method} ${kind === TABLE ? 'table' : 'bucket'}`, target, kind, true);
  const options = checkStruct(pool, `${method} options`, value, shared);
  checkStructKeys(pool, `${method} options`, options, shared ? 'SharedObjectsOptions' : kind === TABLE ? 'OwnItemsOptions' : 'OwnObjectsOptions');
  checkStringShape(pool, `${method} prefix`, options.prefix, shared);
  checkKind(pool, `${method} grantee`, options.grantee, GRANTABLE);
  checkKind(pool, `${method} ownerKey`, options.ownerKey, OWNER_KEY);
  checkList(pool, `${method} attributes`, options.attributes).forEach((attribute, index) =>
    checkStringShape(pool, `${method} attributes[${index}]`, attribute));
}
