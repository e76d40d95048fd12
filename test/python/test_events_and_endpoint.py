"""on_cloud_trail_event, on_configuration_change and IdentityPoolEndpoint, through the built wheel."""

import typing

import aws_cdk
import aws_cdk.aws_ec2 as ec2
import aws_cdk.aws_events as events
import aws_cdk.aws_events_targets as targets
import aws_cdk.aws_sns as sns
import pytest
from aws_cdk.assertions import Template

import cdk_identity_pool
from template_refs import logical_id, ref

POOL_ID = "eu-west-1:0a1b2c3d-1111-2222-3333-444455556666"
POOL_ARN = "arn:aws:cognito-identity:eu-west-1:123456789012:identitypool/" + POOL_ID


def new_stack(region: str = "eu-west-1") -> aws_cdk.Stack:
    return aws_cdk.Stack(aws_cdk.App(), "Stack", env=aws_cdk.Environment(account="123456789012", region=region))


def new_vpc(stack: aws_cdk.Stack) -> ec2.Vpc:
    return ec2.Vpc(stack, "Vpc", max_azs=2, nat_gateways=0, subnet_configuration=[
        ec2.SubnetConfiguration(name="Private", subnet_type=ec2.SubnetType.PRIVATE_ISOLATED),
    ])


def pool_arn_of(stack: aws_cdk.Stack, pool: cdk_identity_pool.IdentityPool) -> typing.Dict[str, typing.Any]:
    return {"Fn::Join": ["", [
        "arn:", {"Ref": "AWS::Partition"}, ":cognito-identity:eu-west-1:123456789012:identitypool/", ref(stack, pool),
    ]]}


def test_on_configuration_change_matches_each_change_on_the_field_its_record_names_the_pool_in():
    stack = new_stack()
    pool = cdk_identity_pool.IdentityPool(stack, "Pool")
    topic = sns.Topic(stack, "Admins")

    # aws-cdk-lib's own parameter-name mismatches: pyright does not take Topic for ITopic, nor SnsTopic for IRuleTarget
    target = typing.cast(events.IRuleTarget, targets.SnsTopic(typing.cast(sns.ITopic, topic)))
    rule = pool.on_configuration_change("Changes", target=target)

    assert isinstance(rule, events.Rule)
    assert rule.node.path == "Stack/Pool/Changes"
    arn = pool_arn_of(stack, pool)
    Template.from_stack(stack).has_resource_properties("AWS::Events::Rule", {
        "EventPattern": {
            "source": ["aws.cognito-identity"],
            "detail-type": ["AWS API Call via CloudTrail"],
            "detail": {
                "eventSource": ["cognito-identity.amazonaws.com"],
                "$or": [
                    {
                        "eventName": ["UpdateIdentityPool", "SetIdentityPoolRoles", "SetPrincipalTagAttributeMap", "DeleteIdentityPool"],
                        "requestParameters": {"identityPoolId": [ref(stack, pool)]},
                    },
                    {"eventName": ["TagResource", "UntagResource"], "requestParameters": {"resourceArn": [arn]}},
                    {"eventName": ["TagResource", "UntagResource"], "resources": {"ARN": [arn]}},
                ],
            },
        },
        "Targets": [{"Arn": ref(stack, topic), "Id": "Target0"}],
    })


def test_on_cloud_trail_event_on_an_imported_pool_with_a_pattern_of_ones_own():
    stack = new_stack()
    pool = cdk_identity_pool.IdentityPool.from_identity_pool_arn(stack, "Shared", POOL_ARN)

    pool.on_cloud_trail_event("Failures", description="Failed calls",
                              event_pattern=events.EventPattern(detail={"errorCode": [{"exists": True}]}))

    Template.from_stack(stack).has_resource_properties("AWS::Events::Rule", {
        "Description": "Failed calls",
        "EventPattern": {
            "source": ["aws.cognito-identity"],
            "detail-type": ["AWS API Call via CloudTrail"],
            "detail": {
                "errorCode": [{"exists": True}],
                "eventSource": ["cognito-identity.amazonaws.com"],
                "$or": [
                    {"requestParameters": {"identityPoolId": [POOL_ID]}},
                    {"requestParameters": {"resourceArn": [POOL_ARN]}},
                    {"resources": {"ARN": [POOL_ARN]}},
                ],
            },
        },
    })


