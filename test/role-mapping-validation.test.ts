import { App, Annotations as CoreAnnotations, CfnParameter, Fn, Lazy, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import type {
  IdentityPoolProps,
  IdentityPoolRoleMapping,
  RoleMappingMatchType,
  RoleMappingRule,
} from '../src';
import {
  IdentityPool,
  IdentityPoolProviderUrl,
  IdentityPoolRoleAttachment,
  UserPoolAuthenticationProvider,
} from '../src';

const ATTACHMENT = 'Stack/Pool/DefaultRoleAttachment';

function newStack(): Stack {
  return new Stack(new App(), 'Stack');
}

function deployTimeString(stack: Stack, id: string): string {
  return new CfnParameter(stack, id).valueAsString;
}

function someRole(stack: Stack): iam.IRole {
  return stack.node.tryFindChild('Mapped') as iam.IRole | undefined
    ?? iam.Role.fromRoleArn(stack, 'Mapped', 'arn:aws:iam::123456789012:role/mapped');
}

function rule(stack: Stack, overrides: Partial<RoleMappingRule> = {}): RoleMappingRule {
  return { claim: 'custom:group', claimValue: 'admin', mappedRole: someRole(stack), ...overrides };
}

/** A pool with a facebook login, mapping facebook users with the given mapping. */
function facebookPool(stack: Stack, mapping: Partial<IdentityPoolRoleMapping>, props: IdentityPoolProps = {}): IdentityPool {
  return new IdentityPool(stack, 'Pool', {
    authenticationProviders: { facebook: { appId: '1234567890123' } },
    roleMappings: [{ providerUrl: IdentityPoolProviderUrl.FACEBOOK, ...mapping }],
    ...props,
  });
}

/** The message aws-cdk-lib throws for failed validations, with our one error: it names the path, the message does not. */
function validationFailure(path: string, message: string): string {
  return `Validation failed with the following errors:\n  [${path}] ${message}`;
}

/** A user pool URL: checked against the pool's providers at synthesis, since user pools can still be added. */
function userPoolUrl(client: string): IdentityPoolProviderUrl {
  return IdentityPoolProviderUrl.userPoolUrl(`cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi:${client}`);
}

describe('number of mappings', () => {
  test('an 11th mapped provider fails, in props or added later', () => {
    // GIVEN
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool', {
      roleMappings: Array.from({ length: 10 }, (_, index) => ({ providerUrl: userPoolUrl(`client${index}`), useToken: true })),
    });

    // WHEN / THEN
    expect(() => pool.addRoleMappings({ providerUrl: userPoolUrl('client10'), useToken: true }))
      .toThrow(`${ATTACHMENT}: roleMappings must map at most 10 identity providers, a Cognito limit that cannot be raised (received: 11)`);
  });

  test('10 mapped providers synthesize', () => {
    // GIVEN
    const stack = newStack();
    const userPool = cognito.UserPool.fromUserPoolId(stack, 'UserPool', 'us-east-1_abcdefghi');
    const clients = Array.from({ length: 10 }, (_, index) => cognito.UserPoolClient.fromUserPoolClientId(stack, `Client${index}`, `client${index}`));

    // WHEN
    new IdentityPool(stack, 'Pool', {
      authenticationProviders: { userPools: clients.map(userPoolClient => new UserPoolAuthenticationProvider({ userPool, userPoolClient })) },
      roleMappings: clients.map(client => ({ providerUrl: IdentityPoolProviderUrl.userPool(userPool, client), useToken: true })),
    });

    // THEN
    const attachment = Template.fromStack(stack).findResources('AWS::Cognito::IdentityPoolRoleAttachment');
    expect(Object.keys(Object.values(attachment)[0].Properties.RoleMappings)).toHaveLength(10);
  });
});

