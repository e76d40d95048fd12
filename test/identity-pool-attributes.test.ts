import { App, Annotations as CoreAnnotations, CfnParameter, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IdentityPool, IdentityPoolIdentityType, IdentityPoolPrincipal } from '../src';

const POOL_ID = 'us-east-1:0a1b2c3d-0000-0000-0000-000000000000';
const POOL_ARN = `arn:aws:cognito-identity:us-east-1:210987654321:identitypool/${POOL_ID}`;
const AUTH_ARN = 'arn:aws:iam::210987654321:role/photos-auth';
const GUEST_ARN = 'arn:aws:iam::210987654321:role/photos-guest';

function newStack(): Stack {
  return new Stack(new App(), 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
}

function importedRoles(stack: Stack) {
  return {
    authenticatedRole: iam.Role.fromRoleArn(stack, 'AuthRole', AUTH_ARN),
    unauthenticatedRole: iam.Role.fromRoleArn(stack, 'GuestRole', GUEST_ARN),
  };
}

describe('IdentityPool.fromIdentityPoolAttributes', () => {
  test('the imported pool has the given id, ARN, name and roles', () => {
    // GIVEN
    const stack = newStack();
    const roles = importedRoles(stack);

    // WHEN
    const pool = IdentityPool.fromIdentityPoolAttributes(stack, 'Imported', { identityPoolArn: POOL_ARN, identityPoolName: 'photos', ...roles });

    // THEN
    expect(pool.identityPoolId).toBe(POOL_ID);
    expect(pool.identityPoolArn).toBe(POOL_ARN);
    expect(pool.identityPoolName).toBe('photos');
    expect(pool.env).toEqual({ account: '210987654321', region: 'us-east-1' });
    expect(pool.authenticatedRole).toBe(roles.authenticatedRole);
    expect(pool.unauthenticatedRole).toBe(roles.unauthenticatedRole);
    expect(pool.hasUnauthenticatedRole).toBe(true);
  });

  test('by id, the ARN takes the id\'s region and the stack\'s account; the name defaults to the id', () => {
    const stack = newStack();
    const pool = IdentityPool.fromIdentityPoolAttributes(stack, 'Imported', {
      identityPoolId: 'eu-west-1:0a1b2c3d-0000-0000-0000-000000000000',
      authenticatedRole: importedRoles(stack).authenticatedRole,
    });
    expect(stack.resolve(pool.identityPoolArn)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cognito-identity:eu-west-1:123456789012:identitypool/eu-west-1:0a1b2c3d-0000-0000-0000-000000000000']],
    });
    expect(pool.identityPoolName).toBe('eu-west-1:0a1b2c3d-0000-0000-0000-000000000000');
  });

  test('grants to the imported roles land in policies attached to them', () => {
    // GIVEN
    const stack = newStack();
    const pool = IdentityPool.fromIdentityPoolAttributes(stack, 'Imported', {
      identityPoolId: POOL_ID,
      authenticatedRole: iam.Role.fromRoleArn(stack, 'AuthRole', 'arn:aws:iam::123456789012:role/photos-auth'),
      unauthenticatedRole: iam.Role.fromRoleArn(stack, 'GuestRole', 'arn:aws:iam::123456789012:role/photos-guest'),
    });
    const table = new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });

    // WHEN
    table.grantReadWriteData(pool.authenticatedRole);
    table.grantReadData(pool.unauthenticatedRole);

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: ['photos-auth'],
      PolicyDocument: { Statement: [Match.objectLike({ Action: Match.arrayWith(['dynamodb:PutItem']) })] },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: ['photos-guest'],
      PolicyDocument: { Statement: [Match.objectLike({ Action: Match.not(Match.arrayWith(['dynamodb:PutItem'])) })] },
    });
  });

  test('grant() on the imported pool grants on its ARN', () => {
    const stack = newStack();
    const pool = IdentityPool.fromIdentityPoolAttributes(stack, 'Imported', { identityPoolArn: POOL_ARN, ...importedRoles(stack) });
    const backend = new iam.Role(stack, 'Backend', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    pool.grant(backend, 'cognito-identity:GetOpenIdTokenForDeveloperIdentity');
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'cognito-identity:GetOpenIdTokenForDeveloperIdentity', Resource: POOL_ARN }] },
    });
  });

  test('a pool imported without an unauthenticated role says so, and reading it throws a clear error', () => {
    const stack = newStack();
    const pool = IdentityPool.fromIdentityPoolAttributes(stack, 'Imported', { identityPoolId: POOL_ID, authenticatedRole: importedRoles(stack).authenticatedRole });
    expect(pool.hasUnauthenticatedRole).toBe(false);
    expect(() => pool.unauthenticatedRole).toThrow(
      'Stack/Imported: this identity pool has no unauthenticated role (it was imported without one), so unauthenticatedRole cannot be read; '
      + 'check hasUnauthenticatedRole first, or give the pool an unauthenticatedRole');
  });

  test('adds nothing to the template without verifyRoles', () => {
    const stack = newStack();
    const roles = importedRoles(stack);
    IdentityPool.fromIdentityPoolAttributes(stack, 'Imported', { identityPoolId: POOL_ID, ...roles, mappedRoles: [roles.authenticatedRole] });
    expect(Template.fromStack(stack).toJSON().Resources).toBeUndefined();
  });

  test('needs the id or the ARN', () => {
    const stack = newStack();
    expect(() => IdentityPool.fromIdentityPoolAttributes(stack, 'Imported', { authenticatedRole: importedRoles(stack).authenticatedRole }))
      .toThrow('Stack: identityPoolId or identityPoolArn must be given to import an identity pool (received: undefined)');
  });

  test('takes the id or the ARN, not both', () => {
    const stack = newStack();
    expect(() => IdentityPool.fromIdentityPoolAttributes(stack, 'Imported', {
      identityPoolId: POOL_ID, identityPoolArn: POOL_ARN, authenticatedRole: importedRoles(stack).authenticatedRole,
    })).toThrow(`Stack: identityPoolId must not be given together with identityPoolArn: give one of them (received: "${POOL_ID}")`);
  });

  test('checks a concrete id and ARN as the other importers do', () => {
    const stack = newStack();
    const authenticatedRole = importedRoles(stack).authenticatedRole;
    expect(() => IdentityPool.fromIdentityPoolAttributes(stack, 'ById', { identityPoolId: 'no-region', authenticatedRole }))
      .toThrow('Stack: identityPoolId must have the form <region>:<id>, e.g. "us-east-1:0a1b2c3d-..." (received: "no-region")');
    expect(() => IdentityPool.fromIdentityPoolAttributes(stack, 'ByArn', { identityPoolArn: 'arn:aws:s3:::bucket', authenticatedRole }))
      .toThrow('Stack: identityPoolArn must be a cognito-identity ARN, not a s3 one (received: "arn:aws:s3:::bucket")');
  });

  test('a token id passes', () => {
    const stack = newStack();
    const id = new CfnParameter(stack, 'PoolId').valueAsString;
    const pool = IdentityPool.fromIdentityPoolAttributes(stack, 'Imported', { identityPoolId: id, authenticatedRole: importedRoles(stack).authenticatedRole });
    expect(stack.resolve(pool.identityPoolId)).toEqual({ Ref: 'PoolId' });
  });
});

