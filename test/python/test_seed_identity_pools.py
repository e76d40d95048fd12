"""The seed's sections 'Identity Pools', 'Authentication Flow' and 'Importing Identity Pools'."""

import typing

import aws_cdk
import aws_cdk.aws_dynamodb as dynamodb
import pytest
from aws_cdk.assertions import Annotations, Match

import cdk_identity_pool
import seed
from template_refs import get_att, logical_id, ref

MODULE_IMPORT = seed.example(
    "module import",
    """
from aws_cdk.aws_cognito_identitypool import IdentityPool, UserPoolAuthenticationProvider
""",
)


@seed.runs(MODULE_IMPORT)
def test_module_import_names_our_classes():
    # The one edit every example gets: the import path is ours, not aws-cdk-lib's module.
    names = seed.run(MODULE_IMPORT).names

    assert names["IdentityPool"] is cdk_identity_pool.IdentityPool
    assert names["UserPoolAuthenticationProvider"] is cdk_identity_pool.UserPoolAuthenticationProvider


BASIC_POOL = seed.example(
    "a basic identity pool",
    """
IdentityPool(self, "myIdentityPool")
""",
)


@seed.runs(BASIC_POOL)
def test_basic_pool_has_default_roles_and_one_attachment():
    ran = seed.run(BASIC_POOL)
    stack = ran.stack
    pool = stack.node.find_child("myIdentityPool")
    template = ran.template()

    assert isinstance(pool, cdk_identity_pool.IdentityPool)
    template.resource_count_is("AWS::Cognito::IdentityPool", 1)
    template.resource_count_is("AWS::IAM::Role", 2)
    template.resource_count_is("AWS::Cognito::IdentityPoolRoleAttachment", 1)
    template.has_resource_properties("AWS::Cognito::IdentityPool", {
        "AllowUnauthenticatedIdentities": False,
        "AllowClassicFlow": Match.absent(),
        "IdentityPoolName": Match.absent(),
        "SupportedLoginProviders": Match.absent(),
        "CognitoIdentityProviders": Match.absent(),
        "OpenIdConnectProviderARNs": Match.absent(),
        "SamlProviderARNs": Match.absent(),
        "DeveloperProviderName": Match.absent(),
    })
    # The construct tree (and so the logical ids) of aws-cdk-lib's module, so migrating replaces nothing.
    authenticated = pool.node.find_child("AuthenticatedRole")
    unauthenticated = pool.node.find_child("UnauthenticatedRole")
    attachment = pool.node.find_child("DefaultRoleAttachment").node.find_child("Resource")
    template.has_resource_properties("AWS::Cognito::IdentityPoolRoleAttachment", {
        "IdentityPoolId": ref(stack, pool),
        "Roles": Match.object_equals({
            "authenticated": get_att(stack, authenticated, "Arn"),
            "unauthenticated": get_att(stack, unauthenticated, "Arn"),
        }),
        "RoleMappings": Match.absent(),
    })
    assert logical_id(stack, attachment).startswith("myIdentityPoolDefaultRoleAttachment")


@seed.runs(BASIC_POOL)
def test_basic_pool_default_roles_trust_only_this_pool():
    ran = seed.run(BASIC_POOL)
    stack = ran.stack
    pool = stack.node.find_child("myIdentityPool")

    for role_id, amr in (("AuthenticatedRole", "authenticated"), ("UnauthenticatedRole", "unauthenticated")):
        role = ran.template().find_resources("AWS::IAM::Role")[logical_id(stack, pool.node.find_child(role_id))]
        assert role["Properties"]["AssumeRolePolicyDocument"]["Statement"] == [{
            "Action": "sts:AssumeRoleWithWebIdentity",
            "Condition": {
                "StringEquals": {"cognito-identity.amazonaws.com:aud": ref(stack, pool)},
                "ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": amr},
            },
            "Effect": "Allow",
            "Principal": {"Federated": "cognito-identity.amazonaws.com"},
        }]
        assert "Policies" not in role["Properties"]
        assert "ManagedPolicyArns" not in role["Properties"]


@seed.runs(BASIC_POOL)
def test_basic_pool_is_retained_by_default():
    # Deliberate difference RETAINED_BY_DEFAULT: aws-cdk-lib's pool is deleted with the stack;
    # ours is kept, as a UserPool is, since identity ids key users' data.
    template = seed.run(BASIC_POOL).template()

    template.has_resource("AWS::Cognito::IdentityPool", {
        "DeletionPolicy": "Retain",
        "UpdateReplacePolicy": "Retain",
    })


