import { App, Lazy, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IIdentityPool } from '../../../../src';
import { IdentityPool, IdentityPoolIdentityType, IdentityPoolPrincipal } from '../../../../src';
import type { RoleUse } from '../../../../src/private/synth/facts';
import {
  allowsWebIdentity, ANY_PRINCIPAL, audIs, checkRoleTrust, conditionValues, expectedServices, statementsByShape, trustStatements,
} from '../../../../src/private/synth/trust/trust-check';

/**
 * The pieces every trust rule is built from, tested as functions: how a statement's conditions
 * are read (operators, wildcards, case), which statements count as letting a principal assume
 * the role, which principal a region expects, and how a role's statements are read.
 */

const COMMERCIAL = 'cognito-identity.amazonaws.com';
const GOVCLOUD = 'cognito-identity-us-gov.amazonaws.com';
const COMMERCIAL_ONLY = { expected: [COMMERCIAL] };

function withCondition(condition: Record<string, unknown>): Record<string, unknown> {
  return { Effect: 'Allow', Principal: { Federated: COMMERCIAL }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: condition };
}

function amrOf(condition: Record<string, unknown>) {
  return conditionValues(withCondition(condition), COMMERCIAL_ONLY, 'amr');
}

describe('conditionValues: the values of the string conditions on <principal>:<key>', () => {
  test('no condition, a condition on another key, or one on another principal\'s key: none', () => {
    expect(conditionValues({ Effect: 'Allow' }, COMMERCIAL_ONLY, 'amr')).toBeUndefined();
    expect(amrOf({ StringEquals: { [`${COMMERCIAL}:aud`]: 'pool' } })).toBeUndefined();
    expect(amrOf({ StringEquals: { [`${GOVCLOUD}:amr`]: 'authenticated' } })).toBeUndefined();
  });

  test('StringEquals admits exactly its value: no wildcards, case kept', () => {
    const amr = amrOf({ StringEquals: { [`${COMMERCIAL}:amr`]: 'auth*' } })!;
    expect(amr.admits('auth*')).toBe(true);
    expect(amr.admits('authenticated')).toBe(false);
    expect(amr.admits('AUTH*')).toBe(false);
  });

  test.each(['ForAnyValue:StringEquals', 'ForAllValues:StringEquals'])('%s compares exactly too', operator => {
    const amr = amrOf({ [operator]: { [`${COMMERCIAL}:amr`]: ['authenticated', 'unauthenticated'] } })!;
    expect(amr.admits('authenticated')).toBe(true);
    expect(amr.admits('unauthenticated')).toBe(true);
    expect(amr.admits('authenticate')).toBe(false);
    expect(amr.admits('Authenticated')).toBe(false);
  });

  test('StringLike: * is any run of characters, ? one character, anchored at both ends', () => {
    const amr = amrOf({ 'ForAnyValue:StringLike': { [`${COMMERCIAL}:amr`]: ['auth*', 'gr?up'] } })!;
    expect(amr.admits('authenticated')).toBe(true);
    expect(amr.admits('auth')).toBe(true);
    expect(amr.admits('unauthenticated')).toBe(false);
    expect(amr.admits('group')).toBe(true);
    expect(amr.admits('grup')).toBe(false);
    expect(amr.admits('grooup')).toBe(false);
    expect(amr.admits('groups')).toBe(false);
    expect(amr.admits('Authenticated')).toBe(false);
  });

  test('StringLike matches across line breaks and treats other pattern characters literally', () => {
    const amr = amrOf({ StringLike: { [`${COMMERCIAL}:amr`]: ['a*z', 'x.y', '(p)+[q]', '$^{}|\\'] } })!;
    expect(amr.admits('a\nz')).toBe(true);
    expect(amr.admits('x.y')).toBe(true);
    expect(amr.admits('xzy')).toBe(false);
    expect(amr.admits('(p)+[q]')).toBe(true);
    expect(amr.admits('pp[q]')).toBe(false);
    expect(amr.admits('$^{}|\\')).toBe(true);
  });

  test('IgnoreCase operators compare without case, with and without wildcards', () => {
    const exact = amrOf({ StringEqualsIgnoreCase: { [`${COMMERCIAL}:amr`]: 'Authenticated' } })!;
    expect(exact.admits('authenticated')).toBe(true);
    expect(exact.admits('AUTHENTICATED')).toBe(true);
    expect(exact.admits('authenticate')).toBe(false);
    const like = amrOf({ 'ForAnyValue:StringLikeIgnoreCase': { [`${COMMERCIAL}:amr`]: 'AUTH*' } })!;
    expect(like.admits('authenticated')).toBe(true);
    expect(like.admits('unauthenticated')).toBe(false);
  });

  test('StringEqualsIgnoreCase has no wildcards, and a value that is not a string admits no string', () => {
    const exact = amrOf({ StringEqualsIgnoreCase: { [`${COMMERCIAL}:amr`]: ['Auth*', { Ref: 'Amr' }] } })!;
    expect(exact.admits('auth*')).toBe(true);
    expect(exact.admits('authenticated')).toBe(false);
    expect(exact.admits('amr')).toBe(false);
    expect(exact.equals({ Ref: 'Amr' })).toBe(true);
  });

  test('a wildcard pattern compiled without case is not reused with case, nor the other way round', () => {
    // Patterns of their own: compiled patterns are kept for the whole process.
    expect(amrOf({ StringLikeIgnoreCase: { [`${COMMERCIAL}:amr`]: 'sQ7*' } })!.admits('SQ7x')).toBe(true);
    expect(amrOf({ StringLike: { [`${COMMERCIAL}:amr`]: 'Q7*' } })!.admits('Q7x')).toBe(true);
    expect(amrOf({ StringLikeIgnoreCase: { [`${COMMERCIAL}:amr`]: 'W5*' } })!.admits('w5x')).toBe(true);
    expect(amrOf({ StringLike: { [`${COMMERCIAL}:amr`]: 'iW5*' } })!.admits('iW5x')).toBe(true);
    expect(amrOf({ StringLike: { [`${COMMERCIAL}:amr`]: 'iW5*' } })!.admits('IW5x')).toBe(false);
  });

  test('condition keys are read without case', () => {
    expect(amrOf({ StringEquals: { 'Cognito-Identity.AmazonAWS.com:AMR': 'authenticated' } })?.admits('authenticated')).toBe(true);
  });

  test.each([
    ['StringNotEquals'],
    ['StringNotLike'],
    ['StringEqualsIfExists'],
    ['ArnLike'],
    ['Null'],
    ['ForAnyValue:StringNotLike'],
    ['XStringEquals'],
    ['StringEqualsX'],
  ])('%s is not a condition that admits values: it is left out', operator => {
    expect(amrOf({ [operator]: { [`${COMMERCIAL}:amr`]: 'authenticated' } })).toBeUndefined();
  });

  test('a condition block that is not an object is skipped, and the others still read', () => {
    expect(amrOf({ StringEquals: null, StringLike: 'authenticated' })).toBeUndefined();
    const amr = amrOf({ 'StringEquals': null, 'ForAnyValue:StringLike': { [`${COMMERCIAL}:amr`]: 'authenticated' } });
    expect(amr?.admits('authenticated')).toBe(true);
  });

  test('the values of every operator on the key count together', () => {
    const aud = conditionValues(withCondition({
      StringEquals: { [`${COMMERCIAL}:aud`]: 'us-east-1:aaaa' },
      StringLike: { [`${COMMERCIAL}:aud`]: 'eu-west-1:*' },
    }), COMMERCIAL_ONLY, 'aud')!;
    expect(aud.admits('us-east-1:aaaa')).toBe(true);
    expect(aud.admits('eu-west-1:bbbb')).toBe(true);
    expect(aud.admits('us-west-2:cccc')).toBe(false);
  });

  test('with several principals expected, the key of each is read', () => {
    const china = 'cognito-identity.cn-north-1.amazonaws.com.cn';
    const statement = withCondition({
      StringEquals: { [`${COMMERCIAL}:aud`]: 'a', [`${china}:aud`]: 'b', [`${GOVCLOUD}:aud`]: 'c' },
    });
    const aud = conditionValues(statement, { expected: [COMMERCIAL, china] }, 'aud')!;
    expect(aud.admits('a')).toBe(true);
    expect(aud.admits('b')).toBe(true);
    expect(aud.admits('c')).toBe(false);
    expect(conditionValues(statement, { expected: [GOVCLOUD] }, 'aud')?.admits('a')).toBe(false);
  });

  test('equals compares resolved values: strings by the operator, intrinsics as JSON', () => {
    const ref = { Ref: 'Pool' };
    const exact = conditionValues(withCondition({ StringEquals: { [`${COMMERCIAL}:aud`]: ref } }), COMMERCIAL_ONLY, 'aud')!;
    expect(exact.equals({ Ref: 'Pool' })).toBe(true);
    expect(exact.equals({ Ref: 'Other' })).toBe(false);
    expect(exact.equals('Pool')).toBe(false);
    const like = conditionValues(withCondition({ StringLike: { [`${COMMERCIAL}:aud`]: [ref, 'us-east-1:*'] } }), COMMERCIAL_ONLY, 'aud')!;
    expect(like.equals({ Ref: 'Pool' })).toBe(true);
    expect(like.equals({ Ref: 'Other' })).toBe(false);
    expect(like.equals('us-east-1:abcd')).toBe(true);
    expect(like.equals('eu-west-1:abcd')).toBe(false);
    // An intrinsic never admits a string, whatever the operator.
    expect(like.admits('Pool')).toBe(false);
    const ignoreCase = conditionValues(withCondition({ StringEqualsIgnoreCase: { [`${COMMERCIAL}:aud`]: 'US-EAST-1:ABCD' } }), COMMERCIAL_ONLY, 'aud')!;
    expect(ignoreCase.equals('us-east-1:abcd')).toBe(true);
    expect(ignoreCase.equals('us-east-1:abce')).toBe(false);
  });

  test('the same statement read for two keys, or two principals, gives each its own values', () => {
    const statement = withCondition({
      'StringEquals': { [`${COMMERCIAL}:aud`]: 'pool', [`${GOVCLOUD}:aud`]: 'gov-pool' },
      'ForAnyValue:StringLike': { [`${COMMERCIAL}:amr`]: 'authenticated' },
    });
    expect(conditionValues(statement, COMMERCIAL_ONLY, 'aud')?.admits('pool')).toBe(true);
    expect(conditionValues(statement, COMMERCIAL_ONLY, 'amr')?.admits('pool')).toBe(false);
    expect(conditionValues(statement, COMMERCIAL_ONLY, 'amr')?.admits('authenticated')).toBe(true);
    expect(conditionValues(statement, { expected: [GOVCLOUD] }, 'aud')?.admits('gov-pool')).toBe(true);
    expect(conditionValues(statement, { expected: [GOVCLOUD] }, 'aud')?.admits('pool')).toBe(false);
    expect(conditionValues(statement, { expected: [GOVCLOUD] }, 'amr')).toBeUndefined();
  });
});

