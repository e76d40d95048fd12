import type { CfnResource } from 'aws-cdk-lib';
import type { CfnPolicy } from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';
import { CfnManagedPolicy, CfnRole, PolicyDocument, Role, Stack, Token } from '../../cdk/bindings';
import { WarningId } from '../../messages/warnings';
import { GUEST_CEILING_DOC_URL, withinGuestCeiling } from '../../values/guest-ceiling';
import { definedPoolSettings } from '../facts';
import type { Finding } from '../finding';
import { warningAt } from '../finding';
import { resolveReferenceTargets } from '../reference-targets';
import type { TreeIndex } from '../tree-index';

type Json = any;

/** A permission policy of the stage, read once per synthesis. */
interface PolicySource {
  /** How messages name the policy: the construct that holds the statements. */
  where(): string;
  /** Its statements, read when a guest role turns out to have the policy (most policies are not a guest's). */
  statements(): readonly Json[];
}

/** A source whose statements are read at the first call, once. */
function policySource(where: () => string, document: Json, stack: Stack): PolicySource {
  let statements: Json[] | undefined;
  return { where, statements: () => statements ??= documentStatements(document, stack) };
}

/**
 * `cdk-identity-pool:guestScopeDown`: the guest (unauthenticated) role of a pool defined in the
 * app whose classic flow is off, when the role is defined in the app: every Allow statement
 * whose actions reach outside the ceiling Cognito puts on guest credentials in the enhanced
 * flow gets the warning on the attachment. Read are the role's inline policies, the
 * `iam.Policy` and `iam.ManagedPolicy` constructs attached to it (its default policy among
 * them) and the customer managed policies defined in the app that it lists; AWS managed
 * policies and anything imported cannot be read. The stage's policies are resolved only when
 * some pool has such a guest role, once for all of them.
 */
export function checkGuestScopeDown(index: TreeIndex): Finding[] {
  const checks: Array<{ readonly attachment: IConstruct; readonly role: Role }> = [];
  for (const attachment of index.attachments) {
    const settings = definedPoolSettings(attachment._identityPool);
    const role = attachment._unauthenticatedRole;
    // Only the enhanced flow scopes guest credentials down; an imported pool's flow is unknown.
    if (settings !== undefined && !settings.allowClassicFlow && Role.isRole(role)) {
      checks.push({ attachment, role });
    }
  }
  // Stryker disable next-line ConditionalExpression,BlockStatement: a shortcut; with no guest role to check, the loop below finds nothing
  if (checks.length === 0) {
    return [];
  }
  const policies = indexPolicies(index.policies);
  const findings: Finding[] = [];
  for (const { attachment, role } of checks) {
    for (const source of policiesOf(role, policies)) {
      source.statements().forEach((statement, position) => {
        const outside = actionsOutsideCeiling(statement);
        if (outside.length === 0) {
          return;
        }
        const which = typeof statement.Sid === 'string' && statement.Sid !== '' ? `statement "${statement.Sid}"` : `statement ${position + 1}`;
        findings.push(warningAt(attachment, WarningId.GUEST_SCOPE_DOWN,
          `The guest role ${role.node.path} is granted ${outside.join(', ')} by ${which} of ${source.where()}, but in the enhanced flow `
          + 'Cognito scopes guest credentials down to a fixed list of services and actions, so such calls are denied at run time '
          + `("no session policy allows"); see ${GUEST_CEILING_DOC_URL}. Drop what guests cannot use, or turn on the classic flow `
          + '(allowClassicFlow) if they must have it'));
      });
    }
  }
  return findings;
}

/** The actions of an Allow statement that reach outside the guest ceiling; tokens pass. */
function actionsOutsideCeiling(statement: Json): string[] {
  if (statement.Effect !== 'Allow') {
    return [];
  }
  if (statement.NotAction !== undefined) {
    const notActions = asList(statement.NotAction).filter(action => typeof action === 'string');
    return [`every action but ${notActions.join(', ')} (NotAction)`];
  }
  return asList(statement.Action)
    .filter((action): action is string => typeof action === 'string' && !Token.isUnresolved(action) && !withinGuestCeiling(action));
}

