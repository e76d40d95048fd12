import { App, Lazy, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IIdentityPool } from '../../../../src';
import {
  allowsWebIdentity, ANY_PRINCIPAL, audIs, conditionValues, expectedServices, statementsByShape, trustStatements,
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
});
