import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { IdentityPool, IdentityPoolRoleAttachment } from '../../../../src';
import { LAYOUTS, pathIn, synthApp } from '../layouts';

const FIX = 'add role mappings to the first with addRoleMappings instead';

describe.each(LAYOUTS)('one role attachment per pool, $name', layout => {
  test('a second attachment for a pool of the app fails on the second, naming the pool and the first', () => {
    const stack = layout.stack();
    const pool = new IdentityPool(stack, 'Pool');
    new IdentityPoolRoleAttachment(stack, 'Second', { identityPool: pool });
    const message = `[${pathIn(stack, 'Second')}] an identity pool has exactly one role attachment, and ${pathIn(stack, 'Pool/DefaultRoleAttachment')} `
      + `already configures this pool (received a second attachment for the identity pool ${pathIn(stack, 'Pool')}); ${FIX}`;
    expect(() => Template.fromStack(stack)).toThrow(message);
    expect(() => synthApp(stack)).toThrow(message);
  });

  test('a raw CfnIdentityPoolRoleAttachment counts, and an imported pool is named by its resolved id', () => {
    const stack = layout.stack();
    const pool = IdentityPool.fromIdentityPoolId(stack, 'Imported', 'us-east-1:0a1b2c3d');
    new IdentityPoolRoleAttachment(stack, 'First', { identityPool: pool });
    new cognito.CfnIdentityPoolRoleAttachment(stack, 'Raw', { identityPoolId: pool.identityPoolId });
    expect(() => Template.fromStack(stack)).toThrow(`[${pathIn(stack, 'Raw')}] an identity pool has exactly one role attachment, and `
      + `${pathIn(stack, 'First')} already configures this pool (received a second attachment for identityPoolId "us-east-1:0a1b2c3d"); ${FIX}`);
  });

  test('attachments of two pools pass', () => {
    const stack = layout.stack();
    new IdentityPool(stack, 'One');
    new IdentityPool(stack, 'Two');
    Template.fromStack(stack).resourceCountIs('AWS::Cognito::IdentityPoolRoleAttachment', 2);
  });
});

describe.each(LAYOUTS)('which construct a second attachment\'s error is on, $name', layout => {
  test('a raw attachment that is a wrapper\'s default child by another id than Resource is named itself', () => {
    const stack = layout.stack();
    const pool = new IdentityPool(stack, 'Pool');
    new cognito.CfnIdentityPoolRoleAttachment(new Construct(stack, 'Wrapper'), 'Default', { identityPoolId: pool.identityPoolId });
    expect(() => Template.fromStack(stack)).toThrow(`[${pathIn(stack, 'Wrapper/Default')}] an identity pool has exactly one role attachment`);
  });

  test('a raw attachment named Resource under a wrapper is named by the wrapper', () => {
    const stack = layout.stack();
    const pool = new IdentityPool(stack, 'Pool');
    new cognito.CfnIdentityPoolRoleAttachment(new Construct(stack, 'Wrapper'), 'Resource', { identityPoolId: pool.identityPoolId });
    expect(() => Template.fromStack(stack)).toThrow(`[${pathIn(stack, 'Wrapper')}] an identity pool has exactly one role attachment`);
  });
});
