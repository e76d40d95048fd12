import { App, Lazy, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import {
  IdentityPool,
  IdentityPoolPrincipal,
  IdentityPoolPrincipalTags,
  IdentityPoolProviderUrl,
  IdentityPoolRoleAttachment,
  UserPoolAuthenticationProvider,
} from '../src';

function newStack(): Stack {
  return new Stack(new App(), 'Stack');
}

describe('principal tags', () => {
  test('maps a user pool\'s claims to principal tags', () => {
    // GIVEN
    const stack = newStack();
    const userPool = new cognito.UserPool(stack, 'Users');
    const identityPool = new IdentityPool(stack, 'Pool', {
      authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool })] },
    });

    // WHEN
    const tags = identityPool.addPrincipalTags('UserPoolTags', {
      providerName: userPool.userPoolProviderName,
      principalTags: { department: 'custom:department', username: 'sub' },
    });

    // THEN
    expect(tags.node.path).toBe('Stack/Pool/UserPoolTags');
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPoolPrincipalTag', {
      IdentityPoolId: { Ref: stack.getLogicalId(identityPool.node.defaultChild as cognito.CfnIdentityPool) },
      IdentityProviderName: { 'Fn::GetAtt': [stack.getLogicalId(userPool.node.defaultChild as cognito.CfnUserPool), 'ProviderName'] },
      PrincipalTags: { department: 'custom:department', username: 'sub' },
      UseDefaults: false,
    });
  });

  test('without tags the provider\'s default mapping is used', () => {
    const stack = newStack();
    const identityPool = new IdentityPool(stack, 'Pool', { authenticationProviders: { facebook: { appId: '123' } } });
    identityPool.addPrincipalTags('FacebookTags', { providerName: 'graph.facebook.com' });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPoolPrincipalTag', {
      IdentityProviderName: 'graph.facebook.com',
      PrincipalTags: Match.absent(),
      UseDefaults: true,
    });
  });

  test('useDefaults is kept as given', () => {
    const stack = newStack();
    const identityPool = new IdentityPool(stack, 'Pool');
    identityPool.addPrincipalTags('Tags', { providerName: 'accounts.google.com', principalTags: { email: 'email' }, useDefaults: true });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPoolPrincipalTag', {
      PrincipalTags: { email: 'email' },
      UseDefaults: true,
    });
  });

  test('the default roles may then receive session tags', () => {
    const stack = newStack();
    const identityPool = new IdentityPool(stack, 'Pool');
    identityPool.addPrincipalTags('A', { providerName: 'accounts.google.com' });
    identityPool.addPrincipalTags('B', { providerName: 'graph.facebook.com' });
    const poolRef = { Ref: stack.getLogicalId(identityPool.node.defaultChild as cognito.CfnIdentityPool) };
    for (const amr of ['authenticated', 'unauthenticated']) {
      const conditions = {
        'StringEquals': { 'cognito-identity.amazonaws.com:aud': poolRef },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr },
      };
      Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
        AssumeRolePolicyDocument: {
          Statement: [
            { Effect: 'Allow', Action: 'sts:AssumeRoleWithWebIdentity', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Condition: conditions },
            { Effect: 'Allow', Action: 'sts:TagSession', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Condition: conditions },
          ],
        },
      });
    }
    // Added once for both mappings (the template would hide a duplicate: it renders each statement once).
    for (const role of [identityPool.authenticatedRole, identityPool.unauthenticatedRole]) {
      expect((role as iam.Role).assumeRolePolicy?.statementCount).toBe(2);
    }
  });

  test('supplied roles are left as they are', () => {
    const stack = newStack();
    const authenticatedRole = new iam.Role(stack, 'Auth', { assumedBy: new iam.AccountRootPrincipal() });
    const identityPool = new IdentityPool(stack, 'Pool', { authenticatedRole });
    identityPool.addPrincipalTags('Tags', { providerName: 'accounts.google.com' });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Action: 'sts:AssumeRole' })] },
    });
  });

  test('an imported pool can carry principal tags', () => {
    const stack = newStack();
    const identityPool = IdentityPool.fromIdentityPoolId(stack, 'Imported', 'us-east-1:abc');
    new IdentityPoolPrincipalTags(stack, 'Tags', { identityPool, providerName: 'www.amazon.com' });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPoolPrincipalTag', {
      IdentityPoolId: 'us-east-1:abc',
      IdentityProviderName: 'www.amazon.com',
      UseDefaults: true,
    });
  });

  describe('validation', () => {
    const identityPool = () => {
      const stack = newStack();
      return IdentityPool.fromIdentityPoolId(stack, 'Imported', 'us-east-1:abc');
    };

    test('at most 50 tags', () => {
      const pool = identityPool();
      const principalTags: Record<string, string> = {};
      for (let i = 0; i < 51; i++) {
        principalTags[`k${i}`] = 'sub';
      }
      expect(() => new IdentityPoolPrincipalTags(pool.stack, 'Tags', { identityPool: pool, providerName: 'www.amazon.com', principalTags }))
        .toThrow(/^Stack\/Tags: principalTags must have at most 50 tags, got 51 \(received: \["k0","k1",/);
    });

    test('50 tags pass', () => {
      const pool = identityPool();
      const principalTags: Record<string, string> = {};
      for (let i = 0; i < 50; i++) {
        principalTags[`k${i}`] = 'sub';
      }
      new IdentityPoolPrincipalTags(pool.stack, 'Tags', { identityPool: pool, providerName: 'www.amazon.com', principalTags });
      expect(Object.keys(Template.fromStack(pool.stack).findResources('AWS::Cognito::IdentityPoolPrincipalTag'))).toHaveLength(1);
    });

    test('tag keys are 1-128 characters', () => {
      const pool = identityPool();
      const key = 'k'.repeat(129);
      expect(() => new IdentityPoolPrincipalTags(pool.stack, 'Tags', { identityPool: pool, providerName: 'www.amazon.com', principalTags: { [key]: 'sub' } }))
        .toThrow(`Stack/Tags: principalTags keys must be 1-128 characters long, got 129 (received: "${key}")`);
    });

    test('claims are 1-256 characters', () => {
      const pool = identityPool();
      expect(() => new IdentityPoolPrincipalTags(pool.stack, 'Tags', { identityPool: pool, providerName: 'www.amazon.com', principalTags: { team: '' } }))
        .toThrow('Stack/Tags: principalTags["team"] must be 1-256 characters long, got 0 (received: "")');
    });

    test('a token claim passes', () => {
      const pool = identityPool();
      new IdentityPoolPrincipalTags(pool.stack, 'Tags', {
        identityPool: pool,
        providerName: Lazy.string({ produce: () => 'www.amazon.com' }),
        principalTags: { team: Lazy.string({ produce: () => '' }) },
      });
      Template.fromStack(pool.stack).hasResourceProperties('AWS::Cognito::IdentityPoolPrincipalTag', {
        IdentityProviderName: 'www.amazon.com',
        PrincipalTags: { team: '' },
      });
    });

    test('a token tag key is an error', () => {
      const pool = identityPool();
      const key = Lazy.string({ produce: () => 'team' });
      expect(() => new IdentityPoolPrincipalTags(pool.stack, 'Tags', { identityPool: pool, providerName: 'www.amazon.com', principalTags: { [key]: 'sub' } }))
        .toThrow(/^Stack\/Tags: principalTags keys must be plain strings, since CloudFormation map keys cannot be tokens \(received: "\$\{Token\[/);
    });

    test('the provider name is 1-128 characters', () => {
      const pool = identityPool();
      expect(() => new IdentityPoolPrincipalTags(pool.stack, 'Tags', { identityPool: pool, providerName: '' }))
        .toThrow('Stack/Tags: providerName must be 1-128 characters long, got 0 (received: "")');
    });

    test('addPrincipalTags throws from the call, so the stack trace shows the line that made the mapping', () => {
      // GIVEN
      const stack = newStack();
      const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { google: { clientId: 'g' } } });

      // WHEN
      let thrown: Error | undefined;
      try {
        pool.addPrincipalTags('GoogleTags', { providerName: 'accounts.google.com', principalTags: { team: '' } });
      } catch (error) {
        thrown = error as Error;
      }

      // THEN
      expect(thrown?.message).toBe('Stack/Pool/GoogleTags: principalTags["team"] must be 1-256 characters long, got 0 (received: "")');
      expect(thrown?.stack).toContain(__filename);
    });
  });
});

