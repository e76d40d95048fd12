package seed_test

// The seed's section "Authentication Providers": user pools, social logins, OpenID Connect, SAML
// and a developer provider, in Go (test/python/test_seed_authentication_providers.py in Python).

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscognito"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-identity-pool/cdk-identity-pool-go/cdkidentitypool"
)

// providerClient is the app client made for a user pool provider given no client.
func providerClient(t *testing.T, userPool awscognito.UserPool) constructs.IConstruct {
	t.Helper()
	client := userPool.Node().TryFindChild(jsii.String("UserPoolAuthenticationProviderClient"))
	if client == nil {
		t.Fatalf("%s has no UserPoolAuthenticationProviderClient", *userPool.Node().Path())
	}
	return client
}

// expectClientWithoutOAuth checks the made client: OAuth off and no secret, unlike the
// implicit-flow client with an https://example.com callback that aws-cdk-lib's module makes.
func expectClientWithoutOAuth(t *testing.T, tpl assertions.Template, stack awscdk.Stack, client constructs.IConstruct) {
	t.Helper()
	properties := propertiesOf(tpl, "AWS::Cognito::UserPoolClient")[logicalID(t, stack, client)]
	if properties["AllowedOAuthFlowsUserPoolClient"] != false {
		t.Errorf("AllowedOAuthFlowsUserPoolClient = %v, want false", properties["AllowedOAuthFlowsUserPoolClient"])
	}
	for _, oauthOnly := range []string{"AllowedOAuthFlows", "AllowedOAuthScopes", "CallbackURLs", "LogoutURLs"} {
		if value, ok := properties[oauthOnly]; ok {
			t.Errorf("the client has %s: %v", oauthOnly, value)
		}
	}
	if secret, ok := properties["GenerateSecret"]; ok && secret != false {
		t.Errorf("GenerateSecret = %v", secret)
	}
}

// cognitoProvider is one entry of CognitoIdentityProviders.
func cognitoProvider(t *testing.T, stack awscdk.Stack, userPool awscognito.UserPool, client constructs.IConstruct, tokenCheck bool) map[string]interface{} {
	t.Helper()
	return map[string]interface{}{
		"ProviderName":         getAtt(t, stack, userPool, "ProviderName"),
		"ClientId":             ref(t, stack, client),
		"ServerSideTokenCheck": tokenCheck,
	}
}

func TestUserPoolProviderGetsAClientWithoutOAuthAndATokenCheck(t *testing.T) {
	defer failOnPanic(t)
	self := newStack()

	userPool := awscognito.NewUserPool(self, jsii.String("Pool"), nil)
	cdkidentitypool.NewIdentityPool(self, jsii.String("myidentitypool"), &cdkidentitypool.IdentityPoolProps{
		IdentityPoolName: jsii.String("myidentitypool"),
		AuthenticationProviders: &cdkidentitypool.IdentityPoolAuthenticationProviders{
			UserPools: &[]cdkidentitypool.IUserPoolAuthenticationProvider{
				cdkidentitypool.NewUserPoolAuthenticationProvider(&cdkidentitypool.UserPoolAuthenticationProviderProps{UserPool: userPool}),
			},
		},
	})

	tpl := template(self)
	client := providerClient(t, userPool)
	tpl.ResourceCountIs(jsii.String("AWS::Cognito::UserPoolClient"), jsii.Number(1))
	tpl.HasResourceProperties(jsii.String("AWS::Cognito::IdentityPool"), map[string]interface{}{
		"IdentityPoolName":         "myidentitypool",
		"CognitoIdentityProviders": []interface{}{cognitoProvider(t, self, userPool, client, true)},
	})
	tpl.HasResourceProperties(jsii.String("AWS::Cognito::UserPoolClient"), map[string]interface{}{
		"UserPoolId": ref(t, self, userPool),
	})
	expectClientWithoutOAuth(t, tpl, self, client)
}

