import { App, Lazy, Stack, Token } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IdentityPool, IdentityPoolProviderUrl, RoleMappingMatchType } from '../../../src';
import { RoleAttachmentResource } from '../../../src/private/render/role-attachment-resource';

/** The L1's own `renderProperties`, which `RoleAttachmentResource` calls as `super.renderProperties`. */
type Render = (props: Record<string, unknown>) => Record<string, unknown>;
const l1Prototype = cognito.CfnIdentityPoolRoleAttachment.prototype as unknown as { renderProperties: Render };

/** Calls of the L1's `renderProperties` made for `resource`, with the props each received. */
function l1Calls(spy: jest.SpyInstance, resource: object): Array<Record<string, unknown>> {
  return spy.mock.calls.filter((_call, index) => spy.mock.contexts[index] === resource).map(call => call[0]);
}

/**
 * Renders `value` as the `roleMappings` of a `RoleAttachmentResource` and of a raw
 * `CfnIdentityPoolRoleAttachment` beside it (both through a Lazy, as the construct passes it), and
 * says what each wrote (or the error each raised) and whether the L1 saw the mappings.
 */
function renderBoth(value: unknown): { ours: string; raw: string; l1SawMappings: boolean } {
  const spy = jest.spyOn(l1Prototype, 'renderProperties');
  try {
    const outcome = (resource: cognito.CfnIdentityPoolRoleAttachment): string => {
      const stack = Stack.of(resource);
      try {
        return JSON.stringify(stack.resolve((resource as unknown as { _toCloudFormation(): unknown })._toCloudFormation()));
      } catch (error) {
        return `error: ${(error as Error).message.replace(/^While synthesizing [^:]+: /, '')}`;
      }
    };
    const ours = new RoleAttachmentResource(new Stack(new App(), 'Ours'), 'Resource', {
      identityPoolId: 'us-east-1:0a1b2c3d-1111-2222-3333-444455556666',
      roleMappings: Lazy.any({ produce: () => value }),
    });
    const raw = new cognito.CfnIdentityPoolRoleAttachment(new Stack(new App(), 'Raw'), 'Resource', {
      identityPoolId: 'us-east-1:0a1b2c3d-1111-2222-3333-444455556666',
      roleMappings: Lazy.any({ produce: () => value }),
    });
    const result = { ours: outcome(ours), raw: outcome(raw) };
    return { ...result, l1SawMappings: l1Calls(spy, ours).some(props => props.roleMappings !== undefined) };
  } finally {
    spy.mockRestore();
  }
}

const RULE = { claim: 'isAdmin', value: 'yes', matchType: 'Equals', roleArn: { 'Fn::GetAtt': ['AdminRole', 'Arn'] } };
const RULES_MAPPING = { type: 'Rules', ambiguousRoleResolution: 'Deny', identityProvider: 'graph.facebook.com', rulesConfiguration: { rules: [RULE] } };
const TOKEN_MAPPING = { type: 'Token', ambiguousRoleResolution: 'AuthenticatedRole', identityProvider: { 'Fn::Join': ['', ['cognito-idp.', 'x']] } };

