import { App, Fn, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IdentityPool, IdentityPoolEndpoint } from '../src';

const POOL_ID = 'eu-west-1:0a1b2c3d-1111-2222-3333-444455556666';
const POOL_ARN = `arn:aws:cognito-identity:eu-west-1:123456789012:identitypool/${POOL_ID}`;

function newStack(region = 'eu-west-1'): Stack {
  return new Stack(new App(), 'Stack', { env: { account: '123456789012', region } });
}

function newVpc(stack: Stack): ec2.Vpc {
  return new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
}

/** The endpoint policy: guests and signed-in users of the pool, and signed calls on the pool and its identities. */
function poolOnlyPolicy(poolArn: unknown): object {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'GuestCallsToThisPool',
        Effect: 'Allow',
        Principal: '*',
        Action: ['cognito-identity:GetId', 'cognito-identity:GetCredentialsForIdentity', 'cognito-identity:GetOpenIdToken'],
        Resource: '*',
        Condition: { StringEquals: { 'cognito-identity-unauth:IdentityPoolArn': poolArn } },
      },
      {
        Sid: 'SignedInCallsToThisPool',
        Effect: 'Allow',
        Principal: '*',
        Action: ['cognito-identity:GetId', 'cognito-identity:GetCredentialsForIdentity', 'cognito-identity:GetOpenIdToken', 'cognito-identity:UnlinkIdentity'],
        Resource: '*',
        Condition: { StringEquals: { 'cognito-identity-auth:IdentityPoolArn': poolArn } },
      },
      {
        Sid: 'SignedCallsOnThisPool',
        Effect: 'Allow',
        Principal: '*',
        Action: 'cognito-identity:*',
        Resource: poolArn,
      },
      {
        Sid: 'SignedCallsOnIdentitiesOfThisPool',
        Effect: 'Allow',
        Principal: '*',
        Action: ['cognito-identity:DeleteIdentities', 'cognito-identity:DescribeIdentity'],
        Resource: '*',
        Condition: { StringEquals: { 'cognito-identity:IdentityPoolArn': poolArn } },
      },
    ],
  };
}

describe('IdentityPoolEndpoint', () => {
  test('a pool defined in the app: the cognito-identity service of the region, private DNS, the policy of this pool only', () => {
    // GIVEN
    const stack = newStack();
    const vpc = newVpc(stack);
    const pool = new IdentityPool(stack, 'Pool');
    const poolId = stack.getLogicalId(pool.node.defaultChild as cognito.CfnIdentityPool);

    // WHEN
    const endpoint = new IdentityPoolEndpoint(stack, 'Endpoint', { identityPool: pool, vpc });

    // THEN
    expect(endpoint.serviceName).toBe('com.amazonaws.eu-west-1.cognito-identity');
    expect(endpoint.identityPool).toBe(pool);
    expect(endpoint.node.defaultChild).toBeInstanceOf(ec2.CfnVPCEndpoint);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EC2::VPCEndpoint', 1);
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceName: 'com.amazonaws.eu-west-1.cognito-identity',
      VpcEndpointType: 'Interface',
      PrivateDnsEnabled: true,
      VpcId: { Ref: Match.stringLikeRegexp('^Vpc') },
      SubnetIds: [{ Ref: Match.stringLikeRegexp('^VpcPrivateSubnet1') }, { Ref: Match.stringLikeRegexp('^VpcPrivateSubnet2') }],
      PolicyDocument: poolOnlyPolicy({
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cognito-identity:eu-west-1:123456789012:identitypool/', { Ref: poolId }]],
      }),
    });
    // open (the default): HTTPS from the VPC
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [{ CidrIp: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Vpc'), 'CidrBlock'] }, FromPort: 443, ToPort: 443, IpProtocol: 'tcp' }],
    });
  });

  test('an imported pool: the policy names its ARN', () => {
    // GIVEN
    const stack = newStack();
    const pool = IdentityPool.fromIdentityPoolArn(stack, 'Imported', POOL_ARN);

    // WHEN
    new IdentityPoolEndpoint(stack, 'Endpoint', { identityPool: pool, vpc: newVpc(stack) });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', { PolicyDocument: poolOnlyPolicy(POOL_ARN) });
  });

  test('a token id and an environment-agnostic stack pass: the service name takes the stack\'s region at deploy', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const pool = IdentityPool.fromIdentityPoolId(stack, 'Imported', Fn.importValue('SharedIdentityPoolId'));

    // WHEN
    const endpoint = new IdentityPoolEndpoint(stack, 'Endpoint', { identityPool: pool, vpc: newVpc(stack) });

    // THEN
    const arn = {
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cognito-identity:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' },
        ':identitypool/', { 'Fn::ImportValue': 'SharedIdentityPoolId' }]],
    };
    const serviceName = { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.cognito-identity']] };
    expect(stack.resolve(endpoint.serviceName)).toEqual(serviceName);
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', { ServiceName: serviceName, PolicyDocument: poolOnlyPolicy(arn) });
  });

  test('subnets, security groups, private DNS off and closed: as given, and callers admitted one by one', () => {
    // GIVEN
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', {
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [
        { name: 'Endpoints', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
        { name: 'Apps', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      ],
    });
    const group = new ec2.SecurityGroup(stack, 'EndpointGroup', { vpc, allowAllOutbound: false });
    const backend = new ec2.SecurityGroup(stack, 'Backend', { vpc });

    // WHEN
    const endpoint = new IdentityPoolEndpoint(stack, 'Endpoint', {
      identityPool: IdentityPool.fromIdentityPoolArn(stack, 'Imported', POOL_ARN),
      vpc,
      subnets: { subnetGroupName: 'Endpoints' },
      securityGroups: [group],
      open: false,
      privateDnsEnabled: false,
    });
    endpoint.connections.allowDefaultPortFrom(backend);

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      PrivateDnsEnabled: false,
      SecurityGroupIds: [{ 'Fn::GetAtt': [stack.getLogicalId(group.node.defaultChild as ec2.CfnSecurityGroup), 'GroupId'] }],
      SubnetIds: [{ Ref: Match.stringLikeRegexp('^VpcEndpointsSubnet1') }, { Ref: Match.stringLikeRegexp('^VpcEndpointsSubnet2') }],
    });
    template.resourceCountIs('AWS::EC2::SecurityGroup', 2);
    template.resourcePropertiesCountIs('AWS::EC2::SecurityGroup', { SecurityGroupIngress: Match.anyValue() }, 0);
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      FromPort: 443,
      ToPort: 443,
      SourceSecurityGroupId: { 'Fn::GetAtt': [stack.getLogicalId(backend.node.defaultChild as ec2.CfnSecurityGroup), 'GroupId'] },
    });
  });

  test('a backend in the VPC: the grant is the caller\'s permission, the endpoint the way there', () => {
    // GIVEN
    const stack = newStack();
    const vpc = newVpc(stack);
    const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { customProvider: 'login.example.com' } });
    const backend = new lambda.Function(stack, 'TokenIssuer', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({});'),
      vpc,
    });

    // WHEN
    const endpoint = new IdentityPoolEndpoint(stack, 'Endpoint', { identityPool: pool, vpc, open: false });
    endpoint.connections.allowDefaultPortFrom(backend);
    pool.grantOpenIdTokenForDeveloperIdentity(backend);

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      FromPort: 443,
      SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TokenIssuerSecurityGroup'), 'GroupId'] },
    });
  });
});

