"""The front end's configuration as stack outputs (`add_frontend_outputs`), through the built wheel."""

import json

import aws_cdk
import aws_cdk.aws_cognito as cognito
import pytest
from aws_cdk.assertions import Template

import cdk_identity_pool
from template_refs import get_att, logical_id, ref


def parse_joined(value):
    """The JSON of an output CloudFormation joins, with each intrinsic as `<Ref X>` or `<GetAtt X.Y>`."""
    if isinstance(value, str):
        return json.loads(value)
    separator, parts = value["Fn::Join"]
    text = []
    for part in parts:
        if isinstance(part, str):
            text.append(part)
        elif "Ref" in part:
            text.append(f"<Ref {part['Ref']}>")
        else:
            text.append(f"<GetAtt {'.'.join(part['Fn::GetAtt'])}>")
    return json.loads(separator.join(text))


def test_outputs_values_and_the_amplify_configuration():
    stack = aws_cdk.Stack(aws_cdk.App(), "Stack")
    user_pool = cognito.UserPool(stack, "Users")
    identity_pool = cdk_identity_pool.IdentityPool(stack, "Pool",
        authentication_providers=cdk_identity_pool.IdentityPoolAuthenticationProviders(
            user_pools=[cdk_identity_pool.UserPoolAuthenticationProvider(user_pool=user_pool)],
        ),
    )
    client = user_pool.node.find_child("UserPoolAuthenticationProviderClient")

    frontend = identity_pool.add_frontend_outputs()

    assert isinstance(frontend, cdk_identity_pool.IdentityPoolFrontendOutputs)
    outputs = Template.from_stack(stack).to_json()["Outputs"]
    assert list(outputs) == [
        "IdentityPoolId", "IdentityPoolRegion", "IdentityPoolAllowGuestAccess",
        "UserPool1Id", "UserPool1ClientId", "UserPool1LoginsKey", "AmplifyConfiguration",
    ]
    assert outputs["IdentityPoolId"]["Value"] == ref(stack, identity_pool)
    assert outputs["IdentityPoolRegion"]["Value"] == {"Ref": "AWS::Region"}
    assert outputs["IdentityPoolAllowGuestAccess"]["Value"] == "false"
    assert outputs["UserPool1Id"]["Value"] == ref(stack, user_pool)
    assert outputs["UserPool1ClientId"]["Value"] == ref(stack, client)
    assert outputs["UserPool1LoginsKey"]["Value"] == get_att(stack, user_pool, "ProviderName")
    assert parse_joined(outputs["AmplifyConfiguration"]["Value"]) == {
        "Auth": {
            "Cognito": {
                "identityPoolId": f"<Ref {logical_id(stack, identity_pool)}>",
                "userPoolId": f"<Ref {logical_id(stack, user_pool)}>",
                "userPoolClientId": f"<Ref {logical_id(stack, client)}>",
                "allowGuestAccess": False,
            },
        },
    }
    assert stack.resolve(frontend.amplify_configuration) == outputs["AmplifyConfiguration"]["Value"]


def test_a_prefix_and_the_user_pool_amplify_signs_in_to():
    stack = aws_cdk.Stack(aws_cdk.App(), "Stack", env=aws_cdk.Environment(region="eu-west-1", account="123456789012"))
    staff = cognito.UserPool(stack, "Staff")
    customers = cognito.UserPool(stack, "Customers")
    customers_web = customers.add_client("Web")
    identity_pool = cdk_identity_pool.IdentityPool(stack, "Pool",
        allow_unauthenticated_identities=True,
        authentication_providers=cdk_identity_pool.IdentityPoolAuthenticationProviders(
            user_pools=[
                cdk_identity_pool.UserPoolAuthenticationProvider(user_pool=staff),
                cdk_identity_pool.UserPoolAuthenticationProvider(user_pool=customers, user_pool_client=customers_web),
            ],
        ),
    )

    identity_pool.add_frontend_outputs(output_prefix="Shop", amplify_user_pool_client=customers_web)

    outputs = Template.from_stack(stack).to_json()["Outputs"]
    assert outputs["ShopIdentityPoolRegion"]["Value"] == "eu-west-1"
    assert outputs["ShopIdentityPoolAllowGuestAccess"]["Value"] == "true"
    assert outputs["ShopUserPool2Id"]["Value"] == ref(stack, customers)
    cognito_config = parse_joined(outputs["ShopAmplifyConfiguration"]["Value"])["Auth"]["Cognito"]
    assert cognito_config["userPoolId"] == f"<Ref {logical_id(stack, customers)}>"
    assert cognito_config["userPoolClientId"] == f"<Ref {logical_id(stack, customers_web)}>"
    assert cognito_config["allowGuestAccess"] is True


def test_a_bad_prefix_fails():
    identity_pool = cdk_identity_pool.IdentityPool(aws_cdk.Stack(aws_cdk.App(), "Stack"), "Pool")

    with pytest.raises(Exception, match=r"output_prefix must be a plain string of at most 200 letters and digits"):
        identity_pool.add_frontend_outputs(output_prefix="my-pool")


def test_group_roles_are_published_on_request():
    stack = aws_cdk.Stack(aws_cdk.App(), "Stack")
    user_pool = cognito.UserPool(stack, "Users")
    pool = cdk_identity_pool.IdentityPool(stack, "Pool",
        authentication_providers=cdk_identity_pool.IdentityPoolAuthenticationProviders(
            user_pools=[cdk_identity_pool.UserPoolAuthenticationProvider(user_pool=user_pool)],
        ),
    )
    pool.add_user_pool_group_role("Admins", user_pool=user_pool, group_name="admins", precedence=1)
    pool.add_frontend_outputs(include_group_roles=True)
    outputs = Template.from_stack(stack).find_outputs("GroupRoles")
    assert list(outputs) == ["GroupRoles"]
    assert outputs["GroupRoles"]["Description"] == "The roles of the user pool groups, by group name (for CustomRoleArn)"
