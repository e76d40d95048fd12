"""IdentityPool.from_identity_pool_attributes, with and without the deploy-time check, through the wheel."""

import typing

import aws_cdk
import aws_cdk.aws_dynamodb as dynamodb
import aws_cdk.aws_iam as iam
import pytest
from aws_cdk.assertions import Match, Template

import cdk_identity_pool

POOL_ID = "us-east-1:0a1b2c3d-0000-0000-0000-000000000000"
POOL_ARN = "arn:aws:cognito-identity:us-east-1:123456789012:identitypool/" + POOL_ID
AUTH_ARN = "arn:aws:iam::123456789012:role/shared-auth"
GUEST_ARN = "arn:aws:iam::123456789012:role/shared-guest"


def new_stack() -> aws_cdk.Stack:
    return aws_cdk.Stack(aws_cdk.App(), "Stack", env=aws_cdk.Environment(account="123456789012", region="us-east-1"))


def import_pool(stack, **extra):
    return cdk_identity_pool.IdentityPool.from_identity_pool_attributes(
        stack,
        "Shared",
        identity_pool_arn=POOL_ARN,
        authenticated_role=iam.Role.from_role_arn(stack, "AuthRole", AUTH_ARN),
        unauthenticated_role=iam.Role.from_role_arn(stack, "GuestRole", GUEST_ARN),
        **extra,
    )


def test_the_import_has_its_roles_and_grants_land_on_them():
    stack = new_stack()
    table = dynamodb.Table(stack, "Table", partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING))

    pool = import_pool(stack)
    table.grant_read_write_data(pool.authenticated_role)
    table.grant_read_data(pool.unauthenticated_role)

    assert pool.identity_pool_id == POOL_ID
    assert pool.identity_pool_arn == POOL_ARN
    assert pool.has_unauthenticated_role is True
    assert pool.authenticated_role.role_arn == AUTH_ARN
    template = Template.from_stack(stack)
    template.has_resource_properties("AWS::IAM::Policy", {"Roles": ["shared-auth"]})
    template.has_resource_properties("AWS::IAM::Policy", {"Roles": ["shared-guest"]})
    template.resource_count_is("Custom::IdentityPoolRolesCheck", 0)
    template.resource_count_is("AWS::Lambda::Function", 0)


def test_code_written_for_a_created_pool_takes_the_import_too():
    stack = new_stack()
    table = dynamodb.Table(stack, "Table", partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING))

    def grant_reads(pool: cdk_identity_pool.IIdentityPoolWithRoles) -> None:
        table.grant_read_data(pool.authenticated_role)
        if pool.has_unauthenticated_role:
            table.grant_read_data(pool.unauthenticated_role)

    created = cdk_identity_pool.IdentityPool(stack, "Created", create_unauthenticated_role=False)
    grant_reads(created)
    grant_reads(import_pool(stack))

    template = Template.from_stack(stack)
    template.has_resource_properties("AWS::IAM::Policy", {"Roles": [{"Ref": stack.get_logical_id(typing.cast(aws_cdk.CfnElement, created.authenticated_role.node.default_child))}]})
    template.has_resource_properties("AWS::IAM::Policy", {"Roles": ["shared-auth"]})
    template.has_resource_properties("AWS::IAM::Policy", {"Roles": ["shared-guest"]})
    template.resource_count_is("AWS::IAM::Policy", 3)


def test_without_an_unauthenticated_role_reading_it_raises():
    stack = new_stack()
    pool = cdk_identity_pool.IdentityPool.from_identity_pool_attributes(
        stack, "Shared", identity_pool_id=POOL_ID, authenticated_role=iam.Role.from_role_arn(stack, "AuthRole", AUTH_ARN))

    assert pool.has_unauthenticated_role is False
    with pytest.raises(Exception) as raised:
        pool.unauthenticated_role  # noqa: B018 (the read is the test)
    assert "Stack/Shared: this identity pool has no unauthenticated role (it was imported without one)" in str(raised.value)


def test_the_id_or_the_arn_is_required():
    stack = new_stack()
    with pytest.raises(Exception) as raised:
        cdk_identity_pool.IdentityPool.from_identity_pool_attributes(
            stack, "Shared", authenticated_role=iam.Role.from_role_arn(stack, "AuthRole", AUTH_ARN))
    assert "Stack: identity_pool_id or identity_pool_arn must be given to import an identity pool (received: undefined)" in str(raised.value)


def test_verify_roles_adds_the_check_allowed_two_calls_on_the_pool():
    stack = new_stack()
    admin = iam.Role(stack, "Admin", assumed_by=typing.cast(iam.IPrincipal, iam.AccountRootPrincipal()))  # aws-cdk-lib's own parameter-name mismatch: pyright does not take its classes for its interfaces

    import_pool(stack, mapped_roles=[admin], verify_roles=True)

    template = Template.from_stack(stack)
    template.has_resource_properties("Custom::IdentityPoolRolesCheck", {
        "IdentityPoolId": POOL_ID,
        "AuthenticatedRoleArn": AUTH_ARN,
        "UnauthenticatedRoleArn": GUEST_ARN,
        "MappedRoleArns": [{"Fn::GetAtt": [stack.get_logical_id(typing.cast(aws_cdk.CfnElement, admin.node.default_child)), "Arn"]}],
    })
    template.has_resource_properties("AWS::Lambda::Function", {
        "Runtime": "nodejs22.x",
        "Handler": "index.handler",
        "Code": {"ZipFile": Match.string_like_regexp("GetIdentityPoolRolesCommand")},
    })
    template.has_resource_properties("AWS::IAM::Policy", {
        "PolicyDocument": {"Statement": [{
            "Effect": "Allow",
            "Action": ["cognito-identity:DescribeIdentityPool", "cognito-identity:GetIdentityPoolRoles"],
            "Resource": POOL_ARN,
        }]},
    })
