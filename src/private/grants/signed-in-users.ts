import type { AddToPrincipalPolicyResult, IPrincipal, IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { DependencyGroup } from 'constructs';
import type { IConstruct } from 'constructs';
import { PrincipalPolicyFragment, Stack } from '../cdk/bindings';

/**
 * Every signed-in user of a pool, as one grantee: a statement granted to it goes to each role
 * the pool hands out to signed-in identities (its default authenticated role, its user pool
 * group roles, the roles of `addMappedRole`), including roles added after the grant, which get
 * every statement granted before. A role defined in the app receives the statement in its
 * default policy; an imported role receives nothing (aws-cdk-lib cannot change its policies), as
 * when granting to it directly.
 */
export class SignedInUsers implements IPrincipal {
  public readonly grantPrincipal: IPrincipal = this;
  public readonly assumeRoleAction = 'sts:AssumeRoleWithWebIdentity';

  private readonly roles: IRole[] = [];
  private readonly statements: PolicyStatement[] = [];

  constructor(private readonly pool: IConstruct) {}

  /** The account of the pool's stack, so resources of that account are granted on the role. */
  public get principalAccount(): string | undefined {
    return Stack.of(this.pool).account;
  }

  /**
   * The covered roles by ARN, for a resource policy that names the grantee (a grant on a
   * resource of another account, such as an imported KMS key): roles added later are not in it.
   */
  public get policyFragment(): PrincipalPolicyFragment {
    return new PrincipalPolicyFragment({ AWS: this.roles.map(role => role.roleArn) });
  }

  /** The roles covered now, in the order they were added. */
  public get coveredRoles(): readonly IRole[] {
    return this.roles;
  }

  /** Covers one more role: it gets every statement granted so far, and all later ones. */
  public addRole(role: IRole): void {
    if (this.roles.includes(role)) {
      return;
    }
    this.roles.push(role);
    for (const statement of this.statements) {
      role.addToPrincipalPolicy(statement);
    }
  }

  public addToPrincipalPolicy(statement: PolicyStatement): AddToPrincipalPolicyResult {
    this.statements.push(statement);
    const dependable = new DependencyGroup();
    let added = false;
    for (const role of this.roles) {
      const result = role.addToPrincipalPolicy(statement);
      added ||= result.statementAdded;
      if (result.policyDependable !== undefined) {
        dependable.add(result.policyDependable);
      }
    }
    // Roles added later get the statement too, so it counts as added even before there is one.
    return { statementAdded: added || this.roles.length === 0, policyDependable: dependable };
  }

  public addToPolicy(statement: PolicyStatement): boolean {
    return this.addToPrincipalPolicy(statement).statementAdded;
  }
}