describe('rules', () => {
  test('a rule-based mapping without rules fails', () => {
    const stack = newStack();
    expect(() => facebookPool(stack, {}))
      .toThrow(`${ATTACHMENT}: roleMappings[0].rules must have 1-25 rules when useToken is false (received: 0)`);
  });

  test('26 rules fail', () => {
    const stack = newStack();
    const rules = Array.from({ length: 26 }, (_, index) => rule(stack, { claimValue: `v${index}` }));
    expect(() => facebookPool(stack, { rules }))
      .toThrow(`${ATTACHMENT}: roleMappings[0].rules must have 1-25 rules when useToken is false (received: 26)`);
  });

  test('25 rules synthesize, in order', () => {
    // GIVEN
    const stack = newStack();
    const rules = Array.from({ length: 25 }, (_, index) => rule(stack, { claimValue: `v${index}` }));

    // WHEN
    facebookPool(stack, { rules });

    // THEN
    const attachment = Object.values(Template.fromStack(stack).findResources('AWS::Cognito::IdentityPoolRoleAttachment'))[0];
    const rendered = attachment.Properties.RoleMappings['graph.facebook.com'].RulesConfiguration.Rules;
    expect(rendered.map((r: { Value: string }) => r.Value)).toEqual(rules.map(r => r.claimValue));
  });

  test('a token mapping with rules fails: Cognito refuses rules there', () => {
    const stack = newStack();
    expect(() => facebookPool(stack, { useToken: true, rules: [rule(stack)] }))
      .toThrow(`${ATTACHMENT}: roleMappings[0].rules must be empty when useToken is true: a Token mapping takes roles from the `
        + 'cognito:roles and cognito:preferred_role claims (received: 1)');
  });

  test('an empty claim fails', () => {
    const stack = newStack();
    expect(() => facebookPool(stack, { rules: [rule(stack, { claim: '' })] }))
      .toThrow(`${ATTACHMENT}: roleMappings[0].rules[0].claim must be 1-64 characters long, got 0 (received: "")`);
  });

  test('a claim of more than 64 characters fails', () => {
    const stack = newStack();
    const claim = `custom:${'c'.repeat(58)}`;
    expect(() => facebookPool(stack, { rules: [rule(stack), rule(stack, { claim })] }))
      .toThrow(`${ATTACHMENT}: roleMappings[0].rules[1].claim must be 1-64 characters long, got 65 (received: "${claim}")`);
  });

  test('a claim with a space fails', () => {
    const stack = newStack();
    expect(() => facebookPool(stack, { rules: [rule(stack, { claim: 'is admin' })] }))
      .toThrow(`${ATTACHMENT}: roleMappings[0].rules[0].claim must match [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+ (no spaces) (received: "is admin")`);
  });

  test('custom attributes and non-ASCII claims pass', () => {
    const stack = newStack();
    facebookPool(stack, { rules: [rule(stack, { claim: 'custom:département' }), rule(stack, { claim: 'cognito:groups' })] });
    Template.fromStack(stack).resourceCountIs('AWS::Cognito::IdentityPoolRoleAttachment', 1);
  });

  test('an empty claim value fails', () => {
    const stack = newStack();
    expect(() => facebookPool(stack, { rules: [rule(stack, { claimValue: '' })] }))
      .toThrow(`${ATTACHMENT}: roleMappings[0].rules[0].claimValue must be 1-128 characters long, got 0 (received: "")`);
  });

  test('a claim value of more than 128 characters fails', () => {
    const stack = newStack();
    const claimValue = 'v'.repeat(129);
    expect(() => facebookPool(stack, { rules: [rule(stack, { claimValue })] }))
      .toThrow(`${ATTACHMENT}: roleMappings[0].rules[0].claimValue must be 1-128 characters long, got 129 (received: "${claimValue}")`);
  });

  test('a match type that is not one of the four fails', () => {
    const stack = newStack();
    expect(() => facebookPool(stack, { rules: [rule(stack, { matchType: 'Equal' as RoleMappingMatchType })] }))
      .toThrow(`${ATTACHMENT}: roleMappings[0].rules[0].matchType must be one of Equals, Contains, StartsWith, NotEqual (received: "Equal")`);
  });

  test('a rule without a role fails', () => {
    const stack = newStack();
    expect(() => facebookPool(stack, { rules: [rule(stack, { mappedRole: undefined })] }))
      .toThrow(`${ATTACHMENT}: roleMappings[0].rules[0].mappedRole is required: give an IAM role (iam.IRole) (received: undefined)`);
  });

  test('a rule whose role ARN is not a role\'s fails, naming the rule', () => {
    const stack = newStack();
    const user = iam.Role.fromRoleArn(stack, 'User', 'arn:aws:iam::123456789012:user/admin');
    expect(() => facebookPool(stack, { rules: [rule(stack), rule(stack, { mappedRole: user })] }))
      .toThrow(`${ATTACHMENT}: roleMappings[0].rules[1].mappedRole must be an IAM role, whose ARN has the form arn:<partition>:iam::<account>:role/<name> `
        + '(20-2048 characters) (received: "arn:aws:iam::123456789012:user/admin")');
  });

  test('token claims, values and match types are not judged', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    facebookPool(stack, {
      rules: [rule(stack, {
        claim: Lazy.string({ produce: () => 'is admin' }),
        claimValue: deployTimeString(stack, 'Value'),
        matchType: Token.asString({ resolve: () => 'Equals' }) as RoleMappingMatchType,
      })],
    });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPoolRoleAttachment', {
      RoleMappings: {
        'graph.facebook.com': {
          Type: 'Rules',
          AmbiguousRoleResolution: 'Deny',
          IdentityProvider: 'graph.facebook.com',
          RulesConfiguration: { Rules: [{ Claim: 'is admin', Value: { Ref: 'Value' }, MatchType: 'Equals', RoleARN: 'arn:aws:iam::123456789012:role/mapped' }] },
        },
      },
    });
  });
});

