import type { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type * as iam from 'aws-cdk-lib/aws-iam';

/**
 * Every permission statement that reaches a role in the stack's template: its inline policies and
 * every `AWS::IAM::Policy` or `AWS::IAM::ManagedPolicy` whose `Roles` include it (a policy shared
 * with other roles counts), and the customer managed policies it lists.
 */
export function statementsOf(stack: Stack, role: iam.IRole): any[] {
  const template = Template.fromStack(stack);
  const roleId = stack.getLogicalId(role.node.defaultChild as iam.CfnRole);
  const attached = ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'].flatMap(type =>
    Object.values(template.findResources(type, { Properties: { Roles: Match.arrayWith([{ Ref: roleId }]) } })));
  const roleResource = template.toJSON().Resources[roleId];
  const inline = (roleResource?.Properties?.Policies ?? []).map((policy: any) => policy.PolicyDocument);
  const listed = (roleResource?.Properties?.ManagedPolicyArns ?? [])
    .map((arn: any) => template.toJSON().Resources[arn?.Ref])
    .filter((policy: any) => policy?.Type === 'AWS::IAM::ManagedPolicy');
  return [
    ...attached.map((policy: any) => policy.Properties.PolicyDocument),
    ...inline,
    ...listed.map((policy: any) => policy.Properties.PolicyDocument),
  ].flatMap(document => document.Statement);
}
