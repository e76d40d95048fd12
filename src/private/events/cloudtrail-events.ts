import type { EventPattern, OnEventOptions } from 'aws-cdk-lib/aws-events';
import type { IIdentityPool } from '../../identity-pool-interface';
import { Rule } from '../cdk/bindings';
import type { ObjectKind } from '../shapes/shapes';
import { checkKind, checkStringShape, checkStruct } from '../shapes/shapes';

// The Cognito Identity API calls that CloudTrail records, as EventBridge receives them:
// https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-cognito-identity.html (source and
// eventSource), https://docs.aws.amazon.com/cognito/latest/developerguide/logging-using-cloudtrail.html
// (which calls are management events and which are data events). A record's `requestParameters`
// are the request's own members in camel case, as the API reference names them
// (https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_Operations.html).

/** The `source` of every Cognito Identity event that CloudTrail delivers to EventBridge. */
export const EVENT_SOURCE = 'aws.cognito-identity';
/** The `detail-type` of an API call recorded by CloudTrail. */
export const API_CALL_DETAIL_TYPE = 'AWS API Call via CloudTrail';
/** The CloudTrail record's `eventSource` for Cognito Identity (Cognito Sync has its own). */
export const CLOUDTRAIL_EVENT_SOURCE = 'cognito-identity.amazonaws.com';

/**
 * The management events that change who gets which credentials, or whether the pool is there at
 * all, and that name the pool by its id (`requestParameters.identityPoolId`):
 * - `UpdateIdentityPool`: providers, guest access, the classic flow, the developer provider;
 * - `SetIdentityPoolRoles`: the default roles and the role mappings;
 * - `SetPrincipalTagAttributeMap`: which claims become session tags, which policies read;
 * - `DeleteIdentityPool`: every identity, and the data keyed by it, is orphaned.
 */
export const CONFIGURATION_EVENTS_BY_ID: readonly string[] = [
  'UpdateIdentityPool',
  'SetIdentityPoolRoles',
  'SetPrincipalTagAttributeMap',
  'DeleteIdentityPool',
];

/**
 * The management events that change the pool's tags, which IAM policies may read
 * (`aws:ResourceTag`): they name the pool by its ARN (`requestParameters.resourceArn`).
 */
export const CONFIGURATION_EVENTS_BY_ARN: readonly string[] = ['TagResource', 'UntagResource'];

const RULE_TARGET: ObjectKind = { description: 'an EventBridge rule target (events.IRuleTarget)', member: 'bind', memberType: 'function' };

/**
 * A rule for every CloudTrail event that names the pool: by its id in the request
 * (`requestParameters.identityPoolId`: most calls), by its ARN in the request
 * (`requestParameters.resourceArn`: the tag calls), or by its ARN among the record's
 * `resources` (data events, and any other record CloudTrail gives resources).
 */
export function onPoolCloudTrailEvent(pool: IIdentityPool, method: string, id: string, options: OnEventOptions | undefined): Rule {
  const rule = newRule(pool, method, id, options);
  rule.addEventPattern(apiCallPattern([
    { requestParameters: { identityPoolId: [pool.identityPoolId] } },
    { requestParameters: { resourceArn: [pool.identityPoolArn] } },
    { resources: { ARN: [pool.identityPoolArn] } },
  ]));
  return rule;
}

/**
 * A rule for the management events that change the pool's configuration: each event name is
 * paired with the field that its record carries the pool in, so that a tag call on another
 * pool with this pool's id nowhere in it, or an update of another pool, never matches.
 */
export function onPoolConfigurationChange(pool: IIdentityPool, method: string, id: string, options: OnEventOptions | undefined): Rule {
  const rule = newRule(pool, method, id, options);
  rule.addEventPattern(apiCallPattern([
    { eventName: [...CONFIGURATION_EVENTS_BY_ID], requestParameters: { identityPoolId: [pool.identityPoolId] } },
    { eventName: [...CONFIGURATION_EVENTS_BY_ARN], requestParameters: { resourceArn: [pool.identityPoolArn] } },
    { eventName: [...CONFIGURATION_EVENTS_BY_ARN], resources: { ARN: [pool.identityPoolArn] } },
  ]));
  return rule;
}

/**
 * The rule, under the pool, as aws-cdk-lib's `onCloudTrailEvent` methods make it: the caller's
 * options (description, name, their own pattern) first, our pattern merged into theirs.
 */
function newRule(pool: IIdentityPool, method: string, id: string, options: OnEventOptions | undefined): Rule {
  checkStringShape(pool, `${method} id`, id, true);
  const checked = checkStruct(pool, `${method} options`, options);
  checkKind(pool, `${method} options.target`, checked.target, RULE_TARGET);
  checkStruct(pool, `${method} options.eventPattern`, checked.eventPattern);
  const rule = new Rule(pool, id, options);
  rule.addTarget(options?.target);
  return rule;
}

/** The pattern of Cognito Identity API calls recorded by CloudTrail that match any of `or`. */
function apiCallPattern(or: readonly object[]): EventPattern {
  return {
    source: [EVENT_SOURCE],
    detailType: [API_CALL_DETAIL_TYPE],
    detail: { eventSource: [CLOUDTRAIL_EVENT_SOURCE], $or: [...or] },
  };
}
