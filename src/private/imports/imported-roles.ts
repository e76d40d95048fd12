import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';
import { Construct } from 'constructs';
import { addRolesCheck } from './verify-roles';
import type { IdentityPoolAttributes } from '../../identity-pool-attributes';
import { describePath } from '../messages/errors';
import type { PoolFacts, RoleUse } from '../synth/facts';

/**
 * The unauthenticated role of a pool, or a clear error when it has none.
 *
 * @param why how the pool came to have none, for the message
 */
export function unauthenticatedRoleOrThrow(pool: IConstruct, role: IRole | undefined, why: string): IRole {
  if (role === undefined) {
    throw new Error(`${describePath(pool)}: this identity pool has no unauthenticated role (${why}), so unauthenticatedRole cannot be read; `
      + 'check hasUnauthenticatedRole first, or give the pool an unauthenticatedRole');
  }
  return role;
}

/**
 * The checks of a pool imported with its roles: at synth time, the roles defined in the app must
 * trust it (the synth rule role-trust warns on its child `RoleTrust`; its flow is unknown, so the classic-flow rules are
 * not applied); at deploy time, with `verifyRoles`, the pool's roles must be the ones given.
 */
export function registerImportedRoleChecks(pool: PoolFacts, attrs: IdentityPoolAttributes): void {
  const mappedRoles = attrs.mappedRoles ?? [];
  const uses: RoleUse[] = [
    { role: attrs.authenticatedRole, description: 'authenticated default role', identityType: 'authenticated' },
    ...attrs.unauthenticatedRole ? [{ role: attrs.unauthenticatedRole, description: 'unauthenticated default role', identityType: 'unauthenticated' } as const] : [],
    ...mappedRoles.map((role, index) => ({ role, description: `mappedRoles[${index}]`, identityType: 'authenticated' } as const)),
  ];
  // Warnings found at validation time go on a child, so that acknowledging them on the pool works;
  // the synth rule role-trust reads the roles here.
  pool._importedRoles = { target: new Construct(pool, 'RoleTrust'), uses };
  if (attrs.verifyRoles === true) {
    addRolesCheck(pool, { authenticatedRole: attrs.authenticatedRole, unauthenticatedRole: attrs.unauthenticatedRole, mappedRoles });
  }
}
