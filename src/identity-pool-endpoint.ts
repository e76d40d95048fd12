import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';
import type { IIdentityPool } from './identity-pool-interface';
import { PolicyStatement, StarPrincipal, Stack, Token } from './private/cdk/bindings';
import { configErrorMessage } from './private/messages/errors';
import type { ObjectKind } from './private/shapes/shapes';
import { checkBooleanShape, checkKind, checkList, checkStruct, checkStructKeys, describeReceived, IDENTITY_POOL } from './private/shapes/shapes';
import { regionPartition } from './private/values/arn';

// Cognito's interface endpoints and their policies:
// https://docs.aws.amazon.com/cognito/latest/developerguide/vpc-interface-endpoints.html
// The condition keys of Cognito Identity (Service Authorization Reference):
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncognitoidentity.html

/**
 * Properties of an `IdentityPoolEndpoint`.
 */
export interface IdentityPoolEndpointProps {
  /**
   * The identity pool that the VPC reaches through the endpoint. The endpoint's policy allows
   * calls to this pool only; it must be in the endpoint's region.
   */
  readonly identityPool: IIdentityPool;

  /**
   * The VPC whose backends call the identity pool.
   */
  readonly vpc: ec2.IVpc;

  /**
   * The subnets in which to create the endpoint's network interfaces, at most one per
   * Availability Zone.
   *
   * @default - the VPC's private subnets, one per Availability Zone, as for any interface endpoint
   */
  readonly subnets?: ec2.SubnetSelection;

  /**
   * The security groups of the endpoint's network interfaces.
   *
   * @default - a new security group; with `open`, it admits HTTPS from the VPC's CIDR block
   */
  readonly securityGroups?: ec2.ISecurityGroup[];

  /**
   * Whether every address in the VPC may reach the endpoint on HTTPS (443). Set it to false
   * to admit callers one by one: `endpoint.connections.allowDefaultPortFrom(backend)`.
   *
   * @default true - the VPC's CIDR block is admitted on port 443, as aws-cdk-lib's interface endpoints do
   */
  readonly open?: boolean;

  /**
   * Whether the VPC resolves Cognito Identity's Regional name,
   * `cognito-identity.<region>.amazonaws.com`, to the endpoint, so that SDK clients in the VPC
   * use it with no configuration. A VPC can have one endpoint with private DNS for the service.
   *
   * @default true - SDK clients in the VPC reach the pool through the endpoint with their default endpoint
   */
  readonly privateDnsEnabled?: boolean;
}

/**
 * An interface VPC endpoint (AWS PrivateLink) for Cognito identity pools,
 * `com.amazonaws.<region>.cognito-identity`, whose policy allows calls to one identity pool
 * only. Backends in a VPC without internet access (no NAT gateway) can then get identity ids,
 * OpenID tokens and credentials for that pool, and call the developer identity API on it.
 *
 * The policy replaces the endpoint's default one, which allows everything. It allows, for any
 * principal (Cognito's unauthenticated calls have none):
 * - `GetId`, `GetCredentialsForIdentity` and `GetOpenIdToken` when
 *   `cognito-identity-unauth:IdentityPoolArn` is this pool (guests);
 * - the same and `UnlinkIdentity` when `cognito-identity-auth:IdentityPoolArn` is this pool
 *   (signed-in users);
 * - every `cognito-identity` action on this pool's ARN (signed calls such as
 *   `GetOpenIdTokenForDeveloperIdentity`, `LookupDeveloperIdentity`, `DescribeIdentityPool`);
 * - `DeleteIdentities` and `DescribeIdentity` when `cognito-identity:IdentityPoolArn` is this pool
 *   (signed calls that name identities, not the pool).
 * Signed calls still need the caller's own IAM permissions (`pool.grant*`).
 *
 * AWS PrivateLink for Cognito is offered in the commercial AWS Regions only; a stack in
 * another partition (GovCloud, China) fails at synth.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/vpc-interface-endpoints.html
 * @resource AWS::EC2::VPCEndpoint
 */
export class IdentityPoolEndpoint extends ec2.InterfaceVpcEndpoint {
  /** The identity pool that the endpoint's policy allows calls to. */
  public readonly identityPool: IIdentityPool;

  /** The endpoint service, `com.amazonaws.<region>.cognito-identity` in the stack's region. */
  public readonly serviceName: string;

  /**
   * Creates the interface endpoint in the VPC, with the policy of the one pool.
   *
   * @param scope the endpoint's scope, usually in the VPC's stack
   * @param id the endpoint's construct id
   * @param props the identity pool, the VPC, and where in the VPC the endpoint goes
   */
  constructor(scope: Construct, id: string, props: IdentityPoolEndpointProps) {
    super(scope, id, endpointProps(scope, id, props));
    this.identityPool = props.identityPool;
    this.serviceName = cognitoIdentityServiceName(Stack.of(this).region);
    for (const statement of poolOnlyStatements(props.identityPool.identityPoolArn)) {
      this.addToPolicy(statement);
    }
  }
}