describe('provider URLs', () => {
  test('a URL with a scheme fails, saying to drop it', () => {
    // GIVEN
    const stack = newStack();
    const url = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi:client';

    // WHEN / THEN
    expect(() => new IdentityPool(stack, 'Pool', { roleMappings: [{ providerUrl: IdentityPoolProviderUrl.userPoolUrl(url), useToken: true }] }))
      .toThrow(`${ATTACHMENT}: roleMappings[0].providerUrl must name the provider without a scheme, as Cognito does: drop "https://" (received: "${url}")`);
  });

  test('a concrete scheme before a token fails too', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const url = `https://${deployTimeString(stack, 'Issuer')}`;
    expect(() => pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.openId(url), useToken: true }))
      .toThrow(`${ATTACHMENT}: roleMappings[0].providerUrl must name the provider without a scheme, as Cognito does: drop "https://" (received: "${url}")`);
  });

  test('only a scheme at the start is refused: "://" later in the URL, after a token, is not a scheme', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.openId(`${deployTimeString(stack, 'Issuer')}/a://b`), mappingKey: 'oidc', useToken: true });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPoolRoleAttachment', {
      RoleMappings: { oidc: { Type: 'Token', IdentityProvider: { 'Fn::Join': ['', [{ Ref: 'Issuer' }, '/a://b']] } } },
    });
  });

  test('a token URL is not judged', () => {
    const stack = newStack();
    new IdentityPool(stack, 'Pool', {
      roleMappings: [{ providerUrl: IdentityPoolProviderUrl.openId(Lazy.string({ produce: () => 'https://x' })), mappingKey: 'oidc', useToken: true }],
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPoolRoleAttachment', {
      RoleMappings: { oidc: { Type: 'Token', AmbiguousRoleResolution: 'Deny', IdentityProvider: 'https://x' } },
    });
  });

  test('a URL of more than 128 characters fails', () => {
    const stack = newStack();
    const url = `login.${'x'.repeat(119)}.com`;
    expect(() => new IdentityPool(stack, 'Pool', { roleMappings: [{ providerUrl: IdentityPoolProviderUrl.custom(url), useToken: true }] }))
      .toThrow(`${ATTACHMENT}: roleMappings[0].providerUrl must be 1-128 characters long, got 129 (received: "${url}")`);
  });

  test('a mapping without a provider URL fails', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    expect(() => pool.roleAttachment.addRoleMappings({ providerUrl: { value: undefined } as unknown as IdentityPoolProviderUrl, useToken: true }))
      .toThrow(`${ATTACHMENT}: roleMappings[0].providerUrl must be an IdentityPoolProviderUrl (received: \"<empty object>\")`);
  });

  test('a mapping without a provider URL after another one fails with our message, not a TypeError', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool', {
      authenticationProviders: { google: { clientId: 'g' } },
      roleMappings: [{ providerUrl: IdentityPoolProviderUrl.GOOGLE, useToken: true }],
    });
    expect(() => pool.addRoleMappings({ useToken: true } as unknown as IdentityPoolRoleMapping))
      .toThrow(`${ATTACHMENT}: roleMappings[1].providerUrl is required: give an IdentityPoolProviderUrl (received: undefined)`);
  });

  test('an empty URL fails', () => {
    const stack = newStack();
    expect(() => new IdentityPool(stack, 'Pool', { roleMappings: [{ providerUrl: IdentityPoolProviderUrl.custom(''), useToken: true }] }))
      .toThrow(`${ATTACHMENT}: roleMappings[0].providerUrl must be 1-128 characters long, got 0 (received: "")`);
  });
});

