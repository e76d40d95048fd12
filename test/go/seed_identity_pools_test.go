package seed_test

// The seed's sections "Identity Pools", "Authentication Flow" and "Importing Identity Pools", as a
// Go user writes them with cdkidentitypool in place of awscognitoidentitypool
// (test/python/test_seed_identity_pools.py runs the same examples in Python).

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscognito"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscognitoidentitypool"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-identity-pool/cdk-identity-pool-go/cdkidentitypool"
)

func TestModuleImportNamesOurIdentityPoolAndUserPoolAuthenticationProvider(t *testing.T) {
	defer failOnPanic(t)
	// The import is the one edit: the constructors keep aws-cdk-lib's names and shapes.
	var newIdentityPool func(constructs.Construct, *string, *cdkidentitypool.IdentityPoolProps) cdkidentitypool.IdentityPool = cdkidentitypool.NewIdentityPool
	var newProvider func(*cdkidentitypool.UserPoolAuthenticationProviderProps) cdkidentitypool.UserPoolAuthenticationProvider = cdkidentitypool.NewUserPoolAuthenticationProvider

	stack := newStack()
	pool := newIdentityPool(stack, jsii.String("myIdentityPool"), nil)
	var provider cdkidentitypool.IUserPoolAuthenticationProvider = newProvider(
		&cdkidentitypool.UserPoolAuthenticationProviderProps{UserPool: awscognito.NewUserPool(stack, jsii.String("Pool"), nil)})
	libPool := awscognitoidentitypool.NewIdentityPool(stack, jsii.String("AwsCdkLibPool"), nil)

	if !*cdkidentitypool.IdentityPool_IsIdentityPool(pool) {
		t.Fatal("NewIdentityPool made something IsIdentityPool does not recognize")
	}
	if *cdkidentitypool.IdentityPool_IsIdentityPool(libPool) {
		t.Fatal("aws-cdk-lib's identity pool was taken for ours")
	}
	pool.AddUserPoolAuthentication(provider)
	template(stack).ResourceCountIs(jsii.String("AWS::Cognito::UserPoolClient"), jsii.Number(1))
}

func TestBasicPoolHasTwoDefaultRolesAndOneAttachment(t *testing.T) {
	defer failOnPanic(t)
	stack := newStack()
	pool := cdkidentitypool.NewIdentityPool(stack, jsii.String("myIdentityPool"), nil)
	tpl := template(stack)

	tpl.ResourceCountIs(jsii.String("AWS::Cognito::IdentityPool"), jsii.Number(1))
	tpl.ResourceCountIs(jsii.String("AWS::IAM::Role"), jsii.Number(2))
	tpl.ResourceCountIs(jsii.String("AWS::Cognito::IdentityPoolRoleAttachment"), jsii.Number(1))
	tpl.HasResourceProperties(jsii.String("AWS::Cognito::IdentityPool"), map[string]interface{}{
		"AllowUnauthenticatedIdentities": false,
		"AllowClassicFlow":               assertions.Match_Absent(),
		"IdentityPoolName":               assertions.Match_Absent(),
		"SupportedLoginProviders":        assertions.Match_Absent(),
		"CognitoIdentityProviders":       assertions.Match_Absent(),
		"OpenIdConnectProviderARNs":      assertions.Match_Absent(),
		"SamlProviderARNs":               assertions.Match_Absent(),
		"DeveloperProviderName":          assertions.Match_Absent(),
	})
	tpl.HasResourceProperties(jsii.String("AWS::Cognito::IdentityPoolRoleAttachment"), map[string]interface{}{
		"IdentityPoolId": ref(t, stack, pool),
		"Roles": assertions.Match_ObjectEquals(&map[string]interface{}{
			"authenticated":   getAtt(t, stack, pool.AuthenticatedRole(), "Arn"),
			"unauthenticated": getAtt(t, stack, pool.UnauthenticatedRole(), "Arn"),
		}),
		"RoleMappings": assertions.Match_Absent(),
	})
}