const VPC: ObjectKind = { description: 'a VPC (ec2.IVpc)', member: 'vpcId' };
const SECURITY_GROUP: ObjectKind = { description: 'a security group (ec2.ISecurityGroup)', member: 'securityGroupId' };

/** The endpoint service of Cognito identity pools in a region (a token region renders as one). */
function cognitoIdentityServiceName(region: string): string {
  return `com.amazonaws.${region}.cognito-identity`;
}

/**
 * The interface endpoint's own props, after the checks: the shapes first (a JavaScript caller's
 * wrong value fails here, naming the property, not as a TypeError inside aws-cdk-lib), then the
 * region of the stack and of the pool, when concrete.
 */
function endpointProps(scope: Construct, id: string, props: IdentityPoolEndpointProps): ec2.InterfaceVpcEndpointProps {
  const path = scope.node.path === '' ? id : `${scope.node.path}/${id}`;
  const checked = checkStruct(path, 'props', props, true);
  checkStructKeys(path, '', checked, 'IdentityPoolEndpointProps');
  checkKind(path, 'identityPool', checked.identityPool, IDENTITY_POOL, true);
  checkKind(path, 'vpc', checked.vpc, VPC, true);
  checkStruct(path, 'subnets', checked.subnets);
  checkList(path, 'securityGroups', checked.securityGroups).forEach((group, index) =>
    checkKind(path, `securityGroups[${index}]`, group, SECURITY_GROUP));
  checkBooleanShape(path, 'open', checked.open);
  checkBooleanShape(path, 'privateDnsEnabled', checked.privateDnsEnabled);

  const region = Stack.of(scope).region;
  if (!Token.isUnresolved(region) && regionPartition(region) !== 'aws') {
    fail(path, 'the stack\'s region', `must be a commercial AWS Region: Cognito offers AWS PrivateLink only there, not in the ${regionPartition(region)} partition`, region);
  }
  // A pool's environment: its stack's, or the one its ARN names when imported.
  const poolRegion = (props.identityPool.env as { region?: string } | undefined)?.region;
  if (poolRegion !== undefined && !Token.isUnresolved(region) && !Token.isUnresolved(poolRegion) && poolRegion !== region) {
    fail(path, 'identityPool', `must be in the endpoint's region (${region}), not ${poolRegion}: an interface endpoint reaches Cognito in its own region only`,
      describeReceived(props.identityPool));
  }

  return {
    vpc: props.vpc,
    service: { name: cognitoIdentityServiceName(region), port: 443, privateDnsDefault: true },
    subnets: props.subnets,
    securityGroups: props.securityGroups,
    open: props.open,
    privateDnsEnabled: props.privateDnsEnabled,
  };
}

/** The library's error, before the construct exists: its path is the one it is about to have. */
function fail(path: string, property: string, rule: string, received: unknown): never {
  throw new Error(`${path}: ${configErrorMessage(property, rule, received)}`);
}

/** Guest and signed-in calls carry no resource: Cognito names their pool in these keys. */
const UNAUTHENTICATED_ACTIONS = ['cognito-identity:GetId', 'cognito-identity:GetCredentialsForIdentity', 'cognito-identity:GetOpenIdToken'];
const SIGNED_IN_ACTIONS = [...UNAUTHENTICATED_ACTIONS, 'cognito-identity:UnlinkIdentity'];
/** Signed calls on identities: no resource either, and `cognito-identity:IdentityPoolArn` names the pool. */
const IDENTITY_ACTIONS = ['cognito-identity:DeleteIdentities', 'cognito-identity:DescribeIdentity'];

/** The endpoint policy's statements: every kind of call, for the one pool. */
function poolOnlyStatements(poolArn: string): PolicyStatement[] {
  const anyone = [new StarPrincipal()];
  return [
    new PolicyStatement({
      sid: 'GuestCallsToThisPool',
      principals: anyone,
      actions: UNAUTHENTICATED_ACTIONS,
      resources: ['*'],
      conditions: { StringEquals: { 'cognito-identity-unauth:IdentityPoolArn': poolArn } },
    }),
    new PolicyStatement({
      sid: 'SignedInCallsToThisPool',
      principals: anyone,
      actions: SIGNED_IN_ACTIONS,
      resources: ['*'],
      conditions: { StringEquals: { 'cognito-identity-auth:IdentityPoolArn': poolArn } },
    }),
    new PolicyStatement({
      sid: 'SignedCallsOnThisPool',
      principals: anyone,
      actions: ['cognito-identity:*'],
      resources: [poolArn],
    }),
    new PolicyStatement({
      sid: 'SignedCallsOnIdentitiesOfThisPool',
      principals: anyone,
      actions: IDENTITY_ACTIONS,
      resources: ['*'],
      conditions: { StringEquals: { 'cognito-identity:IdentityPoolArn': poolArn } },
    }),
  ];
}
