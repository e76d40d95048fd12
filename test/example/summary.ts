/**
 * A short, readable account of the identity pools in a synthesized template: their providers,
 * default roles with the trust each one grants, and their role mappings.
 */

type Json = any;

export function summarizeTemplate(stackName: string, template: Json): string {
  const resources: Record<string, Json> = template.Resources ?? {};
  const lines: string[] = [`Stack ${stackName}: ${Object.keys(resources).length} resources`];
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
    for (const [attachmentId, attachment] of attachmentsOf(resources, poolId)) {
      lines.push(`    role attachment ${attachmentId}:`);
      for (const [kind, arn] of Object.entries<Json>(attachment.Properties.Roles ?? {})) {
        lines.push(`      ${kind} role: ${describeRole(resources, arn)}`);
      }
      for (const [key, mapping] of Object.entries<Json>(attachment.Properties.RoleMappings ?? {})) {
        lines.push(`      mapping ${key}: ${mapping.Type} for ${show(mapping.IdentityProvider)}, ambiguous: ${mapping.AmbiguousRoleResolution}`);
        for (const rule of mapping.RulesConfiguration?.Rules ?? []) {
          lines.push(`        if ${rule.Claim} ${rule.MatchType} ${JSON.stringify(rule.Value)} -> ${describeRole(resources, rule.RoleARN)}`);
        }
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

function attachmentsOf(resources: Record<string, Json>, poolId: string): Array<[string, Json]> {
  return Object.entries(resources).filter(([, r]) =>
    r.Type === 'AWS::Cognito::IdentityPoolRoleAttachment' && r.Properties?.IdentityPoolId?.Ref === poolId);
}

function describeRole(resources: Record<string, Json>, arn: Json): string {
  const roleId = arn?.['Fn::GetAtt']?.[0];
  const role = roleId ? resources[roleId] : undefined;
  if (!role) {
    return show(arn);
  }
  const trust = (role.Properties.AssumeRolePolicyDocument?.Statement ?? []).map((statement: Json) => {
    const principal = statement.Principal?.Federated ?? statement.Principal?.Service ?? show(statement.Principal);
    const conditions = Object.values<Json>(statement.Condition ?? {}).flatMap(block =>
      Object.entries<Json>(block).map(([key, value]) => `${key.split(':').pop()}=${show(value)}`));
    return `${principal}${conditions.length ? ` [${conditions.join(', ')}]` : ''}`;
  });
  return `${roleId} trusting ${trust.join('; ')}`;
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