GRANT_TO_DEFAULT_ROLES = seed.example(
    "granting permissions to the default roles",
    """
import aws_cdk.aws_dynamodb as dynamodb
# table: dynamodb.Table


identity_pool = IdentityPool(self, "myIdentityPool")

# Grant permissions to authenticated users
table.grant_read_write_data(identity_pool.authenticated_role)
# Grant permissions to unauthenticated guest users
table.grant_read_data(identity_pool.unauthenticated_role)

# Or add policy statements straight to the role
identity_pool.authenticated_role.add_to_principal_policy(iam.PolicyStatement(
    effect=iam.Effect.ALLOW,
    actions=["dynamodb:*"],
    resources=["*"]
))
""",
)


def declare_table(scope):
    table = dynamodb.Table(scope, "Table", partition_key=dynamodb.Attribute(
        name="id", type=dynamodb.AttributeType.STRING))
    return {"table": table}


def policy_statements_of(template, stack, role):
    policies = [
        policy["Properties"]["PolicyDocument"]["Statement"]
        for policy in template.find_resources("AWS::IAM::Policy").values()
        if policy["Properties"]["Roles"] == [ref(stack, role)]
    ]
    assert len(policies) == 1
    return policies[0]


def as_list(value):
    return value if isinstance(value, list) else [value]


def actions_of(statement):
    return set(as_list(statement["Action"]))


@seed.runs(GRANT_TO_DEFAULT_ROLES)
def test_grants_reach_the_default_roles():
    ran = seed.run(GRANT_TO_DEFAULT_ROLES, declare=declare_table)
    stack, pool, table = ran.stack, ran["identity_pool"], ran["table"]
    template = ran.template()
    table_arn = get_att(stack, table, "Arn")

    authenticated = policy_statements_of(template, stack, pool.authenticated_role)
    read_write = [s for s in authenticated if table_arn in as_list(s["Resource"])]
    assert len(read_write) == 1
    assert {"dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"} <= actions_of(read_write[0])
    assert {"Action": "dynamodb:*", "Effect": "Allow", "Resource": "*"} in authenticated

    unauthenticated = policy_statements_of(template, stack, pool.unauthenticated_role)
    assert len(unauthenticated) == 1
    assert "dynamodb:GetItem" in actions_of(unauthenticated[0])
    assert not {"dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:*"} & actions_of(unauthenticated[0])
    assert table_arn in as_list(unauthenticated[0]["Resource"])


SUPPLIED_DEFAULT_ROLES = seed.example(
    "supplying the default roles",
    """
stack = Stack()
authenticated_role = iam.Role(self, "authRole",
    assumed_by=iam.ServicePrincipal("service.amazonaws.com")
)
unauthenticated_role = iam.Role(self, "unauthRole",
    assumed_by=iam.ServicePrincipal("service.amazonaws.com")
)
identity_pool = IdentityPool(self, "TestIdentityPoolActions",
    authenticated_role=authenticated_role,
    unauthenticated_role=unauthenticated_role
)
""",
)


@seed.runs(SUPPLIED_DEFAULT_ROLES)
def test_supplied_default_roles_are_used_as_given():
    # Named case SUPPLIED_ROLES_DO_NOT_TRUST_THE_POOL: the seed's roles trust a service, not the
    # pool, so Cognito could never hand them out. Supplied roles are used as given, so this still
    # synthesizes without error (a warning about the trust policy is allowed).
    ran = seed.run(SUPPLIED_DEFAULT_ROLES)
    stack = ran.stack
    template = ran.template()
    ran.assert_no_errors()

    template.resource_count_is("AWS::IAM::Role", 2)
    template.has_resource_properties("AWS::Cognito::IdentityPoolRoleAttachment", {
        "IdentityPoolId": ref(stack, ran["identity_pool"]),
        "Roles": Match.object_equals({
            "authenticated": get_att(stack, ran["authenticated_role"], "Arn"),
            "unauthenticated": get_att(stack, ran["unauthenticated_role"], "Arn"),
        }),
    })
    assert ran["identity_pool"].authenticated_role is ran["authenticated_role"]
    assert ran["identity_pool"].unauthenticated_role is ran["unauthenticated_role"]
    for role in (ran["authenticated_role"], ran["unauthenticated_role"]):
        document = template.find_resources("AWS::IAM::Role")[logical_id(stack, role)]["Properties"]
        assert document["AssumeRolePolicyDocument"]["Statement"] == [{
            "Action": "sts:AssumeRole",
            "Effect": "Allow",
            "Principal": {"Service": "service.amazonaws.com"},
        }]
    # The example's own `stack = Stack()` is a second, empty stack in an app of its own.
    assert ran["stack"].node.scope is not stack.node.scope


