import type { IRole } from 'aws-cdk-lib/aws-iam';
import { VERIFY_ROLES_HANDLER } from './verify-roles-handler';
import type { IIdentityPool } from '../../identity-pool-interface';
import { Code, CustomResource, Duration, PolicyStatement, Runtime, SingletonFunction } from '../cdk/bindings';

/** The custom resource's type: what `cdk diff` and the console show. */
export const ROLES_CHECK_RESOURCE_TYPE = 'Custom::IdentityPoolRolesCheck';

/** The two calls the check makes; its function may make them on the checked pools only. */
export const ROLES_CHECK_ACTIONS = ['cognito-identity:DescribeIdentityPool', 'cognito-identity:GetIdentityPoolRoles'];

/** The roles an imported pool was given. */
export interface ExpectedRoles {
  readonly authenticatedRole: IRole;
  readonly unauthenticatedRole?: IRole;
  readonly mappedRoles: readonly IRole[];
}

/**
 * Adds, under the imported pool, the custom resource `RolesCheck` that fails the deployment
 * when the pool's roles are not the ones given. Its function is one per stack (a
 * `SingletonFunction`), and each pool checked adds a statement allowing the two calls on that
 * pool's ARN alone.
 */
export function addRolesCheck(pool: IIdentityPool, roles: ExpectedRoles): CustomResource {
  const handler = new SingletonFunction(pool, 'RolesCheckFunction', {
    uuid: '8f9d3a52-6c1e-4b7a-9e0d-2f4b6a1c7e35',
    lambdaPurpose: 'IdentityPoolRolesCheck',
    description: 'Checks at deploy time that imported Cognito identity pools have the roles the stack was given (cdk-identity-pool)',
    runtime: Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: Code.fromInline(VERIFY_ROLES_HANDLER),
    timeout: Duration.minutes(1),
  });
  handler.addToRolePolicy(new PolicyStatement({ actions: ROLES_CHECK_ACTIONS, resources: [pool.identityPoolArn] }));
  const check = new CustomResource(pool, 'RolesCheck', {
    serviceToken: handler.functionArn,
    resourceType: ROLES_CHECK_RESOURCE_TYPE,
    properties: {
      IdentityPoolId: pool.identityPoolId,
      AuthenticatedRoleArn: roles.authenticatedRole.roleArn,
      UnauthenticatedRoleArn: roles.unauthenticatedRole?.roleArn,
      MappedRoleArns: roles.mappedRoles.length > 0 ? roles.mappedRoles.map(role => role.roleArn) : undefined,
    },
  });
  // The statement must be in place before the check runs, however the function was created.
  handler.dependOn(check);
  return check;
}
