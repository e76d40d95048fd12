package seed_test

// The seed's sections "Role Mapping" and "Provider Urls", in Go
// (test/python/test_seed_role_mappings.py in Python).
//
// These examples map a provider their pool never configures. Cognito rejects that at deploy time;
// this library rejects it earlier, in one sentence. Each test runs the example as written and
// checks that panic, then runs it with the provider configured (configuredProviders below).

import (
	"fmt"
	"reflect"
	"regexp"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscognito"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-identity-pool/cdk-identity-pool-go/cdkidentitypool"
)

const attachmentPath = "SeedExample/myidentitypool/DefaultRoleAttachment"

// unconfiguredProvider is the library's sentence for a mapping of a provider the pool lacks, with
// Go's names; configured is "none" or the quoted provider names.
func unconfiguredProvider(index int, provider, configured string) string {
	return fmt.Sprintf(`RoleMappings[%d].ProviderUrl must name an identity provider the pool is configured with (configured: %s), `+
		`or Cognito rejects it as "not a configured provider"; add the provider to AuthenticationProviders (received: %q)`,
		index, configured, provider)
}

// expectUnconfiguredProviderPanic runs an example as written: adding the mapping panics with the
// construct path and the sentence, and nothing else.
func expectUnconfiguredProviderPanic(t *testing.T, example func(), index int, provider string) {
	t.Helper()
	want := attachmentPath + ": " + unconfiguredProvider(index, provider, "none")
	if got := panicOf(example); got != want {
		t.Fatalf("panic:\n got %q\nwant %q", got, want)
	}
}

func tokenMapping(provider string) map[string]interface{} {
	return map[string]interface{}{"Type": "Token", "AmbiguousRoleResolution": "Deny", "IdentityProvider": provider}
}

// socialLogins configures the providers the Amazon and Facebook examples map.
func socialLogins() *cdkidentitypool.IdentityPoolAuthenticationProviders {
	return &cdkidentitypool.IdentityPoolAuthenticationProviders{
		Amazon:   &cdkidentitypool.IdentityPoolAmazonLoginProvider{AppId: jsii.String("amzn1.application.example")},
		Facebook: &cdkidentitypool.IdentityPoolFacebookLoginProvider{AppId: jsii.String("1234567890123")},
	}
}

func TestTokenMappingRendersATokenTypeMapping(t *testing.T) {
	defer failOnPanic(t)
	example := func(self awscdk.Stack, configuredProviders *cdkidentitypool.IdentityPoolAuthenticationProviders) {
		cdkidentitypool.NewIdentityPool(self, jsii.String("myidentitypool"), &cdkidentitypool.IdentityPoolProps{
			IdentityPoolName:        jsii.String("myidentitypool"),
			AuthenticationProviders: configuredProviders,
			RoleMappings: &[]*cdkidentitypool.IdentityPoolRoleMapping{{
				ProviderUrl: cdkidentitypool.IdentityPoolProviderUrl_AMAZON(),
				UseToken:    jsii.Bool(true),
			}},
		})
	}
	expectUnconfiguredProviderPanic(t, func() { example(newStack(), nil) }, 0, "www.amazon.com")

	self := newStack()
	example(self, socialLogins())
	expectEqual(t, "RoleMappings", roleMappings(t, template(self)), map[string]interface{}{"www.amazon.com": tokenMapping("www.amazon.com")})
	expectNoErrors(self)
}

func TestRuleMappingRendersTheRulesInOrder(t *testing.T) {
	defer failOnPanic(t)
	example := func(self awscdk.Stack, configuredProviders *cdkidentitypool.IdentityPoolAuthenticationProviders) (adminRole, nonAdminRole awsiam.Role) {
		// The seed's `admin_role: iam.Role` and `non_admin_role: iam.Role`.
		adminRole = awsiam.NewRole(self, jsii.String("AdminRole"), &awsiam.RoleProps{AssumedBy: awsiam.NewAccountRootPrincipal()})
		nonAdminRole = awsiam.NewRole(self, jsii.String("NonAdminRole"), &awsiam.RoleProps{AssumedBy: awsiam.NewAccountRootPrincipal()})

		cdkidentitypool.NewIdentityPool(self, jsii.String("myidentitypool"), &cdkidentitypool.IdentityPoolProps{
			IdentityPoolName:        jsii.String("myidentitypool"),
			AuthenticationProviders: configuredProviders,
			// Assign specific roles to users based on whether or not the custom admin claim is passed from the identity provider
			RoleMappings: &[]*cdkidentitypool.IdentityPoolRoleMapping{{
				ProviderUrl: cdkidentitypool.IdentityPoolProviderUrl_AMAZON(),
				Rules: &[]*cdkidentitypool.RoleMappingRule{
					{
						Claim:      jsii.String("custom:admin"),
						ClaimValue: jsii.String("admin"),
						MappedRole: adminRole,
					},
					{
						Claim:      jsii.String("custom:admin"),
						ClaimValue: jsii.String("admin"),
						MatchType:  cdkidentitypool.RoleMappingMatchType_NOTEQUAL,
						MappedRole: nonAdminRole,
					},
				},
			}},
		})
		return adminRole, nonAdminRole
	}
	expectUnconfiguredProviderPanic(t, func() { example(newStack(), nil) }, 0, "www.amazon.com")

	self := newStack()
	adminRole, nonAdminRole := example(self, socialLogins())
	expectEqual(t, "RoleMappings", roleMappings(t, template(self)), map[string]interface{}{
		"www.amazon.com": map[string]interface{}{
			"Type":                    "Rules",
			"AmbiguousRoleResolution": "Deny",
			"IdentityProvider":        "www.amazon.com",
			"RulesConfiguration": map[string]interface{}{"Rules": []interface{}{
				map[string]interface{}{"Claim": "custom:admin", "Value": "admin", "MatchType": "Equals", "RoleARN": getAtt(t, self, adminRole, "Arn")},
				map[string]interface{}{"Claim": "custom:admin", "Value": "admin", "MatchType": "NotEqual", "RoleARN": getAtt(t, self, nonAdminRole, "Arn")},
			}},
		},
	})
	expectNoErrors(self)
}

