package seed_test

// The seed's sections "Identity Pools", "Authentication Flow" and "Importing Identity Pools", as a
// Go user writes them with this package in place of awscognitoidentitypool.

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscognito"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-identity-pool/cdk-identity-pool-go/cdkidentitypool"
)

func TestModuleImportNamesTheSeedsClasses(t *testing.T) {
	stack := newStack()
	userPool := awscognito.NewUserPool(stack, jsii.String("Pool"), nil)
	provider := cdkidentitypool.NewUserPoolAuthenticationProvider(&cdkidentitypool.UserPoolAuthenticationProviderProps{UserPool: userPool})
	pool := cdkidentitypool.NewIdentityPool(stack, jsii.String("myIdentityPool"), nil)
	if !*cdkidentitypool.IdentityPool_IsIdentityPool(pool) {
		t.Fatal("NewIdentityPool did not make an IdentityPool")
	}
	if *cdkidentitypool.IdentityPool_IsIdentityPool(userPool) {
		t.Fatal("a user pool passed for an identity pool")
	}
	pool.AddUserPoolAuthentication(provider)
	template(stack).ResourceCountIs(jsii.String("AWS::Cognito::UserPoolClient"), jsii.Number(1))
}

func TestBasicPoolHasDefaultRolesAndOneAttachment(t *testing.T) {
	stack := newStack()
	cdkidentitypool.NewIdentityPool(stack, jsii.String("myIdentityPool"), nil)
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
	})
	// The logical ids of aws-cdk-lib's module for the same construct ids.
	for _, id := range []string{"myIdentityPool20FFFFF9", "myIdentityPoolAuthenticatedRole6642915E",
		"myIdentityPoolUnauthenticatedRole71F5A1F9", "myIdentityPoolDefaultRoleAttachmentACA08CAC"} {
		if _, ok := (*tpl.ToJSON())["Resources"].(map[string]interface{})[id]; !ok {
			t.Errorf("no resource %s", id)
		}
	}
	tpl.HasResourceProperties(jsii.String("AWS::Cognito::IdentityPoolRoleAttachment"), map[string]interface{}{
		"IdentityPoolId": map[string]interface{}{"Ref": "myIdentityPool20FFFFF9"},
		"Roles": assertions.Match_ObjectEquals(&map[string]interface{}{
			"authenticated":   map[string]interface{}{"Fn::GetAtt": []interface{}{"myIdentityPoolAuthenticatedRole6642915E", "Arn"}},
			"unauthenticated": map[string]interface{}{"Fn::GetAtt": []interface{}{"myIdentityPoolUnauthenticatedRole71F5A1F9", "Arn"}},
		}),
		"RoleMappings": assertions.Match_Absent(),
	})
}

func TestDefaultRolesTrustOnlyThisPoolAndTheirAmr(t *testing.T) {
	stack := newStack()
	cdkidentitypool.NewIdentityPool(stack, jsii.String("myIdentityPool"), nil)
	for _, amr := range []string{"authenticated", "unauthenticated"} {
		template(stack).HasResourceProperties(jsii.String("AWS::IAM::Role"), map[string]interface{}{
			"AssumeRolePolicyDocument": assertions.Match_ObjectLike(&map[string]interface{}{
				"Statement": []interface{}{assertions.Match_ObjectLike(&map[string]interface{}{
					"Action":    "sts:AssumeRoleWithWebIdentity",
					"Principal": map[string]interface{}{"Federated": "cognito-identity.amazonaws.com"},
					"Condition": map[string]interface{}{
						"StringEquals":           map[string]interface{}{"cognito-identity.amazonaws.com:aud": map[string]interface{}{"Ref": "myIdentityPool20FFFFF9"}},
						"ForAnyValue:StringLike": map[string]interface{}{"cognito-identity.amazonaws.com:amr": amr},
					},
				})},
			}),
		})
	}
}

func TestGrantingPermissionsToTheDefaultRoles(t *testing.T) {
	stack := newStack()
	table := awsdynamodb.NewTable(stack, jsii.String("Table"), &awsdynamodb.TableProps{
		PartitionKey: &awsdynamodb.Attribute{Name: jsii.String("id"), Type: awsdynamodb.AttributeType_STRING},
	})
	pool := cdkidentitypool.NewIdentityPool(stack, jsii.String("myIdentityPool"), nil)
	table.GrantReadWriteData(pool.AuthenticatedRole())
	table.GrantReadData(pool.UnauthenticatedRole())
	pool.AuthenticatedRole().AddToPrincipalPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Effect:    awsiam.Effect_ALLOW,
		Actions:   jsii.Strings("dynamodb:*"),
		Resources: jsii.Strings("*"),
	}))
	tpl := template(stack)
	tpl.HasResourceProperties(jsii.String("AWS::IAM::Policy"), map[string]interface{}{
		"Roles": []interface{}{map[string]interface{}{"Ref": "myIdentityPoolAuthenticatedRole6642915E"}},
		"PolicyDocument": map[string]interface{}{"Statement": assertions.Match_ArrayWith(&[]interface{}{
			assertions.Match_ObjectLike(&map[string]interface{}{"Action": "dynamodb:*", "Resource": "*", "Effect": "Allow"}),
		})},
	})
	tpl.HasResourceProperties(jsii.String("AWS::IAM::Policy"), map[string]interface{}{
		"Roles": []interface{}{map[string]interface{}{"Ref": "myIdentityPoolUnauthenticatedRole71F5A1F9"}},
		"PolicyDocument": map[string]interface{}{"Statement": assertions.Match_ArrayWith(&[]interface{}{
			assertions.Match_ObjectLike(&map[string]interface{}{"Action": assertions.Match_ArrayWith(&[]interface{}{"dynamodb:GetItem"})}),
		})},
	})
}

