import { Template } from 'aws-cdk-lib/assertions';
import { buildExampleApp } from './example/app';
import { summarizeTemplate } from './example/summary';

describe('the README example app', () => {
  test('summarizes pools, providers, roles, trust and mappings', () => {
    const { stack } = buildExampleApp();
    const summary = summarizeTemplate(stack.stackName, Template.fromStack(stack).toJSON());
    expect(summary).toContain('Identity pool Identities1D2FC062 (name: photo_sharing, deletion: Retain)');
    expect(summary).toContain('guests: off, classic flow: off');
    expect(summary).toContain('login provider: accounts.google.com');
    expect(summary).toContain('authenticated role: IdentitiesAuthenticatedRoleB7BB6C89 trusting cognito-identity.amazonaws.com [aud=Ref(Identities1D2FC062), amr=authenticated]');
    expect(summary).toContain('if cognito:groups Contains "admins" -> IdentitiesAdminRole7275568A trusting cognito-identity.amazonaws.com [aud=Ref(Identities1D2FC062), amr=authenticated]');
    expect(summary).toContain('mapping accounts.google.com: Token for accounts.google.com, ambiguous: Deny');
  });

  // The one whole-template snapshot: a tripwire for any unintended change to what the
  // library renders. `projen test` runs jest with --ci, so a changed snapshot fails CI;
  // update it deliberately with `npx projen test:update`.
  test('template snapshot', () => {
    const { stack } = buildExampleApp();
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});
