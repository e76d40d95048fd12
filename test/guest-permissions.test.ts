import { App, Annotations as CoreAnnotations, Lazy, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IdentityPool, IdentityPoolIdentityType, IdentityPoolPrincipal, IdentityPoolRoleAttachment } from '../src';

const ATTACHMENT = '/Stack/Pool/DefaultRoleAttachment';
const URL = 'https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html#access-policies';
const TAIL = ', but in the enhanced flow Cognito scopes guest credentials down to a fixed list of services and actions, so such calls are '
  + `denied at run time ("no session policy allows"); see ${URL}. Drop what guests cannot use, or turn on the classic flow `
  + '(allowClassicFlow) if they must have it [ack: cdk-identity-pool:guestScopeDown]';

function newStack(): Stack {
  return new Stack(new App(), 'Stack');
}

function guestWarnings(stack: Stack): string[] {
  return Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('cdk-identity-pool:guestScopeDown'))
    .map(warning => `${warning.id}: ${warning.entry.data}`);
}

function grantToGuests(pool: IdentityPool, ...actions: string[]): void {
  pool.unauthenticatedRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions, resources: ['*'] }));
}

describe('permissions of the guest role beyond what guest credentials can use', () => {
  test('an action outside the ceiling warns, naming the action, the statement\'s construct and the documentation', () => {
    // GIVEN
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool', { allowUnauthenticatedIdentities: true });

    // WHEN
    grantToGuests(pool, 'ssm:GetParameter');

    // THEN
    expect(guestWarnings(stack)).toEqual([
      `${ATTACHMENT}: The guest role Stack/Pool/UnauthenticatedRole is granted ssm:GetParameter by statement 1 of `
      + `Stack/Pool/UnauthenticatedRole/DefaultPolicy${TAIL}`,
    ]);
  });

  test('actions inside the ceiling do not warn, wildcards included', () => {
    // GIVEN
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool', { allowUnauthenticatedIdentities: true });
    const table = new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });
    const bucket = new s3.Bucket(stack, 'Bucket');

    // WHEN
    grantToGuests(pool, 's3:*', 'dynamodb:Query', 'execute-api:Invoke', 'kms:Decrypt', 'geo:GetMapTile', 'rum:PutRumEvents');
    table.grantReadData(pool.unauthenticatedRole);
    bucket.grantRead(pool.unauthenticatedRole);

    // THEN
    expect(guestWarnings(stack)).toEqual([]);
  });

  test('a statement with several actions outside names each in one warning; the actions inside are not named', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    grantToGuests(pool, 's3:GetObject', 'ssm:GetParameter', 'secretsmanager:GetSecretValue');
    expect(guestWarnings(stack)).toEqual([
      `${ATTACHMENT}: The guest role Stack/Pool/UnauthenticatedRole is granted ssm:GetParameter, secretsmanager:GetSecretValue by `
      + `statement 1 of Stack/Pool/UnauthenticatedRole/DefaultPolicy${TAIL}`,
    ]);
  });

  test('"*" and a whole service with a narrower ceiling (kms:*) warn', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    grantToGuests(pool, '*');
    pool.unauthenticatedRole.addToPrincipalPolicy(new iam.PolicyStatement({ sid: 'Keys', actions: ['kms:*'], resources: ['*'] }));
    expect(guestWarnings(stack)).toEqual([
      `${ATTACHMENT}: The guest role Stack/Pool/UnauthenticatedRole is granted * by statement 1 of `
      + `Stack/Pool/UnauthenticatedRole/DefaultPolicy${TAIL}`,
      `${ATTACHMENT}: The guest role Stack/Pool/UnauthenticatedRole is granted kms:* by statement "Keys" of `
      + `Stack/Pool/UnauthenticatedRole/DefaultPolicy${TAIL}`,
    ]);
  });

  test('an Allow with NotAction warns; Deny statements never do', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    pool.unauthenticatedRole.addToPrincipalPolicy(new iam.PolicyStatement({ notActions: ['iam:*'], resources: ['*'] }));
    pool.unauthenticatedRole.addToPrincipalPolicy(new iam.PolicyStatement({ effect: iam.Effect.DENY, actions: ['ssm:*'], resources: ['*'] }));
    expect(guestWarnings(stack)).toEqual([
      `${ATTACHMENT}: The guest role Stack/Pool/UnauthenticatedRole is granted every action but iam:* (NotAction) by statement 1 of `
      + `Stack/Pool/UnauthenticatedRole/DefaultPolicy${TAIL}`,
    ]);
  });

  test('an action known only at deploy time is not judged', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    grantToGuests(pool, Lazy.string({ produce: () => 'ssm:GetParameter' }));
    expect(guestWarnings(stack)).toEqual([]);
  });

  test('reads a supplied role\'s inline policies, the iam.Policy and ManagedPolicy attached to it and the customer managed policies it lists', () => {
    // GIVEN a role defined in the app, with one statement outside the ceiling in each kind of policy
    const stack = newStack();
    const outside = (action: string) => [new iam.PolicyStatement({ actions: [action], resources: ['*'] })];
    const guests = new iam.Role(stack, 'Guests', {
      assumedBy: new iam.AccountRootPrincipal(),
      inlinePolicies: { Reads: new iam.PolicyDocument({ statements: outside('ssm:GetParameter') }) },
      managedPolicies: [
        new iam.ManagedPolicy(stack, 'Listed', { statements: outside('states:StartExecution') }),
        iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess'),
      ],
    });
    new iam.Policy(stack, 'Attached', { roles: [guests], statements: outside('bedrock:InvokeModel') });
    new iam.ManagedPolicy(stack, 'AttachedManaged', { roles: [guests], statements: outside('sts:AssumeRole') });
    new iam.ManagedPolicy(stack, 'Unrelated', { statements: outside('ec2:RunInstances') });
    new iam.Policy(stack, 'OtherRole', {
      roles: [new iam.Role(stack, 'Other', { assumedBy: new iam.AccountRootPrincipal() })],
      statements: outside('ec2:TerminateInstances'),
    });

    // WHEN
    new IdentityPool(stack, 'Pool', { unauthenticatedRole: guests });

    // THEN each is named by the construct that holds it; AWS managed and unrelated policies are not read
    const grantedBy = (actions: string, where: string) => `${ATTACHMENT}: The guest role Stack/Guests is granted ${actions} by statement 1 of ${where}${TAIL}`;
    expect(guestWarnings(stack).sort()).toEqual([
      grantedBy('bedrock:InvokeModel', 'Stack/Attached'),
      grantedBy('sts:AssumeRole', 'Stack/AttachedManaged'),
      grantedBy('states:StartExecution', 'Stack/Listed'),
      grantedBy('ssm:GetParameter', 'Stack/Guests (inline policy "Reads")'),
    ].sort());
  });

  test('an imported guest role cannot be read and gets no warning', () => {
    const stack = newStack();
    const unauthenticatedRole = iam.Role.fromRoleArn(stack, 'Guests', 'arn:aws:iam::123456789012:role/guests');
    unauthenticatedRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['ssm:GetParameter'], resources: ['*'] }));
    new IdentityPool(stack, 'Pool', { unauthenticatedRole });
    expect(guestWarnings(stack)).toEqual([]);
  });

  test('no warning with the classic flow on: guest credentials have no ceiling there', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool', { allowUnauthenticatedIdentities: true, allowClassicFlow: true });
    grantToGuests(pool, 'ssm:GetParameter');
    expect(guestWarnings(stack)).toEqual([]);
  });

  test('no warning for an imported pool, whose flow is unknown', () => {
    const stack = newStack();
    const identityPool = IdentityPool.fromIdentityPoolId(stack, 'Imported', 'us-east-1:0a1b2c3d-0000-0000-0000-000000000000');
    const guests = new iam.Role(stack, 'Guests', { assumedBy: new IdentityPoolPrincipal(identityPool, IdentityPoolIdentityType.UNAUTHENTICATED) });
    guests.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['ssm:GetParameter'], resources: ['*'] }));
    new IdentityPoolRoleAttachment(stack, 'Roles', { identityPool, unauthenticatedRole: guests });
    expect(guestWarnings(stack)).toEqual([]);
  });

  test('the authenticated role is not judged', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    pool.authenticatedRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['ssm:GetParameter'], resources: ['*'] }));
    expect(guestWarnings(stack)).toEqual([]);
  });

  test('can be acknowledged on the pool', () => {
    // GIVEN
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    grantToGuests(pool, 'ssm:GetParameter');

    // WHEN
    CoreAnnotations.of(pool).acknowledgeWarning('cdk-identity-pool:guestScopeDown', 'guests use the classic flow through another pool');

    // THEN
    expect(guestWarnings(stack)).toEqual([]);
  });

  test('a role shared by two pools warns on each pool\'s attachment', () => {
    const stack = newStack();
    const shared = new iam.Role(stack, 'Shared', { assumedBy: new iam.AccountRootPrincipal() });
    shared.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['ssm:GetParameter'], resources: ['*'] }));
    new IdentityPool(stack, 'Pool', { unauthenticatedRole: shared });
    new IdentityPool(stack, 'Second', { unauthenticatedRole: shared });
    expect(guestWarnings(stack).map(warning => warning.split(':')[0])).toEqual([ATTACHMENT, '/Stack/Second/DefaultRoleAttachment']);
  });
});