describe('trust of roles that receive principal tags', () => {
  const ACK = ' [ack: cdk-identity-pool:roleTrust]';
  const DENIED = 'sign-in fails with STS AccessDenied "Not authorized to perform sts:AssumeRoleWithWebIdentity"';

  function roleTrustWarnings(stack: Stack): string[] {
    return Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('cdk-identity-pool:roleTrust'))
      .map(warning => `${warning.id}: ${warning.entry.data}`);
  }

  test('the default roles, given sts:TagSession, raise no warning', () => {
    const stack = newStack();
    const identityPool = new IdentityPool(stack, 'Pool', { authenticationProviders: { google: { clientId: 'g' } } });
    identityPool.addPrincipalTags('Tags', { providerName: 'accounts.google.com' });
    expect(roleTrustWarnings(stack)).toEqual([]);
  });

  test('a supplied role without sts:TagSession is named, with how sign-in fails', () => {
    // GIVEN a role that trusts the pool, but not for session tags
    const stack = newStack();
    const identityPool = new IdentityPool(stack, 'Pool', { authenticationProviders: { google: { clientId: 'g' } } });
    const editors = identityPool.addMappedRole('Editors');
    identityPool.addRoleMappings({
      providerUrl: IdentityPoolProviderUrl.GOOGLE,
      rules: [{ claim: 'email', claimValue: 'editor@example.com', mappedRole: editors }],
    });

    // WHEN
    identityPool.addPrincipalTags('Tags', { providerName: 'accounts.google.com' });

    // THEN
    expect(roleTrustWarnings(stack)).toEqual([
      '/Stack/Pool/DefaultRoleAttachment: The role Stack/Pool/Editors (mapped role of roleMappings[0].rules[0]) does not allow '
      + 'sts:TagSession to cognito-identity.amazonaws.com, but this pool passes principal tags (IdentityPoolPrincipalTags), so '
      + `${DENIED}; trust the pool with new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.AUTHENTICATED).withSessionTags()${ACK}`,
    ]);
  });

  test('a role trusting the pool with session tags passes', () => {
    const stack = newStack();
    const identityPool = new IdentityPool(stack, 'Pool', { authenticationProviders: { google: { clientId: 'g' } } });
    const editors = new iam.Role(stack, 'Editors', { assumedBy: new IdentityPoolPrincipal(identityPool).withSessionTags() });
    identityPool.addRoleMappings({
      providerUrl: IdentityPoolProviderUrl.GOOGLE,
      rules: [{ claim: 'email', claimValue: 'editor@example.com', mappedRole: editors }],
    });
    identityPool.addPrincipalTags('Tags', { providerName: 'accounts.google.com' });
    expect(roleTrustWarnings(stack)).toEqual([]);
  });

  test('an imported pool\'s attachment checks its roles for sts:TagSession too', () => {
    const stack = newStack();
    const identityPool = IdentityPool.fromIdentityPoolId(stack, 'Imported', 'us-east-1:abc');
    const authenticatedRole = new iam.Role(stack, 'Auth', { assumedBy: new IdentityPoolPrincipal(identityPool) });
    new IdentityPoolRoleAttachment(stack, 'Roles', { identityPool, authenticatedRole });
    new IdentityPoolPrincipalTags(stack, 'Tags', { identityPool, providerName: 'www.amazon.com' });
    expect(roleTrustWarnings(stack)).toEqual([
      '/Stack/Roles: The role Stack/Auth (authenticated default role) does not allow sts:TagSession to cognito-identity.amazonaws.com, '
      + `but this pool passes principal tags (IdentityPoolPrincipalTags), so ${DENIED}; trust the pool with `
      + `new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.AUTHENTICATED).withSessionTags()${ACK}`,
    ]);
  });
});

