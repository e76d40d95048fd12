import type { IConstruct } from 'constructs';
import { userPoolProviderNameError } from './user-pool-pairing';
import type { IdentityPoolAuthenticationProviders } from '../../authentication-providers';
import type { IdentityPoolProps } from '../../identity-pool';
import { Token } from '../cdk/bindings';
import { apiName, configError } from '../messages/errors';
import { warn, WarningId } from '../messages/warnings';
import { checkArnPartition } from '../values/arn';
import type { StringRule } from '../values/validate';
import { checkString, TAG_CHARACTERS } from '../values/validate';

// Cognito checks these patterns in Java, where \w is [A-Za-z0-9_] and \s is [ \t\n\x0B\f\r];
// the regular expressions spell that out, the texts show users the documented pattern.

/** `IdentityPoolName`. */
export const POOL_NAME: StringRule = { min: 1, max: 128, pattern: /^[A-Za-z0-9_ \t\n\v\f\r+=,.@-]+$/, patternText: '[\\w\\s+=,.@-]+' };

/** `DeveloperProviderName`: 128 as the API and the CloudFormation schema say. */
const DEVELOPER_PROVIDER_NAME: StringRule = { min: 1, max: 128, pattern: /^[A-Za-z0-9_.-]+$/, patternText: '[\\w._-]+' };

/** A `SupportedLoginProviders` value. */
const LOGIN_PROVIDER_VALUE_PATTERN = /^[A-Za-z0-9_.;/-]+$/;
const LOGIN_PROVIDER_VALUE: StringRule = { min: 1, max: 128, pattern: LOGIN_PROVIDER_VALUE_PATTERN, patternText: '[\\w.;_/-]+' };

/** `CognitoIdentityProviders[].ProviderName`. */
const USER_POOL_PROVIDER_NAME: StringRule = { min: 1, max: 128, pattern: /^[A-Za-z0-9_.:/-]+$/, patternText: '[\\w._:/-]+' };

/** `CognitoIdentityProviders[].ClientId`. */
const USER_POOL_CLIENT_ID: StringRule = { min: 1, max: 128, pattern: /^[A-Za-z0-9_]+$/, patternText: '[\\w_]+' };

/**
 * `IdentityPoolTags`: at most 50, keys 1-128 and values 0-256 characters of AWS's tag alphabet
 * (letters, separators such as spaces, digits and `_.:/=+-@`), which the pool's default roles,
 * tagged alike, enforce too.
 */
export const MAX_TAGS = 50;
const TAG_PATTERN = new RegExp(`^${TAG_CHARACTERS}*$`, 'u');
export const TAG_PATTERN_TEXT = `${TAG_CHARACTERS}*`;
export const TAG_KEY: StringRule = { min: 1, max: 128, pattern: TAG_PATTERN, patternText: TAG_PATTERN_TEXT };
/** AWS reserves the `aws:` prefix, in any case, for its own tag keys; TagResource refuses it. */
export const RESERVED_TAG_PREFIX = /^aws:/i;
export const RESERVED_TAG_RULE = 'must not have keys that start with aws: (in any case), a prefix AWS reserves for its own tags';
export const TAG_VALUE: StringRule = { min: 0, max: 256, pattern: TAG_PATTERN, patternText: TAG_PATTERN_TEXT };

/** Cognito's default quota of user pool providers per identity pool; AWS support can raise it. */
const USER_POOL_PROVIDER_QUOTA = 50;

/**
 * Checks an identity pool's props and warns about risky choices. Called first thing in the
 * `IdentityPool` constructor.
 */
export function checkIdentityPool(pool: IConstruct, props: IdentityPoolProps): void {
  checkString(pool, 'identityPoolName', props.identityPoolName, POOL_NAME);
  const providers = props.authenticationProviders ?? {};
  checkLoginProviders(pool, providers);
  checkString(pool, 'authenticationProviders.customProvider', providers.customProvider, DEVELOPER_PROVIDER_NAME);
  (providers.openIdConnectProviders ?? []).forEach((provider, index) =>
    checkIamProviderArn(pool, `authenticationProviders.openIdConnectProviders[${index}]`, provider.openIdConnectProviderArn, 'oidc-provider', '<issuer>'));
  (providers.samlProviders ?? []).forEach((provider, index) =>
    checkIamProviderArn(pool, `authenticationProviders.samlProviders[${index}]`, provider.samlProviderArn, 'saml-provider', '<name>'));

  for (const [options, role, name] of [
    ['authenticatedRoleOptions', props.authenticatedRole, 'authenticatedRole'],
    ['unauthenticatedRoleOptions', props.unauthenticatedRole, 'unauthenticatedRole'],
  ] as const) {
    if (props[options] !== undefined && role !== undefined) {
      configError(pool, options, `applies only to the role the pool creates, and ${apiName(name)} is given: configure that role itself`,
        Object.keys(props[options]!));
    }
  }
  // Options beside a given role failed above.
  if (props.unauthenticatedRoleOptions !== undefined && props.createUnauthenticatedRole === false) {
    configError(pool, 'unauthenticatedRoleOptions', 'applies only to the role the pool creates, and createUnauthenticatedRole is false',
      Object.keys(props.unauthenticatedRoleOptions));
  }
  if (props.allowUnauthenticatedIdentities === true && props.createUnauthenticatedRole === false && props.unauthenticatedRole === undefined) {
    configError(pool, 'createUnauthenticatedRole',
      'must not be false while allowUnauthenticatedIdentities is true and no unauthenticatedRole is given: guests get their credentials '
      + 'from the unauthenticated role, so without one every guest sign-in fails', false);
  }
  if (props.allowUnauthenticatedIdentities === true) {
    warn(pool, WarningId.GUEST_ACCESS,
      `Guest access is on (${apiName('allowUnauthenticatedIdentities')}): anyone who holds this identity pool's id, which ships in `
      + 'every client, gets the unauthenticated role\'s credentials, so give that role only what a stranger may do');
  }
  if (props.allowClassicFlow === true) {
    warn(pool, WarningId.CLASSIC_FLOW,
      `The classic (basic) flow is on (${apiName('allowClassicFlow')}): clients can call STS themselves with any role that trusts `
      + 'this identity pool, bypassing role mappings, ambiguous-role resolution and the scope-down policy of guest credentials, so '
      + 'every such role needs both the aud and the amr condition');
  }
}