func TestAddedRoleMappingsMergeIntoThePoolsOneAttachment(t *testing.T) {
	defer failOnPanic(t)
	self := newStack()
	// The seed's `identity_pool: IdentityPool` and its three `IdentityPoolRoleMapping`s.
	identityPool := cdkidentitypool.NewIdentityPool(self, jsii.String("IdentityPool"), &cdkidentitypool.IdentityPoolProps{
		AuthenticationProviders: &cdkidentitypool.IdentityPoolAuthenticationProviders{
			Amazon:   &cdkidentitypool.IdentityPoolAmazonLoginProvider{AppId: jsii.String("amzn1.application.example")},
			Facebook: &cdkidentitypool.IdentityPoolFacebookLoginProvider{AppId: jsii.String("1234567890123")},
			Google:   &cdkidentitypool.IdentityPoolGoogleLoginProvider{ClientId: jsii.String("1234.apps.googleusercontent.com")},
		},
	})
	myAddedRoleMapping1 := &cdkidentitypool.IdentityPoolRoleMapping{ProviderUrl: cdkidentitypool.IdentityPoolProviderUrl_AMAZON(), UseToken: jsii.Bool(true)}
	myAddedRoleMapping2 := &cdkidentitypool.IdentityPoolRoleMapping{ProviderUrl: cdkidentitypool.IdentityPoolProviderUrl_FACEBOOK(), UseToken: jsii.Bool(true)}
	myAddedRoleMapping3 := &cdkidentitypool.IdentityPoolRoleMapping{
		ProviderUrl: cdkidentitypool.IdentityPoolProviderUrl_GOOGLE(), UseToken: jsii.Bool(true), ResolveAmbiguousRoles: jsii.Bool(true),
	}

	identityPool.AddRoleMappings(myAddedRoleMapping1, myAddedRoleMapping2, myAddedRoleMapping3)

	// The alpha module added a second attachment per call, which Cognito rejects at deploy.
	tpl := template(self)
	tpl.ResourceCountIs(jsii.String("AWS::Cognito::IdentityPoolRoleAttachment"), jsii.Number(1))
	google := tokenMapping("accounts.google.com")
	google["AmbiguousRoleResolution"] = "AuthenticatedRole"
	expectEqual(t, "RoleMappings", roleMappings(t, tpl), map[string]interface{}{
		"www.amazon.com":      tokenMapping("www.amazon.com"),
		"graph.facebook.com":  tokenMapping("graph.facebook.com"),
		"accounts.google.com": google,
	})
	tpl.HasResourceProperties(jsii.String("AWS::Cognito::IdentityPoolRoleAttachment"), map[string]interface{}{
		"Roles": assertions.Match_ObjectEquals(&map[string]interface{}{
			"authenticated":   getAtt(t, self, identityPool.AuthenticatedRole(), "Arn"),
			"unauthenticated": getAtt(t, self, identityPool.UnauthenticatedRole(), "Arn"),
		}),
	})
}

func TestStaticProviderUrlNamesTheProvider(t *testing.T) {
	defer failOnPanic(t)
	example := func(self awscdk.Stack, configuredProviders *cdkidentitypool.IdentityPoolAuthenticationProviders) {
		cdkidentitypool.NewIdentityPool(self, jsii.String("myidentitypool"), &cdkidentitypool.IdentityPoolProps{
			IdentityPoolName:        jsii.String("myidentitypool"),
			AuthenticationProviders: configuredProviders,
			RoleMappings: &[]*cdkidentitypool.IdentityPoolRoleMapping{{
				ProviderUrl: cdkidentitypool.IdentityPoolProviderUrl_FACEBOOK(),
				UseToken:    jsii.Bool(true),
			}},
		})
	}
	expectUnconfiguredProviderPanic(t, func() { example(newStack(), nil) }, 0, "graph.facebook.com")

	self := newStack()
	example(self, socialLogins())
	expectEqual(t, "RoleMappings", roleMappings(t, template(self)), map[string]interface{}{"graph.facebook.com": tokenMapping("graph.facebook.com")})
	expectNoErrors(self)
}

