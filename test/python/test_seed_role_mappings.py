"""The seed's sections 'Role Mapping' and 'Provider Urls'."""

import re
import typing

import aws_cdk.aws_cognito as cognito
import aws_cdk.aws_iam as iam
import pytest
from aws_cdk.assertions import Match

import cdk_identity_pool
import seed
from template_refs import get_att

# Deliberate difference USER_POOL_URL: jsii has no overloads, so the seed's string form of
# `user_pool(url)` is `user_pool_url(url)` here; `user_pool(user_pool, user_pool_client)` takes constructs.
USER_POOL_URL = seed.Difference(
    "USER_POOL_URL",
    seed="IdentityPoolProviderUrl.user_pool(",
    ours="IdentityPoolProviderUrl.user_pool_url(",
)


def role_mappings(template):
    attachments = template.find_resources("AWS::Cognito::IdentityPoolRoleAttachment")
    assert len(attachments) == 1
    return next(iter(attachments.values()))["Properties"]["RoleMappings"]


def token_mapping(provider):
    return {"Type": "Token", "AmbiguousRoleResolution": "Deny", "IdentityProvider": provider}


# Deliberate difference MAPPING_FOR_UNCONFIGURED_PROVIDER: these seed examples map a provider
# (Amazon, Facebook, a user pool client, a custom name) that their pool never configures, for
# brevity. Cognito rejects that at deploy time ("is not a valid RoleMapping ProviderName or is not
# a configured provider"); we reject it before, with a clear error: when the mapping is added, or
# at synthesis for a user pool (which can still be added). Each test runs the example as written
# and asserts that error, then runs it with the provider configured.
CONFIGURE_PROVIDERS = seed.Difference(
    "MAPPING_FOR_UNCONFIGURED_PROVIDER",
    seed='identity_pool_name="myidentitypool",',
    ours='identity_pool_name="myidentitypool", authentication_providers=configured_providers,',
)

ATTACHMENT = "SeedExample/myidentitypool/DefaultRoleAttachment"


def unconfigured_provider_error(index, provider, configured="none", *, at_synth=False):
    """Our sentence, with Python's names: thrown with the path, or after aws-cdk-lib's `[path]` at synth."""
    where = rf"\[{ATTACHMENT}\] " if at_synth else rf"^{ATTACHMENT}: "
    return (
        where + rf"role_mappings\[{index}\]\.provider_url must name an identity provider the pool is "
        rf"configured with \(configured: {configured}\), or Cognito rejects it as "
        rf'"not a configured provider"; add the provider to authentication_providers \(received: "{re.escape(provider)}"\)'
    )


def assert_rejects_the_unconfigured_provider(seed_example, provider, declare=None):
    """Runs the example as written: adding the mapping fails with our one clear sentence."""
    with pytest.raises(RuntimeError, match=unconfigured_provider_error(0, provider)):
        seed.run(seed_example, declare=declare)


def social_logins(scope):
    providers = cdk_identity_pool.IdentityPoolAuthenticationProviders(
        amazon=cdk_identity_pool.IdentityPoolAmazonLoginProvider(app_id="amzn1.application.example"),
        facebook=cdk_identity_pool.IdentityPoolFacebookLoginProvider(app_id="1234567890123"),
    )
    return {"configured_providers": providers}


TOKEN_MAPPING = seed.example(
    "token-based role mapping",
    """
from aws_cdk.aws_cognito_identitypool import IdentityPoolProviderUrl


IdentityPool(self, "myidentitypool",
    identity_pool_name="myidentitypool",
    role_mappings=[IdentityPoolRoleMapping(
        provider_url=IdentityPoolProviderUrl.AMAZON,
        use_token=True
    )]
)
""",
)


@seed.runs(TOKEN_MAPPING)
def test_token_mapping_renders_a_token_type_mapping():
    assert_rejects_the_unconfigured_provider(TOKEN_MAPPING, "www.amazon.com")
    ran = seed.run(TOKEN_MAPPING, declare=social_logins, differences=[CONFIGURE_PROVIDERS])

    assert role_mappings(ran.template()) == {"www.amazon.com": token_mapping("www.amazon.com")}
    ran.assert_no_errors()


RULE_MAPPING = seed.example(
    "rule-based role mapping",
    """
from aws_cdk.aws_cognito_identitypool import IdentityPoolProviderUrl, RoleMappingMatchType

# admin_role: iam.Role
# non_admin_role: iam.Role

IdentityPool(self, "myidentitypool",
    identity_pool_name="myidentitypool",
    # Assign specific roles to users based on whether or not the custom admin claim is passed from the identity provider
    role_mappings=[IdentityPoolRoleMapping(
        provider_url=IdentityPoolProviderUrl.AMAZON,
        rules=[RoleMappingRule(
            claim="custom:admin",
            claim_value="admin",
            mapped_role=admin_role
        ), RoleMappingRule(
            claim="custom:admin",
            claim_value="admin",
            match_type=RoleMappingMatchType.NOTEQUAL,
            mapped_role=non_admin_role
        )
        ]
    )]
)
""",
)