describe('audIs', () => {
  test('missing, match or other', () => {
    expect(audIs(withCondition({}), COMMERCIAL_ONLY, 'us-east-1:aaaa')).toBe('missing');
    const statement = withCondition({ StringEquals: { [`${COMMERCIAL}:aud`]: 'us-east-1:aaaa' } });
    expect(audIs(statement, COMMERCIAL_ONLY, 'us-east-1:aaaa')).toBe('match');
    expect(audIs(statement, COMMERCIAL_ONLY, 'us-east-1:bbbb')).toBe('other');
  });
});

describe('allowsWebIdentity: an Allow of sts:AssumeRoleWithWebIdentity to an expected federated principal', () => {
  const statement = (fields: Record<string, unknown>) =>
    ({ Effect: 'Allow', Principal: { Federated: COMMERCIAL }, Action: 'sts:AssumeRoleWithWebIdentity', ...fields });

  test('the library\'s statement qualifies', () => {
    expect(allowsWebIdentity(statement({}), COMMERCIAL_ONLY)).toBe(true);
  });

  test.each([
    ['a Deny', { Effect: 'Deny' }],
    ['no Effect', { Effect: undefined }],
    ['another federated principal', { Principal: { Federated: GOVCLOUD } }],
    ['a service principal', { Principal: { Service: COMMERCIAL } }],
    ['no principal', { Principal: undefined }],
    ['a principal that is not a string', { Principal: { Federated: [{ Ref: 'X' }] } }],
    ['another action', { Action: 'sts:AssumeRole' }],
    ['an action that is a prefix of it', { Action: 'sts:AssumeRoleWithWeb' }],
    ['a ? that stands for a missing character', { Action: 'sts:AssumeRoleWithWebIdentit?y' }],
    ['no action', { Action: undefined }],
    ['an action that is not a string', { Action: [{ Ref: 'X' }] }],
  ])('%s does not', (_what, fields) => {
    expect(allowsWebIdentity(statement(fields), COMMERCIAL_ONLY)).toBe(false);
  });

  test.each([
    ['in a list of principals', { Principal: { Federated: ['accounts.google.com', COMMERCIAL] } }],
    ['in a list of actions', { Action: ['sts:TagSession', 'sts:AssumeRoleWithWebIdentity'] }],
    ['sts:*', { Action: 'sts:*' }],
    ['*', { Action: '*' }],
    ['a trailing wildcard', { Action: 'sts:AssumeRoleWith*' }],
    ['a ?', { Action: 'sts:AssumeRoleWithWebIdentit?' }],
    ['another case (IAM actions ignore case)', { Action: 'STS:assumerolewithwebidentity' }],
  ])('the action or principal %s qualifies', (_what, fields) => {
    expect(allowsWebIdentity(statement(fields), COMMERCIAL_ONLY)).toBe(true);
  });

  test('a statement that is not an object does not', () => {
    expect(allowsWebIdentity(undefined, COMMERCIAL_ONLY)).toBe(false);
    expect(allowsWebIdentity(null, COMMERCIAL_ONLY)).toBe(false);
  });

  test('any of several expected principals qualifies', () => {
    expect(allowsWebIdentity(statement({ Principal: { Federated: GOVCLOUD } }), { expected: [COMMERCIAL, GOVCLOUD] })).toBe(true);
  });
});

