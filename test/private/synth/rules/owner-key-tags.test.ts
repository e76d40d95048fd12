import type { Stack } from 'aws-cdk-lib';
import { Lazy } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IdentityPool, OwnerKey } from '../../../../src';
import { LAYOUTS, pathIn, synthApp } from '../layouts';

describe.each(LAYOUTS)('grants keyed by a principal tag, $name', layout => {
  function grantBySub() {
    const stack = layout.stack();
    const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { facebook: { appId: '1234567890' } } });
    pool.grantReadOwnObjects(new s3.Bucket(stack, 'Bucket'), { ownerKey: OwnerKey.principalTag('sub') });
    return { stack, pool };
  }

  test('fail on the pool when no mapping passes the tag', () => {
    const { stack } = grantBySub();
    const message = `[${pathIn(stack, 'Pool')}] grantReadOwnObjects ownerKey must name a principal tag that a principal tag mapping of this `
      + 'identity pool passes (addPrincipalTags), but it passes none (received: "sub")';
    expect(() => Template.fromStack(stack)).toThrow(message);
    expect(() => synthApp(stack)).toThrow(message);
  });

  test('name the tags that are passed', () => {
    const { stack, pool } = grantBySub();
    pool.addPrincipalTags('Tags', { providerName: 'graph.facebook.com', principalTags: { owner: 'sub' } });
    expect(() => Template.fromStack(stack)).toThrow(`[${pathIn(stack, 'Pool')}] grantReadOwnObjects ownerKey must name a principal tag that a `
      + 'principal tag mapping of this identity pool passes (addPrincipalTags), but it passes owner (received: "sub")');
  });

  test('pass with a mapping added later, through the L2 or a raw CfnIdentityPoolPrincipalTag', () => {
    const l2 = grantBySub();
    l2.pool.addPrincipalTags('Tags', { providerName: 'graph.facebook.com', principalTags: { sub: 'sub' } });
    Template.fromStack(l2.stack);
    const raw = grantBySub();
    new cognito.CfnIdentityPoolPrincipalTag(raw.stack, 'Raw', {
      identityPoolId: raw.pool.identityPoolId, identityProviderName: 'graph.facebook.com', principalTags: { sub: 'sub' }, useDefaults: false,
    });
    Template.fromStack(raw.stack).resourceCountIs('AWS::Cognito::IdentityPoolPrincipalTag', 1);
  });

  test('pass with a raw mapping that uses the provider\'s defaults, whose keys the library does not know', () => {
    const { stack, pool } = grantBySub();
    new cognito.CfnIdentityPoolPrincipalTag(stack, 'Raw', { identityPoolId: pool.identityPoolId, identityProviderName: 'graph.facebook.com' });
    Template.fromStack(stack).resourceCountIs('AWS::Cognito::IdentityPoolPrincipalTag', 1);
  });

  // Which tags a raw principal tag mapping passes
  const raw = (stack: Stack, pool: IdentityPool, id: string, props: Partial<cognito.CfnIdentityPoolPrincipalTagProps>) =>
    new cognito.CfnIdentityPoolPrincipalTag(stack, id, { identityPoolId: pool.identityPoolId, identityProviderName: 'graph.facebook.com', ...props });
  const failure = (stack: Stack, passes: string) => `[${pathIn(stack, 'Pool')}] grantReadOwnObjects ownerKey must name a principal tag that a `
    + `principal tag mapping of this identity pool passes (addPrincipalTags), but ${passes} (received: "sub")`;

  test.each([
    ['useDefaults is a token', { useDefaults: Lazy.any({ produce: () => false }) as any, principalTags: { owner: 'sub' } }],
    ['useDefaults is on, beside tags', { useDefaults: true, principalTags: { owner: 'sub' } }],
    ['useDefaults is not given and there are no tags', { principalTags: {} }],
    ['useDefaults is not given and the tags are null (from JavaScript)', { principalTags: null as any }],
    ['useDefaults is off and the tags are a token', { useDefaults: false, principalTags: Lazy.any({ produce: () => ({ owner: 'sub' }) }) }],
  ])('any key passes when %s', (_name, props) => {
    const { stack, pool } = grantBySub();
    raw(stack, pool, 'Raw', props);
    Template.fromStack(stack).resourceCountIs('AWS::Cognito::IdentityPoolPrincipalTag', 1);
  });

  test.each([
    ['tags without useDefaults', { principalTags: { owner: 'sub' } }, 'it passes owner'],
    ['useDefaults off and no tags', { useDefaults: false, principalTags: {} }, 'it passes none'],
    ['useDefaults off and tags left out', { useDefaults: false }, 'it passes none'],
  ])('only the tags listed pass with %s', (_name, props, passes) => {
    const { stack, pool } = grantBySub();
    raw(stack, pool, 'Raw', props);
    expect(() => Template.fromStack(stack)).toThrow(failure(stack, passes));
  });

  test('the keys of every mapping of the pool are named, in order', () => {
    const { stack, pool } = grantBySub();
    raw(stack, pool, 'First', { useDefaults: false, principalTags: { owner: 'sub', team: 'aud' } });
    raw(stack, pool, 'Second', { useDefaults: false, principalTags: { org: 'aud' } });
    expect(() => Template.fromStack(stack)).toThrow(failure(stack, 'it passes owner, team, org'));
  });

  test('an imported pool is judged only when the app has a mapping for it', () => {
    const importedWith = (mapping: boolean) => {
      const stack = layout.stack();
      const imported = IdentityPool.fromIdentityPoolId(stack, 'Pool', 'us-east-1:0123abcd-0123-abcd-0123-0123456789ab');
      const grantee = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
      imported.grantReadOwnObjects(new s3.Bucket(stack, 'Bucket'), { ownerKey: OwnerKey.principalTag('sub'), grantee });
      if (mapping) {
        raw(stack, imported as IdentityPool, 'Raw', { useDefaults: false, principalTags: { owner: 'sub' } });
      }
      return stack;
    };
    Template.fromStack(importedWith(false)).resourceCountIs('AWS::IAM::Policy', 1);
    const judged = importedWith(true);
    expect(() => Template.fromStack(judged)).toThrow(failure(judged, 'it passes owner'));
  });
});
