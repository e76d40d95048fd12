import { Stack, Token } from '../../cdk/bindings';
import { KEY_RULE, keyClashRule, MAPPING_KEY } from '../../construct-time/role-mapping-validation';
import { configErrorMessage } from '../../messages/errors';
import { roleMappingKey } from '../../render/role-mapping-render';
import type { Finding } from '../finding';
import { errorAt } from '../finding';
import type { TreeIndex } from '../tree-index';

/**
 * Each role attachment's `RoleMappings` keys: a token key (a provider URL or `mappingKey` built
 * from tokens) must resolve to a plain string of 1-128 characters, since CloudFormation map keys
 * cannot be intrinsics, and the keys must differ. Concrete keys were judged when added.
 */
export function checkMappingKeys(index: TreeIndex): Finding[] {
  const findings: Finding[] = [];
  for (const attachment of index.attachments) {
    const seen = new Map<string, number>();
    attachment._roleMappings.forEach((mapping, position) => {
      const property = `roleMappings[${position}]`;
      let key = roleMappingKey(attachment, mapping);
      // Stryker disable next-line ConditionalExpression: a shortcut; a concrete key resolves to itself and was checked when added
      if (Token.isUnresolved(key)) {
        const resolved: unknown = Stack.of(attachment).resolve(key);
        if (typeof resolved !== 'string' || resolved.length < MAPPING_KEY.min || resolved.length > MAPPING_KEY.max) {
          findings.push(errorAt(attachment, configErrorMessage(`${property}.mappingKey`, KEY_RULE, resolved)));
          return;
        }
        key = resolved;
      }
      const first = seen.get(key);
      if (first !== undefined) {
        findings.push(errorAt(attachment, configErrorMessage(property, keyClashRule(first), key)));
      } else {
        seen.set(key, position);
      }
    });
  }
  return findings;
}
