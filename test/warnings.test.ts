import { App, Annotations as CoreAnnotations, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IdentityPool, IdentityPoolProviderUrl } from '../src';

const GUEST_ACCESS = 'Guest access is on (allowUnauthenticatedIdentities): anyone who holds this identity pool\'s id, which ships in every '
  + 'client, gets the unauthenticated role\'s credentials, so give that role only what a stranger may do [ack: cdk-identity-pool:guestAccess]';
const CLASSIC_FLOW = 'The classic (basic) flow is on (allowClassicFlow): clients can call STS themselves with any role that trusts this '
  + 'identity pool, bypassing role mappings, ambiguous-role resolution and the scope-down policy of guest credentials, so every such role '
  + 'needs both the aud and the amr condition [ack: cdk-identity-pool:classicFlow]';

function newStack(): Stack {
  return new Stack(new App(), 'Stack');
}

function libraryWarnings(stack: Stack): string[] {
  return Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('\\[ack: cdk-identity-pool:'))
    .map(warning => `${warning.id}: ${warning.entry.data}`);
}

test('a pool with the defaults has no warning', () => {
  // GIVEN
  const stack = newStack();

  // WHEN
  new IdentityPool(stack, 'Pool');

  // THEN
  expect(libraryWarnings(stack)).toEqual([]);
});

describe('guest access', () => {
  test('warns on the pool', () => {
    const stack = newStack();
    new IdentityPool(stack, 'Pool', { allowUnauthenticatedIdentities: true });
    Annotations.fromStack(stack).hasWarning('/Stack/Pool', GUEST_ACCESS);
  });

  test('can be acknowledged on the pool after it is built', () => {
    // GIVEN
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool', { allowUnauthenticatedIdentities: true });

    // WHEN
    CoreAnnotations.of(pool).acknowledgeWarning('cdk-identity-pool:guestAccess', 'a public catalogue, read-only');

    // THEN
    expect(libraryWarnings(stack)).toEqual([]);
  });

  test('can be acknowledged on the stack before the pool is built', () => {
    // GIVEN
    const stack = newStack();
    CoreAnnotations.of(stack).acknowledgeWarning('cdk-identity-pool:guestAccess');

    // WHEN
    new IdentityPool(stack, 'Pool', { allowUnauthenticatedIdentities: true });

    // THEN
    expect(libraryWarnings(stack)).toEqual([]);
  });
});

describe('classic flow', () => {
  test('warns on the pool', () => {
    const stack = newStack();
    new IdentityPool(stack, 'Pool', { allowClassicFlow: true });
    Annotations.fromStack(stack).hasWarning('/Stack/Pool', CLASSIC_FLOW);
  });

  test('off, it does not warn', () => {
    const stack = newStack();
    new IdentityPool(stack, 'Pool', { allowClassicFlow: false });
    expect(libraryWarnings(stack)).toEqual([]);
  });

  test('can be acknowledged on the pool', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool', { allowClassicFlow: true });
    CoreAnnotations.of(pool).acknowledgeWarning('cdk-identity-pool:classicFlow');
    expect(libraryWarnings(stack)).toEqual([]);
  });
});

describe('resolveAmbiguousRoles', () => {
  test('on a rule-based mapping, warns that unmatched users get the default authenticated role', () => {
    // GIVEN
    const stack = newStack();
    const mappedRole = iam.Role.fromRoleArn(stack, 'Mapped', 'arn:aws:iam::123456789012:role/mapped');

    // WHEN
    new IdentityPool(stack, 'Pool', {
      authenticationProviders: { amazon: { appId: 'amzn1.application.x' } },
      roleMappings: [{ providerUrl: IdentityPoolProviderUrl.AMAZON, resolveAmbiguousRoles: true, rules: [{ claim: 'a', claimValue: 'b', mappedRole }] }],
    });

    // THEN
    Annotations.fromStack(stack).hasWarning('/Stack/Pool/DefaultRoleAttachment', 'roleMappings[0] (www.amazon.com) sets resolveAmbiguousRoles: '
      + 'users whom no rule matches silently get the default authenticated role instead of being denied credentials '
      + '[ack: cdk-identity-pool:resolveAmbiguousRoles]');
  });

  test('on a token mapping added later, warns about tokens that name no single role', () => {
    // GIVEN
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { facebook: { appId: '1234567890123' } } });

    // WHEN
    pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.FACEBOOK, useToken: true, resolveAmbiguousRoles: true });

    // THEN
    Annotations.fromStack(stack).hasWarning('/Stack/Pool/DefaultRoleAttachment', 'roleMappings[0] (graph.facebook.com) sets '
      + 'resolveAmbiguousRoles: users whose token names no single role silently get the default authenticated role instead of being '
      + 'denied credentials [ack: cdk-identity-pool:resolveAmbiguousRoles]');
  });

  test('can be acknowledged on the pool', () => {
    // (A developer provider: Facebook's tokens carry no roles, which warns of its own.)
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { customProvider: 'login.example.com' } });
    pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.custom('login.example.com'), useToken: true, resolveAmbiguousRoles: true });
    CoreAnnotations.of(pool).acknowledgeWarning('cdk-identity-pool:resolveAmbiguousRoles');
    expect(libraryWarnings(stack)).toEqual([]);
  });

  test('left at its default (Deny), does not warn', () => {
    const stack = newStack();
    new IdentityPool(stack, 'Pool', {
      authenticationProviders: { customProvider: 'login.example.com' },
      roleMappings: [{ providerUrl: IdentityPoolProviderUrl.custom('login.example.com'), useToken: true }],
    });
    expect(libraryWarnings(stack)).toEqual([]);
  });
});

