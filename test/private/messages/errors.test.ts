import { App, Stack, Tags } from 'aws-cdk-lib';
import { Annotations } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import { IdentityPool, IdentityPoolProviderUrl } from '../../../src';
import { apiName, callerLanguage, configError, configErrorMessage, constructorCall, describePath } from '../../../src/private/messages/errors';

/** Runs `body` as if the jsii runtime of another language had started this process. */
function withAgent<T>(agent: string | undefined, body: () => T): T {
  const saved = process.env.JSII_AGENT;
  if (agent === undefined) {
    delete process.env.JSII_AGENT;
  } else {
    process.env.JSII_AGENT = agent;
  }
  try {
    return body();
  } finally {
    if (saved === undefined) {
      delete process.env.JSII_AGENT;
    } else {
      process.env.JSII_AGENT = saved;
    }
  }
}

describe('configError', () => {
  const stack = new Stack(new App(), 'Stack');
  const scope = new Construct(stack, 'Pool');

  test('names the path, the property, the rule and the value received', () => {
    expect(() => configError(scope, 'identityPoolName', 'must match [\\w\\s+=,.@-]+', 'a/b'))
      .toThrow('Stack/Pool: identityPoolName must match [\\w\\s+=,.@-]+ (received: "a/b")');
  });

  test.each([
    [42, '42'],
    [undefined, 'undefined'],
    [['a', 'b'], '["a","b"]'],
    [{ key: 'value' }, '{"key":"value"}'],
  ])('shows %p as %s', (received, shown) => {
    expect(configErrorMessage('p', 'is bad', received)).toBe(`p is bad (received: ${shown})`);
  });

  test('shows values JSON cannot encode as text', () => {
    const circular: any = {};
    circular.self = circular;
    expect(configErrorMessage('p', 'is bad', circular)).toBe('p is bad (received: [object Object])');
  });

  test('a root scope is named by its id, or <root>', () => {
    const root = new Stack(undefined, 'Lonely');
    expect(describePath(root)).toBe('Lonely');
    expect(describePath(new App())).toBe('<root>');
  });
});

describe('configErrorMessage, for validations', () => {
  test('leaves the path to aws-cdk-lib, which prints it before each failed validation: it shows once', () => {
    // GIVEN
    const app = new App();
    const stack = new Stack(app, 'Stack');
    const pool = new IdentityPool(stack, 'Pool');
    Tags.of(pool).add('team', 'a,b');

    // WHEN
    let message = '';
    try {
      app.synth();
    } catch (error) {
      message = (error as Error).message;
    }

    // THEN
    expect(message).toBe('Validation failed with the following errors:\n'
      + '  [Stack/Pool] tags["team"] must match [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]* (received: "a,b")');
    expect(message.match(/Stack\/Pool/g)).toHaveLength(1);
  });
});

describe('the caller\'s language', () => {
  test.each([
    [undefined, 'javascript'],
    ['', 'javascript'],
    ['Python/3.11.7', 'python'],
    ['Java/17.0.9', 'java'],
    ['DotNet/8.0.1/.NETCoreApp,Version=v8.0/1.0.0.0', 'dotnet'],
    ['go1.22.0/linux/amd64', 'go'],
    ['SomethingElse/1.0', 'javascript'],
    ['python/3.12.1', 'python'],
    ['NotPython/1.0', 'javascript'],
    ['NotJava/1.0', 'javascript'],
    ['NotDotNet/1.0', 'javascript'],
    ['ergo1.22.0/linux', 'javascript'],
    ['go/1.22.0', 'javascript'],
  ])('JSII_AGENT %p is %s', (agent, language) => {
    expect(callerLanguage(agent)).toBe(language);
  });

  test('is read from JSII_AGENT, as the jsii runtime sets it', () => {
    expect(withAgent('Python/3.12.1', () => callerLanguage())).toBe('python');
    expect(withAgent(undefined, () => callerLanguage())).toBe('javascript');
  });
});

