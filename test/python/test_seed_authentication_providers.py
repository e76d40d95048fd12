"""The seed's section 'Authentication Providers': user pools, social logins, OIDC, SAML, custom."""

import aws_cdk.aws_cognito as cognito
import aws_cdk.aws_iam as iam
from aws_cdk.assertions import Match

import cdk_identity_pool
import seed
from template_refs import get_att, ref


def declare_identity_pool(scope):
    return {"identity_pool": cdk_identity_pool.IdentityPool(scope, "IdentityPool")}


def declare_open_id_connect_provider(scope):
    provider = iam.OpenIdConnectProvider(scope, "OpenIdConnectProvider",
                                         url="https://oidc.example.com", client_ids=["my-client"])
    return {"open_id_connect_provider": provider}


def declare_saml_provider(scope):
    metadata = ('<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" '
                'entityID="https://idp.example.com/saml"/>')
    provider = iam.SamlProvider(scope, "SamlProvider",
                                metadata_document=iam.SamlMetadataDocument.from_xml(metadata))
    return {"saml_provider": provider}


def provider_client(user_pool):
    """The app client created for a user pool provider when none is given."""
    return user_pool.node.find_child("UserPoolAuthenticationProviderClient")


def assert_client_without_oauth(template, stack, client):
    # Deliberate difference CLIENT_WITHOUT_OAUTH: aws-cdk-lib's auto-created client enables the
    # OAuth implicit flow with an https://example.com callback; ours has OAuth off and no secret.
    clients = template.find_resources("AWS::Cognito::UserPoolClient")
    properties = clients[ref(stack, client)["Ref"]]["Properties"]
    assert properties["AllowedOAuthFlowsUserPoolClient"] is False
    for oauth_only in ("AllowedOAuthFlows", "AllowedOAuthScopes", "CallbackURLs", "LogoutURLs"):
        assert oauth_only not in properties, oauth_only
    assert properties.get("GenerateSecret", False) is False


USER_POOL_IN_PROPS = seed.example(
    "a user pool as an authentication provider",
    """
user_pool = cognito.UserPool(self, "Pool")

IdentityPool(self, "myidentitypool",
    identity_pool_name="myidentitypool",
    authentication_providers=IdentityPoolAuthenticationProviders(
        user_pools=[UserPoolAuthenticationProvider(user_pool=user_pool)]
    )
)
""",
)


@seed.runs(USER_POOL_IN_PROPS)
def test_user_pool_provider_gets_a_client_and_a_token_check():
    ran = seed.run(USER_POOL_IN_PROPS)
    stack, user_pool = ran.stack, ran["user_pool"]
    client = provider_client(user_pool)
    template = ran.template()

    template.resource_count_is("AWS::Cognito::UserPoolClient", 1)
    template.has_resource_properties("AWS::Cognito::IdentityPool", {
        "IdentityPoolName": "myidentitypool",
        "CognitoIdentityProviders": [{
            "ProviderName": get_att(stack, user_pool, "ProviderName"),
            "ClientId": ref(stack, client),
            "ServerSideTokenCheck": True,
        }],
    })
    template.has_resource_properties("AWS::Cognito::UserPoolClient", {
        "UserPoolId": ref(stack, user_pool),
    })
    assert_client_without_oauth(template, stack, client)


ADD_USER_POOL_AFTERWARDS = seed.example(
    "adding a user pool after instantiation",
    """
# identity_pool: IdentityPool

user_pool = cognito.UserPool(self, "Pool")
user_pool_client = identity_pool.add_user_pool_authentication(UserPoolAuthenticationProvider(
    user_pool=user_pool
))
""",
)


@seed.runs(ADD_USER_POOL_AFTERWARDS)
def test_add_user_pool_authentication_returns_the_client():
    # Deliberate difference RETURNS_CLIENT: the seed promises the created client back;
    # aws-cdk-lib's method returns None, ours returns it.
    ran = seed.run(ADD_USER_POOL_AFTERWARDS, declare=declare_identity_pool)
    stack, user_pool, returned = ran.stack, ran["user_pool"], ran["user_pool_client"]
    template = ran.template()

    assert returned is not None
    assert returned.node.path == "SeedExample/Pool/UserPoolAuthenticationProviderClient"
    assert stack.resolve(returned.user_pool_client_id) == ref(stack, provider_client(user_pool))
    assert isinstance(returned, cognito.UserPoolClient)
    template.has_resource_properties("AWS::Cognito::IdentityPool", {
        "CognitoIdentityProviders": [{
            "ProviderName": get_att(stack, user_pool, "ProviderName"),
            "ClientId": ref(stack, returned),
            "ServerSideTokenCheck": True,
        }],
    })
    assert_client_without_oauth(template, stack, returned)


SERVER_SIDE_TOKEN_CHECK = seed.example(
    "turning off the server side token check",
    """
# identity_pool: IdentityPool

user_pool = cognito.UserPool(self, "Pool")
identity_pool.add_user_pool_authentication(UserPoolAuthenticationProvider(
    user_pool=user_pool,
    disable_server_side_token_check=True
))
""",
)


