"""What a Python program reads: names as Python spells them, the construct path once.

The jsii runtime starts the library's node process with ``JSII_AGENT=Python/<version>``; the
library names properties and methods in its messages as this package does (``identity_pool_name``,
not ``identityPoolName``). These tests also type-check (pyright, mypy): our classes are accepted
where the interfaces they implement are expected.
"""

import re

import aws_cdk
import aws_cdk.aws_cognito as cognito
import aws_cdk.aws_iam as iam
import pytest
from aws_cdk.assertions import Annotations, Template

import cdk_identity_pool
from cdk_identity_pool import (
    IdentityPool,
    IdentityPoolAuthenticationProviders,
    IdentityPoolPrincipal,
    IdentityPoolProviderUrl,
    IdentityPoolRoleMapping,
    UserPoolAuthenticationProvider,
)


def new_stack() -> aws_cdk.Stack:
    return aws_cdk.Stack(aws_cdk.App(), "Stack")


def message(error: BaseException) -> str:
    """The library's message; the jsii runtime puts `Error: ` before errors of method calls."""
    text = str(error)
    return text[len("Error: "):] if text.startswith("Error: ") else text


def test_a_thrown_error_names_the_keyword_argument():
    stack = new_stack()

    with pytest.raises(RuntimeError) as raised:
        IdentityPool(stack, "Pool", identity_pool_name="a/b")

    assert message(raised.value) == 'Stack/Pool: identity_pool_name must match [\\w\\s+=,.@-]+ (received: "a/b")'


def test_a_mapping_for_an_unconfigured_provider_fails_where_it_is_added_in_python_names():
    stack = new_stack()
    pool = IdentityPool(stack, "Pool", authentication_providers=IdentityPoolAuthenticationProviders(
        facebook=cdk_identity_pool.IdentityPoolFacebookLoginProvider(app_id="1234567890123")))

    with pytest.raises(RuntimeError) as raised:
        pool.add_role_mappings(IdentityPoolRoleMapping(provider_url=IdentityPoolProviderUrl.GOOGLE, use_token=True))

    assert message(raised.value) == (
        "Stack/Pool/DefaultRoleAttachment: role_mappings[0].provider_url must name an identity provider the pool "
        'is configured with (configured: "graph.facebook.com"), or Cognito rejects it as "not a configured provider"; '
        'add the provider to authentication_providers (received: "accounts.google.com")'
    )


def test_a_failed_validation_names_the_path_once():
    stack = new_stack()
    IdentityPool(stack, "Pool", role_mappings=[IdentityPoolRoleMapping(
        provider_url=IdentityPoolProviderUrl.user_pool_url("cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi:client"),
        use_token=True,
    )])

    with pytest.raises(RuntimeError) as raised:
        Template.from_stack(stack)

    text = message(raised.value)
    assert text == (
        "Validation failed with the following errors:\n"
        "  [Stack/Pool/DefaultRoleAttachment] role_mappings[0].provider_url must name an identity provider the pool "
        'is configured with (configured: none), or Cognito rejects it as "not a configured provider"; add the provider '
        'to authentication_providers (received: "cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi:client")'
    )
    assert len(re.findall("Stack/Pool/DefaultRoleAttachment", text)) == 1


def test_a_warning_names_the_keyword_argument():
    stack = new_stack()

    IdentityPool(stack, "Pool", allow_unauthenticated_identities=True)

    Annotations.from_stack(stack).has_warning(
        "/Stack/Pool",
        "Guest access is on (allow_unauthenticated_identities): anyone who holds this identity pool's id, which ships in "
        "every client, gets the unauthenticated role's credentials, so give that role only what a stranger may do "
        "[ack: cdk-identity-pool:guestAccess]",
    )


def test_our_classes_are_accepted_where_their_interfaces_are_expected():
    # pyright checks these lines too: UserPoolAuthenticationProvider is an IUserPoolAuthenticationProvider
    # (bind takes the interface's parameter names), IdentityPoolPrincipal an iam.IPrincipal.
    stack = new_stack()
    user_pool = cognito.UserPool(stack, "Users")
    provider: cdk_identity_pool.IUserPoolAuthenticationProvider = UserPoolAuthenticationProvider(user_pool=user_pool)
    pool = IdentityPool(stack, "Pool", authentication_providers=IdentityPoolAuthenticationProviders(user_pools=[provider]))
    principal: iam.IPrincipal = IdentityPoolPrincipal(pool)

    iam.Role(stack, "Mapped", assumed_by=principal)
    config = provider.bind(scope=stack, identity_pool=pool)

    assert config.provider_name == user_pool.user_pool_provider_name
    Template.from_stack(stack).resource_count_is("AWS::IAM::Role", 3)
