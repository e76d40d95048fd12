import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
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
});