def test_the_endpoint_reaches_one_pool_only():
    stack = new_stack()
    pool = cdk_identity_pool.IdentityPool(stack, "Pool")
    vpc = new_vpc(stack)

    endpoint = cdk_identity_pool.IdentityPoolEndpoint(stack, "Endpoint", identity_pool=pool, vpc=vpc, open=False)

    assert isinstance(endpoint, ec2.InterfaceVpcEndpoint)
    assert endpoint.service_name == "com.amazonaws.eu-west-1.cognito-identity"
    arn = pool_arn_of(stack, pool)
    anyone = "*"
    Template.from_stack(stack).has_resource_properties("AWS::EC2::VPCEndpoint", {
        "ServiceName": "com.amazonaws.eu-west-1.cognito-identity",
        "PrivateDnsEnabled": True,
        "VpcId": ref(stack, vpc),
        "PolicyDocument": {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "GuestCallsToThisPool", "Effect": "Allow", "Principal": anyone, "Resource": "*",
                    "Action": ["cognito-identity:GetId", "cognito-identity:GetCredentialsForIdentity", "cognito-identity:GetOpenIdToken"],
                    "Condition": {"StringEquals": {"cognito-identity-unauth:IdentityPoolArn": arn}},
                },
                {
                    "Sid": "SignedInCallsToThisPool", "Effect": "Allow", "Principal": anyone, "Resource": "*",
                    "Action": ["cognito-identity:GetId", "cognito-identity:GetCredentialsForIdentity", "cognito-identity:GetOpenIdToken",
                               "cognito-identity:UnlinkIdentity"],
                    "Condition": {"StringEquals": {"cognito-identity-auth:IdentityPoolArn": arn}},
                },
                {"Sid": "SignedCallsOnThisPool", "Effect": "Allow", "Principal": anyone, "Action": "cognito-identity:*", "Resource": arn},
                {
                    "Sid": "SignedCallsOnIdentitiesOfThisPool", "Effect": "Allow", "Principal": anyone, "Resource": "*",
                    "Action": ["cognito-identity:DeleteIdentities", "cognito-identity:DescribeIdentity"],
                    "Condition": {"StringEquals": {"cognito-identity:IdentityPoolArn": arn}},
                },
            ],
        },
    })
    assert logical_id(stack, endpoint).startswith("Endpoint")


def test_a_backend_is_admitted_through_connections():
    stack = new_stack()
    vpc = new_vpc(stack)
    backend = ec2.SecurityGroup(stack, "Backend", vpc=vpc)
    endpoint = cdk_identity_pool.IdentityPoolEndpoint(
        stack, "Endpoint", vpc=vpc, open=False,
        identity_pool=cdk_identity_pool.IdentityPool.from_identity_pool_arn(stack, "Shared", POOL_ARN))

    endpoint.connections.allow_default_port_from(backend)

    Template.from_stack(stack).has_resource_properties("AWS::EC2::SecurityGroupIngress", {
        "FromPort": 443, "ToPort": 443, "SourceSecurityGroupId": {"Fn::GetAtt": [logical_id(stack, backend), "GroupId"]},
    })


def test_a_pool_in_another_region_fails_naming_both_regions():
    stack = new_stack("us-east-1")
    pool = cdk_identity_pool.IdentityPool.from_identity_pool_arn(stack, "Shared", POOL_ARN)

    with pytest.raises(Exception) as error:
        cdk_identity_pool.IdentityPoolEndpoint(stack, "Endpoint", identity_pool=pool, vpc=new_vpc(stack))

    assert "Stack/Endpoint: identity_pool must be in the endpoint's region (us-east-1), not eu-west-1: " \
        "an interface endpoint reaches Cognito in its own region only" in str(error.value)


def test_govcloud_fails_at_synth_time():
    stack = new_stack("us-gov-west-1")
    pool = cdk_identity_pool.IdentityPool(stack, "Pool")

    with pytest.raises(Exception) as error:
        cdk_identity_pool.IdentityPoolEndpoint(stack, "Endpoint", identity_pool=pool, vpc=new_vpc(stack))

    assert "Stack/Endpoint: the stack's region must be a commercial AWS Region: Cognito offers AWS PrivateLink only there, " \
        "not in the aws-us-gov partition (received: \"us-gov-west-1\")" in str(error.value)
