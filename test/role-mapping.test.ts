import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IdentityPoolRoleMapping } from '../src';
import {
  IdentityPool,
  IdentityPoolProviderUrl,
  RoleMappingMatchType,
  UserPoolAuthenticationProvider,
} from '../src';

function newStack(): Stack {
  return new Stack(new App(), 'Stack');
}

/** Every social provider, so mappings for them name configured providers. */
const socialLogins = {
  amazon: { appId: 'amzn1.application.12312k3j234j13rjiwuenf' },
  facebook: { appId: '1234567890123' },
  google: { clientId: '12345678012.apps.googleusercontent.com' },
  apple: { servicesId: 'com.myappleapp.auth' },
};

function arnOf(stack: Stack, role: iam.IRole): unknown {
  return stack.resolve(role.roleArn);
}

function roleMappingsOf(stack: Stack): Record<string, any> {
  const attachments = Template.fromStack(stack).findResources('AWS::Cognito::IdentityPoolRoleAttachment');
  expect(Object.keys(attachments)).toHaveLength(1);
  return Object.values(attachments)[0].Properties.RoleMappings;
}

describe('role mappings', () => {
  test('seed example as written: a mapping for a provider the pool lacks fails when added, not at deploy', () => {
    // Deliberate difference from the seed: its role mapping examples leave the provider out of
    // authenticationProviders for brevity; Cognito would reject that at deploy time.
    const stack = newStack();
    expect(() => new IdentityPool(stack, 'myidentitypool', {
      identityPoolName: 'myidentitypool',
      roleMappings: [{ providerUrl: IdentityPoolProviderUrl.AMAZON, useToken: true }],
    })).toThrow(
      'Stack/myidentitypool/DefaultRoleAttachment: roleMappings[0].providerUrl must name an identity provider the pool is configured with (configured: none), or Cognito rejects it as "not a configured provider"; add the provider to authenticationProviders (received: "www.amazon.com")',
    );
  });

  test('seed example: a token mapping for Amazon', () => {
    const stack = newStack();
    new IdentityPool(stack, 'myidentitypool', {
      identityPoolName: 'myidentitypool',
      authenticationProviders: { amazon: socialLogins.amazon },
      roleMappings: [{ providerUrl: IdentityPoolProviderUrl.AMAZON, useToken: true }],
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPoolRoleAttachment', {
      RoleMappings: {
        'www.amazon.com': {
          Type: 'Token',
          AmbiguousRoleResolution: 'Deny',
          IdentityProvider: 'www.amazon.com',
          RulesConfiguration: Match.absent(),
        },
      },
    });
  });

  test('a token mapping given an empty rules list renders no RulesConfiguration', () => {
    const stack = newStack();
    new IdentityPool(stack, 'Pool', {
      authenticationProviders: { amazon: socialLogins.amazon },
      roleMappings: [{ providerUrl: IdentityPoolProviderUrl.AMAZON, useToken: true, rules: [] }],
    });
    expect(roleMappingsOf(stack)).toEqual({
      'www.amazon.com': { Type: 'Token', AmbiguousRoleResolution: 'Deny', IdentityProvider: 'www.amazon.com' },
    });
  });

  test('seed example: a rules mapping, with the default and an explicit match type', () => {
    // GIVEN
    const stack = newStack();
    const adminRole = new iam.Role(stack, 'Admin', { assumedBy: new iam.AccountRootPrincipal() });
    const nonAdminRole = new iam.Role(stack, 'NonAdmin', { assumedBy: new iam.AccountRootPrincipal() });

    // WHEN
    new IdentityPool(stack, 'myidentitypool', {
      identityPoolName: 'myidentitypool',
      authenticationProviders: { amazon: socialLogins.amazon },
      roleMappings: [{
        providerUrl: IdentityPoolProviderUrl.AMAZON,
        rules: [
          { claim: 'custom:admin', claimValue: 'admin', mappedRole: adminRole },
          { claim: 'custom:admin', claimValue: 'admin', matchType: RoleMappingMatchType.NOTEQUAL, mappedRole: nonAdminRole },
        ],
      }],
    });

    // THEN
    expect(roleMappingsOf(stack)).toEqual({
      'www.amazon.com': {
        Type: 'Rules',
        AmbiguousRoleResolution: 'Deny',
        IdentityProvider: 'www.amazon.com',
        RulesConfiguration: {
          Rules: [
            { Claim: 'custom:admin', Value: 'admin', MatchType: 'Equals', RoleARN: arnOf(stack, adminRole) },
            { Claim: 'custom:admin', Value: 'admin', MatchType: 'NotEqual', RoleARN: arnOf(stack, nonAdminRole) },
          ],
        },
      },
    });
  });

  test.each([
    [RoleMappingMatchType.EQUALS, 'Equals'],
    [RoleMappingMatchType.CONTAINS, 'Contains'],
    [RoleMappingMatchType.STARTS_WITH, 'StartsWith'],
    [RoleMappingMatchType.NOTEQUAL, 'NotEqual'],
  ])('match type %s renders as %s', (matchType, rendered) => {
    const stack = newStack();
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
    new IdentityPool(stack, 'Pool', {
      authenticationProviders: socialLogins,
      roleMappings: [{ providerUrl: IdentityPoolProviderUrl.GOOGLE, rules: [{ claim: 'hd', claimValue: 'example.com', matchType, mappedRole: role }] }],
    });
    expect(roleMappingsOf(stack)['accounts.google.com'].RulesConfiguration.Rules[0].MatchType).toBe(rendered);
  });

  test('resolveAmbiguousRoles falls back to the authenticated role', () => {
    const stack = newStack();
    new IdentityPool(stack, 'Pool', {
      authenticationProviders: socialLogins,
      roleMappings: [{ providerUrl: IdentityPoolProviderUrl.FACEBOOK, useToken: true, resolveAmbiguousRoles: true }],
    });
    expect(roleMappingsOf(stack)['graph.facebook.com'].AmbiguousRoleResolution).toBe('AuthenticatedRole');
  });

  test('rules keep their order', () => {
    const stack = newStack();
    const roles = [0, 1, 2, 3, 4].map(i => new iam.Role(stack, `Role${i}`, { assumedBy: new iam.AccountRootPrincipal() }));
    new IdentityPool(stack, 'Pool', {
      authenticationProviders: socialLogins,
      roleMappings: [{
        providerUrl: IdentityPoolProviderUrl.GOOGLE,
        rules: roles.map((mappedRole, i) => ({ claim: `claim${i}`, claimValue: `v${i}`, mappedRole })),
      }],
    });
    const rules = roleMappingsOf(stack)['accounts.google.com'].RulesConfiguration.Rules;
    expect(rules.map((rule: any) => rule.Claim)).toEqual(['claim0', 'claim1', 'claim2', 'claim3', 'claim4']);
    expect(rules.map((rule: any) => rule.RoleARN)).toEqual(roles.map(role => arnOf(stack, role)));
  });

  describe('keys', () => {
    test('an explicit mappingKey wins over the provider URL', () => {
      const stack = newStack();
      new IdentityPool(stack, 'Pool', {
        authenticationProviders: socialLogins,
        roleMappings: [{ providerUrl: IdentityPoolProviderUrl.FACEBOOK, mappingKey: 'facebook', useToken: true }],
      });
      expect(roleMappingsOf(stack)).toEqual({
        facebook: { Type: 'Token', AmbiguousRoleResolution: 'Deny', IdentityProvider: 'graph.facebook.com' },
      });
    });

    test('a constant provider URL is its own key', () => {
      const stack = newStack();
      new IdentityPool(stack, 'Pool', {
        authenticationProviders: { customProvider: 'my-custom-provider.com' },
        roleMappings: [{ providerUrl: IdentityPoolProviderUrl.custom('my-custom-provider.com'), useToken: true }],
      });
      expect(Object.keys(roleMappingsOf(stack))).toEqual(['my-custom-provider.com']);
    });

    test('a token provider URL gets a derived key that is stable and deterministic', () => {
      function synthKeys(): string[] {
        const stack = newStack();
        const userPool = new cognito.UserPool(stack, 'UserPool');
        const identityPool = new IdentityPool(stack, 'Pool');
        const client = identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool }));
        identityPool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.userPool(userPool, client), useToken: true });
        return Object.keys(roleMappingsOf(stack));
      }
      const keys = synthKeys();
      // The key is a hash of the resolved provider URL: if this literal changes, every
      // deployed app's template changes, so it must not change between releases.
      expect(keys).toEqual(['UserPool8549acf464b0bfb7']);
      expect(synthKeys()).toEqual(keys);
    });

    test('a token provider URL with an explicit mappingKey keeps that key, so existing templates stay as they are', () => {
      const stack = newStack();
      const userPool = new cognito.UserPool(stack, 'UserPool');
      const identityPool = new IdentityPool(stack, 'Pool');
      const client = identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool }));
      identityPool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.userPool(userPool, client), mappingKey: 'cognito', useToken: true });
      const mappings = roleMappingsOf(stack);
      expect(Object.keys(mappings)).toEqual(['cognito']);
      expect(mappings.cognito.IdentityProvider).toEqual(stack.resolve(IdentityPoolProviderUrl.userPool(userPool, client).value));
    });

    test('different token providers get different keys', () => {
      const stack = newStack();
      const identityPool = new IdentityPool(stack, 'Pool');
      for (const id of ['A', 'B']) {
        const userPool = new cognito.UserPool(stack, id);
        const client = identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool }));
        identityPool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.userPool(userPool, client), useToken: true });
      }
      const keys = Object.keys(roleMappingsOf(stack));
      expect(keys).toHaveLength(2);
      expect(keys[0]).not.toEqual(keys[1]);
      expect(keys.every(key => /^UserPool[0-9a-f]{16}$/.test(key))).toBe(true);
    });
  });

  describe('addRoleMappings', () => {
    test('seed example: mappings from props and several calls end in one attachment, in order', () => {
      // GIVEN
      const stack = newStack();
      const identityPool = new IdentityPool(stack, 'Pool', {
        authenticationProviders: socialLogins,
        roleMappings: [{ providerUrl: IdentityPoolProviderUrl.AMAZON, useToken: true }],
      });
      const myAddedRoleMapping1: IdentityPoolRoleMapping = { providerUrl: IdentityPoolProviderUrl.FACEBOOK, useToken: true };
      const myAddedRoleMapping2: IdentityPoolRoleMapping = { providerUrl: IdentityPoolProviderUrl.GOOGLE, useToken: true };
      const myAddedRoleMapping3: IdentityPoolRoleMapping = { providerUrl: IdentityPoolProviderUrl.APPLE, useToken: true };

      // WHEN
      identityPool.addRoleMappings(myAddedRoleMapping1, myAddedRoleMapping2);
      identityPool.addRoleMappings(myAddedRoleMapping3);

      // THEN
      Template.fromStack(stack).resourceCountIs('AWS::Cognito::IdentityPoolRoleAttachment', 1);
      expect(Object.keys(roleMappingsOf(stack))).toEqual([
        'www.amazon.com', 'graph.facebook.com', 'accounts.google.com', 'appleid.apple.com',
      ]);
    });

    test('a mapping added after construction can use a role that trusts the pool', () => {
      // GIVEN: the case aws-cdk-lib's module cannot express (aws/aws-cdk#33725)
      const stack = newStack();
      const identityPool = new IdentityPool(stack, 'Pool', { authenticationProviders: { google: socialLogins.google } });
      const adminRole = identityPool.addMappedRole('AdminRole');

      // WHEN
      identityPool.addRoleMappings({
        providerUrl: IdentityPoolProviderUrl.GOOGLE,
        rules: [{ claim: 'email', claimValue: 'admin@example.com', mappedRole: adminRole }],
      });

      // THEN
      expect(roleMappingsOf(stack)['accounts.google.com'].RulesConfiguration.Rules).toEqual([
        { Claim: 'email', Value: 'admin@example.com', MatchType: 'Equals', RoleARN: arnOf(stack, adminRole) },
      ]);
    });

    test('the same provider mapped twice is an error', () => {
      const stack = newStack();
      const identityPool = new IdentityPool(stack, 'Pool', {
        authenticationProviders: { amazon: socialLogins.amazon },
        roleMappings: [{ providerUrl: IdentityPoolProviderUrl.AMAZON, useToken: true }],
      });
      expect(() => identityPool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.AMAZON, mappingKey: 'amazon2', useToken: true }))
        .toThrow('Stack/Pool/DefaultRoleAttachment: roleMappings must map each identity provider once (Cognito keeps one mapping per provider) (received: "www.amazon.com")');
    });

    test('two mappings with the same mappingKey are an error, not an overwrite', () => {
      const stack = newStack();
      const identityPool = new IdentityPool(stack, 'Pool', {
        authenticationProviders: { amazon: socialLogins.amazon, google: socialLogins.google },
        roleMappings: [{ providerUrl: IdentityPoolProviderUrl.AMAZON, mappingKey: 'social', useToken: true }],
      });
      expect(() => identityPool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.GOOGLE, mappingKey: 'social', useToken: true }))
        .toThrow('Stack/Pool/DefaultRoleAttachment: roleMappings[1] must have a RoleMappings key of its own, but roleMappings[0] already has this key; '
          + 'set mappingKey to tell them apart (received: "social")');
    });
  });
});