const seedUserPoolURL = "cognito-idp.my-idp-region.amazonaws.com/my-idp-region_abcdefghi:app_client_id"

func TestUserPoolUrlFromAStringIsSpelledUserPoolUrl(t *testing.T) {
	defer failOnPanic(t)
	// The seed's string form, userPool("cognito-idp..."), does not compile in Go: jsii has no
	// overloads, so UserPool takes the user pool and client, and the string goes to UserPoolUrl.
	userPool := reflect.TypeOf(cdkidentitypool.IdentityPoolProviderUrl_UserPool)
	if userPool.NumIn() != 2 || userPool.In(0) != reflect.TypeOf((*awscognito.IUserPool)(nil)).Elem() ||
		userPool.In(1) != reflect.TypeOf((*awscognito.IUserPoolClient)(nil)).Elem() {
		t.Fatalf("IdentityPoolProviderUrl_UserPool is %v", userPool)
	}
	url := cdkidentitypool.IdentityPoolProviderUrl_UserPoolUrl(jsii.String(seedUserPoolURL))
	if *url.Value() != seedUserPoolURL || url.Type() != cdkidentitypool.IdentityPoolProviderType_USER_POOL {
		t.Fatalf("UserPoolUrl gave %s %q", url.Type(), *url.Value())
	}
}

func TestCustomAndUserPoolUrlsKeyTheirMappings(t *testing.T) {
	defer failOnPanic(t)
	example := func(self awscdk.Stack, configuredProviders *cdkidentitypool.IdentityPoolAuthenticationProviders) {
		cdkidentitypool.NewIdentityPool(self, jsii.String("myidentitypool"), &cdkidentitypool.IdentityPoolProps{
			IdentityPoolName:        jsii.String("myidentitypool"),
			AuthenticationProviders: configuredProviders,
			RoleMappings: &[]*cdkidentitypool.IdentityPoolRoleMapping{
				{
					ProviderUrl: cdkidentitypool.IdentityPoolProviderUrl_UserPoolUrl(jsii.String(seedUserPoolURL)),
					UseToken:    jsii.Bool(true),
				},
				{
					ProviderUrl: cdkidentitypool.IdentityPoolProviderUrl_Custom(jsii.String("my-custom-provider.com")),
					UseToken:    jsii.Bool(true),
				},
			},
		})
	}

	t.Run("AsWrittenTheCustomProviderPanicsWhenMapped", func(t *testing.T) {
		defer failOnPanic(t)
		// Nothing can configure a developer provider later, so it fails at once.
		expectUnconfiguredProviderPanic(t, func() { example(newStack(), nil) }, 1, "my-custom-provider.com")
	})

	t.Run("AUserPoolThePoolLacksFailsAtSynthesis", func(t *testing.T) {
		defer failOnPanic(t)
		// A user pool can still be added after the mapping, so it is checked at synthesis.
		self := newStack()
		example(self, &cdkidentitypool.IdentityPoolAuthenticationProviders{CustomProvider: jsii.String("my-custom-provider.com")})
		message := panicOf(func() { template(self) })
		want := "[" + attachmentPath + "] " + unconfiguredProvider(0, seedUserPoolURL, `"my-custom-provider.com"`)
		if !regexp.MustCompile(`^ValidationError: Validation failed with the following errors:\n\s+` + regexp.QuoteMeta(want) + `$`).MatchString(message) {
			t.Fatalf("synthesis panic:\n got %q\nwant it to end in %q", message, want)
		}
	})

	t.Run("WithBothProvidersConfigured", func(t *testing.T) {
		defer failOnPanic(t)
		self := newStack()
		userPool := awscognito.UserPool_FromUserPoolArn(self, jsii.String("IdpUserPool"),
			jsii.String("arn:aws:cognito-idp:my-idp-region:123456789012:userpool/my-idp-region_abcdefghi"))
		client := awscognito.UserPoolClient_FromUserPoolClientId(self, jsii.String("IdpClient"), jsii.String("app_client_id"))
		example(self, &cdkidentitypool.IdentityPoolAuthenticationProviders{
			UserPools: &[]cdkidentitypool.IUserPoolAuthenticationProvider{cdkidentitypool.NewUserPoolAuthenticationProvider(
				&cdkidentitypool.UserPoolAuthenticationProviderProps{UserPool: userPool, UserPoolClient: client})},
			CustomProvider: jsii.String("my-custom-provider.com"),
		})

		tpl := template(self)
		expectEqual(t, "RoleMappings", roleMappings(t, tpl), map[string]interface{}{
			seedUserPoolURL:          tokenMapping(seedUserPoolURL),
			"my-custom-provider.com": tokenMapping("my-custom-provider.com"),
		})
		tpl.HasResourceProperties(jsii.String("AWS::Cognito::IdentityPool"), map[string]interface{}{
			"DeveloperProviderName":    "my-custom-provider.com",
			"CognitoIdentityProviders": []interface{}{assertions.Match_ObjectLike(&map[string]interface{}{"ClientId": "app_client_id"})},
		})
		expectNoErrors(self)
	})
}
