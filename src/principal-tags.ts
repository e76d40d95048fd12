import { Resource } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { IIdentityPool } from './identity-pool-interface';
import { CfnIdentityPoolPrincipalTag, Token } from './private/cdk/bindings';
import { RESERVED_TAG_PREFIX } from './private/construct-time/pool-validation';
import { configError } from './private/messages/errors';
import { checkPrincipalTagsPropsShape } from './private/shapes/shapes';
import { SynthRegistry } from './private/synth/pipeline';
import { checkPoolInStackRegion } from './private/values/arn';
import { TAG_KEY } from './private/values/principal-tag-key';
import { sameValue } from './private/values/same-value';
import { checkString, stringError } from './private/values/validate';

/**
 * Options for mapping one identity provider's token claims to principal tags.
 */
export interface IdentityPoolPrincipalTagsOptions {
  /**
   * The identity provider, by the name Cognito uses for it in the logins map:
   * a user pool's `userPoolProviderName` (`cognito-idp.<region>.amazonaws.com/<userPoolId>`,
   * without a client id), `graph.facebook.com`, `accounts.google.com`, `www.amazon.com`,
   * `appleid.apple.com`, an OpenID Connect issuer, or a SAML provider's ARN.
   * Changing it replaces the mapping.
   */
  readonly providerName: string;

  /**
   * Principal tags, each tag key to the token claim whose value it takes (at most 50).
   * Permission policies read them as `aws:PrincipalTag/<key>`.
   * @default - no custom tags; the provider's default mapping applies when `useDefaults` is on
   */
  readonly principalTags?: { [tagKey: string]: string };

  /**
   * Use the provider's default claims-to-tags mapping (`aud` and `sub`; `user_id` for Amazon).
   * @default - true when no `principalTags` are given, false otherwise
   */
  readonly useDefaults?: boolean;
}

/**
 * Properties of an `IdentityPoolPrincipalTags`.
 */
export interface IdentityPoolPrincipalTagsProps extends IdentityPoolPrincipalTagsOptions {
  /** The identity pool whose credentials carry the tags. */
  readonly identityPool: IIdentityPool;
}

const MAX_TAGS = 50;

/**
 * Attributes for access control: the token claims of one identity provider that Cognito passes
 * as session tags (principal tags) when it hands out credentials. The roles that receive them
 * must allow `sts:TagSession` in their trust policy; `IdentityPool.addPrincipalTags` adds that to
 * the pool's default roles.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/attributes-for-access-control.html
 * @resource AWS::Cognito::IdentityPoolPrincipalTag
 */
export class IdentityPoolPrincipalTags extends Resource {
  /** The provider whose claims are mapped. */
  public readonly providerName: string;

  /**
   * Maps one identity provider's token claims to principal tags. A concrete value that breaks
   * a rule fails here.
   *
   * @param scope the scope of the mapping
   * @param id the mapping's construct id
   * @param props the identity pool, the provider and its claims
   */
  constructor(scope: Construct, id: string, props: IdentityPoolPrincipalTagsProps) {
    super(scope, id);
    checkPrincipalTagsPropsShape(this, props);
    checkPoolInStackRegion(this, props.identityPool.identityPoolId);
    checkString(this, 'providerName', props.providerName, { min: 1, max: 128 });
    checkPrincipalTags(this, props.principalTags ?? {});
    checkOneMappingPerProvider(this, props.identityPool, props.providerName);
    this.providerName = props.providerName;

    const tagKeys = Object.keys(props.principalTags ?? {});
    const hasTags = tagKeys.length > 0;
    const useDefaults = props.useDefaults ?? !hasTags;
    new CfnIdentityPoolPrincipalTag(this, 'Resource', {
      identityPoolId: props.identityPool.identityPoolId,
      identityProviderName: props.providerName,
      principalTags: hasTags ? props.principalTags : undefined,
      useDefaults,
    });
  }
}

/**
 * CloudFormation identifies an `AWS::Cognito::IdentityPoolPrincipalTag` by its pool and provider
 * (the resource's primary identifier), and Cognito keeps one attribute map per provider: a second
 * mapping for the same provider of the same pool fails at deploy. Pools are told apart by account
 * and id (a token id is the same token wherever the pool is used), providers by value.
 */
function checkOneMappingPerProvider(mapping: IdentityPoolPrincipalTags, pool: IIdentityPool, providerName: string): void {
  const byPool = SynthRegistry.of(mapping).principalTagMappings;
  const key = `${pool.env.account}|${pool.identityPoolId}`;
  const existing = byPool.get(key) ?? [];
  const first = existing.find(other => sameValue(mapping, other.providerName, providerName));
  if (first !== undefined) {
    configError(mapping, 'providerName',
      `must be mapped once per identity pool, but ${first.path} already maps this provider's claims for this pool: CloudFormation `
      + 'identifies a principal tag mapping by its pool and provider, so a second one fails at deploy; put all its tags in one mapping', providerName);
  }
  existing.push({ path: mapping.node.path, providerName });
  byPool.set(key, existing);
}

function checkPrincipalTags(scope: Construct, tags: { [tagKey: string]: string }): void {
  const keys = Object.keys(tags);
  if (keys.length > MAX_TAGS) {
    configError(scope, 'principalTags', `must have at most ${MAX_TAGS} tags, got ${keys.length}`, keys);
  }
  for (const key of keys) {
    if (Token.isUnresolved(key)) {
      configError(scope, 'principalTags', 'keys must be plain strings, since CloudFormation map keys cannot be tokens', key);
    }
    const keyError = stringError(key, { min: 1, max: 128 });
    if (keyError !== undefined) {
      configError(scope, 'principalTags', `keys ${keyError}`, key);
    }
    if (!TAG_KEY.test(key)) {
      configError(scope, 'principalTags', 'keys must be session tag keys: letters, digits, spaces and _.:/=+-@ only, as STS requires', key);
    }
    if (RESERVED_TAG_PREFIX.test(key)) {
      configError(scope, 'principalTags', 'keys must not start with aws: (in any case), a prefix STS reserves for its own session tags', key);
    }
    checkString(scope, `principalTags["${key}"]`, tags[key], { min: 1, max: 256 });
  }
}
