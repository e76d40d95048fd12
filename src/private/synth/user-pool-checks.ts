import type { CfnUserPool, CfnUserPoolClient, CfnUserPoolGroup } from 'aws-cdk-lib/aws-cognito';
import type { IConstruct } from 'constructs';
import type { RoleUse } from './facts';
import type { Finding } from './finding';
import { warningAt } from './finding';
import type { MappedUserPool, UserPoolIndex, UserPoolProviderName } from './tree-index';
import { mappedUserPool, ownerPath } from './tree-index';
import type { IdentityPoolRoleMapping, RoleMappingRule } from '../../role-mapping';
import { Stack, Token } from '../cdk/bindings';
import { WarningId } from '../messages/warnings';

/**
 * Checks of role mappings on user pools that need the user pools, clients and groups of the app:
 * which roles a Token mapping hands out (its user pool's groups' roles), groups whose equal
 * precedence leaves the preferred role unset, and rules on claims users can write.
 */

/** The standard attributes of a user pool, by the claim names of its ID tokens. */
const STANDARD_ATTRIBUTES: ReadonlySet<string> = new Set([
  'address', 'birthdate', 'email', 'family_name', 'gender', 'given_name', 'locale', 'middle_name', 'name',
  'nickname', 'phone_number', 'picture', 'preferred_username', 'profile', 'updated_at', 'website', 'zoneinfo',
]);

const CUSTOM_PREFIX = 'custom:';
const USER_POOL_PREFIX = 'cognito-idp.';

/**
 * Whether any mapping may name a user pool, so the checks need the app's index: a user pool
 * URL, or a token one (which may stand for anything).
 */
export function mayNameUserPool(mappings: readonly IdentityPoolRoleMapping[]): boolean {
  return mappings.some(mapping => {
    const url = mapping.providerUrl.value;
    return Token.isUnresolved(url) || url.startsWith(USER_POOL_PREFIX);
  });
}

/** A Token mapping on a user pool, with the groups of that user pool in the app. */
interface TokenMappedGroups {
  readonly index: number;
  readonly mapping: IdentityPoolRoleMapping;
  readonly userPoolId: string;
  readonly groups: readonly CfnUserPoolGroup[];
}

function tokenMappedGroups(
  mappings: readonly IdentityPoolRoleMapping[], index: UserPoolIndex, providers: readonly UserPoolProviderName[],
): TokenMappedGroups[] {
  const found: TokenMappedGroups[] = [];
  mappings.forEach((mapping, mappingIndex) => {
    if (mapping.useToken !== true) {
      return;
    }
    const userPoolId = mappedUserPool(mapping.providerUrl.value, index, providers)?.userPoolId;
    const groups = userPoolId === undefined ? undefined : index.groupsByUserPoolId.get(userPoolId);
    if (userPoolId !== undefined && groups !== undefined) {
      found.push({ index: mappingIndex, mapping, userPoolId, groups });
    }
  });
  return found;
}

/**
 * The roles that Token mappings hand out: the role of every group, in the app, of each user pool
 * a Token mapping names (an `iam.Role` in the app; others cannot be read).
 */
export function groupRoleUses(
  index: UserPoolIndex, mappings: readonly IdentityPoolRoleMapping[], providers: readonly UserPoolProviderName[],
): RoleUse[] {
  // Stryker disable next-line ConditionalExpression,BlockStatement: a shortcut; a mapping that names no user pool maps no user pool below
  if (!mayNameUserPool(mappings)) {
    return [];
  }
  const uses: RoleUse[] = [];
  for (const mapped of tokenMappedGroups(mappings, index, providers)) {
    for (const group of mapped.groups) {
      const role = typeof group.roleArn === 'string' ? index.rolesByArn.get(group.roleArn) : undefined;
      if (role !== undefined) {
        uses.push({
          role,
          description: `role of the user pool group ${describeGroup(group)}, which the Token mapping roleMappings[${mapped.index}] hands out`,
          identityType: 'authenticated',
        });
      }
    }
  }
  return uses;
}

