/**
 * A short, readable account of the identity pools in a synthesized template: their providers,
 * the roles they hand out with the trust each one grants and what each may do, their role
 * mappings, the other roles of the stack that may call the pool, and who hears of its
 * CloudTrail events.
 */

type Json = any;

export function summarizeTemplate(stackName: string, template: Json): string {
  const resources: Record<string, Json> = template.Resources ?? {};
  const lines: string[] = [`Stack ${stackName}: ${Object.keys(resources).length} resources`];
  const described = new Set<string>();
  const pools = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::Cognito::IdentityPool');
  for (const [poolId, pool] of pools) {
    const props = pool.Properties ?? {};
    lines.push(`  Identity pool ${poolId} (name: ${show(props.IdentityPoolName ?? '<generated>')}, deletion: ${pool.DeletionPolicy ?? 'Delete'})`);
    lines.push(`    guests: ${props.AllowUnauthenticatedIdentities ? 'allowed' : 'off'}, classic flow: ${props.AllowClassicFlow ? 'on' : 'off'}`);
    for (const domain of Object.keys(props.SupportedLoginProviders ?? {})) {
      lines.push(`    login provider: ${domain}`);
    }
    for (const provider of props.CognitoIdentityProviders ?? []) {
      lines.push(`    user pool provider: ${show(provider.ProviderName)} client ${show(provider.ClientId)} (server-side token check: ${provider.ServerSideTokenCheck ? 'on' : 'off'})`);
    }
    if (props.DeveloperProviderName) {
      lines.push(`    developer provider: ${show(props.DeveloperProviderName)}`);
    }
    for (const [attachmentId, attachment] of attachmentsOf(resources, poolId)) {
      lines.push(`    role attachment ${attachmentId}:`);
      for (const [kind, arn] of Object.entries<Json>(attachment.Properties.Roles ?? {})) {
        lines.push(`      ${kind} role: ${describeRole(resources, arn)}`);
        lines.push(...permissionsOf(resources, roleIdOf(arn), '        '));
        described.add(roleIdOf(arn) ?? '');
      }
      for (const [key, mapping] of Object.entries<Json>(attachment.Properties.RoleMappings ?? {})) {
        lines.push(`      mapping ${key}: ${mapping.Type} for ${show(mapping.IdentityProvider)}, ambiguous: ${mapping.AmbiguousRoleResolution}`);
        for (const [groupId, group] of mapping.Type === 'Token' ? groupsOf(resources, mapping.IdentityProvider) : []) {
          lines.push(`        group ${show(group.Properties.GroupName ?? groupId)} (precedence ${group.Properties.Precedence ?? 'none'}) -> ${describeRole(resources, group.Properties.RoleArn)}`);
          if (!described.has(roleIdOf(group.Properties.RoleArn) ?? '')) {
            lines.push(...permissionsOf(resources, roleIdOf(group.Properties.RoleArn), '          '));
            described.add(roleIdOf(group.Properties.RoleArn) ?? '');
          }
        }
        if (mapping.Type === 'Token') {
          const authenticated = attachment.Properties.Roles?.authenticated;
          lines.push(`        users in no group -> ${mapping.AmbiguousRoleResolution === 'AuthenticatedRole' && authenticated !== undefined
            ? `the authenticated role ${roleIdOf(authenticated)}`
            : 'no credentials (Deny)'}`);
        }
        for (const rule of mapping.RulesConfiguration?.Rules ?? []) {
          lines.push(`        if ${rule.Claim} ${rule.MatchType} ${JSON.stringify(rule.Value)} -> ${describeRole(resources, rule.RoleARN)}`);
          if (!described.has(roleIdOf(rule.RoleARN) ?? '')) {
            lines.push(...permissionsOf(resources, roleIdOf(rule.RoleARN), '          '));
            described.add(roleIdOf(rule.RoleARN) ?? '');
          }
        }
      }
    }
    const callers = Object.keys(resources).filter(roleId => resources[roleId].Type === 'AWS::IAM::Role' && !described.has(roleId)
      && statementsOf(resources, roleId).some(statement => asList(statement.Action).some((action: string) => action.startsWith('cognito-identity:'))));
    for (const roleId of callers) {
      lines.push(`    backend role ${describeRole(resources, { 'Fn::GetAtt': [roleId, 'Arn'] })}`);
      lines.push(...permissionsOf(resources, roleId, '      '));
    }
    for (const [ruleId, rule] of eventRulesOf(resources, poolId)) {
      lines.push(`    events rule ${ruleId}: ${describeEventNames(rule.Properties.EventPattern)}`);
      for (const target of rule.Properties.Targets ?? []) {
        lines.push(`      -> ${describeTarget(resources, target.Arn)}`);
      }
    }
  }
  const outputs = Object.entries<Json>(template.Outputs ?? {});
  if (outputs.length > 0) {
    lines.push('  Outputs (the front end\'s configuration):');
    for (const [outputId, output] of outputs) {
      lines.push(`    ${outputId}: ${show(output.Value)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function attachmentsOf(resources: Record<string, Json>, poolId: string): Array<[string, Json]> {
  return Object.entries(resources).filter(([, r]) =>
    r.Type === 'AWS::Cognito::IdentityPoolRoleAttachment' && r.Properties?.IdentityPoolId?.Ref === poolId);
}

/** The user pool groups whose roles a Token mapping for a user pool provider hands out. */
function groupsOf(resources: Record<string, Json>, identityProvider: Json): Array<[string, Json]> {
  // A user pool provider renders as Fn::Join of the pool's ProviderName and ":<client id>".
  const userPoolId = identityProvider?.['Fn::Join']?.[1]?.[0]?.['Fn::GetAtt']?.[0];
  return Object.entries(resources).filter(([, r]) => r.Type === 'AWS::Cognito::UserPoolGroup' && r.Properties?.UserPoolId?.Ref === userPoolId);
}

/** The EventBridge rules on the pool's CloudTrail events: their pattern names the pool. */
function eventRulesOf(resources: Record<string, Json>, poolId: string): Array<[string, Json]> {
  const reference = JSON.stringify({ Ref: poolId });
  return Object.entries(resources).filter(([, r]) => r.Type === 'AWS::Events::Rule'
    && asList(r.Properties?.EventPattern?.source).includes('aws.cognito-identity')
    && JSON.stringify(r.Properties.EventPattern).includes(reference));
}

/** The API calls a rule's pattern names (in each of its alternatives), or every call of the pool. */
function describeEventNames(pattern: Json): string {
  const alternatives = pattern.detail?.$or ?? [pattern.detail ?? {}];
  const names = [...new Set(alternatives.flatMap((alternative: Json) => asList(alternative.eventName)))];
  return names.length > 0 ? names.join(', ') : 'every call to the pool that CloudTrail records';
}

/** A rule target: an SNS topic with its key and its subscriptions, or the target's ARN. */
function describeTarget(resources: Record<string, Json>, arn: Json): string {
  const topicId = arn?.Ref;
  const topic = topicId ? resources[topicId] : undefined;
  if (topic?.Type !== 'AWS::SNS::Topic') {
    return show(arn);
  }
  const key = topic.Properties?.KmsMasterKeyId ? `encrypted with ${show(topic.Properties.KmsMasterKeyId)}` : 'not encrypted';
  const subscribers = Object.values(resources)
    .filter(r => r.Type === 'AWS::SNS::Subscription' && r.Properties?.TopicArn?.Ref === topicId)
    .map(r => `${r.Properties.Protocol} ${show(r.Properties.Endpoint)}`);
  return `topic ${topicId} (${key}) to ${subscribers.length > 0 ? subscribers.join(', ') : 'no subscriber'}`;
}

function roleIdOf(arn: Json): string | undefined {
  return arn?.['Fn::GetAtt']?.[0];
}

function describeRole(resources: Record<string, Json>, arn: Json): string {
  const roleId = roleIdOf(arn);
  const role = roleId ? resources[roleId] : undefined;
  if (!role) {
    return show(arn);
  }
  const trust = (role.Properties.AssumeRolePolicyDocument?.Statement ?? [])
    .filter((statement: Json) => asList(statement.Action).some((action: string) => action.startsWith('sts:AssumeRole')))
    .map((statement: Json) => {
      const principal = statement.Principal?.Federated ?? statement.Principal?.Service ?? show(statement.Principal);
      return `${principal}${describeConditions(statement.Condition)}`;
    });
  return `${roleId} trusting ${trust.join('; ')}`;
}

/** What a role may do: one line per statement of the policies attached to it. */
function permissionsOf(resources: Record<string, Json>, roleId: string | undefined, indent: string): string[] {
  const statements = roleId ? statementsOf(resources, roleId) : [];
  if (statements.length === 0) {
    return [`${indent}may: nothing`];
  }
  return statements.map(statement =>
    `${indent}may ${asList(statement.Action).join(', ')} on ${asList(statement.Resource).map(show).join(', ')}${describeConditions(statement.Condition)}`);
}

function statementsOf(resources: Record<string, Json>, roleId: string): Json[] {
  return Object.values(resources)
    .filter(r => r.Type === 'AWS::IAM::Policy' && asList(r.Properties?.Roles).some((ref: Json) => ref?.Ref === roleId))
    .flatMap(r => asList(r.Properties.PolicyDocument?.Statement));
}

function describeConditions(condition: Json): string {
  const parts = Object.values<Json>(condition ?? {}).flatMap(block =>
    Object.entries<Json>(block).map(([key, value]) => `${key.split(':').pop()}=${asList(value).map(show).join('|')}`));
  return parts.length ? ` [${parts.join(', ')}]` : '';
}

function asList(value: Json): Json[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Renders a template value: strings as they are, references as `Ref(X)` / `X.Attr`. */
function show(value: Json): string {
  if (typeof value === 'string') {
    return value;
  }
  if (value?.Ref) {
    return `Ref(${value.Ref})`;
  }
  if (value?.['Fn::GetAtt']) {
    return value['Fn::GetAtt'].join('.');
  }
  if (value?.['Fn::Join']) {
    return value['Fn::Join'][1].map(show).join(value['Fn::Join'][0]);
  }
  return JSON.stringify(value);
}