func TestBasicPoolKeepsTheLogicalIdsOfAwsCdkLibsPool(t *testing.T) {
	defer failOnPanic(t)
	// Same construct tree as aws-cdk-lib's module, so migrating replaces nothing.
	ours, theirs := newStack(), newStack()
	cdkidentitypool.NewIdentityPool(ours, jsii.String("myIdentityPool"), nil)
	awscognitoidentitypool.NewIdentityPool(theirs, jsii.String("myIdentityPool"), nil)

	typesByID := func(stack awscdk.Stack) map[string]string {
		out := map[string]string{}
		for id, resource := range (*template(stack).ToJSON())["Resources"].(map[string]interface{}) {
			out[id] = resource.(map[string]interface{})["Type"].(string)
		}
		return out
	}
	want := typesByID(theirs)
	if len(want) != 4 {
		t.Fatalf("aws-cdk-lib's pool made %d resources, want 4: %v", len(want), want)
	}
	expectEqual(t, "resources by logical id", typesByID(ours), want)
}

func TestBasicPoolDefaultRolesTrustOnlyThisPoolAndHaveNoPermissions(t *testing.T) {
	defer failOnPanic(t)
	stack := newStack()
	pool := cdkidentitypool.NewIdentityPool(stack, jsii.String("myIdentityPool"), nil)
	roles := propertiesOf(template(stack), "AWS::IAM::Role")

	for role, amr := range map[awsiam.IRole]string{pool.AuthenticatedRole(): "authenticated", pool.UnauthenticatedRole(): "unauthenticated"} {
		properties := roles[logicalID(t, stack, role)]
		statements := properties["AssumeRolePolicyDocument"].(map[string]interface{})["Statement"]
		expectEqual(t, amr+" role trust", statements, []interface{}{map[string]interface{}{
			"Action": "sts:AssumeRoleWithWebIdentity",
			"Condition": map[string]interface{}{
				"StringEquals":           map[string]interface{}{"cognito-identity.amazonaws.com:aud": ref(t, stack, pool)},
				"ForAnyValue:StringLike": map[string]interface{}{"cognito-identity.amazonaws.com:amr": amr},
			},
			"Effect":    "Allow",
			"Principal": map[string]interface{}{"Federated": "cognito-identity.amazonaws.com"},
		}})
		for _, key := range []string{"Policies", "ManagedPolicyArns"} {
			if _, ok := properties[key]; ok {
				t.Errorf("%s role has %s", amr, key)
			}
		}
	}
	template(stack).ResourceCountIs(jsii.String("AWS::IAM::Policy"), jsii.Number(0))
}

func TestBasicPoolIsRetainedByDefault(t *testing.T) {
	defer failOnPanic(t)
	// Unlike aws-cdk-lib's pool, ours is kept when it leaves the stack, as a UserPool is.
	ours, theirs := newStack(), newStack()
	cdkidentitypool.NewIdentityPool(ours, jsii.String("myIdentityPool"), nil)
	awscognitoidentitypool.NewIdentityPool(theirs, jsii.String("myIdentityPool"), nil)

	template(ours).HasResource(jsii.String("AWS::Cognito::IdentityPool"), map[string]interface{}{
		"DeletionPolicy":      "Retain",
		"UpdateReplacePolicy": "Retain",
	})
	template(theirs).HasResource(jsii.String("AWS::Cognito::IdentityPool"), map[string]interface{}{
		"DeletionPolicy": assertions.Match_Absent(),
	})
}

