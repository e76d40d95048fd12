"""Each user's own data, through the wheel: per-identity S3 and DynamoDB grants, owner keys,
policy variables and the developer identity grants."""

import typing

import aws_cdk
import aws_cdk.aws_dynamodb as dynamodb
import aws_cdk.aws_iam as iam
import aws_cdk.aws_s3 as s3
import pytest
from aws_cdk.assertions import Template

import cdk_identity_pool as idp
from constructs import IConstruct
from template_refs import logical_id

IDENTITY_ID = "${cognito-identity.amazonaws.com:sub}"


def new_stack() -> aws_cdk.Stack:
    return aws_cdk.Stack(aws_cdk.App(), "Stack")


def statements_of(stack: aws_cdk.Stack, role: IConstruct) -> list:
    policies = Template.from_stack(stack).find_resources("AWS::IAM::Policy", {
        "Properties": {"Roles": [{"Ref": logical_id(stack, role)}]},
    })
    return [statement for policy in policies.values() for statement in policy["Properties"]["PolicyDocument"]["Statement"]]


def test_own_objects_and_shared_folder():
    stack = new_stack()
    pool = idp.IdentityPool(stack, "Pool")
    photos = s3.Bucket(stack, "Photos")

    grant = pool.grant_read_write_own_objects(photos, prefix="private/")
    pool.grant_read_shared_objects(photos, prefix="public/")

    assert grant.success
    bucket_arn = {"Fn::GetAtt": [logical_id(stack, photos), "Arn"]}
    assert statements_of(stack, pool.authenticated_role) == [
        {
            "Effect": "Allow",
            "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
            "Resource": {"Fn::Join": ["", [bucket_arn, f"/private/{IDENTITY_ID}/*"]]},
        },
        {
            "Effect": "Allow",
            "Action": "s3:ListBucket",
            "Resource": bucket_arn,
            "Condition": {"StringLike": {"s3:prefix": [f"private/{IDENTITY_ID}/*"]}},
        },
        {"Effect": "Allow", "Action": "s3:GetObject", "Resource": {"Fn::Join": ["", [bucket_arn, "/public/*"]]}},
        {
            "Effect": "Allow",
            "Action": "s3:ListBucket",
            "Resource": bucket_arn,
            "Condition": {"StringLike": {"s3:prefix": ["public/*"]}},
        },
    ]


def test_own_items_with_attributes():
    stack = new_stack()
    pool = idp.IdentityPool(stack, "Pool")
    albums = dynamodb.TableV2(stack, "Albums", partition_key=dynamodb.Attribute(name="identityId", type=dynamodb.AttributeType.STRING))

    pool.grant_read_own_items(albums, attributes=["identityId", "title"])

    [statement] = statements_of(stack, pool.authenticated_role)
    assert statement["Action"] == ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:ConditionCheckItem"]
    assert statement["Condition"] == {
        "ForAllValues:StringEquals": {"dynamodb:LeadingKeys": [IDENTITY_ID], "dynamodb:Attributes": ["identityId", "title"]},
        "StringEqualsIfExists": {"dynamodb:Select": "SPECIFIC_ATTRIBUTES"},
    }


def test_number_partition_key_fails_with_our_message():
    stack = new_stack()
    pool = idp.IdentityPool(stack, "Pool")
    counters = dynamodb.Table(stack, "Counters", partition_key=dynamodb.Attribute(name="n", type=dynamodb.AttributeType.NUMBER))

    with pytest.raises(Exception, match=r"must have a string \(S\) partition key to hold the owner's identity id, but n is of type N"):
        pool.grant_write_own_items(counters)


def test_items_keyed_by_the_user_pool_sub():
    stack = new_stack()
    pool = idp.IdentityPool(stack, "Pool")
    pool.add_principal_tags("Tags", provider_name="accounts.google.com", principal_tags={"sub": "sub"})
    albums = dynamodb.TableV2(stack, "Albums", partition_key=dynamodb.Attribute(name="userSub", type=dynamodb.AttributeType.STRING))

    pool.grant_read_write_own_items(albums, owner_key=idp.OwnerKey.principal_tag("sub"))

    [statement] = statements_of(stack, pool.authenticated_role)
    assert statement["Condition"] == {"ForAllValues:StringEquals": {"dynamodb:LeadingKeys": ["${aws:PrincipalTag/sub}"]}}


def test_policy_variables():
    assert idp.IdentityPoolPolicyVariables.IDENTITY_ID == IDENTITY_ID
    assert idp.IdentityPoolPolicyVariables.principal_tag("sub") == "${aws:PrincipalTag/sub}"


def test_developer_identity_grants_on_created_and_imported_pools():
    stack = new_stack()
    backend = iam.Role(stack, "Backend", assumed_by=typing.cast(iam.IPrincipal, iam.ServicePrincipal("lambda.amazonaws.com")))  # aws-cdk-lib's own parameter-name mismatch: pyright does not take its classes for its interfaces
    pool = idp.IdentityPool(stack, "Pool", authentication_providers=idp.IdentityPoolAuthenticationProviders(custom_provider="login.example.com"))
    imported = idp.IdentityPool.from_identity_pool_arn(
        stack, "Imported", "arn:aws:cognito-identity:us-east-1:123456789012:identitypool/us-east-1:0a1b2c3d-1234-5678-90ab-cdef01234567")

    pool.grant_open_id_token_for_developer_identity(backend)
    imported.grant_developer_identity_administration(backend)

    actions = [statement["Action"] for statement in statements_of(stack, backend)]
    assert actions == [
        "cognito-identity:GetOpenIdTokenForDeveloperIdentity",
        ["cognito-identity:LookupDeveloperIdentity", "cognito-identity:MergeDeveloperIdentities", "cognito-identity:UnlinkDeveloperIdentity"],
    ]


def test_developer_grant_without_provider_name_fails():
    stack = new_stack()
    backend = iam.Role(stack, "Backend", assumed_by=typing.cast(iam.IPrincipal, iam.ServicePrincipal("lambda.amazonaws.com")))  # aws-cdk-lib's own parameter-name mismatch: pyright does not take its classes for its interfaces
    pool = idp.IdentityPool(stack, "Pool")

    with pytest.raises(Exception, match="authentication_providers.custom_provider must be set for grant_open_id_token_for_developer_identity"):
        pool.grant_open_id_token_for_developer_identity(backend)