/**
 * Warns, on the attachment, about two groups of a user pool that a Token mapping takes roles
 * from with the same precedence and different roles.
 */
export function equalPrecedenceFindings(
  attachment: IConstruct, index: UserPoolIndex, mappings: readonly IdentityPoolRoleMapping[], providers: readonly UserPoolProviderName[],
): Finding[] {
  // Stryker disable next-line ConditionalExpression,BlockStatement: a shortcut; a mapping that names no user pool maps no user pool below
  if (!mayNameUserPool(mappings)) {
    return [];
  }
  return warnAboutEqualPrecedence(attachment, tokenMappedGroups(mappings, index, providers));
}

/**
 * Warns, on the attachment, about rules of its Rules mappings on user pool attributes that the
 * users of the mapped app client can write themselves.
 */
export function userWritableClaimFindings(
  attachment: IConstruct, index: UserPoolIndex, mappings: readonly IdentityPoolRoleMapping[], providers: readonly UserPoolProviderName[],
): Finding[] {
  const findings: Finding[] = [];
  // Stryker disable next-line ConditionalExpression,BlockStatement: a shortcut; a mapping that names no user pool maps no user pool below
  if (!mayNameUserPool(mappings)) {
    return findings;
  }
  mappings.forEach((mapping, mappingIndex) => {
    // A Token mapping has no rules (checked when it is added).
    if (!mapping.rules?.length) {
      return;
    }
    const mapped = mappedUserPool(mapping.providerUrl.value, index, providers);
    if (mapped?.client !== undefined && mapped.userPool !== undefined) {
      mapping.rules.forEach((rule, ruleIndex) => {
        const finding = userWritableClaim(attachment, `roleMappings[${mappingIndex}].rules[${ruleIndex}]`, rule, mapped as Required<MappedUserPool>);
        if (finding !== undefined) {
          findings.push(finding);
        }
      });
    }
  });
  return findings;
}

/**
 * Two groups of one user pool with the same precedence and different roles: their common
 * members get `cognito:roles` with both and no `cognito:preferred_role`, so the mapping's
 * ambiguous-role resolution decides. Each user pool is judged once, by its first Token mapping.
 */
function warnAboutEqualPrecedence(attachment: IConstruct, mapped: readonly TokenMappedGroups[]): Finding[] {
  const findings: Finding[] = [];
  const judged = new Set<string>();
  for (const entry of mapped) {
    if (judged.has(entry.userPoolId)) {
      continue;
    }
    judged.add(entry.userPoolId);
    const byPrecedence = new Map<number, CfnUserPoolGroup[]>();
    for (const group of entry.groups) {
      const precedence = group.precedence;
      if (typeof group.roleArn !== 'string' || typeof precedence !== 'number' || Token.isUnresolved(precedence)) {
        continue;
      }
      const others = byPrecedence.get(precedence) ?? [];
      for (const other of others) {
        if (other.roleArn !== group.roleArn) {
          const resolution = entry.mapping.resolveAmbiguousRoles === true
            ? 'they get the default authenticated role (resolveAmbiguousRoles)'
            : 'they are denied credentials (Deny)';
          findings.push(warningAt(attachment, WarningId.GROUP_PRECEDENCE,
            `The user pool groups ${describeGroup(other)} and ${describeGroup(group)} have the same precedence (${precedence}) and different roles, `
            + 'so users in both get no cognito:preferred_role claim and the Token mapping '
            + `roleMappings[${entry.index}] treats their role as ambiguous: unless the client asks for one of the roles (CustomRoleArn), `
            + `${resolution}; give the groups different precedences (the lowest wins)`));
        }
      }
      byPrecedence.set(precedence, [...others, group]);
    }
  }
  return findings;
}

/** A user pool attribute as a rule's claim names it. */
interface Attribute {
  readonly mutable: boolean;
  readonly required: boolean;
}