describe('apiName', () => {
  test.each([
    ['identityPoolName', 'identity_pool_name', 'IdentityPoolName'],
    ['authenticationProviders.openIdConnectProviders[0]', 'authentication_providers.open_id_connect_providers[0]', 'AuthenticationProviders.OpenIdConnectProviders[0]'],
    ['roleMappings[1].rules[24].claimValue', 'role_mappings[1].rules[24].claim_value', 'RoleMappings[1].Rules[24].ClaimValue'],
    ['addRoleMappings', 'add_role_mappings', 'AddRoleMappings'],
    ['tags["teamName"]', 'tags["teamName"]', 'Tags["teamName"]'],
    ['principalTags["a]b.cD"]', 'principal_tags["a]b.cD"]', 'PrincipalTags["a]b.cD"]'],
    ['userPoolUrl', 'user_pool_url', 'UserPoolUrl'],
    ['openIDConnectProviders', 'open_id_connect_providers', 'OpenIDConnectProviders'],
    ['ABcDEf', 'a_bc_d_ef', 'ABcDEf'],
    ['s3Bucket', 's3_bucket', 'S3Bucket'],
    ['v2Name', 'v2_name', 'V2Name'],
    ['x[aB].cD', 'x[aB].c_d', 'X[aB].CD'],
    ['x[0][1].aB', 'x[0][1].a_b', 'X[0][1].AB'],
    ['tags["abc"].xY', 'tags["abc"].x_y', 'Tags["abc"].XY'],
    ['t["a\\"]bC"].xY', 't["a\\"]bC"].x_y', 'T["a\\"]bC"].XY'],
    ['tags[0', 'tags[0', 'Tags[0'],
    ['tags["a', 'tags["a', 'Tags["a'],
  ])('%s: Python %s, C# and Go %s', (name, python, pascal) => {
    expect(apiName(name, 'javascript')).toBe(name);
    expect(apiName(name, 'java')).toBe(name);
    expect(apiName(name, 'python')).toBe(python);
    expect(apiName(name, 'dotnet')).toBe(pascal);
    expect(apiName(name, 'go')).toBe(pascal);
  });

  test('constructor calls drop `new` in Python only', () => {
    expect(constructorCall('IdentityPoolPrincipal', 'pool', 'python')).toBe('IdentityPoolPrincipal(pool)');
    expect(constructorCall('IdentityPoolPrincipal', 'pool', 'java')).toBe('new IdentityPoolPrincipal(pool)');
    expect(constructorCall('IdentityPoolPrincipal', 'pool', 'javascript')).toBe('new IdentityPoolPrincipal(pool)');
  });
});

describe('messages, as a Python program reads them (JSII_AGENT=Python/...)', () => {
  const PYTHON = 'Python/3.11.7';

  test('a thrown error names the property in snake case', () => {
    const stack = new Stack(new App(), 'Stack');
    expect(() => withAgent(PYTHON, () => new IdentityPool(stack, 'Pool', { identityPoolName: 'a/b' })))
      .toThrow('Stack/Pool: identity_pool_name must match [\\w\\s+=,.@-]+ (received: "a/b")');
  });

  test('property paths and the names in the rule are Python\'s', () => {
    const stack = new Stack(new App(), 'Stack');
    expect(() => withAgent(PYTHON, () => new IdentityPool(stack, 'Pool', {
      authenticationProviders: { facebook: { appId: '1234567890123' } },
      roleMappings: [
        { providerUrl: IdentityPoolProviderUrl.FACEBOOK, useToken: true },
        { providerUrl: IdentityPoolProviderUrl.GOOGLE, useToken: true },
      ],
    }))).toThrow('Stack/Pool/DefaultRoleAttachment: role_mappings[1].provider_url must name an identity provider the pool is configured with '
      + '(configured: "graph.facebook.com"), or Cognito rejects it as "not a configured provider"; add the provider to authentication_providers '
      + '(received: "accounts.google.com")');
  });

  test('a failed validation, made while the Python program synthesizes', () => {
    // GIVEN
    const app = new App();
    const stack = new Stack(app, 'Stack');
    new IdentityPool(stack, 'Pool', {
      roleMappings: [{ providerUrl: IdentityPoolProviderUrl.userPoolUrl('cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi:client'), useToken: true }],
    });

    // WHEN / THEN
    expect(() => withAgent(PYTHON, () => app.synth())).toThrow('Validation failed with the following errors:\n  [Stack/Pool/DefaultRoleAttachment] '
      + 'role_mappings[0].provider_url must name an identity provider the pool is configured with (configured: none), or Cognito rejects it as '
      + '"not a configured provider"; add the provider to authentication_providers (received: "cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi:client")');
  });

  test('a warning names the prop as Python does', () => {
    const stack = new Stack(new App(), 'Stack');
    withAgent(PYTHON, () => new IdentityPool(stack, 'Pool', { allowUnauthenticatedIdentities: true }));
    Annotations.fromStack(stack).hasWarning('/Stack/Pool', 'Guest access is on (allow_unauthenticated_identities): anyone who holds this '
      + 'identity pool\'s id, which ships in every client, gets the unauthenticated role\'s credentials, so give that role only what a stranger may do [ack: cdk-identity-pool:guestAccess]');
  });

  test('without JSII_AGENT (JavaScript, TypeScript) the names are the TypeScript ones', () => {
    const stack = new Stack(new App(), 'Stack');
    expect(() => withAgent(undefined, () => new IdentityPool(stack, 'Pool', { identityPoolName: 'a/b' })))
      .toThrow('Stack/Pool: identityPoolName must match');
  });
});