describe('acknowledging, every way the README shows', () => {
  /** A pool whose supplied role does not trust it: `cdk-identity-pool:roleTrust`, found at synthesis. */
  function poolWithUntrustingRole(stack: Stack): IdentityPool {
    const authenticatedRole = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('service.amazonaws.com') });
    return new IdentityPool(stack, 'Pool', { authenticatedRole });
  }

  test('without an acknowledgement, the synth-time warning is on the role attachment (the check below can fail)', () => {
    const stack = newStack();
    poolWithUntrustingRole(stack);
    expect(libraryWarnings(stack)).toEqual([expect.stringMatching(/^\/Stack\/Pool\/DefaultRoleAttachment: The role Stack\/Role .*\[ack: cdk-identity-pool:roleTrust\]$/)]);
  });

  test('on the app, after the pool exists', () => {
    // GIVEN
    const app = new App();
    const stack = new Stack(app, 'Stack');
    new IdentityPool(stack, 'Pool', { allowUnauthenticatedIdentities: true });

    // WHEN
    CoreAnnotations.of(app).acknowledgeWarning('cdk-identity-pool:guestAccess');

    // THEN
    expect(libraryWarnings(stack)).toEqual([]);
  });

  test('on the app before the warning is raised, nothing is acknowledged: aws-cdk-lib looks only at the scopes between', () => {
    // aws-cdk-lib 2.187 looks up an earlier acknowledgement on the construct's scopes below the app,
    // so for a warning raised later (as at synthesis), the README says to use the stack or the pool.
    const app = new App();
    CoreAnnotations.of(app).acknowledgeWarning('cdk-identity-pool:guestAccess');
    const stack = new Stack(app, 'Stack');
    new IdentityPool(stack, 'Pool', { allowUnauthenticatedIdentities: true });
    Annotations.fromStack(stack).hasWarning('/Stack/Pool', GUEST_ACCESS);
  });

  test('on the stack, after the pool exists', () => {
    const stack = newStack();
    new IdentityPool(stack, 'Pool', { allowUnauthenticatedIdentities: true });
    CoreAnnotations.of(stack).acknowledgeWarning('cdk-identity-pool:guestAccess', 'a public catalogue');
    expect(libraryWarnings(stack)).toEqual([]);
  });

  test('a warning found at synthesis, acknowledged on the pool before it', () => {
    const stack = newStack();
    const pool = poolWithUntrustingRole(stack);
    CoreAnnotations.of(pool).acknowledgeWarning('cdk-identity-pool:roleTrust', 'checked by hand');
    expect(libraryWarnings(stack)).toEqual([]);
  });

  test('a warning found at synthesis, acknowledged on the stack before the pool exists (the README example)', () => {
    const stack = newStack();
    CoreAnnotations.of(stack).acknowledgeWarning('cdk-identity-pool:roleTrust', 'checked by hand');
    poolWithUntrustingRole(stack);
    expect(libraryWarnings(stack)).toEqual([]);
  });

  test('the CLI\'s `Annotation::<id>` form acknowledges nothing with Annotations.acknowledgeWarning', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool', { allowUnauthenticatedIdentities: true });
    CoreAnnotations.of(pool).acknowledgeWarning('Annotation::cdk-identity-pool:guestAccess');
    Annotations.fromStack(stack).hasWarning('/Stack/Pool', GUEST_ACCESS);
  });

  test('an acknowledgement below the construct that carries the warning does not cover it', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool', { allowUnauthenticatedIdentities: true });
    CoreAnnotations.of(pool.roleAttachment).acknowledgeWarning('cdk-identity-pool:guestAccess');
    Annotations.fromStack(stack).hasWarning('/Stack/Pool', GUEST_ACCESS);
  });
});