describe('addMappedRole', () => {
  test('defines a role only this pool\'s authenticated identities can assume', () => {
    const stack = newStack();
    const identityPool = new IdentityPool(stack, 'Pool');
    const role = identityPool.addMappedRole('Editors', { description: 'editors', maxSessionDuration: undefined });
    expect(role.node.path).toBe('Stack/Pool/Editors');
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      Description: 'editors',
      AssumeRolePolicyDocument: {
        Statement: [{
          Effect: 'Allow',
          Action: 'sts:AssumeRoleWithWebIdentity',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Condition: {
            'StringEquals': { 'cognito-identity.amazonaws.com:aud': { Ref: stack.getLogicalId(identityPool.node.defaultChild as cognito.CfnIdentityPool) } },
            'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
          },
        }],
      },
    });
  });

  test('passes its options to the role', () => {
    const stack = newStack();
    const identityPool = new IdentityPool(stack, 'Pool');
    const boundary = iam.ManagedPolicy.fromManagedPolicyArn(stack, 'Boundary', 'arn:aws:iam::123456789012:policy/boundary');
    identityPool.addMappedRole('Readers', {
      roleName: 'readers',
      path: '/app/',
      permissionsBoundary: boundary,
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess')],
      inlinePolicies: { s3: new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] })] }) },
    });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'readers',
      Path: '/app/',
      PermissionsBoundary: 'arn:aws:iam::123456789012:policy/boundary',
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/ReadOnlyAccess']] }],
      Policies: [{ PolicyName: 's3', PolicyDocument: Match.objectLike({ Statement: [Match.objectLike({ Action: 's3:GetObject' })] }) }],
    });
  });
});