func TestSupplyingDefaultRoles(t *testing.T) {
	stack := newStack()
	cdkidentitypool.NewIdentityPool(stack, jsii.String("TestIdentityPoolActions"), &cdkidentitypool.IdentityPoolProps{
		AuthenticatedRole:   awsiam.Role_FromRoleArn(stack, jsii.String("authRole"), jsii.String("arn:aws:iam::123456789012:role/authRole"), nil),
		UnauthenticatedRole: awsiam.Role_FromRoleArn(stack, jsii.String("unauthRole"), jsii.String("arn:aws:iam::123456789012:role/unauthRole"), nil),
	})
	tpl := template(stack)
	tpl.ResourceCountIs(jsii.String("AWS::IAM::Role"), jsii.Number(0))
	tpl.HasResourceProperties(jsii.String("AWS::Cognito::IdentityPoolRoleAttachment"), map[string]interface{}{
		"Roles": assertions.Match_ObjectEquals(&map[string]interface{}{
			"authenticated":   "arn:aws:iam::123456789012:role/authRole",
			"unauthenticated": "arn:aws:iam::123456789012:role/unauthRole",
		}),
	})
}

func TestClassicFlowAndGuestsAreConfiguredAndWarned(t *testing.T) {
	stack := newStack()
	cdkidentitypool.NewIdentityPool(stack, jsii.String("myidentitypool"), &cdkidentitypool.IdentityPoolProps{
		IdentityPoolName:               jsii.String("myidentitypool"),
		AllowUnauthenticatedIdentities: jsii.Bool(true),
		AllowClassicFlow:               jsii.Bool(true),
	})
	template(stack).HasResourceProperties(jsii.String("AWS::Cognito::IdentityPool"), map[string]interface{}{
		"IdentityPoolName":               "myidentitypool",
		"AllowUnauthenticatedIdentities": true,
		"AllowClassicFlow":               true,
	})
	warnings := assertions.Annotations_FromStack(stack)
	warnings.HasWarning(jsii.String("/SeedStack/myidentitypool"), assertions.Match_StringLikeRegexp(jsii.String(`\[ack: cdk-identity-pool:guestAccess\]`)))
	warnings.HasWarning(jsii.String("/SeedStack/myidentitypool"), assertions.Match_StringLikeRegexp(jsii.String(`\[ack: cdk-identity-pool:classicFlow\]`)))
}

func TestImportingTheSeedsPoolIdWarnsThatItIsNotHexadecimal(t *testing.T) {
	stack := newStack()
	byID := cdkidentitypool.IdentityPool_FromIdentityPoolId(stack, jsii.String("my-imported-identity-pool"), jsii.String("us-east-1:dj2823ryiwuhef937"))
	byArn := cdkidentitypool.IdentityPool_FromIdentityPoolArn(stack, jsii.String("my-imported-identity-pool-by-arn"),
		jsii.String("arn:aws:cognito-identity:us-east-1:123456789012:identitypool/us-east-1:dj2823ryiwuhef937"))
	if *byID.IdentityPoolId() != "us-east-1:dj2823ryiwuhef937" || *byArn.IdentityPoolId() != "us-east-1:dj2823ryiwuhef937" {
		t.Fatalf("ids: %s, %s", *byID.IdentityPoolId(), *byArn.IdentityPoolId())
	}
	if !strings.HasSuffix(*byID.IdentityPoolArn(), ":cognito-identity:us-east-1:123456789012:identitypool/us-east-1:dj2823ryiwuhef937") {
		t.Fatalf("arn: %s", *byID.IdentityPoolArn())
	}
	warnings := assertions.Annotations_FromStack(stack)
	for _, path := range []string{"/SeedStack/my-imported-identity-pool", "/SeedStack/my-imported-identity-pool-by-arn"} {
		warnings.HasWarning(jsii.String(path), assertions.Match_StringLikeRegexp(jsii.String(
			`us-east-1:dj2823ryiwuhef937" is not lowercase hexadecimal after its region.*\[ack: cdk-identity-pool:poolIdNotHex\]`)))
	}
	warnings.HasNoError(jsii.String("*"), assertions.Match_AnyValue())
}

func TestImportingAnIdWithoutRegionFailsNamingTheRule(t *testing.T) {
	stack := newStack()
	expectPanic(t, func() {
		cdkidentitypool.IdentityPool_FromIdentityPoolId(stack, jsii.String("Bad"), jsii.String("bad"))
		// The message names the property as a Go user spells it.
	}, "SeedStack: IdentityPoolId must have the form <region>:<id>", `(received: "bad")`)
}