describe('mapping keys', () => {
  test('an empty mappingKey fails', () => {
    const stack = newStack();
    expect(() => facebookPool(stack, { mappingKey: '', useToken: true }))
      .toThrow(`${ATTACHMENT}: roleMappings[0].mappingKey must be 1-128 characters long, got 0 (received: "")`);
  });

  test('a mappingKey of more than 128 characters fails', () => {
    const stack = newStack();
    const mappingKey = 'k'.repeat(129);
    expect(() => facebookPool(stack, { mappingKey, useToken: true }))
      .toThrow(`${ATTACHMENT}: roleMappings[0].mappingKey must be 1-128 characters long, got 129 (received: "${mappingKey}")`);
  });

  test('the same provider mapped twice fails', () => {
    // GIVEN
    const stack = newStack();
    const pool = facebookPool(stack, { useToken: true });

    // WHEN / THEN
    expect(() => pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.FACEBOOK, mappingKey: 'facebook2', useToken: true }))
      .toThrow(`${ATTACHMENT}: roleMappings must map each identity provider once (Cognito keeps one mapping per provider) (received: "graph.facebook.com")`);
  });

  test('two providers with the same mappingKey get the key-clash message, not the same-provider one', () => {
    const stack = newStack();
    const pool = facebookPool(stack, { mappingKey: 'social', useToken: true });
    expect(() => pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.AMAZON, mappingKey: 'social', useToken: true }))
      .toThrow(`${ATTACHMENT}: roleMappings[1] must have a RoleMappings key of its own, but roleMappings[0] already has this key; `
        + 'set mappingKey to tell them apart (received: "social")');
  });

  test('a mappingKey equal to another mapping\'s provider URL fails: one would overwrite the other', () => {
    const stack = newStack();
    const pool = facebookPool(stack, { useToken: true });
    expect(() => pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.AMAZON, mappingKey: 'graph.facebook.com', useToken: true }))
      .toThrow(`${ATTACHMENT}: roleMappings[1] must have a RoleMappings key of its own, but roleMappings[0] already has this key; `
        + 'set mappingKey to tell them apart (received: "graph.facebook.com")');
  });

  test('a token mappingKey that resolves to a plain string is used', () => {
    const stack = newStack();
    facebookPool(stack, { mappingKey: Lazy.string({ produce: () => 'facebook' }), useToken: true });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPoolRoleAttachment', {
      RoleMappings: { facebook: { Type: 'Token', AmbiguousRoleResolution: 'Deny', IdentityProvider: 'graph.facebook.com' } },
    });
  });

  test('a mappingKey known only at deploy time fails: map keys cannot be intrinsics', () => {
    const stack = newStack();
    expect(() => facebookPool(stack, { mappingKey: deployTimeString(stack, 'Key'), useToken: true }))
      .toThrow(`${ATTACHMENT}: roleMappings[0].mappingKey must be a plain string of 1-128 characters, or a token that resolves to one at `
        + 'synth time: CloudFormation map keys cannot be intrinsic functions (received: {"Ref":"Key"})');
  });

  test('a lazy mappingKey that resolves to an empty string fails at synth', () => {
    // GIVEN
    const stack = newStack();
    facebookPool(stack, { mappingKey: Lazy.string({ produce: () => '' }), useToken: true });

    // WHEN / THEN
    expect(() => Template.fromStack(stack)).toThrow(validationFailure(ATTACHMENT,
      'roleMappings[0].mappingKey must be a plain string of 1-128 characters, or a token that resolves to one at '
      + 'synth time: CloudFormation map keys cannot be intrinsic functions (received: "")'));
  });

  test('two token mappingKeys that resolve to the same string fail at synth', () => {
    // GIVEN
    const stack = newStack();
    const pool = facebookPool(stack, { mappingKey: Lazy.string({ produce: () => 'same' }), useToken: true },
      { authenticationProviders: { facebook: { appId: '1234567890123' }, customProvider: 'my-provider' } });
    pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.custom('my-provider'), mappingKey: Lazy.string({ produce: () => 'same' }), useToken: true });

    // WHEN / THEN
    expect(() => Template.fromStack(stack)).toThrow(validationFailure(ATTACHMENT, 'roleMappings[1] must have a RoleMappings key of its own, but '
      + 'roleMappings[0] already has this key; set mappingKey to tell them apart (received: "same")'));
  });
});