function userWritableClaim(attachment: IConstruct, property: string, rule: RoleMappingRule, mapped: Required<MappedUserPool>): Finding | undefined {
  const claim = rule.claim;
  // A claim with a token in it matches no name below (standard names and the resolved schema are concrete): not judged.
  const attribute = userPoolAttribute(mapped.userPool, claim);
  if (attribute === undefined) {
    return undefined;
  }
  const how = writeAccess(mapped.client, claim, attribute);
  if (how === undefined) {
    return undefined;
  }
  let means: string;
  if (attribute.mutable) {
    means = 'so any of them can change it and give themselves the role';
  } else if (selfSignUp(mapped.userPool)) {
    means = 'and though it is immutable, self sign-up is on, so anyone can sign up with the value that gives them the role';
  } else {
    return undefined;
  }
  return warningAt(attachment, WarningId.USER_WRITABLE_CLAIM,
    `${property} gives the role ${rule.mappedRole.node.path} on the claim "${claim}", a user pool attribute that users of the app client `
    + `${ownerPath(mapped.client)} can write themselves (${how}), ${means}; map a claim users cannot write (such as cognito:groups), `
    + 'or leave the attribute out of the client\'s writeAttributes');
}

/**
 * The user pool attribute a claim names: a standard attribute (`email`, `given_name`, ...), which
 * every user pool has, or a custom attribute (`custom:<name>`) in the schema. When the schema lists
 * an attribute without `Mutable`, it is immutable; a standard attribute it does not list is mutable.
 * Undefined for other claims (`sub`, `cognito:groups`, ...), developer-only attributes, and
 * schemas that are not known at synth time.
 */
function userPoolAttribute(userPool: CfnUserPool, claim: string): Attribute | undefined {
  const isCustom = claim.startsWith(CUSTOM_PREFIX);
  if (!isCustom && !STANDARD_ATTRIBUTES.has(claim)) {
    return undefined;
  }
  const schema = concrete(userPool, userPool.schema);
  if (schema !== undefined && !Array.isArray(schema)) {
    return undefined;
  }
  const name = isCustom ? claim.slice(CUSTOM_PREFIX.length) : claim;
  const entry = schema?.find((candidate: any) =>
    candidate?.name === name || (isCustom && candidate?.name === claim));
  if (entry === undefined) {
    return isCustom ? undefined : { mutable: true, required: false };
  }
  if (entry.developerOnlyAttribute === true) {
    return undefined;
  }
  return { mutable: entry.mutable === true, required: entry.required === true };
}

/**
 * How the app client may write the attribute, in words; undefined when it may not. Required
 * attributes are always writable; without `writeAttributes`, a client may write every attribute.
 */
function writeAccess(client: CfnUserPoolClient, claim: string, attribute: Attribute): string | undefined {
  if (attribute.required) {
    return 'it is required, and required attributes are always writable';
  }
  const writeAttributes = concrete(client, client.writeAttributes);
  if (writeAttributes === undefined) {
    return 'the client sets no writeAttributes, so it may write every attribute';
  }
  return Array.isArray(writeAttributes) && writeAttributes.includes(claim) ? 'it is in the client\'s writeAttributes' : undefined;
}

/** Whether users may sign themselves up: `AllowAdminCreateUserOnly` is not true (CloudFormation's default). */
function selfSignUp(userPool: CfnUserPool): boolean {
  const adminOnly = concrete(userPool, userPool.adminCreateUserConfig)?.allowAdminCreateUserOnly;
  return adminOnly === undefined || adminOnly === false;
}

/** A property's value with its tokens resolved, so a `Lazy` or an intrinsic shows for what it is. */
function concrete(scope: IConstruct, value: unknown): any {
  return Stack.of(scope).resolve(value);
}

/** A group as messages name it: its path, and its name when concrete. */
function describeGroup(group: CfnUserPoolGroup): string {
  const name = group.groupName;
  return typeof name === 'string' && !Token.isUnresolved(name) ? `${ownerPath(group)} ("${name}")` : ownerPath(group);
}