def declare_mapped_roles(scope):
    # The casts are for pyright only: aws-cdk-lib's principals name add_to_principal_policy's
    # parameter `_statement`, where its IPrincipal says `statement`, so pyright does not take them for
    # an IPrincipal (a parameter-name mismatch of aws-cdk-lib's, not ours).
    return {
        "admin_role": iam.Role(scope, "AdminRole", assumed_by=typing.cast(iam.IPrincipal, iam.AccountRootPrincipal())),
        "non_admin_role": iam.Role(scope, "NonAdminRole", assumed_by=typing.cast(iam.IPrincipal, iam.AccountRootPrincipal())),
    }


def declare_mapped_roles_and_logins(scope):
    return {**declare_mapped_roles(scope), **social_logins(scope)}


@seed.runs(RULE_MAPPING)
def test_rule_mapping_renders_rules_in_order():
    assert_rejects_the_unconfigured_provider(RULE_MAPPING, "www.amazon.com", declare=declare_mapped_roles)
    ran = seed.run(RULE_MAPPING, declare=declare_mapped_roles_and_logins, differences=[CONFIGURE_PROVIDERS])
    stack = ran.stack
    template = ran.template()

    assert role_mappings(template) == {
        "www.amazon.com": {
            "Type": "Rules",
            "AmbiguousRoleResolution": "Deny",
            "IdentityProvider": "www.amazon.com",
            "RulesConfiguration": {"Rules": [
                {"Claim": "custom:admin", "Value": "admin", "MatchType": "Equals",
                 "RoleARN": get_att(stack, ran["admin_role"], "Arn")},
                {"Claim": "custom:admin", "Value": "admin", "MatchType": "NotEqual",
                 "RoleARN": get_att(stack, ran["non_admin_role"], "Arn")},
            ]},
        },
    }
    ran.assert_no_errors()


ADD_ROLE_MAPPINGS = seed.example(
    "adding role mappings after instantiation",
    """
from aws_cdk.aws_cognito_identitypool import IdentityPoolRoleMapping

# identity_pool: IdentityPool
# my_added_role_mapping1: IdentityPoolRoleMapping
# my_added_role_mapping2: IdentityPoolRoleMapping
# my_added_role_mapping3: IdentityPoolRoleMapping


identity_pool.add_role_mappings(my_added_role_mapping1, my_added_role_mapping2, my_added_role_mapping3)
""",
)


def declare_pool_and_three_mappings(scope):
    pool = cdk_identity_pool.IdentityPool(scope, "IdentityPool",
        authentication_providers=cdk_identity_pool.IdentityPoolAuthenticationProviders(
            amazon=cdk_identity_pool.IdentityPoolAmazonLoginProvider(app_id="amzn1.application.example"),
            facebook=cdk_identity_pool.IdentityPoolFacebookLoginProvider(app_id="1234567890123"),
            google=cdk_identity_pool.IdentityPoolGoogleLoginProvider(client_id="1234.apps.googleusercontent.com"),
        ))
    url = cdk_identity_pool.IdentityPoolProviderUrl
    mapping = cdk_identity_pool.IdentityPoolRoleMapping
    return {
        "identity_pool": pool,
        "my_added_role_mapping1": mapping(provider_url=url.AMAZON, use_token=True),
        "my_added_role_mapping2": mapping(provider_url=url.FACEBOOK, use_token=True),
        "my_added_role_mapping3": mapping(provider_url=url.GOOGLE, use_token=True, resolve_ambiguous_roles=True),
    }


@seed.runs(ADD_ROLE_MAPPINGS)
def test_added_role_mappings_merge_into_the_one_attachment():
    # Deliberate difference ONE_ATTACHMENT: the alpha module added a second role attachment per
    # call, which Cognito rejects at deploy; aws-cdk-lib dropped the method. Ours merges into the
    # pool's one attachment.
    ran = seed.run(ADD_ROLE_MAPPINGS, declare=declare_pool_and_three_mappings)
    template = ran.template()

    template.resource_count_is("AWS::Cognito::IdentityPoolRoleAttachment", 1)
    assert role_mappings(template) == {
        "www.amazon.com": token_mapping("www.amazon.com"),
        "graph.facebook.com": token_mapping("graph.facebook.com"),
        "accounts.google.com": {**token_mapping("accounts.google.com"), "AmbiguousRoleResolution": "AuthenticatedRole"},
    }
    template.has_resource_properties("AWS::Cognito::IdentityPoolRoleAttachment", {
        "Roles": Match.object_equals({
            "authenticated": get_att(ran.stack, ran["identity_pool"].authenticated_role, "Arn"),
            "unauthenticated": get_att(ran.stack, ran["identity_pool"].unauthenticated_role, "Arn"),
        }),
    })


