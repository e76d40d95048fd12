import { Lazy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { IdentityPool, IdentityPoolProviderUrl } from '../../../../src';
import { LAYOUTS, pathIn } from '../layouts';

describe.each(LAYOUTS)('role mapping keys made of tokens, $name', layout => {
  function pool(keys: [string, string]) {
    const stack = layout.stack();
    new IdentityPool(stack, 'Pool', {
      authenticationProviders: { amazon: { appId: 'amzn1.application.1' }, facebook: { appId: '1234567890' } },
      roleMappings: [
        { providerUrl: IdentityPoolProviderUrl.AMAZON, mappingKey: Lazy.string({ produce: () => keys[0] }), useToken: true },
        { providerUrl: IdentityPoolProviderUrl.FACEBOOK, mappingKey: Lazy.string({ produce: () => keys[1] }), useToken: true },
      ],
    });
    return stack;
  }

  test('two that resolve to the same key fail on the attachment', () => {
    const stack = pool(['social', 'social']);
    expect(() => Template.fromStack(stack)).toThrow(`[${pathIn(stack, 'Pool/DefaultRoleAttachment')}] roleMappings[1] must have a RoleMappings key `
      + 'of its own, but roleMappings[0] already has this key; set mappingKey to tell them apart (received: "social")');
  });

  test('one that resolves to an empty key fails', () => {
    const stack = pool(['', 'social']);
    expect(() => Template.fromStack(stack)).toThrow(`[${pathIn(stack, 'Pool/DefaultRoleAttachment')}] roleMappings[0].mappingKey must be a plain `
      + 'string of 1-128 characters, or a token that resolves to one at synth time: CloudFormation map keys cannot be intrinsic functions (received: "")');
  });

  test('distinct keys render', () => {
    const stack = pool(['amazon', 'facebook']);
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPoolRoleAttachment', {
      RoleMappings: { amazon: { IdentityProvider: 'www.amazon.com' }, facebook: { IdentityProvider: 'graph.facebook.com' } },
    });
  });
});

describe.each(LAYOUTS)('token mapping keys at their limits, $name', layout => {
  function poolWithKey(key: string) {
    const stack = layout.stack();
    new IdentityPool(stack, 'Pool', {
      authenticationProviders: { amazon: { appId: 'amzn1.application.1' } },
      roleMappings: [{ providerUrl: IdentityPoolProviderUrl.AMAZON, mappingKey: Lazy.string({ produce: () => key }), useToken: true }],
    });
    return stack;
  }
  const tooLong = (stack: ReturnType<typeof poolWithKey>, key: unknown) => `[${pathIn(stack, 'Pool/DefaultRoleAttachment')}] roleMappings[0].mappingKey `
    + 'must be a plain string of 1-128 characters, or a token that resolves to one at synth time: CloudFormation map keys cannot be intrinsic '
    + `functions (received: ${JSON.stringify(key)})`;

  test('1 and 128 characters pass; 129 fail', () => {
    Template.fromStack(poolWithKey('k')).hasResourceProperties('AWS::Cognito::IdentityPoolRoleAttachment', { RoleMappings: { k: Match.anyValue() } });
    Template.fromStack(poolWithKey('k'.repeat(128)));
    const stack = poolWithKey('k'.repeat(129));
    expect(() => Template.fromStack(stack)).toThrow(tooLong(stack, 'k'.repeat(129)));
  });

  test('a concrete key beside a token key that resolves to it clashes', () => {
    const stack = layout.stack();
    new IdentityPool(stack, 'Pool', {
      authenticationProviders: { amazon: { appId: 'amzn1.application.1' }, facebook: { appId: '1234567890' } },
      roleMappings: [
        { providerUrl: IdentityPoolProviderUrl.AMAZON, mappingKey: 'social', useToken: true },
        { providerUrl: IdentityPoolProviderUrl.FACEBOOK, mappingKey: Lazy.string({ produce: () => 'social' }), useToken: true },
      ],
    });
    expect(() => Template.fromStack(stack)).toThrow(`[${pathIn(stack, 'Pool/DefaultRoleAttachment')}] roleMappings[1] must have a RoleMappings `
      + 'key of its own, but roleMappings[0] already has this key; set mappingKey to tell them apart (received: "social")');
  });
});
