"""Roles from user pool groups (`add_user_pool_group_role`), through the built wheel."""

import typing

import aws_cdk
import aws_cdk.aws_cognito as cognito
import aws_cdk.aws_iam as iam
import aws_cdk.aws_s3 as s3
import pytest
from aws_cdk.assertions import Annotations, Match, Template

import cdk_identity_pool
from template_refs import get_att, ref


def pool_with_user_pool():
    stack = aws_cdk.Stack(aws_cdk.App(), "Stack")
    user_pool = cognito.UserPool(stack, "Users")
    identity_pool = cdk_identity_pool.IdentityPool(stack, "Pool",
        authentication_providers=cdk_identity_pool.IdentityPoolAuthenticationProviders(
            user_pools=[cdk_identity_pool.UserPoolAuthenticationProvider(user_pool=user_pool)],
        ),
    )
    return stack, user_pool, identity_pool


def role_mappings(template):
    attachments = template.find_resources("AWS::Cognito::IdentityPoolRoleAttachment")
    assert len(attachments) == 1
    return list(next(iter(attachments.values()))["Properties"]["RoleMappings"].values())


def test_a_group_with_a_created_role_and_the_token_mapping():
    stack, user_pool, identity_pool = pool_with_user_pool()

    admins = identity_pool.add_user_pool_group_role("Admins", user_pool=user_pool, precedence=1, group_name="admins")
    identity_pool.add_user_pool_group_role("Viewers", user_pool=user_pool, precedence=10)

    assert isinstance(admins, cdk_identity_pool.UserPoolGroupRole)
    assert admins.precedence == 1
    assert admins.role.node.path == "Stack/Pool/Admins/Role"
    assert admins.group.node.path == "Stack/Pool/Admins/Group"
    template = Template.from_stack(stack)
    template.has_resource_properties("AWS::Cognito::UserPoolGroup", {
        "GroupName": "admins",
        "Precedence": 1,
        "UserPoolId": ref(stack, user_pool),
        "RoleArn": get_att(stack, admins.role, "Arn"),
    })
    template.has_resource_properties("AWS::IAM::Role", {
        "AssumeRolePolicyDocument": {
            "Statement": [{
                "Effect": "Allow",
                "Action": "sts:AssumeRoleWithWebIdentity",
                "Principal": {"Federated": "cognito-identity.amazonaws.com"},
                "Condition": {
                    "StringEquals": {"cognito-identity.amazonaws.com:aud": ref(stack, identity_pool)},
                    "ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": "authenticated"},
                },
            }],
        },
    })
    client = user_pool.node.find_child("UserPoolAuthenticationProviderClient")
    # One Token mapping, however many groups.
    assert role_mappings(template) == [{
        "Type": "Token",
        "AmbiguousRoleResolution": "AuthenticatedRole",
        "IdentityProvider": {"Fn::Join": ["", [get_att(stack, user_pool, "ProviderName"), ":", ref(stack, client)]]},
    }]


def test_a_supplied_role_is_used_as_given_and_can_be_granted_to():
    stack, user_pool, identity_pool = pool_with_user_pool()
    auditors = typing.cast(iam.IRole, iam.Role(stack, "Auditors", assumed_by=cdk_identity_pool.IdentityPoolPrincipal(identity_pool)))  # aws-cdk-lib's own parameter-name mismatch: pyright does not take its classes for its interfaces

    group_role = identity_pool.add_user_pool_group_role("AuditorsGroup", user_pool=user_pool, precedence=5, role=auditors)
    group_role.role.add_to_principal_policy(iam.PolicyStatement(actions=["s3:ListAllMyBuckets"], resources=["*"]))

    template = Template.from_stack(stack)
    template.has_resource_properties("AWS::Cognito::UserPoolGroup", {"RoleArn": get_att(stack, auditors, "Arn")})
    template.has_resource_properties("AWS::IAM::Policy", {"Roles": [ref(stack, auditors)]})
    assert group_role.node.try_find_child("Role") is None
    warnings = Annotations.from_stack(stack).find_warning("*", Match.string_like_regexp("cdk-identity-pool:"))
    assert warnings == []


def test_a_user_pool_that_is_not_a_provider_fails():
    stack, _, identity_pool = pool_with_user_pool()
    partners = cognito.UserPool(stack, "Partners")

    with pytest.raises(Exception, match=r"Stack/Pool/Admins: user_pool must be an authentication provider of the identity pool Stack/Pool"):
        identity_pool.add_user_pool_group_role("Admins", user_pool=partners, precedence=1)


def test_equal_precedences_warn():
    stack, user_pool, identity_pool = pool_with_user_pool()

    identity_pool.add_user_pool_group_role("Admins", user_pool=user_pool, precedence=1)
    identity_pool.add_user_pool_group_role("Editors", user_pool=user_pool, precedence=1)

    warnings = Annotations.from_stack(stack).find_warning("*", Match.string_like_regexp("cdk-identity-pool:groupPrecedence"))
    assert len(warnings) == 1
    assert "Stack/Pool/Admins/Group and Stack/Pool/Editors/Group have the same precedence (1)" in str(warnings[0].entry.data)


def test_users_in_no_group_get_the_authenticated_role_unless_denied():
    stack, user_pool, identity_pool = pool_with_user_pool()
    identity_pool.add_user_pool_group_role("Admins", user_pool=user_pool, precedence=1)
    assert [m["AmbiguousRoleResolution"] for m in role_mappings(Template.from_stack(stack))] == ["AuthenticatedRole"]

    denied_stack, denied_user_pool, denied_pool = pool_with_user_pool()
    denied_pool.add_user_pool_group_role("Admins", user_pool=denied_user_pool, precedence=1, deny_users_in_no_group=True)
    assert [m["AmbiguousRoleResolution"] for m in role_mappings(Template.from_stack(denied_stack))] == ["Deny"]
    Annotations.from_stack(denied_stack).has_warning("/Stack/Pool/Admins", Match.string_like_regexp("usersInNoGroupDenied"))


def test_grants_to_signed_in_users_reach_group_roles_added_later():
    stack, user_pool, identity_pool = pool_with_user_pool()
    bucket = s3.Bucket(stack, "Photos")
    identity_pool.grant_read_own_objects(bucket, prefix="private/")
    admins = identity_pool.add_user_pool_group_role("Admins", user_pool=user_pool, precedence=1)
    template = Template.from_stack(stack)
    for role in [identity_pool.authenticated_role, admins.role]:
        role_id = stack.get_logical_id(typing.cast(iam.CfnRole, role.node.default_child))
        template.has_resource_properties("AWS::IAM::Policy", {
            "Roles": [{"Ref": role_id}],
            "PolicyDocument": {"Statement": Match.array_with([Match.object_like({"Action": "s3:GetObject"})])},
        })
    assert identity_pool.signed_in_users.grant_principal is not None


def test_options_of_the_default_roles():
    stack = aws_cdk.Stack(aws_cdk.App(), "Stack")
    cdk_identity_pool.IdentityPool(stack, "Pool",
        authenticated_role_options=cdk_identity_pool.MappedRoleOptions(role_name="app-signed-in", path="/app/"),
        unauthenticated_role_options=cdk_identity_pool.MappedRoleOptions(role_name="app-guests"),
    )
    template = Template.from_stack(stack)
    template.has_resource_properties("AWS::IAM::Role", {"RoleName": "app-signed-in", "Path": "/app/"})
    template.has_resource_properties("AWS::IAM::Role", {"RoleName": "app-guests"})