STATIC_PROVIDER_URL = seed.example(
    "a static provider url",
    """
from aws_cdk.aws_cognito_identitypool import IdentityPoolProviderUrl


IdentityPool(self, "myidentitypool",
    identity_pool_name="myidentitypool",
    role_mappings=[IdentityPoolRoleMapping(
        provider_url=IdentityPoolProviderUrl.FACEBOOK,
        use_token=True
    )]
)
""",
)


@seed.runs(STATIC_PROVIDER_URL)
def test_static_provider_url_names_the_provider():
    assert_rejects_the_unconfigured_provider(STATIC_PROVIDER_URL, "graph.facebook.com")
    ran = seed.run(STATIC_PROVIDER_URL, declare=social_logins, differences=[CONFIGURE_PROVIDERS])

    assert role_mappings(ran.template()) == {"graph.facebook.com": token_mapping("graph.facebook.com")}
    ran.assert_no_errors()


CUSTOM_AND_USER_POOL_URLS = seed.example(
    "custom and user pool client urls",
    """
from aws_cdk.aws_cognito_identitypool import IdentityPoolProviderUrl


IdentityPool(self, "myidentitypool",
    identity_pool_name="myidentitypool",
    role_mappings=[IdentityPoolRoleMapping(
        provider_url=IdentityPoolProviderUrl.user_pool("cognito-idp.my-idp-region.amazonaws.com/my-idp-region_abcdefghi:app_client_id"),
        use_token=True
    ), IdentityPoolRoleMapping(
        provider_url=IdentityPoolProviderUrl.custom("my-custom-provider.com"),
        use_token=True
    )
    ]
)
""",
)


@seed.runs(CUSTOM_AND_USER_POOL_URLS)
def test_user_pool_url_as_a_string_is_spelled_user_pool_url():
    # Deliberate difference USER_POOL_URL, as written: user_pool() wants the user pool and client.
    with pytest.raises(TypeError, match="user_pool_client"):
        seed.run(CUSTOM_AND_USER_POOL_URLS)


def custom_provider_only(scope):
    return {"configured_providers": cdk_identity_pool.IdentityPoolAuthenticationProviders(custom_provider="my-custom-provider.com")}


def user_pool_and_custom_provider(scope):
    user_pool = cognito.UserPool.from_user_pool_arn(
        scope, "IdpUserPool", "arn:aws:cognito-idp:my-idp-region:123456789012:userpool/my-idp-region_abcdefghi")
    client = cognito.UserPoolClient.from_user_pool_client_id(scope, "IdpClient", "app_client_id")
    providers = cdk_identity_pool.IdentityPoolAuthenticationProviders(
        user_pools=[cdk_identity_pool.UserPoolAuthenticationProvider(user_pool=user_pool, user_pool_client=client)],
        custom_provider="my-custom-provider.com",
    )
    return {"configured_providers": providers}


@seed.runs(CUSTOM_AND_USER_POOL_URLS)
def test_custom_and_user_pool_urls_key_their_mappings():
    user_pool = "cognito-idp.my-idp-region.amazonaws.com/my-idp-region_abcdefghi:app_client_id"
    # As written: the custom provider, which nothing can configure later, fails when it is mapped ...
    with pytest.raises(RuntimeError, match=unconfigured_provider_error(1, "my-custom-provider.com")):
        seed.run(CUSTOM_AND_USER_POOL_URLS, differences=[USER_POOL_URL])
    # ... and a user pool the pool lacks fails at synthesis, since user pools can still be added.
    ran = seed.run(CUSTOM_AND_USER_POOL_URLS, declare=custom_provider_only, differences=[USER_POOL_URL, CONFIGURE_PROVIDERS])
    with pytest.raises(RuntimeError, match=unconfigured_provider_error(
            0, user_pool, configured=re.escape('"my-custom-provider.com"'), at_synth=True)):
        ran.template()

    ran = seed.run(CUSTOM_AND_USER_POOL_URLS, declare=user_pool_and_custom_provider,
                   differences=[USER_POOL_URL, CONFIGURE_PROVIDERS])
    template = ran.template()

    assert role_mappings(template) == {
        user_pool: token_mapping(user_pool),
        "my-custom-provider.com": token_mapping("my-custom-provider.com"),
    }
    template.has_resource_properties("AWS::Cognito::IdentityPool", {
        "DeveloperProviderName": "my-custom-provider.com",
        "CognitoIdentityProviders": [Match.object_like({"ClientId": "app_client_id"})],
    })
    ran.assert_no_errors()
