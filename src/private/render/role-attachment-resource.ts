import type { CfnIdentityPoolRoleAttachmentProps } from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { CfnIdentityPoolRoleAttachment } from '../cdk/bindings';

/** A value of a resolved template. */
type Json = any;

/**
 * The `AWS::Cognito::IdentityPoolRoleAttachment` of an `IdentityPoolRoleAttachment`: the L1
 * itself (same type, same construct id and logical id, same escape hatches), except for how its
 * `RoleMappings` reach the template.
 *
 * The L1 checks every property of every mapping and rule once more at synthesis, through
 * validators that read aws-cdk-lib's exports, each read a `require()`: for a pool with a 25-rule
 * mapping that was about a fifth of its synthesis (measured with `npx projen bench`; see the
 * README's "Synthesis cost"). The mappings the construct renders were checked when they were
 * added, more strictly (`construct-time/role-mapping-validation.ts`), so this class writes them
 * in CloudFormation's casing itself, with the keys in the L1's order: the template is byte for
 * byte the L1's.
 *
 * Whatever the construct did not render goes through the L1 unchanged, its checks included: a
 * `roleMappings` the user set on the L1 (`cfn.roleMappings = ...`), and a rendered value that is
 * not what the construct writes (a rule value that resolved to a number, say, from a token), so
 * an error the L1 would raise is still raised, in its words. Overrides
 * (`addPropertyOverride`) apply after rendering, as on any L1.
 */
export class RoleAttachmentResource extends CfnIdentityPoolRoleAttachment {
  /** The value the construct gave `roleMappings`: rendered here only while it is still there. */
  private readonly renderedMappings: unknown;

  constructor(scope: Construct, id: string, props: CfnIdentityPoolRoleAttachmentProps) {
    super(scope, id, props);
    this.renderedMappings = props.roleMappings;
  }

  protected renderProperties(props: Record<string, Json>): Record<string, Json> {
    const mappings = this.roleMappings === this.renderedMappings ? cloudFormationMappings(props.roleMappings) : undefined;
    if (mappings === undefined) {
      return super.renderProperties(props);
    }
    // The L1 renders the other properties, and keeps its key order (RoleMappings between them).
    const rendered = super.renderProperties({ ...props, roleMappings: undefined });
    rendered.RoleMappings = mappings;
    return rendered;
  }
}

/**
 * The resolved `roleMappings` in CloudFormation's casing, as the L1 would write them; undefined
 * when there are none, or when the value is not what `renderRoleMappings` writes (the L1 then
 * judges it).
 */
function cloudFormationMappings(mappings: Json): Json | undefined {
  if (!isMap(mappings)) {
    return undefined;
  }
  const rendered: Record<string, Json> = {};
  for (const [key, mapping] of Object.entries<Json>(mappings)) {
    if (!isMap(mapping) || !isText(mapping.type) || !isText(mapping.ambiguousRoleResolution) || !isText(mapping.identityProvider)) {
      return undefined;
    }
    let rulesConfiguration: Json;
    if (mapping.rulesConfiguration !== undefined) {
      const rules = isMap(mapping.rulesConfiguration) ? cloudFormationRules(mapping.rulesConfiguration.rules) : undefined;
      if (rules === undefined) {
        return undefined;
      }
      rulesConfiguration = { Rules: rules };
    }
    rendered[key] = {
      AmbiguousRoleResolution: mapping.ambiguousRoleResolution,
      IdentityProvider: mapping.identityProvider,
      RulesConfiguration: rulesConfiguration,
      Type: mapping.type,
    };
  }
  return rendered;
}

function cloudFormationRules(rules: Json): Json[] | undefined {
  if (!Array.isArray(rules)) {
    return undefined;
  }
  const rendered: Json[] = [];
  for (const rule of rules) {
    if (!isMap(rule) || !isText(rule.claim) || !isText(rule.matchType) || !isText(rule.roleArn) || !isText(rule.value)) {
      return undefined;
    }
    rendered.push({ Claim: rule.claim, MatchType: rule.matchType, RoleARN: rule.roleArn, Value: rule.value });
  }
  return rendered;
}

/** A string, or an intrinsic function that stands for one (`{ Ref }`, `{ "Fn::GetAtt" }`...). */
function isText(value: Json): boolean {
  return typeof value === 'string' || isIntrinsic(value);
}

/** A plain object that is not an intrinsic function. */
function isMap(value: Json): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isIntrinsic(value);
}

/** What aws-cdk-lib's L1s take for an intrinsic function: an object with one key, `Ref` or `Fn::...`. */
function isIntrinsic(value: Json): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}
