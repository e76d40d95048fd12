import { WarningId } from '../../messages/warnings';
import { definedPoolSettings, keepsDefaultRoleTrust } from '../facts';
import type { Finding } from '../finding';
import { warningAt } from '../finding';
import type { TreeIndex } from '../tree-index';
import { rolesHandedOut } from './role-trust';
import type { Json } from '../trust/trust-check';
import { allowsWebIdentity, ANY_PRINCIPAL, statementsByShape } from '../trust/trust-check';

/** The network keys that describe who sends a request, in the IAM global condition keys (lowercase). */
const NETWORK_KEYS: ReadonlyMap<string, string> = new Map([
  ['aws:sourceip', 'aws:SourceIp'],
  ['aws:sourcevpc', 'aws:SourceVpc'],
  ['aws:sourcevpce', 'aws:SourceVpce'],
  ['aws:vpcsourceip', 'aws:VpcSourceIp'],
]);

const ENHANCED_FLOW_DOCS = 'https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flow.html#authentication-flow-enhanced';

/**
 * `cdk-identity-pool:networkTrustCondition`: in the enhanced flow (the classic flow off), Cognito
 * calls `sts:AssumeRoleWithWebIdentity` itself, for `GetCredentialsForIdentity`, so a network
 * condition (`aws:SourceIp`, `aws:SourceVpc`, `aws:SourceVpce`, `aws:VpcSourceIp`) in the trust
 * policy of a role the pool hands out sees Cognito's request, not the user's: sign-in fails, or
 * passes whatever network the user is on. Judged for pools defined in the app (an imported
 * pool's flow is unknown), on the roles defined in the app, on their statements that allow the
 * web identity action to Cognito (read unresolved unless a principal, action or key is a token).
 */
export function checkNetworkTrustConditions(index: TreeIndex): Finding[] {
  const findings: Finding[] = [];
  for (const attachment of index.attachments) {
    const settings = definedPoolSettings(attachment._identityPool);
    if (settings === undefined || settings.allowClassicFlow) {
      continue;
    }
    const judged = new Set<unknown>();
    for (const use of rolesHandedOut(index, attachment)) {
      if (judged.has(use.role)) {
        continue;
      }
      judged.add(use.role);
      // Stryker disable next-line ConditionalExpression,BooleanLiteral,BlockStatement: a shortcut; the trust the library gives a default role has no network key
      if (keepsDefaultRoleTrust(use.role, attachment._identityPool, use.identityType, false)) {
        continue;
      }
      // Stryker disable next-line ArrayDeclaration: a trust policy that cannot be read gives no statement; a text allows nothing either
      const keys = networkKeys(statementsByShape(use.role) ?? []);
      if (keys.length > 0) {
        findings.push(warningAt(attachment, WarningId.NETWORK_TRUST_CONDITION,
          `The role ${use.role.node.path} (${use.description}) conditions its trust on ${keys.join(', ')}, but in the enhanced flow Cognito calls `
          + 'sts:AssumeRoleWithWebIdentity itself (GetCredentialsForIdentity), so the condition sees Cognito\'s request, not the user\'s network: '
          + 'sign-in fails, or passes wherever the user is; keep the trust on aud and amr, and put network conditions in the role\'s permission '
          + `policies or the resources' policies, which see the user's own calls (see ${ENHANCED_FLOW_DOCS})`));
      }
    }
  }
  return findings;
}

/** The network keys of each role's statements: a mapped role shared by every pool of a stack is read once. */
const networkKeysOf = new WeakMap<readonly Json[], string[]>();

/** The network keys the Cognito statements of a trust policy test, as the docs spell them, in order. */
function networkKeys(statements: readonly Json[]): string[] {
  let keys = networkKeysOf.get(statements);
  // Stryker disable next-line ConditionalExpression: a memo; reading the statements again finds the same keys
  if (keys === undefined) {
    keys = findNetworkKeys(statements);
    networkKeysOf.set(statements, keys);
  }
  return keys;
}

function findNetworkKeys(statements: readonly Json[]): string[] {
  const found = new Set<string>();
  for (const statement of statements) {
    if (!allowsWebIdentity(statement, { expected: ANY_PRINCIPAL }) || !(statement.Condition instanceof Object)) {
      continue;
    }
    // PolicyStatement takes only maps or tokens as condition blocks, and statementsByShape resolves
    // the statements whose blocks are tokens, so every block here is a map.
    for (const block of Object.values<Json>(statement.Condition)) {
      for (const key of Object.keys(block)) {
        const name = NETWORK_KEYS.get(key.toLowerCase());
        if (name !== undefined) {
          found.add(name);
        }
      }
    }
  }
  return [...NETWORK_KEYS.values()].filter(name => found.has(name));
}