describe('mappings for providers the pool is not configured with', () => {
  test('a social provider that is not configured fails when the mapping is added, listing those that are', () => {
    // GIVEN
    const stack = newStack();

    // WHEN / THEN
    expect(() => new IdentityPool(stack, 'Pool', {
      authenticationProviders: { facebook: { appId: '1234567890123' }, google: { clientId: 'client.apps.googleusercontent.com' } },
      roleMappings: [{ providerUrl: IdentityPoolProviderUrl.AMAZON, useToken: true }],
    })).toThrow(`${ATTACHMENT}: roleMappings[0].providerUrl must name an identity provider the pool is configured with (configured: `
      + '"graph.facebook.com", "accounts.google.com"), or Cognito rejects it as "not a configured provider"; add the provider to '
      + 'authenticationProviders (received: "www.amazon.com")');
  });

  test('a pool with no providers at all fails when the mapping is added', () => {
    const stack = newStack();
    expect(() => new IdentityPool(stack, 'Pool', { roleMappings: [{ providerUrl: IdentityPoolProviderUrl.custom('my-custom-provider.com'), useToken: true }] }))
      .toThrow(`${ATTACHMENT}: roleMappings[0].providerUrl must name an identity provider the pool is `
        + 'configured with (configured: none), or Cognito rejects it as "not a configured provider"; add the provider to authenticationProviders '
        + '(received: "my-custom-provider.com")');
  });

  test('addRoleMappings throws from the call, so the stack trace shows the line that added the mapping', () => {
    // GIVEN
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { facebook: { appId: '1234567890123' } } });

    // WHEN
    let thrown: Error | undefined;
    try {
      pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.GOOGLE, useToken: true });
    } catch (error) {
      thrown = error as Error;
    }

    // THEN
    expect(thrown?.message).toBe(`${ATTACHMENT}: roleMappings[0].providerUrl must name an identity provider the pool is configured with `
      + '(configured: "graph.facebook.com"), or Cognito rejects it as "not a configured provider"; add the provider to authenticationProviders '
      + '(received: "accounts.google.com")');
    expect(thrown?.stack).toContain(__filename);
  });

  test('a user pool URL the pool lacks fails at synth, not when added: a user pool can still be added; the path shows once', () => {
    // GIVEN
    const app = new App();
    new IdentityPool(new Stack(app, 'Stack'), 'Pool', { roleMappings: [{ providerUrl: userPoolUrl('client'), useToken: true }] });

    // WHEN
    let message = '';
    try {
      app.synth();
    } catch (error) {
      message = (error as Error).message;
    }

    // THEN
    expect(message).toBe(validationFailure(ATTACHMENT, 'roleMappings[0].providerUrl must name an identity provider the pool is configured with '
      + '(configured: none), or Cognito rejects it as "not a configured provider"; add the provider to authenticationProviders '
      + '(received: "cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi:client")'));
    expect(message.split(ATTACHMENT)).toHaveLength(2);
  });

  test('a provider added after the mapping counts', () => {
    // GIVEN
    const stack = newStack();
    const userPool = cognito.UserPool.fromUserPoolId(stack, 'UserPool', 'us-east-1_abcdefghi');
    const userPoolClient = cognito.UserPoolClient.fromUserPoolClientId(stack, 'Client', 'client');
    const pool = new IdentityPool(stack, 'Pool', {
      roleMappings: [{ providerUrl: IdentityPoolProviderUrl.userPoolUrl('cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi:client'), useToken: true }],
    });

    // WHEN
    pool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool, userPoolClient }));

    // THEN: the imported pool's name has tokens (region, URL suffix) around literal parts that match
    Template.fromStack(stack).resourceCountIs('AWS::Cognito::IdentityPoolRoleAttachment', 1);
  });

  test('a concrete user pool URL whose literal parts cannot match a configured user pool fails; deploy-time parts show as *', () => {
    const stack = newStack();
    const userPool = cognito.UserPool.fromUserPoolId(stack, 'UserPool', 'us-east-1_abcdefghi');
    const userPoolClient = cognito.UserPoolClient.fromUserPoolClientId(stack, 'Client', 'client');
    new IdentityPool(stack, 'Pool', {
      authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool, userPoolClient })] },
      roleMappings: [{ providerUrl: IdentityPoolProviderUrl.userPoolUrl('cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi:other'), useToken: true }],
    });
    expect(() => Template.fromStack(stack)).toThrow(validationFailure(ATTACHMENT, 'roleMappings[0].providerUrl must name an identity provider '
      + 'the pool is configured with (configured: "cognito-idp.*.*/us-east-1_abcdefghi:client"), or Cognito rejects it as "not a configured '
      + 'provider"; add the provider to authenticationProviders (received: "cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi:other")'));
  });

  test('a user pool defined in the app matches its own provider URL (the same token string)', () => {
    // GIVEN
    const stack = newStack();
    const userPool = new cognito.UserPool(stack, 'UserPool');
    const userPoolClient = userPool.addClient('Client');

    // WHEN
    new IdentityPool(stack, 'Pool', {
      authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool, userPoolClient })] },
      roleMappings: [{ providerUrl: IdentityPoolProviderUrl.userPool(userPool, userPoolClient), useToken: true }],
    });

    // THEN
    Template.fromStack(stack).resourceCountIs('AWS::Cognito::IdentityPoolRoleAttachment', 1);
  });

  test('a token URL of a user pool client defined in the app fails when that client is no provider of the pool', () => {
    const stack = newStack();
    const userPool = new cognito.UserPool(stack, 'UserPool');
    new IdentityPool(stack, 'Pool', {
      authenticationProviders: { facebook: { appId: '1234567890123' } },
      roleMappings: [{ providerUrl: IdentityPoolProviderUrl.userPool(userPool, userPool.addClient('Client')), useToken: true }],
    });
    expect(() => Template.fromStack(stack)).toThrow(`[${ATTACHMENT}] roleMappings[0].providerUrl must name an identity provider the pool `
      + 'is configured with (configured: "graph.facebook.com"), or Cognito rejects it as "not a configured provider"; add the provider to '
      + 'authenticationProviders (received: "the user pool and app client Stack/UserPool/Client")');
  });

  test('the same holds when the mapping is added with addRoleMappings and the pool has another client of that user pool', () => {
    const stack = newStack();
    const userPool = new cognito.UserPool(stack, 'UserPool');
    const pool = new IdentityPool(stack, 'Pool');
    pool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool }));
    pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.userPool(userPool, userPool.addClient('Other')), useToken: true });
    expect(() => Template.fromStack(stack)).toThrow(`[${ATTACHMENT}] roleMappings[0].providerUrl must name an identity provider the pool `
      + 'is configured with (configured: the user pool and app client Stack/UserPool/UserPoolAuthenticationProviderClient), or Cognito rejects it '
      + 'as "not a configured provider"; add the provider to authenticationProviders (received: "the user pool and app client Stack/UserPool/Other")');
  });

  test('a token URL of a client the pool signs in through passes, and one whose client is not in the app is not judged', () => {
    const stack = newStack();
    const userPool = new cognito.UserPool(stack, 'UserPool');
    const pool = new IdentityPool(stack, 'Pool');
    const client = pool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool }));
    pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.userPool(userPool, client), useToken: true });
    const imported = cognito.UserPoolClient.fromUserPoolClientId(stack, 'Imported', Fn.importValue('ClientId'));
    pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.userPool(userPool, imported), useToken: true });
    Template.fromStack(stack).resourceCountIs('AWS::Cognito::IdentityPoolRoleAttachment', 1);
  });

  test('OpenID Connect mappings match the issuer in a concrete ARN; a token ARN could be anything', () => {
    // GIVEN
    const stack = newStack();
    const imported = iam.OpenIdConnectProvider.fromOpenIdConnectProviderArn(stack, 'Oidc', 'arn:aws:iam::123456789012:oidc-provider/oidc.example.com');
    new IdentityPool(stack, 'Pool', {
      authenticationProviders: { openIdConnectProviders: [imported] },
      roleMappings: [{ providerUrl: IdentityPoolProviderUrl.openId('oidc.example.com'), useToken: true }],
    });
    const other = new Stack(new App(), 'Stack');
    new IdentityPool(other, 'Pool', {
      authenticationProviders: { openIdConnectProviders: [new iam.OpenIdConnectProvider(other, 'Defined', { url: 'https://issuer.example.com' })] },
      roleMappings: [{ providerUrl: IdentityPoolProviderUrl.openId('whatever.example.com'), useToken: true }],
    });

    // WHEN / THEN
    Template.fromStack(stack).resourceCountIs('AWS::Cognito::IdentityPoolRoleAttachment', 1);
    Template.fromStack(other).resourceCountIs('AWS::Cognito::IdentityPoolRoleAttachment', 1);
  });

  test('an OpenID Connect issuer that is not configured fails when added', () => {
    const stack = newStack();
    const imported = iam.OpenIdConnectProvider.fromOpenIdConnectProviderArn(stack, 'Oidc', 'arn:aws:iam::123456789012:oidc-provider/oidc.example.com');
    expect(() => new IdentityPool(stack, 'Pool', {
      authenticationProviders: { openIdConnectProviders: [imported] },
      roleMappings: [{ providerUrl: IdentityPoolProviderUrl.openId('other.example.com'), useToken: true }],
    })).toThrow(`${ATTACHMENT}: roleMappings[0].providerUrl must name an identity provider the pool is `
      + 'configured with (configured: "oidc.example.com"), or Cognito rejects it as "not a configured provider"; add the provider to '
      + 'authenticationProviders (received: "other.example.com")');
  });

  test('SAML mappings name the provider ARN, and the developer provider its name', () => {
    const stack = newStack();
    const arn = 'arn:aws:iam::123456789012:saml-provider/corp';
    new IdentityPool(stack, 'Pool', {
      authenticationProviders: { samlProviders: [iam.SamlProvider.fromSamlProviderArn(stack, 'Saml', arn)], customProvider: 'login.example.com' },
      roleMappings: [
        { providerUrl: IdentityPoolProviderUrl.saml(arn), mappingKey: 'saml', useToken: true },
        { providerUrl: IdentityPoolProviderUrl.custom('login.example.com'), useToken: true },
      ],
    });
    Template.fromStack(stack).resourceCountIs('AWS::Cognito::IdentityPoolRoleAttachment', 1);
  });

  test('an attachment for an imported pool is not judged: its providers are unknown', () => {
    const stack = newStack();
    const identityPool = IdentityPool.fromIdentityPoolId(stack, 'Imported', 'us-east-1:0a1b2c3d-0000-0000-0000-000000000000');
    new IdentityPoolRoleAttachment(stack, 'Attachment', {
      identityPool,
      roleMappings: [{ providerUrl: IdentityPoolProviderUrl.AMAZON, useToken: true }],
    });
    Template.fromStack(stack).resourceCountIs('AWS::Cognito::IdentityPoolRoleAttachment', 1);
  });
});