func TestGrantsReachTheDefaultRoles(t *testing.T) {
	defer failOnPanic(t)
	stack := newStack()
	// The seed's `table: dynamodb.Table`.
	table := awsdynamodb.NewTable(stack, jsii.String("Table"), &awsdynamodb.TableProps{
		PartitionKey: &awsdynamodb.Attribute{Name: jsii.String("id"), Type: awsdynamodb.AttributeType_STRING},
	})

	identityPool := cdkidentitypool.NewIdentityPool(stack, jsii.String("myIdentityPool"), nil)
	// Grant permissions to authenticated users
	table.GrantReadWriteData(identityPool.AuthenticatedRole())
	// Grant permissions to unauthenticated guest users
	table.GrantReadData(identityPool.UnauthenticatedRole())
	// Or add policy statements straight to the role
	identityPool.AuthenticatedRole().AddToPrincipalPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Effect:    awsiam.Effect_ALLOW,
		Actions:   jsii.Strings("dynamodb:*"),
		Resources: jsii.Strings("*"),
	}))

	tpl := template(stack)
	tableArn := getAtt(t, stack, table, "Arn")

	authenticated := policyStatementsOf(t, tpl, stack, identityPool.AuthenticatedRole())
	var readWrite []map[string]interface{}
	for _, s := range authenticated {
		statement := s.(map[string]interface{})
		if holds(asList(statement["Resource"]), tableArn) {
			readWrite = append(readWrite, statement)
		}
	}
	if len(readWrite) != 1 {
		t.Fatalf("want one statement on the table for signed-in users, got %d: %v", len(readWrite), authenticated)
	}
	for _, action := range []string{"dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"} {
		if !holds(asList(readWrite[0]["Action"]), action) {
			t.Errorf("signed-in users lack %s: %v", action, readWrite[0]["Action"])
		}
	}
	if !holds(authenticated, map[string]interface{}{"Action": "dynamodb:*", "Effect": "Allow", "Resource": "*"}) {
		t.Errorf("the added statement is missing: %v", authenticated)
	}

	unauthenticated := policyStatementsOf(t, tpl, stack, identityPool.UnauthenticatedRole())
	if len(unauthenticated) != 1 {
		t.Fatalf("want one statement for guests, got %v", unauthenticated)
	}
	guest := unauthenticated[0].(map[string]interface{})
	if !holds(asList(guest["Action"]), "dynamodb:GetItem") {
		t.Errorf("guests cannot read: %v", guest["Action"])
	}
	for _, action := range []string{"dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:*"} {
		if holds(asList(guest["Action"]), action) {
			t.Errorf("guests got %s", action)
		}
	}
	if !holds(asList(guest["Resource"]), tableArn) {
		t.Errorf("the guest statement is not on the table: %v", guest["Resource"])
	}
}

func TestSuppliedDefaultRolesAreUsedAsGivenWithATrustWarning(t *testing.T) {
	defer failOnPanic(t)
	self := newStack()

	// The seed's `stack = Stack()`: a second, empty stack in an app of its own.
	stack := awscdk.NewStack(nil, nil, nil)
	authenticatedRole := awsiam.NewRole(self, jsii.String("authRole"), &awsiam.RoleProps{
		AssumedBy: awsiam.NewServicePrincipal(jsii.String("service.amazonaws.com"), nil),
	})
	unauthenticatedRole := awsiam.NewRole(self, jsii.String("unauthRole"), &awsiam.RoleProps{
		AssumedBy: awsiam.NewServicePrincipal(jsii.String("service.amazonaws.com"), nil),
	})
	identityPool := cdkidentitypool.NewIdentityPool(self, jsii.String("TestIdentityPoolActions"), &cdkidentitypool.IdentityPoolProps{
		AuthenticatedRole:   authenticatedRole,
		UnauthenticatedRole: unauthenticatedRole,
	})

	tpl := template(self)
	expectNoErrors(self)
	tpl.ResourceCountIs(jsii.String("AWS::IAM::Role"), jsii.Number(2))
	tpl.HasResourceProperties(jsii.String("AWS::Cognito::IdentityPoolRoleAttachment"), map[string]interface{}{
		"IdentityPoolId": ref(t, self, identityPool),
		"Roles": assertions.Match_ObjectEquals(&map[string]interface{}{
			"authenticated":   getAtt(t, self, authenticatedRole, "Arn"),
			"unauthenticated": getAtt(t, self, unauthenticatedRole, "Arn"),
		}),
	})
	if identityPool.AuthenticatedRole() != authenticatedRole || identityPool.UnauthenticatedRole() != unauthenticatedRole {
		t.Error("the pool's role getters do not return the supplied roles")
	}
	roles := propertiesOf(tpl, "AWS::IAM::Role")
	for _, role := range []awsiam.Role{authenticatedRole, unauthenticatedRole} {
		document := roles[logicalID(t, self, role)]["AssumeRolePolicyDocument"].(map[string]interface{})
		expectEqual(t, "trust of "+*role.Node().Path(), document["Statement"], []interface{}{map[string]interface{}{
			"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": map[string]interface{}{"Service": "service.amazonaws.com"},
		}})
	}
	// The seed's roles trust a service, so Cognito could never hand them out: each gets a warning.
	warnings := assertions.Annotations_FromStack(self)
	for _, kind := range []string{"authenticated", "unauthenticated"} {
		warnings.HasWarning(jsii.String("/SeedExample/TestIdentityPoolActions/DefaultRoleAttachment"), assertions.Match_StringLikeRegexp(jsii.String(
			`^The role SeedExample/\w+ \(`+kind+` default role\) does not trust this identity pool: .*\[ack: cdk-identity-pool:roleTrust\]$`)))
	}
	if stack.Node().Root() == self.Node().Root() {
		t.Error("the example's own Stack() joined the app of self")
	}
}