describe('expectedServices: the principal of the pool\'s region, else of the role\'s stack', () => {
  const poolIn = (region: string) => ({ env: { account: '111111111111', region } }) as unknown as IIdentityPool;
  const stackIn = (region?: string) => new Stack(new App(), 'Stack', region === undefined ? undefined : { env: { region } });

  test('a commercial region: the commercial principal, with GovCloud as the other', () => {
    expect(expectedServices(poolIn('eu-west-1'), stackIn())).toEqual({ expected: [COMMERCIAL], other: GOVCLOUD, region: 'eu-west-1' });
  });

  test('a GovCloud region: the GovCloud principal, with the commercial one as the other', () => {
    expect(expectedServices(poolIn('us-gov-west-1'), stackIn())).toEqual({ expected: [GOVCLOUD], other: COMMERCIAL, region: 'us-gov-west-1' });
  });

  test('a China region: the commercial principal and the region\'s own issuer', () => {
    expect(expectedServices(poolIn('cn-northwest-1'), stackIn())).toEqual({
      expected: [COMMERCIAL, 'cognito-identity.cn-northwest-1.amazonaws.com.cn'], other: GOVCLOUD, region: 'cn-northwest-1',
    });
  });

  test('a pool region that is a token: the region of the role\'s stack', () => {
    expect(expectedServices(poolIn(Token.asString({ Ref: 'AWS::Region' })), stackIn('us-gov-east-1')).expected).toEqual([GOVCLOUD]);
  });

  test('no concrete region: every principal a pool may sign in through', () => {
    const token = Token.asString({ Ref: 'AWS::Region' });
    expect(expectedServices(poolIn(token), stackIn())).toEqual({ expected: ANY_PRINCIPAL });
    expect(ANY_PRINCIPAL).toEqual([
      COMMERCIAL, GOVCLOUD, 'cognito-identity.cn-north-1.amazonaws.com.cn', 'cognito-identity.cn-northwest-1.amazonaws.com.cn',
    ]);
  });
});