describe('Token mappings for providers whose tokens carry no role claims', () => {
  const DOCS = 'https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html#token-claims-for-role-based-access-control';

  function tokenWarnings(stack: Stack): string[] {
    return Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('cdk-identity-pool:tokenWithoutRoleClaims'))
      .map(warning => `${warning.id}: ${warning.entry.data}`);
  }

  test.each([
    ['AMAZON', IdentityPoolProviderUrl.AMAZON, { amazon: { appId: 'amzn1.application.x' } }, 'Login with Amazon tokens offer only the iss, aud and sub claims'],
    ['FACEBOOK', IdentityPoolProviderUrl.FACEBOOK, { facebook: { appId: '1234567890123' } }, 'Facebook tokens offer only the iss, aud and sub claims'],
    ['GOOGLE', IdentityPoolProviderUrl.GOOGLE, { google: { clientId: 'app.apps.googleusercontent.com' } }, 'Google tokens carry the standard OpenID Connect claims'],
    ['APPLE', IdentityPoolProviderUrl.APPLE, { apple: { servicesId: 'com.example.app' } }, 'Apple tokens carry the standard OpenID Connect claims'],
  ])('%s warns, with the documentation', (_name, providerUrl, authenticationProviders, claims) => {
    // GIVEN
    const stack = newStack();

    // WHEN
    new IdentityPool(stack, 'Pool', { authenticationProviders, roleMappings: [{ providerUrl, useToken: true }] });

    // THEN
    expect(tokenWarnings(stack)).toEqual([
      `/${ATTACHMENT}: roleMappings[0] (${providerUrl.value}) takes roles from the token (useToken), but ${claims}, none of them a role `
      + `(see ${DOCS}), so every user of this provider is denied credentials; use rules on its claims instead, or leave the provider unmapped `
      + 'so its users get the default authenticated role [ack: cdk-identity-pool:tokenWithoutRoleClaims]',
    ]);
  });

  test('with resolveAmbiguousRoles, says that every user gets the default authenticated role', () => {
    const stack = newStack();
    facebookPool(stack, { useToken: true, resolveAmbiguousRoles: true });
    expect(tokenWarnings(stack)[0]).toContain('so every user of this provider gets the default authenticated role;');
  });

  test('a Rules mapping for such a provider does not warn', () => {
    const stack = newStack();
    facebookPool(stack, { rules: [rule(stack, { claim: 'sub' })] });
    expect(tokenWarnings(stack)).toEqual([]);
  });

  test('Token mappings for user pools, SAML, OpenID Connect, Twitter and developer providers do not warn', () => {
    // GIVEN
    const stack = newStack();
    const userPool = new cognito.UserPool(stack, 'Users');
    const saml = iam.SamlProvider.fromSamlProviderArn(stack, 'Saml', 'arn:aws:iam::123456789012:saml-provider/corp');
    const oidc = iam.OpenIdConnectProvider.fromOpenIdConnectProviderArn(stack, 'Oidc', 'arn:aws:iam::123456789012:oidc-provider/oidc.example.com');
    const pool = new IdentityPool(stack, 'Pool', {
      authenticationProviders: {
        twitter: { consumerKey: 'key', consumerSecret: 'secret' },
        samlProviders: [saml],
        openIdConnectProviders: [oidc],
        customProvider: 'login.example.com',
      },
    });
    const client = pool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool }));

    // WHEN
    pool.addRoleMappings(
      { providerUrl: IdentityPoolProviderUrl.userPool(userPool, client), useToken: true },
      { providerUrl: IdentityPoolProviderUrl.saml(saml.samlProviderArn), useToken: true },
      { providerUrl: IdentityPoolProviderUrl.openId('oidc.example.com'), useToken: true },
      { providerUrl: IdentityPoolProviderUrl.TWITTER, useToken: true },
      { providerUrl: IdentityPoolProviderUrl.custom('login.example.com'), useToken: true },
    );

    // THEN
    expect(tokenWarnings(stack)).toEqual([]);
  });

  test('can be acknowledged on the pool', () => {
    const stack = newStack();
    const pool = facebookPool(stack, { useToken: true });
    CoreAnnotations.of(pool).acknowledgeWarning('cdk-identity-pool:tokenWithoutRoleClaims');
    expect(tokenWarnings(stack)).toEqual([]);
  });
});