describe('one principal tag mapping per provider of a pool (CloudFormation identifies it by pool and provider)', () => {
  const RULE = 'must be mapped once per identity pool, but Stack/Pool/First already maps this provider\'s claims for this pool: CloudFormation '
    + 'identifies a principal tag mapping by its pool and provider, so a second one fails at deploy; put all its tags in one mapping';

  test('a second mapping for the same concrete provider fails, naming the first', () => {
    // GIVEN
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { google: { clientId: 'client' } } });
    pool.addPrincipalTags('First', { providerName: 'accounts.google.com', principalTags: { team: 'hd' } });

    // WHEN / THEN
    expect(() => pool.addPrincipalTags('Second', { providerName: 'accounts.google.com', principalTags: { email: 'email' } }))
      .toThrow(`Stack/Pool/Second: providerName ${RULE} (received: "accounts.google.com")`);
  });

  test('a second mapping for the same user pool, given as a token, fails too', () => {
    // GIVEN
    const stack = newStack();
    const userPool = new cognito.UserPool(stack, 'Users');
    const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool })] } });
    pool.addPrincipalTags('First', { providerName: userPool.userPoolProviderName });

    // WHEN / THEN
    expect(() => new IdentityPoolPrincipalTags(pool, 'Second', {
      identityPool: pool, providerName: Lazy.string({ produce: () => userPool.userPoolProviderName }),
    })).toThrow(`Stack/Pool/Second: providerName ${RULE} (received: "\${Token[`);
  });

  test('two imports of one pool share its mappings: a second one for the provider fails', () => {
    const stack = new Stack(new App(), 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
    const first = IdentityPool.fromIdentityPoolId(stack, 'Pool', 'us-east-1:0a1b2c3d');
    const again = IdentityPool.fromIdentityPoolId(stack, 'Again', 'us-east-1:0a1b2c3d');
    new IdentityPoolPrincipalTags(first, 'First', { identityPool: first, providerName: 'www.amazon.com' });
    expect(() => new IdentityPoolPrincipalTags(stack, 'Second', { identityPool: again, providerName: 'www.amazon.com' }))
      .toThrow(`Stack/Second: providerName ${RULE} (received: "www.amazon.com")`);
  });

  test('different providers of one pool, one provider of two pools, and one pool id in two accounts are each mapped', () => {
    // GIVEN
    const app = new App();
    const stack = new Stack(app, 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
    const other = new Stack(app, 'Other', { env: { account: '210987654321', region: 'us-east-1' } });
    const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { google: { clientId: 'client' }, amazon: { appId: 'app' } } });
    const second = new IdentityPool(stack, 'Second', { authenticationProviders: { google: { clientId: 'client' } } });
    const imported = IdentityPool.fromIdentityPoolId(stack, 'Imported', 'us-east-1:0a1b2c3d');
    const elsewhere = IdentityPool.fromIdentityPoolId(other, 'Imported', 'us-east-1:0a1b2c3d');

    // WHEN
    pool.addPrincipalTags('Google', { providerName: 'accounts.google.com' });
    pool.addPrincipalTags('Amazon', { providerName: 'www.amazon.com' });
    second.addPrincipalTags('Google', { providerName: 'accounts.google.com' });
    new IdentityPoolPrincipalTags(stack, 'ImportedTags', { identityPool: imported, providerName: 'accounts.google.com' });
    new IdentityPoolPrincipalTags(other, 'ImportedTags', { identityPool: elsewhere, providerName: 'accounts.google.com' });

    // THEN
    Template.fromStack(stack).resourceCountIs('AWS::Cognito::IdentityPoolPrincipalTag', 4);
    Template.fromStack(other).resourceCountIs('AWS::Cognito::IdentityPoolPrincipalTag', 1);
  });
});