describe('trust of the roles given with an imported pool', () => {
  function roleTrustWarnings(stack: Stack): string[] {
    return Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('cdk-identity-pool:roleTrust'))
      .map(warning => `${warning.id}: ${warning.entry.data}`);
  }

  test('roles defined in the app that trust the imported pool raise no warning', () => {
    // GIVEN
    const stack = newStack();
    const placeholder = IdentityPool.fromIdentityPoolId(stack, 'ForTrust', POOL_ID);
    const authenticatedRole = new iam.Role(stack, 'Auth', { assumedBy: new IdentityPoolPrincipal(placeholder) });
    const unauthenticatedRole = new iam.Role(stack, 'Guest', { assumedBy: new IdentityPoolPrincipal(placeholder, IdentityPoolIdentityType.UNAUTHENTICATED) });

    // WHEN
    IdentityPool.fromIdentityPoolAttributes(stack, 'Imported', { identityPoolId: POOL_ID, authenticatedRole, unauthenticatedRole, mappedRoles: [authenticatedRole] });

    // THEN
    expect(roleTrustWarnings(stack)).toEqual([]);
  });

  test('a mapped role defined in the app that trusts another pool warns on the imported pool; imported roles are not read', () => {
    // GIVEN
    const stack = newStack();
    const otherPool = IdentityPool.fromIdentityPoolId(stack, 'Other', 'us-east-1:ffffffff-0000-0000-0000-000000000000');
    const admin = new iam.Role(stack, 'Admin', { assumedBy: new IdentityPoolPrincipal(otherPool) });

    // WHEN
    IdentityPool.fromIdentityPoolAttributes(stack, 'Imported', { identityPoolId: POOL_ID, ...importedRoles(stack), mappedRoles: [admin] });

    // THEN
    expect(roleTrustWarnings(stack)).toEqual([
      '/Stack/Imported/RoleTrust: The role Stack/Admin (mappedRoles[0]) has a cognito-identity.amazonaws.com:aud condition that does not name this '
      + 'identity pool, so this pool\'s identities cannot assume it: sign-in fails with STS AccessDenied "Not authorized to perform '
      + 'sts:AssumeRoleWithWebIdentity"; trust the pool with new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.AUTHENTICATED) '
      + '[ack: cdk-identity-pool:roleTrust]',
    ]);
  });

  test('default roles that do not trust the imported pool are named as such, the guest role too', () => {
    // GIVEN
    const stack = newStack();
    const authenticatedRole = new iam.Role(stack, 'Auth', { assumedBy: new iam.AccountRootPrincipal() });
    const unauthenticatedRole = new iam.Role(stack, 'Guest', { assumedBy: new iam.AccountRootPrincipal() });

    // WHEN
    IdentityPool.fromIdentityPoolAttributes(stack, 'Imported', { identityPoolId: POOL_ID, authenticatedRole, unauthenticatedRole });

    // THEN
    const warnings = roleTrustWarnings(stack);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^\/Stack\/Imported\/RoleTrust: The role Stack\/Auth \(authenticated default role\) .*IdentityPoolIdentityType\.AUTHENTICATED\)/);
    expect(warnings[1]).toMatch(/^\/Stack\/Imported\/RoleTrust: The role Stack\/Guest \(unauthenticated default role\) .*IdentityPoolIdentityType\.UNAUTHENTICATED\)/);
  });

  test('a role that trusts the imported pool without amr is judged as with the classic flow off (an imported pool\'s flow is not known)', () => {
    // GIVEN
    const stack = newStack();
    const authenticatedRole = new iam.Role(stack, 'Auth', {
      assumedBy: new iam.FederatedPrincipal('cognito-identity.amazonaws.com', {
        StringEquals: { 'cognito-identity.amazonaws.com:aud': POOL_ID },
      }, 'sts:AssumeRoleWithWebIdentity'),
    });

    // WHEN
    IdentityPool.fromIdentityPoolAttributes(stack, 'Imported', { identityPoolId: POOL_ID, authenticatedRole });

    // THEN
    expect(roleTrustWarnings(stack)).toEqual([
      '/Stack/Imported/RoleTrust: The role Stack/Auth (authenticated default role) has no cognito-identity.amazonaws.com:amr condition '
      + '(ForAnyValue:StringLike, "authenticated") in its trust policy, so guests (unauthenticated identities) of this pool could assume it; '
      + 'trust the pool with new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.AUTHENTICATED) [ack: cdk-identity-pool:roleTrust]',
    ]);
  });

  test('the warning can be acknowledged on the imported pool', () => {
    const stack = newStack();
    const admin = new iam.Role(stack, 'Admin', { assumedBy: new iam.AccountRootPrincipal() });
    const pool = IdentityPool.fromIdentityPoolAttributes(stack, 'Imported', { identityPoolId: POOL_ID, authenticatedRole: admin });
    CoreAnnotations.of(pool).acknowledgeWarning('cdk-identity-pool:roleTrust', 'the role is assumed through another account');
    expect(roleTrustWarnings(stack)).toEqual([]);
  });
});

describe('the name of an imported pool', () => {
  test('a name no identity pool can have fails', () => {
    const stack = newStack();
    expect(() => IdentityPool.fromIdentityPoolAttributes(stack, 'Imported', {
      identityPoolId: POOL_ID, identityPoolName: 'photos/prod', authenticatedRole: importedRoles(stack).authenticatedRole,
    })).toThrow('Stack: identityPoolName must match [\\w\\s+=,.@-]+ (received: "photos/prod")');
  });

  test('a name with spaces and signs, or a token name, is kept', () => {
    const stack = newStack();
    const name = new CfnParameter(stack, 'Name').valueAsString;
    const roles = importedRoles(stack);
    expect(IdentityPool.fromIdentityPoolAttributes(stack, 'Imported', {
      identityPoolId: POOL_ID, identityPoolName: 'Photos prod+=,.@-_', authenticatedRole: roles.authenticatedRole,
    }).identityPoolName).toBe('Photos prod+=,.@-_');
    expect(IdentityPool.fromIdentityPoolAttributes(stack, 'ByToken', {
      identityPoolId: POOL_ID, identityPoolName: name, authenticatedRole: roles.authenticatedRole,
    }).identityPoolName).toBe(name);
  });
});
