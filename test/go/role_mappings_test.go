package seed_test

// The seed's section "Role Mapping", in Go. Its examples map a provider their pool never
// configures; Cognito rejects that at deploy time, and this library before it: each test checks
// that error for the example as written, then runs it with the provider configured.

import (
	"reflect"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscognito"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-identity-pool/cdk-identity-pool-go/cdkidentitypool"
)

func amazonOnly() *cdkidentitypool.IdentityPoolAuthenticationProviders {
	return &cdkidentitypool.IdentityPoolAuthenticationProviders{
		Amazon: &cdkidentitypool.IdentityPoolAmazonLoginProvider{AppId: jsii.String("amzn1.application.12312k3j234j13rjiwuenf")},
	}
}

func tokenMapping(provider string) map[string]interface{} {
	return map[string]interface{}{"Type": "Token", "AmbiguousRoleResolution": "Deny", "IdentityProvider": provider}
}

func expectMappings(t *testing.T, stack awscdk.Stack, want map[string]interface{}) {
	t.Helper()
	got := roleMappings(t, template(stack))
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("RoleMappings:\n got %#v\nwant %#v", got, want)
	}
}

func TestAMappingForAnUnconfiguredProviderFailsWithOneSentence(t *testing.T) {
	stack := newStack()
	expectPanic(t, func() {
		cdkidentitypool.NewIdentityPool(stack, jsii.String("myidentitypool"), &cdkidentitypool.IdentityPoolProps{
			RoleMappings: &[]*cdkidentitypool.IdentityPoolRoleMapping{{ProviderUrl: cdkidentitypool.IdentityPoolProviderUrl_AMAZON(), UseToken: jsii.Bool(true)}},
		})
	}, "SeedStack/myidentitypool/DefaultRoleAttachment: RoleMappings[0].ProviderUrl must name an identity provider the pool is configured with (configured: none)",
		`(received: "www.amazon.com")`)
}

func TestTokenBasedRoleMapping(t *testing.T) {
	stack := newStack()
	cdkidentitypool.NewIdentityPool(stack, jsii.String("myidentitypool"), &cdkidentitypool.IdentityPoolProps{
		IdentityPoolName:        jsii.String("myidentitypool"),
		AuthenticationProviders: amazonOnly(),
		RoleMappings:            &[]*cdkidentitypool.IdentityPoolRoleMapping{{ProviderUrl: cdkidentitypool.IdentityPoolProviderUrl_AMAZON(), UseToken: jsii.Bool(true)}},
	})
	expectMappings(t, stack, map[string]interface{}{"www.amazon.com": tokenMapping("www.amazon.com")})
}

func TestRuleBasedRoleMappingKeepsTheRulesInOrder(t *testing.T) {
	stack := newStack()
	principal := awsiam.NewAccountRootPrincipal()
	adminRole := awsiam.NewRole(stack, jsii.String("AdminRole"), &awsiam.RoleProps{AssumedBy: principal})
	nonAdminRole := awsiam.NewRole(stack, jsii.String("NonAdminRole"), &awsiam.RoleProps{AssumedBy: principal})
	cdkidentitypool.NewIdentityPool(stack, jsii.String("myidentitypool"), &cdkidentitypool.IdentityPoolProps{
		IdentityPoolName:        jsii.String("myidentitypool"),
		AuthenticationProviders: amazonOnly(),
		RoleMappings: &[]*cdkidentitypool.IdentityPoolRoleMapping{{
			ProviderUrl: cdkidentitypool.IdentityPoolProviderUrl_AMAZON(),
			Rules: &[]*cdkidentitypool.RoleMappingRule{
				{Claim: jsii.String("custom:admin"), ClaimValue: jsii.String("admin"), MappedRole: adminRole},
				{Claim: jsii.String("custom:admin"), ClaimValue: jsii.String("admin"), MatchType: cdkidentitypool.RoleMappingMatchType_NOTEQUAL, MappedRole: nonAdminRole},
			},
		}},
	})
	arn := func(role awsiam.Role) map[string]interface{} {
		logicalID := stack.GetLogicalId(role.Node().DefaultChild().(awscdk.CfnElement))
		return map[string]interface{}{"Fn::GetAtt": []interface{}{*logicalID, "Arn"}}
	}
	expectMappings(t, stack, map[string]interface{}{"www.amazon.com": map[string]interface{}{
		"Type": "Rules", "AmbiguousRoleResolution": "Deny", "IdentityProvider": "www.amazon.com",
		"RulesConfiguration": map[string]interface{}{"Rules": []interface{}{
			map[string]interface{}{"Claim": "custom:admin", "Value": "admin", "MatchType": "Equals", "RoleARN": arn(adminRole)},
			map[string]interface{}{"Claim": "custom:admin", "Value": "admin", "MatchType": "NotEqual", "RoleARN": arn(nonAdminRole)},
		}},
	}})
}