describe('principal tag keys are session tag keys', () => {
  function mapping(tagKey: string) {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { google: { clientId: 'client' } } });
    return () => pool.addPrincipalTags('Tags', { providerName: 'accounts.google.com', principalTags: { [tagKey]: 'hd' } });
  }

  test('a key outside STS\'s tag key alphabet fails', () => {
    expect(mapping('team*')).toThrow('Stack/Pool/Tags: principalTags keys must be session tag keys: letters, digits, spaces and _.:/=+-@ only, '
      + 'as STS requires (received: "team*")');
  });

  test('a key with the reserved aws: prefix, in any case, fails', () => {
    expect(mapping('Aws:team')).toThrow('Stack/Pool/Tags: principalTags keys must not start with aws: (in any case), a prefix STS reserves for '
      + 'its own session tags (received: "Aws:team")');
  });

  test('keys of letters of any script, digits, spaces and every allowed sign are mapped', () => {
    // GIVEN
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { google: { clientId: 'client' } } });
    const tags = { 'équipe 1': 'hd', 'a_b.c:d/e=f+g-h@i': 'email', 'team:aws': 'sub' };

    // WHEN
    pool.addPrincipalTags('Tags', { providerName: 'accounts.google.com', principalTags: tags });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPoolPrincipalTag', { PrincipalTags: tags });
  });
});