@seed.runs(SERVER_SIDE_TOKEN_CHECK)
def test_server_side_token_check_can_be_turned_off():
    ran = seed.run(SERVER_SIDE_TOKEN_CHECK, declare=declare_identity_pool)
    stack, user_pool = ran.stack, ran["user_pool"]

    ran.template().has_resource_properties("AWS::Cognito::IdentityPool", {
        "CognitoIdentityProviders": [{
            "ProviderName": get_att(stack, user_pool, "ProviderName"),
            "ClientId": ref(stack, provider_client(user_pool)),
            "ServerSideTokenCheck": False,
        }],
    })


EXTERNAL_PROVIDERS = seed.example(
    "associating external providers directly",
    """
IdentityPool(self, "myidentitypool",
    identity_pool_name="myidentitypool",
    authentication_providers=IdentityPoolAuthenticationProviders(
        amazon=IdentityPoolAmazonLoginProvider(
            app_id="amzn1.application.12312k3j234j13rjiwuenf"
        ),
        facebook=IdentityPoolFacebookLoginProvider(
            app_id="1234567890123"
        ),
        google=IdentityPoolGoogleLoginProvider(
            client_id="12345678012.apps.googleusercontent.com"
        ),
        apple=IdentityPoolAppleLoginProvider(
            services_id="com.myappleapp.auth"
        ),
        twitter=IdentityPoolTwitterLoginProvider(
            consumer_key="my-twitter-id",
            consumer_secret="my-twitter-secret"
        )
    )
)
""",
)


@seed.runs(EXTERNAL_PROVIDERS)
def test_social_logins_render_as_supported_login_providers():
    template = seed.run(EXTERNAL_PROVIDERS).template()

    template.has_resource_properties("AWS::Cognito::IdentityPool", {
        "IdentityPoolName": "myidentitypool",
        "SupportedLoginProviders": Match.object_equals({
            "www.amazon.com": "amzn1.application.12312k3j234j13rjiwuenf",
            "graph.facebook.com": "1234567890123",
            "accounts.google.com": "12345678012.apps.googleusercontent.com",
            "appleid.apple.com": "com.myappleapp.auth",
            "api.twitter.com": "my-twitter-id;my-twitter-secret",
        }),
        "CognitoIdentityProviders": Match.absent(),
        "OpenIdConnectProviderARNs": Match.absent(),
        "DeveloperProviderName": Match.absent(),
    })


OPEN_ID_CONNECT_AND_SAML = seed.example(
    "OpenID Connect and SAML providers",
    """
# open_id_connect_provider: iam.OpenIdConnectProvider
# saml_provider: iam.SamlProvider


IdentityPool(self, "myidentitypool",
    identity_pool_name="myidentitypool",
    authentication_providers=IdentityPoolAuthenticationProviders(
        open_id_connect_providers=[open_id_connect_provider],
        saml_providers=[saml_provider]
    )
)
""",
)


@seed.runs(OPEN_ID_CONNECT_AND_SAML)
def test_open_id_connect_and_saml_providers_render_their_arns():
    ran = seed.run(OPEN_ID_CONNECT_AND_SAML, declare=lambda scope: {
        **declare_open_id_connect_provider(scope),
        **declare_saml_provider(scope),
    })
    stack = ran.stack

    ran.template().has_resource_properties("AWS::Cognito::IdentityPool", {
        "IdentityPoolName": "myidentitypool",
        "OpenIdConnectProviderARNs": [stack.resolve(ran["open_id_connect_provider"].open_id_connect_provider_arn)],
        "SamlProviderARNs": [ref(stack, ran["saml_provider"])],
        "SupportedLoginProviders": Match.absent(),
    })


CUSTOM_PROVIDER = seed.example(
    "a custom developer provider",
    """
# open_id_connect_provider: iam.OpenIdConnectProvider

IdentityPool(self, "myidentitypool",
    identity_pool_name="myidentitypool",
    authentication_providers=IdentityPoolAuthenticationProviders(
        google=IdentityPoolGoogleLoginProvider(
            client_id="12345678012.apps.googleusercontent.com"
        ),
        open_id_connect_providers=[open_id_connect_provider],
        custom_provider="my-custom-provider.example.com"
    )
)
""",
)


@seed.runs(CUSTOM_PROVIDER)
def test_custom_provider_renders_as_developer_provider_name():
    ran = seed.run(CUSTOM_PROVIDER, declare=declare_open_id_connect_provider)
    stack = ran.stack

    ran.template().has_resource_properties("AWS::Cognito::IdentityPool", {
        "DeveloperProviderName": "my-custom-provider.example.com",
        "SupportedLoginProviders": Match.object_equals({
            "accounts.google.com": "12345678012.apps.googleusercontent.com",
        }),
        "OpenIdConnectProviderARNs": [stack.resolve(ran["open_id_connect_provider"].open_id_connect_provider_arn)],
        "SamlProviderARNs": Match.absent(),
    })