func TestClassicFlowIsRenderedWhenAllowedAndWarned(t *testing.T) {
	defer failOnPanic(t)
	stack := newStack()
	cdkidentitypool.NewIdentityPool(stack, jsii.String("myidentitypool"), &cdkidentitypool.IdentityPoolProps{
		IdentityPoolName: jsii.String("myidentitypool"),
		AllowClassicFlow: jsii.Bool(true),
	})

	template(stack).HasResourceProperties(jsii.String("AWS::Cognito::IdentityPool"), map[string]interface{}{
		"IdentityPoolName":               "myidentitypool",
		"AllowClassicFlow":               true,
		"AllowUnauthenticatedIdentities": false,
	})
	// The warning names the property as Go spells it.
	assertions.Annotations_FromStack(stack).HasWarning(jsii.String("/SeedExample/myidentitypool"), assertions.Match_StringLikeRegexp(jsii.String(
		`^The classic \(basic\) flow is on \(AllowClassicFlow\): .*\[ack: cdk-identity-pool:classicFlow\]$`)))
}

// The seed's pool id "us-east-1:dj2823ryiwuhef937" can never be issued (Cognito's ids are
// lowercase hexadecimal after the region), so importing it works but warns.
const notHexWarning = `The identity pool id "us-east-1:dj2823ryiwuhef937" is not lowercase hexadecimal after its region, as every identity ` +
	"pool id is (Cognito's IdentityPoolId pattern [\\w-]+:[0-9a-f-]+), so it names no real pool and every call on this " +
	"import fails at run time; copy the id from the Cognito console or `aws cognito-identity list-identity-pools` " +
	"[ack: cdk-identity-pool:poolIdNotHex]"

const seedPoolArn = "arn:aws:cognito-identity:us-east-1:123456789012:identitypool/us-east-1:dj2823ryiwuhef937"

