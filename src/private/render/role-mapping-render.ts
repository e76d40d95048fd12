import { createHash } from 'crypto';
import type { CfnIdentityPoolRoleAttachment } from 'aws-cdk-lib/aws-cognito';
import type { IConstruct } from 'constructs';
import type { IdentityPoolRoleMapping, RoleMappingRule } from '../../role-mapping';
import { Stack, Token } from '../cdk/bindings';

/** `RoleMappingMatchType.EQUALS`, the default match type of a rule. */
const DEFAULT_MATCH_TYPE = 'Equals';

/**
 * The `RoleMappings` map of a role attachment, in the order given; undefined when empty.
 */
export function renderRoleMappings(
  scope: IConstruct,
  mappings: readonly IdentityPoolRoleMapping[],
): Record<string, CfnIdentityPoolRoleAttachment.RoleMappingProperty> | undefined {
  if (mappings.length === 0) {
    return undefined;
  }
  const rendered: Record<string, CfnIdentityPoolRoleAttachment.RoleMappingProperty> = {};
  for (const mapping of mappings) {
    rendered[roleMappingKey(scope, mapping)] = renderRoleMapping(mapping);
  }
  return rendered;
}

/**
 * The key a mapping takes in `RoleMappings`: `mappingKey` if given, else the provider URL;
 * a token URL gets a key derived from its resolved form, so it stays the same from one
 * synthesis to the next as long as the provider does.
 */
export function roleMappingKey(scope: IConstruct, mapping: IdentityPoolRoleMapping): string {
  if (mapping.mappingKey !== undefined) {
    return mapping.mappingKey;
  }
  const value = mapping.providerUrl.value;
  if (!Token.isUnresolved(value)) {
    return value;
  }
  const resolved = JSON.stringify(Stack.of(scope).resolve(value));
  return `${mapping.providerUrl.type}${createHash('sha256').update(resolved).digest('hex').slice(0, 16)}`;
}

function renderRoleMapping(mapping: IdentityPoolRoleMapping): CfnIdentityPoolRoleAttachment.RoleMappingProperty {
  return {
    type: mapping.useToken ? 'Token' : 'Rules',
    ambiguousRoleResolution: mapping.resolveAmbiguousRoles ? 'AuthenticatedRole' : 'Deny',
    identityProvider: mapping.providerUrl.value,
    rulesConfiguration: mapping.rules && mapping.rules.length > 0
      ? { rules: mapping.rules.map(renderRule) }
      : undefined,
  };
}

function renderRule(rule: RoleMappingRule): CfnIdentityPoolRoleAttachment.MappingRuleProperty {
  return {
    claim: rule.claim,
    value: rule.claimValue,
    matchType: rule.matchType ?? DEFAULT_MATCH_TYPE,
    roleArn: rule.mappedRole.roleArn,
  };
}