CLASSIC_FLOW = seed.example(
    "allowing the classic flow",
    """
IdentityPool(self, "myidentitypool",
    identity_pool_name="myidentitypool",
    allow_classic_flow=True
)
""",
)


@seed.runs(CLASSIC_FLOW)
def test_classic_flow_is_rendered_when_allowed():
    template = seed.run(CLASSIC_FLOW).template()

    template.has_resource_properties("AWS::Cognito::IdentityPool", {
        "IdentityPoolName": "myidentitypool",
        "AllowClassicFlow": True,
        "AllowUnauthenticatedIdentities": False,
    })


IMPORTING = seed.example(
    "importing identity pools",
    """
IdentityPool.from_identity_pool_id(self, "my-imported-identity-pool", "us-east-1:dj2823ryiwuhef937")
IdentityPool.from_identity_pool_arn(self, "my-imported-identity-pool", "arn:aws:cognito-identity:us-east-1:123456789012:identitypool/us-east-1:dj2823ryiwuhef937")
""",
)


# The seed's pool id "us-east-1:dj2823ryiwuhef937" is one Cognito can never issue: its IdentityPoolId
# pattern is [\w-]+:[0-9a-f-]+ (the id part a GUID, in lowercase hexadecimal), so an import of it
# points at no pool. Nothing is created from the id at synth time, so the example runs as written,
# and the import carries the acknowledgeable warning cdk-identity-pool:poolIdNotHex saying why.
NOT_HEX_WARNING = (
    'The identity pool id "us-east-1:dj2823ryiwuhef937" is not lowercase hexadecimal after its region, as every identity '
    "pool id is (Cognito's IdentityPoolId pattern [\\w-]+:[0-9a-f-]+), so it names no real pool and every call on this "
    "import fails at run time; copy the id from the Cognito console or `aws cognito-identity list-identity-pools` "
    "[ack: cdk-identity-pool:poolIdNotHex]"
)


@seed.runs(IMPORTING)
def test_importing_the_seed_pool_id_works_with_a_warning_naming_cognitos_pattern():
    by_id = seed.run(IMPORTING, lines=slice(0, 1))
    Annotations.from_stack(by_id.stack).has_warning(f"/{by_id.stack.node.path}/my-imported-identity-pool", NOT_HEX_WARNING)
    by_arn = seed.run(IMPORTING, lines=slice(1, 2))
    Annotations.from_stack(by_arn.stack).has_warning(f"/{by_arn.stack.node.path}/my-imported-identity-pool", NOT_HEX_WARNING)
    assert imported_pool(by_arn.stack).identity_pool_id == "us-east-1:dj2823ryiwuhef937"


@seed.runs(IMPORTING)
def test_the_warning_is_acknowledged_on_the_stack_before_the_import():
    stack = seed.new_stack()
    aws_cdk.Annotations.of(stack).acknowledge_warning("cdk-identity-pool:poolIdNotHex")
    seed.run(IMPORTING, lines=slice(0, 1), stack=stack)
    Annotations.from_stack(stack).has_no_warning("*", Match.string_like_regexp("poolIdNotHex"))


@seed.runs(IMPORTING)
def test_importing_both_ways_in_one_scope_reuses_a_construct_id():
    # Named case SEED_REUSES_CONSTRUCT_ID: the seed's two lines share the id
    # "my-imported-identity-pool", which no scope allows twice, in any library.
    with pytest.raises(RuntimeError, match="There is already a Construct with name 'my-imported-identity-pool'"):
        seed.run(IMPORTING)


def imported_pool(stack):
    """The pool the example imported; find_child is typed as returning any construct."""
    return typing.cast(cdk_identity_pool.IIdentityPool, stack.node.find_child("my-imported-identity-pool"))


@seed.runs(IMPORTING)
def test_import_by_id_takes_the_region_from_the_id():
    ran = seed.run(IMPORTING, lines=slice(0, 1))
    stack = ran.stack
    imported = imported_pool(stack)

    assert imported.identity_pool_id == "us-east-1:dj2823ryiwuhef937"
    assert imported.env.region == "us-east-1"
    assert stack.resolve(imported.identity_pool_arn) == {"Fn::Join": ["", [
        "arn:", {"Ref": "AWS::Partition"},
        ":cognito-identity:us-east-1:", {"Ref": "AWS::AccountId"},
        ":identitypool/us-east-1:dj2823ryiwuhef937",
    ]]}
    assert ran.template().to_json().get("Resources", {}) == {}

