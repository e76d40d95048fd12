import { App, Fn, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import { IdentityPool } from '../src';

const POOL_ID = 'eu-west-1:0a1b2c3d-1111-2222-3333-444455556666';
const POOL_ARN = `arn:aws:cognito-identity:eu-west-1:123456789012:identitypool/${POOL_ID}`;

function newStack(): Stack {
  return new Stack(new App(), 'Stack', { env: { account: '123456789012', region: 'eu-west-1' } });
}

/** The pool's id and ARN, as a pool defined in the app renders them. */
function definedPool(stack: Stack): { pool: IdentityPool; id: object; arn: object } {
  const pool = new IdentityPool(stack, 'Pool');
  const logicalId = stack.getLogicalId(pool.node.defaultChild as cognito.CfnIdentityPool);
  return {
    pool,
    id: { Ref: logicalId },
    arn: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cognito-identity:eu-west-1:123456789012:identitypool/', { Ref: logicalId }]] },
  };
}

/** Every event that names the pool: by id, by ARN in the request, by ARN among the resources. */
function cloudTrailPattern(id: unknown, arn: unknown): object {
  return {
    'source': ['aws.cognito-identity'],
    'detail-type': ['AWS API Call via CloudTrail'],
    'detail': {
      eventSource: ['cognito-identity.amazonaws.com'],
      $or: [
        { requestParameters: { identityPoolId: [id] } },
        { requestParameters: { resourceArn: [arn] } },
        { resources: { ARN: [arn] } },
      ],
    },
  };
}

/** The configuration changes: each event name with the field its record names the pool in. */
function configurationPattern(id: unknown, arn: unknown): object {
  return {
    'source': ['aws.cognito-identity'],
    'detail-type': ['AWS API Call via CloudTrail'],
    'detail': {
      eventSource: ['cognito-identity.amazonaws.com'],
      $or: [
        {
          eventName: ['UpdateIdentityPool', 'SetIdentityPoolRoles', 'SetPrincipalTagAttributeMap', 'DeleteIdentityPool'],
          requestParameters: { identityPoolId: [id] },
        },
        { eventName: ['TagResource', 'UntagResource'], requestParameters: { resourceArn: [arn] } },
        { eventName: ['TagResource', 'UntagResource'], resources: { ARN: [arn] } },
      ],
    },
  };
}

describe('onCloudTrailEvent', () => {
  test('a pool defined in the app: a rule under the pool, matching it by id and by ARN', () => {
    // GIVEN
    const stack = newStack();
    const { pool, id, arn } = definedPool(stack);

    // WHEN
    const rule = pool.onCloudTrailEvent('AnyCall');

    // THEN
    expect(rule).toBeInstanceOf(events.Rule);
    expect(rule.node.path).toBe('Stack/Pool/AnyCall');
    Template.fromStack(stack).resourceCountIs('AWS::Events::Rule', 1);
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      EventPattern: cloudTrailPattern(id, arn),
      State: 'ENABLED',
    });
  });

  test('a pool imported by id: its id and the ARN built from it, as strings', () => {
    // GIVEN
    const stack = newStack();
    const pool = IdentityPool.fromIdentityPoolId(stack, 'Imported', POOL_ID);

    // WHEN
    pool.onCloudTrailEvent('AnyCall');

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      EventPattern: cloudTrailPattern(POOL_ID, {
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:cognito-identity:eu-west-1:123456789012:identitypool/${POOL_ID}`]],
      }),
    });
  });

  test('a pool imported by its attributes matches the same way', () => {
    // GIVEN
    const stack = newStack();
    const pool = IdentityPool.fromIdentityPoolAttributes(stack, 'Imported', {
      identityPoolArn: POOL_ARN,
      authenticatedRole: iam.Role.fromRoleArn(stack, 'AuthRole', 'arn:aws:iam::123456789012:role/shared-auth'),
    });

    // WHEN
    pool.onCloudTrailEvent('AnyCall');

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', { EventPattern: cloudTrailPattern(POOL_ID, POOL_ARN) });
  });

  test('a token ARN passes: the pattern names the pool through the token', () => {
    // GIVEN
    const stack = newStack();
    const arn = Fn.importValue('SharedIdentityPoolArn');
    const pool = IdentityPool.fromIdentityPoolArn(stack, 'Imported', arn);

    // WHEN
    pool.onCloudTrailEvent('AnyCall');

    // THEN the id is what follows the ARN's one /
    const importedArn = { 'Fn::ImportValue': 'SharedIdentityPoolArn' };
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      EventPattern: cloudTrailPattern({ 'Fn::Select': [1, { 'Fn::Split': ['/', importedArn] }] }, importedArn),
    });
  });

  test('options: description, name and target as aws-cdk-lib\'s, the caller\'s pattern merged with ours', () => {
    // GIVEN
    const stack = newStack();
    const { pool, id, arn } = definedPool(stack);
    const topic = new sns.Topic(stack, 'Topic');

    // WHEN
    pool.onCloudTrailEvent('Failures', {
      description: 'Failed calls to the pool',
      ruleName: 'pool-failures',
      target: new targets.SnsTopic(topic),
      eventPattern: { detail: { errorCode: [{ exists: true }] } },
    });

    // THEN
    const expected: any = cloudTrailPattern(id, arn);
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      Description: 'Failed calls to the pool',
      Name: 'pool-failures',
      EventPattern: {
        'detail': { errorCode: [{ exists: true }], ...expected.detail },
        'source': expected.source,
        'detail-type': expected['detail-type'],
      },
      Targets: [{ Arn: { Ref: stack.getLogicalId(topic.node.defaultChild as sns.CfnTopic) }, Id: 'Target0' }],
    });
  });

  test('two rules on one pool need two ids', () => {
    // GIVEN
    const stack = newStack();
    const { pool } = definedPool(stack);

    // WHEN
    pool.onCloudTrailEvent('AnyCall');
    pool.onConfigurationChange('Changes');

    // THEN
    Template.fromStack(stack).resourceCountIs('AWS::Events::Rule', 2);
    expect(() => pool.onCloudTrailEvent('AnyCall')).toThrow('There is already a Construct with name \'AnyCall\' in IdentityPool [Pool]');
  });
});

describe('onConfigurationChange', () => {
  test('a pool defined in the app: update, roles, principal tags and delete by id, tag calls by ARN', () => {
    // GIVEN
    const stack = newStack();
    const { pool, id, arn } = definedPool(stack);

    // WHEN
    const rule = pool.onConfigurationChange('Changes');

    // THEN
    expect(rule.node.path).toBe('Stack/Pool/Changes');
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', { EventPattern: configurationPattern(id, arn), State: 'ENABLED' });
  });

  test('a pool imported by ARN: its id comes from the ARN', () => {
    // GIVEN
    const stack = newStack();
    const pool = IdentityPool.fromIdentityPoolArn(stack, 'Imported', POOL_ARN);

    // WHEN
    pool.onConfigurationChange('Changes');

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', { EventPattern: configurationPattern(POOL_ID, POOL_ARN) });
  });

  test('a token id passes', () => {
    // GIVEN
    const stack = newStack();
    const pool = IdentityPool.fromIdentityPoolId(stack, 'Imported', Fn.importValue('SharedIdentityPoolId'));

    // WHEN
    pool.onConfigurationChange('Changes');

    // THEN
    const importedId = { 'Fn::ImportValue': 'SharedIdentityPoolId' };
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      EventPattern: configurationPattern(importedId, {
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cognito-identity:eu-west-1:123456789012:identitypool/', importedId]],
      }),
    });
  });

  test('the target gets the events: an SNS topic is allowed to be published to by EventBridge', () => {
    // GIVEN
    const stack = newStack();
    const { pool } = definedPool(stack);
    const topic = new sns.Topic(stack, 'Admins');

    // WHEN
    pool.onConfigurationChange('Changes', { target: new targets.SnsTopic(topic) });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: [{
          Action: 'sns:Publish',
          Effect: 'Allow',
          Principal: { Service: 'events.amazonaws.com' },
          Resource: { Ref: stack.getLogicalId(topic.node.defaultChild as sns.CfnTopic) },
          Sid: '0',
        }],
      },
    });
  });
});

describe('shapes a JavaScript caller can pass', () => {
  test.each([
    ['an id that is not a string', (pool: IdentityPool) => pool.onCloudTrailEvent(3 as any),
      'Stack/Pool: onCloudTrailEvent id must be a string (received: 3)'],
    ['no id', (pool: IdentityPool) => (pool.onConfigurationChange as any)(),
      'Stack/Pool: onConfigurationChange id is required: give a string (received: undefined)'],
    ['options a string', (pool: IdentityPool) => pool.onConfigurationChange('Changes', 'topic' as any),
      'Stack/Pool: onConfigurationChange options must be an object (a struct) (received: "topic")'],
    ['a topic as target', (pool: IdentityPool) => pool.onConfigurationChange('Changes', { target: new sns.Topic(Stack.of(pool), 'T') as any }),
      'Stack/Pool: onConfigurationChange options.target must be an EventBridge rule target (events.IRuleTarget) (received: "<Topic Stack/T>")'],
    ['a pattern list', (pool: IdentityPool) => pool.onCloudTrailEvent('AnyCall', { eventPattern: [] as any }),
      'Stack/Pool: onCloudTrailEvent options.eventPattern must be an object (a struct), not a list (received: "<array of 0>")'],
  ])('%s fails, naming the property', (_name, call, message) => {
    // GIVEN
    const stack = newStack();
    const { pool } = definedPool(stack);

    // THEN
    expect(() => call(pool)).toThrow(message);
  });
});