func TestRoleMappingsAddedAfterInstantiationMergeIntoTheOneAttachment(t *testing.T) {
	stack := newStack()
	pool := cdkidentitypool.NewIdentityPool(stack, jsii.String("IdentityPool"), &cdkidentitypool.IdentityPoolProps{
		AuthenticationProviders: &cdkidentitypool.IdentityPoolAuthenticationProviders{
			Amazon:   &cdkidentitypool.IdentityPoolAmazonLoginProvider{AppId: jsii.String("amzn1.application.example")},
			Facebook: &cdkidentitypool.IdentityPoolFacebookLoginProvider{AppId: jsii.String("1234567890123")},
			Google:   &cdkidentitypool.IdentityPoolGoogleLoginProvider{ClientId: jsii.String("1234.apps.googleusercontent.com")},
		},
	})
	pool.AddRoleMappings(
		&cdkidentitypool.IdentityPoolRoleMapping{ProviderUrl: cdkidentitypool.IdentityPoolProviderUrl_AMAZON(), UseToken: jsii.Bool(true)},
		&cdkidentitypool.IdentityPoolRoleMapping{ProviderUrl: cdkidentitypool.IdentityPoolProviderUrl_FACEBOOK(), UseToken: jsii.Bool(true)},
		&cdkidentitypool.IdentityPoolRoleMapping{ProviderUrl: cdkidentitypool.IdentityPoolProviderUrl_GOOGLE(), UseToken: jsii.Bool(true), ResolveAmbiguousRoles: jsii.Bool(true)},
	)
	google := tokenMapping("accounts.google.com")
	google["AmbiguousRoleResolution"] = "AuthenticatedRole"
	expectMappings(t, stack, map[string]interface{}{
		"www.amazon.com":      tokenMapping("www.amazon.com"),
		"graph.facebook.com":  tokenMapping("graph.facebook.com"),
		"accounts.google.com": google,
	})
}

func TestAStaticProviderUrlNamesTheProvider(t *testing.T) {
	stack := newStack()
	cdkidentitypool.NewIdentityPool(stack, jsii.String("myidentitypool"), &cdkidentitypool.IdentityPoolProps{
		IdentityPoolName: jsii.String("myidentitypool"),
		AuthenticationProviders: &cdkidentitypool.IdentityPoolAuthenticationProviders{
			Facebook: &cdkidentitypool.IdentityPoolFacebookLoginProvider{AppId: jsii.String("1234567890123")},
		},
		RoleMappings: &[]*cdkidentitypool.IdentityPoolRoleMapping{{ProviderUrl: cdkidentitypool.IdentityPoolProviderUrl_FACEBOOK(), UseToken: jsii.Bool(true)}},
	})
	expectMappings(t, stack, map[string]interface{}{"graph.facebook.com": tokenMapping("graph.facebook.com")})
}

func TestCustomAndUserPoolClientUrlsKeyTheirMappings(t *testing.T) {
	const userPoolURL = "cognito-idp.my-idp-region.amazonaws.com/my-idp-region_abcdefghi:app_client_id"
	stack := newStack()
	userPool := awscognito.UserPool_FromUserPoolArn(stack, jsii.String("IdpUserPool"),
		jsii.String("arn:aws:cognito-idp:my-idp-region:123456789012:userpool/my-idp-region_abcdefghi"))
	client := awscognito.UserPoolClient_FromUserPoolClientId(stack, jsii.String("IdpClient"), jsii.String("app_client_id"))
	cdkidentitypool.NewIdentityPool(stack, jsii.String("myidentitypool"), &cdkidentitypool.IdentityPoolProps{
		IdentityPoolName: jsii.String("myidentitypool"),
		AuthenticationProviders: &cdkidentitypool.IdentityPoolAuthenticationProviders{
			UserPools: &[]cdkidentitypool.IUserPoolAuthenticationProvider{cdkidentitypool.NewUserPoolAuthenticationProvider(
				&cdkidentitypool.UserPoolAuthenticationProviderProps{UserPool: userPool, UserPoolClient: client})},
			CustomProvider: jsii.String("my-custom-provider.com"),
		},
		RoleMappings: &[]*cdkidentitypool.IdentityPoolRoleMapping{
			// The seed passes the URL as a string to userPool(); as a string it is UserPoolUrl.
			{ProviderUrl: cdkidentitypool.IdentityPoolProviderUrl_UserPoolUrl(jsii.String(userPoolURL)), UseToken: jsii.Bool(true)},
			{ProviderUrl: cdkidentitypool.IdentityPoolProviderUrl_Custom(jsii.String("my-custom-provider.com")), UseToken: jsii.Bool(true)},
		},
	})
	expectMappings(t, stack, map[string]interface{}{
		userPoolURL:              tokenMapping(userPoolURL),
		"my-custom-provider.com": tokenMapping("my-custom-provider.com"),
	})
}

func TestAUserPoolThePoolLacksFailsAtSynthesis(t *testing.T) {
	stack := newStack()
	userPool := awscognito.NewUserPool(stack, jsii.String("Users"), nil)
	client := userPool.AddClient(jsii.String("Web"), nil)
	cdkidentitypool.NewIdentityPool(stack, jsii.String("myidentitypool"), &cdkidentitypool.IdentityPoolProps{
		AuthenticationProviders: &cdkidentitypool.IdentityPoolAuthenticationProviders{CustomProvider: jsii.String("my-custom-provider.com")},
		RoleMappings: &[]*cdkidentitypool.IdentityPoolRoleMapping{
			{ProviderUrl: cdkidentitypool.IdentityPoolProviderUrl_UserPool(userPool, client), UseToken: jsii.Bool(true)},
		},
	})
	expectPanic(t, func() { template(stack) },
		"RoleMappings[0].ProviderUrl must name an identity provider the pool is configured with")
}