/**
 * Checks a user pool provider about to be added as the `count`th, and warns once the pool has
 * more than Cognito's default quota.
 */
export function checkUserPoolProvider(pool: IConstruct, provider: { readonly providerName: string; readonly clientId: string }, count: number): void {
  checkString(pool, 'authenticationProviders.userPools.providerName', provider.providerName, USER_POOL_PROVIDER_NAME);
  checkString(pool, 'authenticationProviders.userPools.clientId', provider.clientId, USER_POOL_CLIENT_ID);
  const nameError = userPoolProviderNameError(provider.providerName);
  if (nameError !== undefined) {
    configError(pool, 'authenticationProviders.userPools.providerName', nameError, provider.providerName);
  }
  if (count > USER_POOL_PROVIDER_QUOTA) {
    warn(pool, WarningId.USER_POOL_PROVIDER_QUOTA,
      `This identity pool has more than ${USER_POOL_PROVIDER_QUOTA} user pool providers, Cognito's default quota per identity pool: `
      + 'the deployment fails unless AWS support has raised the quota for your account');
  }
}

function checkLoginProviders(pool: IConstruct, providers: IdentityPoolAuthenticationProviders): void {
  const prefix = 'authenticationProviders';
  checkString(pool, `${prefix}.amazon.appId`, providers.amazon?.appId, LOGIN_PROVIDER_VALUE);
  checkString(pool, `${prefix}.facebook.appId`, providers.facebook?.appId, LOGIN_PROVIDER_VALUE);
  checkString(pool, `${prefix}.google.clientId`, providers.google?.clientId, LOGIN_PROVIDER_VALUE);
  checkString(pool, `${prefix}.apple.servicesId`, providers.apple?.servicesId, LOGIN_PROVIDER_VALUE);
  if (providers.twitter) {
    checkTwitter(pool, `${prefix}.twitter`, providers.twitter.consumerKey, providers.twitter.consumerSecret);
  }
}

/**
 * Twitter's key and secret render as one value, `<consumerKey>;<consumerSecret>`: a `;` in the
 * key would move the split, and the whole value has the limits of any login provider value.
 * Messages never show the secret.
 */
function checkTwitter(pool: IConstruct, property: string, consumerKey: string, consumerSecret: string): void {
  if (!Token.isUnresolved(consumerKey) && consumerKey.includes(';')) {
    configError(pool, `${property}.consumerKey`,
      `must not contain ";", which separates it from the secret in the value Cognito stores ("<${apiName('consumerKey')}>;<${apiName('consumerSecret')}>")`,
      consumerKey);
  }
  checkString(pool, `${property}.consumerKey`, consumerKey, LOGIN_PROVIDER_VALUE);
  if (!Token.isUnresolved(consumerSecret)) {
    const redacted = `<secret, ${consumerSecret.length} characters>`;
    if (!LOGIN_PROVIDER_VALUE_PATTERN.test(consumerSecret)) {
      configError(pool, `${property}.consumerSecret`, `must be 1-128 characters matching ${LOGIN_PROVIDER_VALUE.patternText}`, redacted);
    }
  }
  const value = `${consumerKey};${consumerSecret}`;
  if (!Token.isUnresolved(value) && value.length > LOGIN_PROVIDER_VALUE.max) {
    configError(pool, property,
      `must have a ${apiName('consumerKey')} and ${apiName('consumerSecret')} of at most ${LOGIN_PROVIDER_VALUE.max} characters together with the ";" between them, `
      + `got ${value.length}`, `${consumerKey};<secret, ${consumerSecret.length} characters>`);
  }
}

/**
 * Checks a concrete IAM identity provider ARN, `arn:<partition>:iam::<account>:<resource>/<name>`
 * of 20-2048 characters; a token ARN, such as one of a provider defined in the app, passes.
 */
function checkIamProviderArn(pool: IConstruct, property: string, arn: string, resource: string, nameText: string): void {
  if (Token.isUnresolved(arn)) {
    return;
  }
  const pattern = new RegExp(`^arn:([a-z-]+):iam::\\d{12}:${resource}/.+$`);
  const match = pattern.exec(arn);
  // The pattern admits nothing under 20 characters, so only the maximum is checked.
  if (arn.length > 2048 || match === null) {
    configError(pool, property, `must be an IAM ${resource} ARN, arn:<partition>:iam::<account>:${resource}/${nameText} (20-2048 characters)`, arn);
  }
  checkArnPartition(pool, property, arn, match[1]);
}