func TestImportingTheSeedsPoolIdOrArnWarnsThatTheIdIsNotHexadecimal(t *testing.T) {
	defer failOnPanic(t)
	t.Run("FromIdentityPoolId", func(t *testing.T) {
		defer failOnPanic(t)
		self := newStack()
		cdkidentitypool.IdentityPool_FromIdentityPoolId(self, jsii.String("my-imported-identity-pool"), jsii.String("us-east-1:dj2823ryiwuhef937"))
		warnings := assertions.Annotations_FromStack(self)
		warnings.HasWarning(jsii.String("/SeedExample/my-imported-identity-pool"), notHexWarning)
		warnings.HasNoError(jsii.String("*"), assertions.Match_AnyValue())
	})
	t.Run("FromIdentityPoolArn", func(t *testing.T) {
		defer failOnPanic(t)
		self := newStack()
		imported := cdkidentitypool.IdentityPool_FromIdentityPoolArn(self, jsii.String("my-imported-identity-pool"), jsii.String(seedPoolArn))
		warnings := assertions.Annotations_FromStack(self)
		warnings.HasWarning(jsii.String("/SeedExample/my-imported-identity-pool"), notHexWarning)
		warnings.HasNoError(jsii.String("*"), assertions.Match_AnyValue())
		if got := *imported.IdentityPoolId(); got != "us-east-1:dj2823ryiwuhef937" {
			t.Errorf("IdentityPoolId %q", got)
		}
	})
}

func TestThePoolIdWarningCanBeAcknowledgedOnTheStackBeforeTheImport(t *testing.T) {
	defer failOnPanic(t)
	self := newStack()
	awscdk.Annotations_Of(self).AcknowledgeWarning(jsii.String("cdk-identity-pool:poolIdNotHex"), nil)
	cdkidentitypool.IdentityPool_FromIdentityPoolId(self, jsii.String("my-imported-identity-pool"), jsii.String("us-east-1:dj2823ryiwuhef937"))

	assertions.Annotations_FromStack(self).HasNoWarning(jsii.String("*"), assertions.Match_StringLikeRegexp(jsii.String("poolIdNotHex")))
}

func TestImportingBothWaysInOneScopeReusesAConstructId(t *testing.T) {
	defer failOnPanic(t)
	// The seed's two lines share one construct id, which no scope allows twice.
	self := newStack()
	expectPanic(t, func() {
		cdkidentitypool.IdentityPool_FromIdentityPoolId(self, jsii.String("my-imported-identity-pool"), jsii.String("us-east-1:dj2823ryiwuhef937"))
		cdkidentitypool.IdentityPool_FromIdentityPoolArn(self, jsii.String("my-imported-identity-pool"), jsii.String(seedPoolArn))
	}, "There is already a Construct with name 'my-imported-identity-pool' in Stack [SeedExample]")
}

func TestImportByIdTakesTheRegionFromTheIdAndCreatesNothing(t *testing.T) {
	defer failOnPanic(t)
	self := newStack()
	imported := cdkidentitypool.IdentityPool_FromIdentityPoolId(self, jsii.String("my-imported-identity-pool"), jsii.String("us-east-1:dj2823ryiwuhef937"))

	if got := *imported.IdentityPoolId(); got != "us-east-1:dj2823ryiwuhef937" {
		t.Errorf("IdentityPoolId %q", got)
	}
	if got := *imported.Env().Region; got != "us-east-1" {
		t.Errorf("region %q, want the id's us-east-1", got)
	}
	expectEqual(t, "IdentityPoolArn", self.Resolve(imported.IdentityPoolArn()), map[string]interface{}{"Fn::Join": []interface{}{"", []interface{}{
		"arn:", map[string]interface{}{"Ref": "AWS::Partition"},
		":cognito-identity:us-east-1:", map[string]interface{}{"Ref": "AWS::AccountId"},
		":identitypool/us-east-1:dj2823ryiwuhef937",
	}}})
	if resources, ok := (*template(self).ToJSON())["Resources"]; ok {
		t.Errorf("an import created resources: %v", resources)
	}
}

func TestImportingAnIdWithoutARegionPanicsNamingTheGoProperty(t *testing.T) {
	defer failOnPanic(t)
	expectPanic(t, func() {
		cdkidentitypool.IdentityPool_FromIdentityPoolId(newStack(), jsii.String("Bad"), jsii.String("bad"))
	}, "SeedExample: IdentityPoolId must have the form <region>:<id>", `(received: "bad")`)
}