describe('RoleAttachmentResource', () => {
  test.each([
    ['a Rules and a Token mapping', { facebook: RULES_MAPPING, pool: TOKEN_MAPPING }],
    ['text given as Ref and Fn:: intrinsics', { m: { ...RULES_MAPPING, type: { Ref: 'Type' }, rulesConfiguration: { rules: [{ ...RULE, claim: { Ref: 'Claim' }, value: { 'Fn::Sub': 'v' } }] } } }],
    ['a dynamic reference', { m: { ...RULES_MAPPING, rulesConfiguration: { rules: [{ ...RULE, value: '{{resolve:ssm:v}}' }] } } }],
    ['no mappings at all', {}],
  ])('writes %s itself, byte for byte as the L1 does', (_name, value) => {
    const { ours, raw, l1SawMappings } = renderBoth(value);
    expect(ours).toBe(raw);
    expect(ours).toContain('"RoleMappings"');
    expect(l1SawMappings).toBe(false);
  });

  test('writes CloudFormation casing, with the keys in the L1 order', () => {
    const { ours } = renderBoth({ facebook: RULES_MAPPING, pool: TOKEN_MAPPING });
    const properties = JSON.parse(ours).Resources.Resource.Properties;
    expect(Object.keys(properties)).toEqual(['IdentityPoolId', 'RoleMappings']);
    expect(properties.RoleMappings).toEqual({
      facebook: {
        AmbiguousRoleResolution: 'Deny',
        IdentityProvider: 'graph.facebook.com',
        RulesConfiguration: { Rules: [{ Claim: 'isAdmin', MatchType: 'Equals', RoleARN: { 'Fn::GetAtt': ['AdminRole', 'Arn'] }, Value: 'yes' }] },
        Type: 'Rules',
      },
      pool: { AmbiguousRoleResolution: 'AuthenticatedRole', IdentityProvider: { 'Fn::Join': ['', ['cognito-idp.', 'x']] }, Type: 'Token' },
    });
    expect(Object.keys(properties.RoleMappings.facebook)).toEqual(['AmbiguousRoleResolution', 'IdentityProvider', 'RulesConfiguration', 'Type']);
    expect(Object.keys(properties.RoleMappings.facebook.RulesConfiguration.Rules[0])).toEqual(['Claim', 'MatchType', 'RoleARN', 'Value']);
  });

  test('leaves an absent value to the L1, which writes no RoleMappings', () => {
    const { ours, raw } = renderBoth(undefined);
    expect(ours).toBe(raw);
    expect(ours).not.toContain('RoleMappings');
  });

  test.each([
    ['an intrinsic for the whole map', { Ref: 'Mappings' }],
    ['a list', [RULES_MAPPING]],
    ['a mapping that is a string', { m: 'x' }],
    ['a mapping that is null', { m: null }],
    ['a mapping that is an intrinsic', { m: { Ref: 'Mapping' } }],
    ['a type that is a number', { m: { ...TOKEN_MAPPING, type: 1 } }],
    ['a type that is null', { m: { ...TOKEN_MAPPING, type: null } }],
    ['a claim that is null', { m: { ...RULES_MAPPING, rulesConfiguration: { rules: [{ ...RULE, claim: null }] } } }],
    ['no ambiguousRoleResolution', { m: { type: 'Token', identityProvider: 'graph.facebook.com' } }],
    ['an identityProvider that is a number', { m: { ...TOKEN_MAPPING, identityProvider: 1 } }],
    ['a rulesConfiguration that is an intrinsic', { m: { ...RULES_MAPPING, rulesConfiguration: { Ref: 'Rules' } } }],
    ['rules that are not a list', { m: { ...RULES_MAPPING, rulesConfiguration: { rules: { 0: RULE } } } }],
    ['a rule that is a number', { m: { ...RULES_MAPPING, rulesConfiguration: { rules: [1] } } }],
    ['a claim that is a number', { m: { ...RULES_MAPPING, rulesConfiguration: { rules: [{ ...RULE, claim: 1 }] } } }],
    ['a matchType that is a number', { m: { ...RULES_MAPPING, rulesConfiguration: { rules: [{ ...RULE, matchType: 1 }] } } }],
    ['a roleArn that is a number', { m: { ...RULES_MAPPING, rulesConfiguration: { rules: [{ ...RULE, roleArn: 1 }] } } }],
    ['a value that is a number', { m: { ...RULES_MAPPING, rulesConfiguration: { rules: [{ ...RULE, value: 1 }] } } }],
    ['a value that is a list', { m: { ...RULES_MAPPING, rulesConfiguration: { rules: [{ ...RULE, value: ['a'] }] } } }],
    ['a value with two intrinsic keys', { m: { ...RULES_MAPPING, rulesConfiguration: { rules: [{ ...RULE, value: { 'Ref': 'A', 'Fn::Sub': 'b' } }] } } }],
    ['a value whose one key is not an intrinsic', { m: { ...RULES_MAPPING, rulesConfiguration: { rules: [{ ...RULE, value: { Fnx: 'a' } }] } } }],
  ])('hands %s to the L1, which judges and writes it', (_name, value) => {
    const { ours, raw, l1SawMappings } = renderBoth(value);
    expect(ours).toBe(raw);
    expect(l1SawMappings).toBe(true);
  });

  test('the L1 still raises its own error for what it refuses', () => {
    const { ours } = renderBoth({ m: { ...RULES_MAPPING, rulesConfiguration: { rules: [{ ...RULE, claim: 1 }] } } });
    expect(ours).toMatch(/^error: .*claim.*1 should be a string/s);
  });

  describe('in an identity pool', () => {
    function poolWithMapping(): { stack: Stack; pool: IdentityPool; resource: cognito.CfnIdentityPoolRoleAttachment } {
      const stack = new Stack(new App(), 'Stack');
      const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { facebook: { appId: '1234' }, google: { clientId: 'web-client' } } });
      const admin = new iam.Role(stack, 'Admin', { assumedBy: new iam.AccountRootPrincipal() });
      pool.addRoleMappings({
        providerUrl: IdentityPoolProviderUrl.FACEBOOK,
        rules: [{ claim: 'isAdmin', claimValue: 'yes', matchType: RoleMappingMatchType.NOTEQUAL, mappedRole: admin }],
      });
      return { stack, pool, resource: pool.roleAttachment.node.defaultChild as cognito.CfnIdentityPoolRoleAttachment };
    }

    function properties(stack: Stack): Record<string, unknown> {
      const resources = App.of(stack)!.synth().getStackByName(stack.stackName).template.Resources;
      const [attachment] = Object.values<{ Type: string; Properties: Record<string, unknown> }>(resources)
        .filter(resource => resource.Type === 'AWS::Cognito::IdentityPoolRoleAttachment');
      return attachment.Properties;
    }

    test('the attachment is the L1 with its construct id, and the L1 never sees the mappings', () => {
      const spy = jest.spyOn(l1Prototype, 'renderProperties');
      try {
        const { stack, resource } = poolWithMapping();
        expect(resource).toBeInstanceOf(cognito.CfnIdentityPoolRoleAttachment);
        expect(resource.node.id).toBe('Resource');
        const rendered = properties(stack);
        expect(rendered.RoleMappings).toEqual({
          'graph.facebook.com': {
            AmbiguousRoleResolution: 'Deny',
            IdentityProvider: 'graph.facebook.com',
            RulesConfiguration: { Rules: [{ Claim: 'isAdmin', MatchType: 'NotEqual', RoleARN: { 'Fn::GetAtt': [expect.stringMatching(/^Admin/), 'Arn'] }, Value: 'yes' }] },
            Type: 'Rules',
          },
        });
        const calls = l1Calls(spy, resource);
        expect(calls.length).toBeGreaterThan(0);
        expect(calls.every(props => props.roleMappings === undefined && props.identityPoolId !== undefined)).toBe(true);
      } finally {
        spy.mockRestore();
      }
    });

    test('mappings the user sets on the L1 go through the L1', () => {
      const spy = jest.spyOn(l1Prototype, 'renderProperties');
      try {
        const { stack, resource } = poolWithMapping();
        resource.roleMappings = { custom: { type: 'Token', identityProvider: 'graph.facebook.com' } };
        expect(properties(stack).RoleMappings).toEqual({ custom: { Type: 'Token', IdentityProvider: 'graph.facebook.com' } });
        expect(l1Calls(spy, resource).some(props => props.roleMappings !== undefined)).toBe(true);
      } finally {
        spy.mockRestore();
      }
    });

    test('property overrides apply on top of the mappings it writes', () => {
      const { stack, resource } = poolWithMapping();
      resource.addPropertyOverride('RoleMappings.graph\\.facebook\\.com.AmbiguousRoleResolution', 'AuthenticatedRole');
      expect(properties(stack).RoleMappings).toMatchObject({ 'graph.facebook.com': { AmbiguousRoleResolution: 'AuthenticatedRole', Type: 'Rules' } });
    });

    test('a rule whose claim value resolves to a number still fails as the L1 says', () => {
      const { stack, pool } = poolWithMapping();
      const role = new iam.Role(stack, 'Other', { assumedBy: new iam.AccountRootPrincipal() });
      pool.addRoleMappings({
        providerUrl: IdentityPoolProviderUrl.GOOGLE,
        rules: [{ claim: 'sub', claimValue: Token.asString(Lazy.any({ produce: () => 42 })), mappedRole: role }],
      });
      expect(() => properties(stack)).toThrow(/value.*42 should be a string/s);
    });
  });
});
