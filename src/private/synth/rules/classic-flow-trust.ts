import { Stack } from '../../cdk/bindings';
import { apiName, constructorCall } from '../../messages/errors';
import { WarningId } from '../../messages/warnings';
import type { AttachmentFacts } from '../facts';
import { definedPoolSettings } from '../facts';
import type { Finding } from '../finding';
import { warningAt } from '../finding';
import type { TreeIndex } from '../tree-index';
import { rolesHandedOut } from './role-trust';
import type { Services } from '../trust/trust-check';
import { allowsWebIdentity, ANY_PRINCIPAL, audIs, conditionValues, expectedServices, trustStatements } from '../trust/trust-check';

/**
 * With the classic flow on, a client can assume any role that trusts the pool, not only those
 * the pool hands out: every role of the stage that trusts such a pool without an `amr`
 * condition gets `cdk-identity-pool:roleTrust` on the pool's attachment. The roles the pool
 * hands out are judged by the role-trust rule instead. Each role's trust is resolved once,
 * however many such pools there are.
 */
export function checkClassicFlowRoles(index: TreeIndex): Finding[] {
  const pools = index.attachments.filter(attachment => definedPoolSettings(attachment._identityPool)?.allowClassicFlow === true);
  // Stryker disable next-line ConditionalExpression,BlockStatement: a shortcut; with no such pool the loop below finds nothing
  if (pools.length === 0) {
    return [];
  }
  const findings: Finding[] = [];
  const used = pools.map(attachment => new Set(rolesHandedOut(index, attachment).map(use => use.role)));
  const anyPrincipal: Services = { expected: ANY_PRINCIPAL };
  for (const role of index.roles) {
    // most roles have no Cognito statement without amr: one resolution each, nothing more
    // Stryker disable next-line ArrayDeclaration: a trust policy that cannot be read gives no statement; a list with a text in it gives none either (a text allows nothing)
    const withoutAmr = (trustStatements(role) ?? [])
      .filter(statement => allowsWebIdentity(statement, anyPrincipal) && conditionValues(statement, anyPrincipal, 'amr') === undefined);
    // Stryker disable next-line ConditionalExpression,BlockStatement: a shortcut; no statement without amr matches no pool below
    if (withoutAmr.length === 0) {
      continue;
    }
    pools.forEach((attachment: AttachmentFacts, position) => {
      if (used[position].has(role)) {
        return;
      }
      const pool = attachment._identityPool;
      const services = expectedServices(pool, Stack.of(role));
      const poolId = Stack.of(role).resolve(pool.identityPoolId);
      if (withoutAmr.some(statement => allowsWebIdentity(statement, services) && audIs(statement, services, poolId) === 'match')) {
        findings.push(warningAt(attachment, WarningId.ROLE_TRUST,
          `The role ${role.node.path} trusts this identity pool without an amr condition, and the classic flow is on `
          + `(${apiName('allowClassicFlow')}): any identity of this pool, guests included, can get its credentials by calling STS directly; `
          + `add the amr condition, e.g. with ${constructorCall('IdentityPoolPrincipal', 'pool, IdentityPoolIdentityType.AUTHENTICATED')}`));
      }
    });
  }
  return findings;
}