describe('IdentityPoolEndpoint errors', () => {
  test.each([
    ['us-gov-west-1', 'aws-us-gov'],
    ['cn-north-1', 'aws-cn'],
  ])('a stack in %s fails: PrivateLink for Cognito is commercial only', (region, partition) => {
    // GIVEN
    const stack = newStack(region);
    const pool = IdentityPool.fromIdentityPoolArn(stack, 'Imported',
      `arn:${partition}:cognito-identity:${region}:123456789012:identitypool/${region}:0a1b2c3d-1111-2222-3333-444455556666`);

    // THEN
    expect(() => new IdentityPoolEndpoint(stack, 'Endpoint', { identityPool: pool, vpc: newVpc(stack) })).toThrow(
      `Stack/Endpoint: the stack's region must be a commercial AWS Region: Cognito offers AWS PrivateLink only there, not in the ${partition} partition (received: "${region}")`);
  });

  test('a pool in another region fails, naming both regions', () => {
    // GIVEN
    const stack = newStack('us-east-1');
    const pool = IdentityPool.fromIdentityPoolArn(stack, 'Imported', POOL_ARN);

    // THEN
    expect(() => new IdentityPoolEndpoint(stack, 'Endpoint', { identityPool: pool, vpc: newVpc(stack) })).toThrow(
      'Stack/Endpoint: identityPool must be in the endpoint\'s region (us-east-1), not eu-west-1: an interface endpoint reaches Cognito in its own region only (received: "<Import Stack/Imported>")');
  });

  test('a pool imported from a token ARN in a concrete stack passes', () => {
    // GIVEN
    const stack = newStack();
    const pool = IdentityPool.fromIdentityPoolArn(stack, 'Imported', Fn.importValue('SharedIdentityPoolArn'));

    // WHEN
    new IdentityPoolEndpoint(stack, 'Endpoint', { identityPool: pool, vpc: newVpc(stack) });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
      PolicyDocument: poolOnlyPolicy({ 'Fn::ImportValue': 'SharedIdentityPoolArn' }),
    });
  });

  test.each<[string, (stack: Stack, vpc: ec2.Vpc, pool: IdentityPool) => unknown, string]>([
    ['no props', stack => new IdentityPoolEndpoint(stack, 'Endpoint', undefined as any),
      'Stack/Endpoint: props is required: give an object (received: undefined)'],
    ['an unknown key', (stack, vpc, pool) => new IdentityPoolEndpoint(stack, 'Endpoint', { identityPool: pool, vpc, typo: true } as any),
      'Stack/Endpoint: typo is not a property the library reads, so its value would be dropped: use one of identityPool, open, '
      + 'privateDnsEnabled, securityGroups, subnets, vpc (received: true)'],
    ['no VPC', (stack, _vpc, pool) => new IdentityPoolEndpoint(stack, 'Endpoint', { identityPool: pool } as any),
      'Stack/Endpoint: vpc is required: give a VPC (ec2.IVpc) (received: undefined)'],
    ['open a string', (stack, vpc, pool) => new IdentityPoolEndpoint(stack, 'Endpoint', { identityPool: pool, vpc, open: 'yes' } as any),
      'Stack/Endpoint: open must be true or false (received: "yes")'],
    ['no pool', (stack, vpc) => new IdentityPoolEndpoint(stack, 'Endpoint', { vpc } as any),
      'Stack/Endpoint: identityPool is required: give an identity pool (IIdentityPool) (received: undefined)'],
    ['a pool id string', (stack, vpc) => new IdentityPoolEndpoint(stack, 'Endpoint', { vpc, identityPool: POOL_ID } as any),
      `Stack/Endpoint: identityPool must be an identity pool (IIdentityPool) (received: "${POOL_ID}")`],
    ['a VPC id string', (stack, _vpc, pool) => new IdentityPoolEndpoint(stack, 'Endpoint', { identityPool: pool, vpc: 'vpc-1234' } as any),
      'Stack/Endpoint: vpc must be a VPC (ec2.IVpc) (received: "vpc-1234")'],
    ['one security group, not a list', (stack, vpc, pool) => new IdentityPoolEndpoint(stack, 'Endpoint', {
      identityPool: pool, vpc, securityGroups: new ec2.SecurityGroup(stack, 'Group', { vpc }),
    } as any), 'Stack/Endpoint: securityGroups must be a list (an array), even of one (received: "<SecurityGroup Stack/Group>")'],
    ['a security group id', (stack, vpc, pool) => new IdentityPoolEndpoint(stack, 'Endpoint', { identityPool: pool, vpc, securityGroups: ['sg-1234'] } as any),
      'Stack/Endpoint: securityGroups[0] must be a security group (ec2.ISecurityGroup) (received: "sg-1234")'],
    ['subnets a list', (stack, vpc, pool) => new IdentityPoolEndpoint(stack, 'Endpoint', { identityPool: pool, vpc, subnets: vpc.isolatedSubnets } as any),
      'Stack/Endpoint: subnets must be an object (a struct), not a list (received: "<array of 2>")'],
    ['privateDnsEnabled a string', (stack, vpc, pool) => new IdentityPoolEndpoint(stack, 'Endpoint', { identityPool: pool, vpc, privateDnsEnabled: 'true' } as any),
      'Stack/Endpoint: privateDnsEnabled must be true or false (received: "true")'],
  ])('%s fails, naming the property', (_name, create, message) => {
    // GIVEN
    const stack = newStack();
    const vpc = newVpc(stack);
    const pool = new IdentityPool(stack, 'Pool');

    // THEN
    expect(() => create(stack, vpc, pool)).toThrow(message);
  });

  test('a pool whose region is known only at deploy time, or an endpoint in a region-agnostic stack, is not compared', () => {
    const stack = newStack();
    const vpc = newVpc(stack);
    new IdentityPoolEndpoint(stack, 'Endpoint', { identityPool: IdentityPool.fromIdentityPoolArn(stack, 'Imported', Fn.importValue('PoolArn')), vpc });
    const agnostic = new Stack(new App(), 'Agnostic');
    new IdentityPoolEndpoint(agnostic, 'Endpoint', { identityPool: IdentityPool.fromIdentityPoolArn(agnostic, 'Imported', POOL_ARN), vpc: newVpc(agnostic) });
    Template.fromStack(stack).resourceCountIs('AWS::EC2::VPCEndpoint', 1);
    Template.fromStack(agnostic).resourceCountIs('AWS::EC2::VPCEndpoint', 1);
  });

  test('a pool written by hand in JavaScript, with an ARN but no environment, is not compared', () => {
    const stack = newStack('us-east-1');
    const pool = { identityPoolId: POOL_ID, identityPoolArn: POOL_ARN } as any;
    new IdentityPoolEndpoint(stack, 'Endpoint', { identityPool: pool, vpc: newVpc(stack) });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', { PolicyDocument: poolOnlyPolicy(POOL_ARN) });
  });

  test('an endpoint defined at the root of the app is named by its id', () => {
    expect(() => new IdentityPoolEndpoint(new App(), 'Endpoint', undefined as any)).toThrow(
      /^Endpoint: props is required: give an object \(received: undefined\)$/);
  });
});