describe('a role\'s trust statements', () => {
  function roleWith(principal: iam.IPrincipal): { stack: Stack; role: iam.Role } {
    const stack = new Stack(new App(), 'Stack', { env: { account: '111111111111', region: 'us-east-1' } });
    return { stack, role: new iam.Role(stack, 'Role', { assumedBy: principal }) };
  }

  test('an imported role has none that can be read', () => {
    const stack = new Stack();
    const role = iam.Role.fromRoleArn(stack, 'Imported', 'arn:aws:iam::111111111111:role/app');
    expect(trustStatements(role)).toBeUndefined();
    expect(trustStatements(role, false)).toBeUndefined();
    expect(statementsByShape(role)).toBeUndefined();
  });

  test('unresolved, they keep token strings; resolved, they hold intrinsics', () => {
    const { stack, role } = roleWith(new iam.FederatedPrincipal(COMMERCIAL, {
      StringEquals: { [`${COMMERCIAL}:aud`]: Token.asString({ Ref: 'Pool' }) },
    }, 'sts:AssumeRoleWithWebIdentity'));
    const unresolved = trustStatements(role, false)!;
    expect(Token.isUnresolved(unresolved[0].Condition.StringEquals[`${COMMERCIAL}:aud`])).toBe(true);
    expect(trustStatements(role)).toEqual([{
      Effect: 'Allow',
      Principal: { Federated: COMMERCIAL },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { [`${COMMERCIAL}:aud`]: { Ref: 'Pool' } } },
    }]);
    expect(stack.resolve(unresolved)).toEqual(trustStatements(role));
  });

  test('by shape: unresolved while principal, actions and condition keys are concrete', () => {
    const { role } = roleWith(new iam.FederatedPrincipal(COMMERCIAL, {
      StringEquals: { [`${COMMERCIAL}:aud`]: Token.asString({ Ref: 'Pool' }) },
    }, 'sts:AssumeRoleWithWebIdentity'));
    expect(statementsByShape(role)).toBe(trustStatements(role, false));
  });

  test.each([
    ['the principal', () => new iam.FederatedPrincipal(Token.asString({ Ref: 'Issuer' }), {}, 'sts:AssumeRoleWithWebIdentity')],
    ['a principal in a list', () => new iam.FederatedPrincipal(Token.asString({ Ref: 'Issuer' }), {}, 'sts:AssumeRoleWithWebIdentity')
      .withSessionTags()],
    ['the condition operator', () => new iam.FederatedPrincipal(COMMERCIAL, {
      [Lazy.string({ produce: () => 'StringEquals' })]: { [`${COMMERCIAL}:aud`]: 'x' },
    }, 'sts:AssumeRoleWithWebIdentity')],
    ['a condition key', () => new iam.FederatedPrincipal(COMMERCIAL, {
      StringEquals: { [Lazy.string({ produce: () => `${COMMERCIAL}:aud` })]: 'x' },
    }, 'sts:AssumeRoleWithWebIdentity')],
    ['a condition block', () => new iam.FederatedPrincipal(COMMERCIAL, {
      StringEquals: Lazy.any({ produce: () => ({ [`${COMMERCIAL}:aud`]: 'x' }) }),
    }, 'sts:AssumeRoleWithWebIdentity')],
  ])('by shape: resolved when %s is a token', (_what, principal) => {
    const { role } = roleWith(principal());
    const byShape = statementsByShape(role)!;
    expect(byShape).toBe(trustStatements(role));
    expect(byShape).not.toBe(trustStatements(role, false));
    expect(JSON.stringify(byShape)).not.toContain('${Token[');
  });

  test('by shape: an action that is a token makes them resolved too', () => {
    const { role } = roleWith(new iam.FederatedPrincipal(COMMERCIAL, {}, Token.asString({ Ref: 'Action' })));
    expect(statementsByShape(role)).toBe(trustStatements(role));
  });

  test('a statement added after they were read is seen', () => {
    const { role } = roleWith(new iam.FederatedPrincipal(COMMERCIAL, {}, 'sts:AssumeRoleWithWebIdentity'));
    expect(trustStatements(role)).toHaveLength(1);
    expect(statementsByShape(role)).toHaveLength(1);
    role.assumeRolePolicy!.addStatements(new iam.PolicyStatement({
      principals: [new iam.FederatedPrincipal(COMMERCIAL)], actions: ['sts:TagSession'],
    }));
    expect(trustStatements(role)).toHaveLength(2);
    expect(trustStatements(role, false)).toHaveLength(2);
    expect(statementsByShape(role)).toHaveLength(2);
  });

  test('a condition whose values are a list token shows what the list produces, unresolved', () => {
    const pools = ['us-east-1:aaaa', Token.asString({ Ref: 'Pool' })];
    const { role } = roleWith(new iam.FederatedPrincipal(COMMERCIAL, {
      StringEquals: { [`${COMMERCIAL}:aud`]: Lazy.list({ produce: () => pools }) },
    }, 'sts:AssumeRoleWithWebIdentity'));
    const aud = trustStatements(role, false)![0].Condition.StringEquals[`${COMMERCIAL}:aud`];
    expect(aud).toEqual(pools);
    expect(trustStatements(role)![0].Condition.StringEquals[`${COMMERCIAL}:aud`]).toEqual(['us-east-1:aaaa', { Ref: 'Pool' }]);
  });

  test('a list token that produces something other than strings stays a token, and resolves', () => {
    const { role } = roleWith(new iam.FederatedPrincipal(COMMERCIAL, {
      StringEquals: { [`${COMMERCIAL}:aud`]: Lazy.list({ produce: () => [{ Ref: 'Pool' }] as unknown as string[] }) },
    }, 'sts:AssumeRoleWithWebIdentity'));
    const aud = trustStatements(role, false)![0].Condition.StringEquals[`${COMMERCIAL}:aud`];
    expect(Token.isUnresolved(aud)).toBe(true);
    expect(trustStatements(role)![0].Condition.StringEquals[`${COMMERCIAL}:aud`]).toEqual([{ Ref: 'Pool' }]);
  });

  test('a list token that fails to produce stays a token', () => {
    const { role } = roleWith(new iam.FederatedPrincipal(COMMERCIAL, {
      StringEquals: { [`${COMMERCIAL}:aud`]: Lazy.list({ produce: () => { throw new Error('not yet'); } }) },
    }, 'sts:AssumeRoleWithWebIdentity'));
    expect(Token.isUnresolved(trustStatements(role, false)![0].Condition.StringEquals[`${COMMERCIAL}:aud`])).toBe(true);
    // Nor can it resolve: the resolved statements cannot be read.
    expect(trustStatements(role)).toBeUndefined();
  });

  test('a condition block that is a token (a Lazy map) is kept as it is, and resolves to what it produces', () => {
    const { role } = roleWith(new iam.FederatedPrincipal(COMMERCIAL, {
      StringEquals: Lazy.any({ produce: () => ({ [`${COMMERCIAL}:aud`]: 'us-east-1:aaaa' }) }),
    }, 'sts:AssumeRoleWithWebIdentity'));
    expect(Token.isUnresolved(trustStatements(role, false)![0].Condition.StringEquals)).toBe(true);
    expect(trustStatements(role)![0].Condition).toEqual({ StringEquals: { [`${COMMERCIAL}:aud`]: 'us-east-1:aaaa' } });
  });

  test('a role whose trust policy has no statements has none, read either way', () => {
    const silent: iam.IPrincipal = {
      ...new iam.ServicePrincipal('lambda.amazonaws.com'),
      addToAssumeRolePolicy: () => undefined,
    } as unknown as iam.IPrincipal;
    const { role } = roleWith(silent);
    expect(role.assumeRolePolicy!.statementCount).toBe(0);
    expect(trustStatements(role)).toEqual([]);
    expect(trustStatements(role, false)).toEqual([]);
    expect(statementsByShape(role)).toEqual([]);
  });

  test('by shape: a statement without a principal is read as it is', () => {
    const { role } = roleWith(new iam.FederatedPrincipal(COMMERCIAL, {}, 'sts:AssumeRoleWithWebIdentity'));
    role.assumeRolePolicy!.addStatements(new iam.PolicyStatement({ effect: iam.Effect.DENY, actions: ['sts:TagSession'] }));
    expect(statementsByShape(role)).toBe(trustStatements(role, false));
    expect(statementsByShape(role)![1]).toEqual({ Effect: 'Deny', Action: 'sts:TagSession' });
  });

  const lazy = (value: string) => Lazy.string({ produce: () => value });
  test.each([
    ['a principal beside a concrete one', () => new iam.PolicyStatement({
      principals: [new iam.FederatedPrincipal(COMMERCIAL), new iam.ArnPrincipal(lazy('arn:aws:iam::111111111111:role/a'))],
      actions: ['sts:AssumeRoleWithWebIdentity'],
    })],
    ['a principal in a list beside a concrete one', () => new iam.PolicyStatement({
      principals: [new iam.ArnPrincipal('arn:aws:iam::111111111111:role/a'), new iam.ArnPrincipal(lazy('arn:aws:iam::111111111111:role/b'))],
      actions: ['sts:AssumeRole'],
    })],
    ['an action beside a concrete one', () => new iam.PolicyStatement({
      principals: [new iam.FederatedPrincipal(COMMERCIAL)], actions: ['sts:AssumeRoleWithWebIdentity', lazy('sts:TagSession')],
    })],
    ['a condition key beside a concrete one', () => new iam.PolicyStatement({
      principals: [new iam.FederatedPrincipal(COMMERCIAL)],
      actions: ['sts:AssumeRoleWithWebIdentity'],
      conditions: { StringEquals: { [`${COMMERCIAL}:aud`]: 'x', [lazy(`${COMMERCIAL}:amr`)]: 'authenticated' } },
    })],
  ])('by shape: resolved when %s is a token, in a second statement', (_what, statement) => {
    const { role } = roleWith(new iam.FederatedPrincipal(COMMERCIAL, {}, 'sts:AssumeRoleWithWebIdentity'));
    role.assumeRolePolicy!.addStatements(statement());
    const byShape = statementsByShape(role)!;
    expect(byShape).toBe(trustStatements(role));
    expect(JSON.stringify(byShape)).not.toContain('${Token[');
  });

  test('condition values that are not lists (null, a number, a string) are read as they are', () => {
    const { role } = roleWith(new iam.FederatedPrincipal(COMMERCIAL, {
      StringEquals: { [`${COMMERCIAL}:aud`]: null, [`${COMMERCIAL}:sub`]: 7, [`${COMMERCIAL}:amr`]: 'a' },
    }, 'sts:AssumeRoleWithWebIdentity'));
    expect(trustStatements(role, false)![0].Condition.StringEquals).toEqual({ [`${COMMERCIAL}:aud`]: null, [`${COMMERCIAL}:sub`]: 7, [`${COMMERCIAL}:amr`]: 'a' });
  });

  test('a list token that produces strings and something else stays a token', () => {
    const { role } = roleWith(new iam.FederatedPrincipal(COMMERCIAL, {
      StringEquals: { [`${COMMERCIAL}:aud`]: Lazy.list({ produce: () => ['us-east-1:aaaa', { Ref: 'Pool' }] as unknown as string[] }) },
    }, 'sts:AssumeRoleWithWebIdentity'));
    expect(Token.isUnresolved(trustStatements(role, false)![0].Condition.StringEquals[`${COMMERCIAL}:aud`])).toBe(true);
  });

  test('a list token is produced as at the template\'s resolution, with nothing resolved further', () => {
    const contexts: any[] = [];
    const { role } = roleWith(new iam.FederatedPrincipal(COMMERCIAL, {
      StringEquals: { [`${COMMERCIAL}:aud`]: Lazy.list({ produce: ((context: unknown) => { contexts.push(context); return ['us-east-1:aaaa']; }) as () => string[] }) },
    }, 'sts:AssumeRoleWithWebIdentity'));
    expect(trustStatements(role, false)![0].Condition.StringEquals[`${COMMERCIAL}:aud`]).toEqual(['us-east-1:aaaa']);
    expect(contexts).toHaveLength(1);
    expect(contexts[0].scope).toBe(role);
    expect(contexts[0].preparing).toBe(false);
    expect(contexts[0].documentPath).toEqual([]);
    const inner = { Ref: 'X' };
    expect(contexts[0].resolve(inner)).toBe(inner);
  });

  test('statements that cannot be resolved are tried once, not at every read', () => {
    let produced = 0;
    const { role } = roleWith(new iam.FederatedPrincipal(COMMERCIAL, {
      StringEquals: { [`${COMMERCIAL}:aud`]: Lazy.list({ produce: () => { produced++; throw new Error('not yet'); } }) },
    }, 'sts:AssumeRoleWithWebIdentity'));
    expect(trustStatements(role, false)).toHaveLength(1);
    expect(produced).toBe(1);
    expect(trustStatements(role)).toBeUndefined();
    expect(produced).toBe(2);
    expect(trustStatements(role)).toBeUndefined();
    expect(statementsByShape(role)).toBe(trustStatements(role, false));
    expect(produced).toBe(2);
  });
});