/** Policies of one stack by a value they name, resolved with `resolveReferenceTargets` and written as JSON. */
class PolicyMap<T> {
  private readonly byStack = new Map<Stack, Map<string, T>>();

  public get size(): number {
    return this.byStack.size;
  }

  public get(stack: Stack, value: Json): T | undefined {
    return this.byStack.get(stack)?.get(JSON.stringify(value));
  }

  public set(stack: Stack, value: Json, entry: T): void {
    let entries = this.byStack.get(stack);
    if (entries === undefined) {
      entries = new Map();
      this.byStack.set(stack, entries);
    }
    entries.set(JSON.stringify(value), entry);
  }
}

interface PolicyIndex {
  /**
   * Policies by the stack and name of the role they are attached to, the name resolved with
   * references left as their targets (`resolveReferenceTargets`), so no logical id is computed.
   */
  readonly byRole: PolicyMap<PolicySource[]>;
  /** Customer managed policies by their stack and ARN, resolved the same way. */
  readonly byArn: PolicyMap<PolicySource>;
}

function indexPolicies(resources: readonly CfnResource[]): PolicyIndex {
  const index: PolicyIndex = { byRole: new PolicyMap(), byArn: new PolicyMap() };
  for (const construct of resources) {
    const type = construct.cfnResourceType;
    const policy = construct as CfnPolicy | CfnManagedPolicy;
    const stack = Stack.of(policy);
    const source = policySource(() => describePolicy(policy), policy.policyDocument, stack);
    for (const roleName of asList(resolveReferenceTargets(stack, policy.roles))) {
      index.byRole.set(stack, roleName, [...index.byRole.get(stack, roleName) ?? [], source]);
    }
    // Stryker disable next-line ConditionalExpression: a role lists managed policies by ARN, and an AWS::IAM::Policy's Ref is no ARN
    if (type === CfnManagedPolicy.CFN_RESOURCE_TYPE_NAME) {
      index.byArn.set(stack, resolveReferenceTargets(stack, policy.ref), source);
    }
  }
  return index;
}

function policiesOf(role: Role, index: PolicyIndex): PolicySource[] {
  const stack = Stack.of(role);
  // Resolving costs; a stage without policies (or without managed ones) needs none of it.
  // Stryker disable next-line ConditionalExpression: a shortcut; an empty map finds nothing for any name
  const sources = index.byRole.size === 0 ? [] : [...index.byRole.get(stack, resolveReferenceTargets(stack, role.roleName)) ?? []];
  const resource = role.node.defaultChild;
  if (resource instanceof CfnRole) {
    for (const inline of asList(resource.policies)) {
      // what is not an object has no policyDocument to read
      if (inline !== null && !Token.isUnresolved(inline)) {
        sources.push(policySource(() => `${role.node.path} (inline policy "${inline.policyName}")`, inline.policyDocument, stack));
      }
    }
    // Stryker disable next-line ConditionalExpression,ArrayDeclaration: a shortcut; an empty map finds nothing for any ARN
    for (const arn of index.byArn.size === 0 ? [] : asList(resolveReferenceTargets(stack, resource.managedPolicyArns))) {
      const managed = index.byArn.get(stack, arn);
      if (managed !== undefined && !sources.includes(managed)) {
        sources.push(managed);
      }
    }
  }
  return sources;
}

/** The statements of a policy document: an `iam.PolicyDocument` read as it is, else resolved. */
function documentStatements(document: Json, stack: Stack): Json[] {
  const json = document instanceof PolicyDocument ? document.toJSON() : tryResolve(stack, document);
  // resolve() leaves no undefined in a list; a statement that is not an object allows nothing
  return asList(json?.Statement).filter(statement => statement !== null);
}

/** The L2 that rendered the policy, when there is one, else the L1 itself. */
function describePolicy(policy: CfnResource): string {
  const parent = policy.node.scope;
  return policy.node.id === 'Resource' && parent !== undefined && parent.node.defaultChild === policy ? parent.node.path : policy.node.path;
}

function tryResolve(stack: Stack, value: Json): Json {
  let resolved: Json;
  try {
    resolved = stack.resolve(value);
  } catch {
    // a document that cannot be resolved has no statements to read; its own synthesis says why
  }
  return resolved;
}

function asList(value: Json): Json[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
