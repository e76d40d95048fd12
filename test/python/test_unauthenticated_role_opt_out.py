"""A pool without an unauthenticated role (createUnauthenticatedRole=False), through the wheel."""

import typing

import aws_cdk
import aws_cdk.aws_iam as iam
import pytest
from aws_cdk.assertions import Template

import cdk_identity_pool
from template_refs import get_att


def new_stack() -> aws_cdk.Stack:
    return aws_cdk.Stack(aws_cdk.App(), "Stack")


def test_by_default_the_pool_has_its_unauthenticated_role():
    stack = new_stack()

    pool = cdk_identity_pool.IdentityPool(stack, "Pool")

    assert pool.has_unauthenticated_role is True
    assert pool.unauthenticated_role.node.path == "Stack/Pool/UnauthenticatedRole"
    Template.from_stack(stack).resource_count_is("AWS::IAM::Role", 2)


def test_opting_out_creates_only_the_authenticated_role_and_attaches_only_it():
    stack = new_stack()

    pool = cdk_identity_pool.IdentityPool(stack, "Pool", create_unauthenticated_role=False)

    template = Template.from_stack(stack)
    template.resource_count_is("AWS::IAM::Role", 1)
    template.has_resource_properties("AWS::Cognito::IdentityPoolRoleAttachment", {
        "Roles": {"authenticated": get_att(stack, pool.authenticated_role, "Arn")},
    })
    assert pool.has_unauthenticated_role is False
    assert pool.node.try_find_child("UnauthenticatedRole") is None


def test_reading_the_missing_role_raises_the_clear_message():
    stack = new_stack()
    pool = cdk_identity_pool.IdentityPool(stack, "Pool", create_unauthenticated_role=False)

    with pytest.raises(Exception) as raised:
        pool.unauthenticated_role  # noqa: B018 (the read is the test)

    assert (
        "Stack/Pool: this identity pool has no unauthenticated role (it was created with createUnauthenticatedRole: false), "
        "so unauthenticatedRole cannot be read; check hasUnauthenticatedRole first, or give the pool an unauthenticatedRole"
    ) in str(raised.value)


def test_guests_on_without_a_role_is_an_error():
    stack = new_stack()

    with pytest.raises(Exception) as raised:
        cdk_identity_pool.IdentityPool(stack, "Pool", create_unauthenticated_role=False, allow_unauthenticated_identities=True)

    assert (
        "Stack/Pool: create_unauthenticated_role must not be false while allowUnauthenticatedIdentities is true and no "
        "unauthenticatedRole is given"
    ) in str(raised.value)


def test_a_supplied_role_is_still_used():
    stack = new_stack()
    guests = typing.cast(iam.IRole, iam.Role(stack, "Guests", assumed_by=typing.cast(iam.IPrincipal, iam.AccountRootPrincipal())))  # aws-cdk-lib's own parameter-name mismatch: pyright does not take its classes for its interfaces

    pool = cdk_identity_pool.IdentityPool(stack, "Pool", unauthenticated_role=guests, create_unauthenticated_role=False)

    assert pool.has_unauthenticated_role is True
    Template.from_stack(stack).has_resource_properties("AWS::Cognito::IdentityPoolRoleAttachment", {
        "Roles": {"unauthenticated": get_att(stack, guests, "Arn")},
    })