describe('checkRoleTrust: each role a pool hands out, judged once, as cheaply as it can be', () => {
  function setUp() {
    const stack = new Stack(new App(), 'Stack', { env: { account: '111111111111', region: 'us-east-1' } });
    const pool = new IdentityPool(stack, 'Pool');
    const resolve = jest.spyOn(Stack.prototype, 'resolve');
    return { stack, pool, resolve };
  }
  const use = (role: iam.IRole, identityType: 'authenticated' | 'unauthenticated', description = `${identityType} role`): RoleUse =>
    ({ role, identityType, description });
  const federated = (conditions: Record<string, unknown>) =>
    new iam.FederatedPrincipal(COMMERCIAL, conditions, 'sts:AssumeRoleWithWebIdentity');
  const messages = (findings: ReturnType<typeof checkRoleTrust>) => findings.map(finding => finding.message);

  afterEach(() => jest.restoreAllMocks());

  test('a role built with IdentityPoolPrincipal is judged on its unresolved statements: nothing is resolved', () => {
    const { stack, pool, resolve } = setUp();
    const plain = new iam.Role(stack, 'Plain', { assumedBy: new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.AUTHENTICATED) });
    const tagged = new iam.Role(stack, 'Tagged', {
      assumedBy: new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.UNAUTHENTICATED).withSessionTags(),
    });
    expect(checkRoleTrust(stack, pool, [use(plain, 'authenticated')], false, false)).toEqual([]);
    expect(checkRoleTrust(stack, pool, [use(tagged, 'unauthenticated')], false, true)).toEqual([]);
    expect(resolve).not.toHaveBeenCalled();
  });

  test('a default role the pool made is not read at all', () => {
    const { stack, pool } = setUp();
    const role = pool.authenticatedRole as iam.Role;
    const read = jest.spyOn(role.assumeRolePolicy!, 'toJSON');
    expect(checkRoleTrust(stack, pool, [use(role, 'authenticated')], false, false)).toEqual([]);
    expect(read).not.toHaveBeenCalled();
  });

  test('a role is judged once per identity type it is handed out for', () => {
    const { stack, pool } = setUp();
    const forSignedIn = new iam.Role(stack, 'SignedIn', { assumedBy: new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.AUTHENTICATED) });
    const service = new iam.Role(stack, 'Service', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const findings = checkRoleTrust(stack, pool, [
      use(forSignedIn, 'authenticated'), use(forSignedIn, 'authenticated'), use(forSignedIn, 'unauthenticated'),
      use(service, 'authenticated', 'first use'), use(service, 'authenticated', 'second use'),
    ], false, false);
    expect(messages(findings)).toEqual([
      expect.stringMatching(/^The role Stack\/SignedIn \(unauthenticated role\) has a cognito-identity.amazonaws.com:amr condition that does not admit "unauthenticated"/),
      expect.stringMatching(/^The role Stack\/Service \(first use\) does not trust this identity pool/),
    ]);
    expect(findings.map(finding => [finding.scope, finding.level, finding.warningId])).toEqual([
      [stack, 'warning', 'cdk-identity-pool:roleTrust'], [stack, 'warning', 'cdk-identity-pool:roleTrust'],
    ]);
  });

  test('the pool\'s id is resolved once per stack, however many roles are judged', () => {
    const { stack, pool, resolve } = setUp();
    const roles = ['A', 'B'].map(id => new iam.Role(stack, id, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') }));
    expect(checkRoleTrust(stack, pool, roles.map(role => use(role, 'authenticated')), false, false)).toHaveLength(2);
    expect(resolve.mock.calls.filter(([value]) => value === pool.identityPoolId)).toHaveLength(1);
  });

  test('a statement that names the pool but denies, or names another principal, does not make the role trust it', () => {
    const { stack, pool } = setUp();
    const conditions = {
      'StringEquals': { [`${COMMERCIAL}:aud`]: pool.identityPoolId },
      'ForAnyValue:StringLike': { [`${COMMERCIAL}:amr`]: 'authenticated' },
    };
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    role.assumeRolePolicy!.addStatements(
      new iam.PolicyStatement({ effect: iam.Effect.DENY, principals: [federated({})], actions: ['sts:AssumeRoleWithWebIdentity'], conditions }),
      new iam.PolicyStatement({
        principals: [new iam.FederatedPrincipal('accounts.google.com')], actions: ['sts:AssumeRoleWithWebIdentity'], conditions,
      }),
    );
    expect(messages(checkRoleTrust(stack, pool, [use(role, 'authenticated')], false, false))).toEqual([
      expect.stringMatching(/^The role Stack\/Role \(authenticated role\) does not trust this identity pool: no statement/),
    ]);
  });

  test('sts:TagSession allowed in a statement of its own is enough', () => {
    const { stack, pool } = setUp();
    const role = new iam.Role(stack, 'Role', { assumedBy: federated({ StringEquals: { [`${COMMERCIAL}:aud`]: pool.identityPoolId } }) });
    role.assumeRolePolicy!.addStatements(new iam.PolicyStatement({ principals: [federated({})], actions: ['sts:TagSession'] }));
    const [finding] = messages(checkRoleTrust(stack, pool, [use(role, 'authenticated')], false, true));
    expect(finding).toMatch(/has no cognito-identity.amazonaws.com:amr condition/);
    expect(finding).not.toMatch(/does not allow sts:TagSession/);
    expect(finding).toMatch(/IdentityPoolIdentityType.AUTHENTICATED\)\.withSessionTags\(\)$/);
  });

  test('a role that trusts the pool, with sts:TagSession in a statement of its own, is not warned about', () => {
    const { stack, pool } = setUp();
    const role = new iam.Role(stack, 'Role', {
      assumedBy: federated({
        'StringEquals': { [`${COMMERCIAL}:aud`]: pool.identityPoolId },
        'ForAnyValue:StringLike': { [`${COMMERCIAL}:amr`]: 'authenticated' },
      }),
    });
    role.assumeRolePolicy!.addStatements(new iam.PolicyStatement({ principals: [federated({})], actions: ['sts:TagSession'] }));
    expect(checkRoleTrust(stack, pool, [use(role, 'authenticated')], false, true)).toEqual([]);
  });

  test('every problem of the statement is said, each after "and it"', () => {
    const { stack, pool } = setUp();
    const role = new iam.Role(stack, 'Role', { assumedBy: federated({}) });
    expect(messages(checkRoleTrust(stack, pool, [use(role, 'authenticated')], false, false))).toEqual([
      'The role Stack/Role (authenticated role) has no cognito-identity.amazonaws.com:aud condition (StringEquals, this pool\'s id) in its '
      + 'trust policy, so identities of any identity pool, in any account, could assume it (and IAM refuses such a trust policy); and it has '
      + 'no cognito-identity.amazonaws.com:amr condition (ForAnyValue:StringLike, "authenticated") in its trust policy, so guests '
      + '(unauthenticated identities) of this pool could assume it; trust the pool with new IdentityPoolPrincipal(pool, '
      + 'IdentityPoolIdentityType.AUTHENTICATED)',
    ]);
  });

  test('with the classic flow on, a role without amr is said to be open to any identity through STS', () => {
    const { stack, pool } = setUp();
    const role = new iam.Role(stack, 'Role', { assumedBy: federated({ StringEquals: { [`${COMMERCIAL}:aud`]: pool.identityPoolId } }) });
    expect(messages(checkRoleTrust(stack, pool, [use(role, 'authenticated')], true, false))).toEqual([
      'The role Stack/Role (authenticated role) has no cognito-identity.amazonaws.com:amr condition (ForAnyValue:StringLike, "authenticated") '
      + 'in its trust policy, so with the classic flow on (allowClassicFlow) any identity of this pool, guests included, can get its '
      + 'credentials by calling STS directly; trust the pool with new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.AUTHENTICATED)',
    ]);
  });

  test('a role that trusts the other partition\'s principal is told which one the region signs in through', () => {
    const { stack, pool } = setUp();
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    role.assumeRolePolicy!.addStatements(new iam.PolicyStatement({
      principals: [new iam.FederatedPrincipal(GOVCLOUD)], actions: ['sts:AssumeRoleWithWebIdentity'],
    }));
    expect(messages(checkRoleTrust(stack, pool, [use(role, 'authenticated')], false, false))).toEqual([
      `The role Stack/Role (authenticated role) trusts ${GOVCLOUD}, but identity pools in us-east-1 sign in through ${COMMERCIAL}, so sign-in `
      + 'fails with STS AccessDenied "Not authorized to perform sts:AssumeRoleWithWebIdentity"; trust the pool with new '
      + 'IdentityPoolPrincipal(pool, IdentityPoolIdentityType.AUTHENTICATED)',
    ]);
  });

  describe('of several statements for the web identity, the one with the fewest problems is reported', () => {
    const audOnly = (pool: IdentityPool) => federated({ StringEquals: { [`${COMMERCIAL}:aud`]: pool.identityPoolId } });
    const amrOnly = () => federated({ 'ForAnyValue:StringLike': { [`${COMMERCIAL}:amr`]: 'authenticated' } });
    const neither = () => federated({});
    test.each([
      ['the better first', [audOnly, neither], /has no cognito-identity.amazonaws.com:amr condition/],
      ['the better last', [neither, audOnly], /has no cognito-identity.amazonaws.com:amr condition/],
      ['the first of two as good', [audOnly, amrOnly], /has no cognito-identity.amazonaws.com:amr condition/],
      ['the first of two as good, the other way round', [amrOnly, audOnly], /has no cognito-identity.amazonaws.com:aud condition/],
    ])('%s', (_what, principals, expected) => {
      const { stack, pool } = setUp();
      const [first, ...rest] = principals.map(principal => principal(pool));
      const role = new iam.Role(stack, 'Role', { assumedBy: first });
      role.assumeRolePolicy!.addStatements(...rest.map(principal => new iam.PolicyStatement({
        principals: [principal], actions: ['sts:AssumeRoleWithWebIdentity'],
      })));
      const [finding] = messages(checkRoleTrust(stack, pool, [use(role, 'authenticated')], false, false));
      expect(finding).toMatch(expected);
      expect(finding).not.toMatch(/; and it /);
    });
  });

  test('without amr, a role for signed-in users could go to guests; a role for guests, to any identity', () => {
    const { stack, pool } = setUp();
    const role = new iam.Role(stack, 'Role', { assumedBy: federated({ StringEquals: { [`${COMMERCIAL}:aud`]: pool.identityPoolId } }) });
    expect(messages(checkRoleTrust(stack, pool, [use(role, 'authenticated'), use(role, 'unauthenticated')], false, false))).toEqual([
      expect.stringContaining('(ForAnyValue:StringLike, "authenticated") in its trust policy, so guests (unauthenticated identities) of this pool could assume it;'),
      expect.stringContaining('(ForAnyValue:StringLike, "unauthenticated") in its trust policy, so any identity of this pool could assume it;'),
    ]);
  });
});