func TestAddUserPoolAuthenticationReturnsTheClientItMade(t *testing.T) {
	defer failOnPanic(t)
	self := newStack()
	// The seed's `identity_pool: IdentityPool`.
	identityPool := cdkidentitypool.NewIdentityPool(self, jsii.String("IdentityPool"), nil)

	userPool := awscognito.NewUserPool(self, jsii.String("Pool"), nil)
	userPoolClient := identityPool.AddUserPoolAuthentication(cdkidentitypool.NewUserPoolAuthenticationProvider(&cdkidentitypool.UserPoolAuthenticationProviderProps{
		UserPool: userPool,
	}))

	// aws-cdk-lib's method returns nothing; ours returns the client, typed as the interface.
	if userPoolClient == nil {
		t.Fatal("AddUserPoolAuthentication returned nil")
	}
	if got := *userPoolClient.Node().Path(); got != "SeedExample/Pool/UserPoolAuthenticationProviderClient" {
		t.Errorf("client path %q", got)
	}
	if _, ok := userPoolClient.(awscognito.UserPoolClient); !ok {
		t.Errorf("the client is a %T, not an awscognito.UserPoolClient", userPoolClient)
	}
	expectEqual(t, "UserPoolClientId", self.Resolve(userPoolClient.UserPoolClientId()), ref(t, self, providerClient(t, userPool)))
	tpl := template(self)
	tpl.HasResourceProperties(jsii.String("AWS::Cognito::IdentityPool"), map[string]interface{}{
		"CognitoIdentityProviders": []interface{}{cognitoProvider(t, self, userPool, userPoolClient, true)},
	})
	expectClientWithoutOAuth(t, tpl, self, userPoolClient)
}

func TestServerSideTokenCheckCanBeTurnedOff(t *testing.T) {
	defer failOnPanic(t)
	self := newStack()
	identityPool := cdkidentitypool.NewIdentityPool(self, jsii.String("IdentityPool"), nil)

	userPool := awscognito.NewUserPool(self, jsii.String("Pool"), nil)
	identityPool.AddUserPoolAuthentication(cdkidentitypool.NewUserPoolAuthenticationProvider(&cdkidentitypool.UserPoolAuthenticationProviderProps{
		UserPool:                    userPool,
		DisableServerSideTokenCheck: jsii.Bool(true),
	}))

	template(self).HasResourceProperties(jsii.String("AWS::Cognito::IdentityPool"), map[string]interface{}{
		"CognitoIdentityProviders": []interface{}{cognitoProvider(t, self, userPool, providerClient(t, userPool), false)},
	})
}

func TestSocialLoginsRenderAsSupportedLoginProviders(t *testing.T) {
	defer failOnPanic(t)
	self := newStack()
	cdkidentitypool.NewIdentityPool(self, jsii.String("myidentitypool"), &cdkidentitypool.IdentityPoolProps{
		IdentityPoolName: jsii.String("myidentitypool"),
		AuthenticationProviders: &cdkidentitypool.IdentityPoolAuthenticationProviders{
			Amazon: &cdkidentitypool.IdentityPoolAmazonLoginProvider{
				AppId: jsii.String("amzn1.application.12312k3j234j13rjiwuenf"),
			},
			Facebook: &cdkidentitypool.IdentityPoolFacebookLoginProvider{
				AppId: jsii.String("1234567890123"),
			},
			Google: &cdkidentitypool.IdentityPoolGoogleLoginProvider{
				ClientId: jsii.String("12345678012.apps.googleusercontent.com"),
			},
			Apple: &cdkidentitypool.IdentityPoolAppleLoginProvider{
				ServicesId: jsii.String("com.myappleapp.auth"),
			},
			Twitter: &cdkidentitypool.IdentityPoolTwitterLoginProvider{
				ConsumerKey:    jsii.String("my-twitter-id"),
				ConsumerSecret: jsii.String("my-twitter-secret"),
			},
		},
	})

	template(self).HasResourceProperties(jsii.String("AWS::Cognito::IdentityPool"), map[string]interface{}{
		"IdentityPoolName": "myidentitypool",
		"SupportedLoginProviders": assertions.Match_ObjectEquals(&map[string]interface{}{
			"www.amazon.com":      "amzn1.application.12312k3j234j13rjiwuenf",
			"graph.facebook.com":  "1234567890123",
			"accounts.google.com": "12345678012.apps.googleusercontent.com",
			"appleid.apple.com":   "com.myappleapp.auth",
			"api.twitter.com":     "my-twitter-id;my-twitter-secret",
		}),
		"CognitoIdentityProviders":  assertions.Match_Absent(),
		"OpenIdConnectProviderARNs": assertions.Match_Absent(),
		"DeveloperProviderName":     assertions.Match_Absent(),
	})
}

// The seed's `open_id_connect_provider: iam.OpenIdConnectProvider` and `saml_provider: iam.SamlProvider`.
func newOpenIdConnectProvider(scope constructs.Construct) awsiam.OpenIdConnectProvider {
	return awsiam.NewOpenIdConnectProvider(scope, jsii.String("OpenIdConnectProvider"), &awsiam.OpenIdConnectProviderProps{
		Url: jsii.String("https://oidc.example.com"), ClientIds: jsii.Strings("my-client"),
	})
}

func newSamlProvider(scope constructs.Construct) awsiam.SamlProvider {
	metadata := `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com/saml"/>`
	return awsiam.NewSamlProvider(scope, jsii.String("SamlProvider"), &awsiam.SamlProviderProps{
		MetadataDocument: awsiam.SamlMetadataDocument_FromXml(jsii.String(metadata)),
	})
}

func TestOpenIdConnectAndSamlProvidersRenderTheirArns(t *testing.T) {
	defer failOnPanic(t)
	self := newStack()
	openIdConnectProvider := newOpenIdConnectProvider(self)
	samlProvider := newSamlProvider(self)

	cdkidentitypool.NewIdentityPool(self, jsii.String("myidentitypool"), &cdkidentitypool.IdentityPoolProps{
		IdentityPoolName: jsii.String("myidentitypool"),
		AuthenticationProviders: &cdkidentitypool.IdentityPoolAuthenticationProviders{
			OpenIdConnectProviders: &[]awsiam.IOpenIdConnectProvider{openIdConnectProvider},
			SamlProviders:          &[]awsiam.ISamlProvider{samlProvider},
		},
	})

	template(self).HasResourceProperties(jsii.String("AWS::Cognito::IdentityPool"), map[string]interface{}{
		"IdentityPoolName":          "myidentitypool",
		"OpenIdConnectProviderARNs": []interface{}{self.Resolve(openIdConnectProvider.OpenIdConnectProviderArn())},
		"SamlProviderARNs":          []interface{}{ref(t, self, samlProvider)},
		"SupportedLoginProviders":   assertions.Match_Absent(),
	})
}

func TestCustomProviderRendersAsDeveloperProviderName(t *testing.T) {
	defer failOnPanic(t)
	self := newStack()
	openIdConnectProvider := newOpenIdConnectProvider(self)

	cdkidentitypool.NewIdentityPool(self, jsii.String("myidentitypool"), &cdkidentitypool.IdentityPoolProps{
		IdentityPoolName: jsii.String("myidentitypool"),
		AuthenticationProviders: &cdkidentitypool.IdentityPoolAuthenticationProviders{
			Google: &cdkidentitypool.IdentityPoolGoogleLoginProvider{
				ClientId: jsii.String("12345678012.apps.googleusercontent.com"),
			},
			OpenIdConnectProviders: &[]awsiam.IOpenIdConnectProvider{openIdConnectProvider},
			CustomProvider:         jsii.String("my-custom-provider.example.com"),
		},
	})

	template(self).HasResourceProperties(jsii.String("AWS::Cognito::IdentityPool"), map[string]interface{}{
		"DeveloperProviderName": "my-custom-provider.example.com",
		"SupportedLoginProviders": assertions.Match_ObjectEquals(&map[string]interface{}{
			"accounts.google.com": "12345678012.apps.googleusercontent.com",
		}),
		"OpenIdConnectProviderARNs": []interface{}{self.Resolve(openIdConnectProvider.OpenIdConnectProviderArn())},
		"SamlProviderARNs":          assertions.Match_Absent(),
	})
}

func TestAnInvalidCustomProviderNamePanicsNamingTheGoProperty(t *testing.T) {
	defer failOnPanic(t)
	expectPanic(t, func() {
		cdkidentitypool.NewIdentityPool(newStack(), jsii.String("Pool"), &cdkidentitypool.IdentityPoolProps{
			AuthenticationProviders: &cdkidentitypool.IdentityPoolAuthenticationProviders{CustomProvider: jsii.String("bad name!")},
		})
	}, "SeedExample/Pool: AuthenticationProviders.CustomProvider ", `(received: "bad name!")`)
}
