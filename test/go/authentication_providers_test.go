package seed_test

// The seed's section "Authentication Providers", in Go.

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscognito"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-identity-pool/cdk-identity-pool-go/cdkidentitypool"
)

func TestUserPoolAsAProviderGetsAClientAndItsProviderName(t *testing.T) {
	stack := newStack()
	userPool := awscognito.NewUserPool(stack, jsii.String("Pool"), nil)
	cdkidentitypool.NewIdentityPool(stack, jsii.String("myidentitypool"), &cdkidentitypool.IdentityPoolProps{
		IdentityPoolName: jsii.String("myidentitypool"),
		AuthenticationProviders: &cdkidentitypool.IdentityPoolAuthenticationProviders{
			UserPools: &[]cdkidentitypool.IUserPoolAuthenticationProvider{
				cdkidentitypool.NewUserPoolAuthenticationProvider(&cdkidentitypool.UserPoolAuthenticationProviderProps{UserPool: userPool}),
			},
		},
	})
	tpl := template(stack)
	tpl.ResourceCountIs(jsii.String("AWS::Cognito::UserPoolClient"), jsii.Number(1))
	tpl.HasResourceProperties(jsii.String("AWS::Cognito::IdentityPool"), map[string]interface{}{
		"CognitoIdentityProviders": []interface{}{map[string]interface{}{
			// The client is made under the user pool, as aws-cdk-lib's module makes it.
			"ClientId":             map[string]interface{}{"Ref": assertions.Match_StringLikeRegexp(jsii.String("^PoolUserPoolAuthenticationProviderClient"))},
			"ProviderName":         map[string]interface{}{"Fn::GetAtt": []interface{}{"PoolD3F588B8", "ProviderName"}},
			"ServerSideTokenCheck": true,
		}},
	})
}

func TestAddingAUserPoolAfterInstantiationReturnsItsClient(t *testing.T) {
	stack := newStack()
	pool := cdkidentitypool.NewIdentityPool(stack, jsii.String("myidentitypool"), nil)
	userPool := awscognito.NewUserPool(stack, jsii.String("Pool"), nil)
	client := pool.AddUserPoolAuthentication(cdkidentitypool.NewUserPoolAuthenticationProvider(
		&cdkidentitypool.UserPoolAuthenticationProviderProps{UserPool: userPool}))
	if client == nil || client.UserPoolClientId() == nil {
		t.Fatal("AddUserPoolAuthentication returned no client")
	}
	template(stack).HasResourceProperties(jsii.String("AWS::Cognito::IdentityPool"), map[string]interface{}{
		"CognitoIdentityProviders": assertions.Match_ArrayWith(&[]interface{}{assertions.Match_ObjectLike(&map[string]interface{}{"ServerSideTokenCheck": true})}),
	})
}

func TestDisablingTheServerSideTokenCheck(t *testing.T) {
	stack := newStack()
	pool := cdkidentitypool.NewIdentityPool(stack, jsii.String("myidentitypool"), nil)
	userPool := awscognito.NewUserPool(stack, jsii.String("Pool"), nil)
	pool.AddUserPoolAuthentication(cdkidentitypool.NewUserPoolAuthenticationProvider(&cdkidentitypool.UserPoolAuthenticationProviderProps{
		UserPool:                    userPool,
		DisableServerSideTokenCheck: jsii.Bool(true),
	}))
	template(stack).HasResourceProperties(jsii.String("AWS::Cognito::IdentityPool"), map[string]interface{}{
		"CognitoIdentityProviders": []interface{}{assertions.Match_ObjectLike(&map[string]interface{}{"ServerSideTokenCheck": false})},
	})
}

func TestExternalProvidersAreSupportedLogins(t *testing.T) {
	stack := newStack()
	cdkidentitypool.NewIdentityPool(stack, jsii.String("myidentitypool"), &cdkidentitypool.IdentityPoolProps{
		IdentityPoolName: jsii.String("myidentitypool"),
		AuthenticationProviders: &cdkidentitypool.IdentityPoolAuthenticationProviders{
			Amazon:   &cdkidentitypool.IdentityPoolAmazonLoginProvider{AppId: jsii.String("amzn1.application.12312k3j234j13rjiwuenf")},
			Facebook: &cdkidentitypool.IdentityPoolFacebookLoginProvider{AppId: jsii.String("1234567890123")},
			Google:   &cdkidentitypool.IdentityPoolGoogleLoginProvider{ClientId: jsii.String("12345678012.apps.googleusercontent.com")},
			Apple:    &cdkidentitypool.IdentityPoolAppleLoginProvider{ServicesId: jsii.String("com.myappleapp.auth")},
			Twitter:  &cdkidentitypool.IdentityPoolTwitterLoginProvider{ConsumerKey: jsii.String("my-twitter-id"), ConsumerSecret: jsii.String("my-twitter-secret")},
		},
	})
	template(stack).HasResourceProperties(jsii.String("AWS::Cognito::IdentityPool"), map[string]interface{}{
		"SupportedLoginProviders": assertions.Match_ObjectEquals(&map[string]interface{}{
			"www.amazon.com":      "amzn1.application.12312k3j234j13rjiwuenf",
			"graph.facebook.com":  "1234567890123",
			"accounts.google.com": "12345678012.apps.googleusercontent.com",
			"appleid.apple.com":   "com.myappleapp.auth",
			"api.twitter.com":     "my-twitter-id;my-twitter-secret",
		}),
	})
}

func TestOpenIdConnectAndSamlProvidersAreListedByArn(t *testing.T) {
	stack := newStack()
	oidc := awsiam.NewOpenIdConnectProvider(stack, jsii.String("OpenId"), &awsiam.OpenIdConnectProviderProps{
		Url: jsii.String("https://example.com"), ClientIds: jsii.Strings("client1"),
	})
	saml := awsiam.NewSamlProvider(stack, jsii.String("Saml"), &awsiam.SamlProviderProps{
		MetadataDocument: awsiam.SamlMetadataDocument_FromXml(jsii.String("<EntityDescriptor/>")),
	})
	cdkidentitypool.NewIdentityPool(stack, jsii.String("myidentitypool"), &cdkidentitypool.IdentityPoolProps{
		IdentityPoolName: jsii.String("myidentitypool"),
		AuthenticationProviders: &cdkidentitypool.IdentityPoolAuthenticationProviders{
			OpenIdConnectProviders: &[]awsiam.IOpenIdConnectProvider{oidc},
			SamlProviders:          &[]awsiam.ISamlProvider{saml},
		},
	})
	template(stack).HasResourceProperties(jsii.String("AWS::Cognito::IdentityPool"), map[string]interface{}{
		"OpenIdConnectProviderARNs": []interface{}{map[string]interface{}{"Ref": assertions.Match_StringLikeRegexp(jsii.String("^OpenId"))}},
		"SamlProviderARNs":          []interface{}{map[string]interface{}{"Ref": assertions.Match_StringLikeRegexp(jsii.String("^Saml"))}},
	})
}

func TestCustomDeveloperProviderAndItsGrant(t *testing.T) {
	stack := newStack()
	oidc := awsiam.NewOpenIdConnectProvider(stack, jsii.String("OpenId"), &awsiam.OpenIdConnectProviderProps{
		Url: jsii.String("https://example.com"), ClientIds: jsii.Strings("client1"),
	})
	pool := cdkidentitypool.NewIdentityPool(stack, jsii.String("myidentitypool"), &cdkidentitypool.IdentityPoolProps{
		IdentityPoolName: jsii.String("myidentitypool"),
		AuthenticationProviders: &cdkidentitypool.IdentityPoolAuthenticationProviders{
			Google:                 &cdkidentitypool.IdentityPoolGoogleLoginProvider{ClientId: jsii.String("12345678012.apps.googleusercontent.com")},
			OpenIdConnectProviders: &[]awsiam.IOpenIdConnectProvider{oidc},
			CustomProvider:         jsii.String("my-custom-provider.example.com"),
		},
	})
	backend := awsiam.NewRole(stack, jsii.String("Backend"), &awsiam.RoleProps{AssumedBy: awsiam.NewServicePrincipal(jsii.String("lambda.amazonaws.com"), nil)})
	pool.GrantOpenIdTokenForDeveloperIdentity(backend)
	tpl := template(stack)
	tpl.HasResourceProperties(jsii.String("AWS::Cognito::IdentityPool"), map[string]interface{}{
		"DeveloperProviderName":   "my-custom-provider.example.com",
		"SupportedLoginProviders": map[string]interface{}{"accounts.google.com": "12345678012.apps.googleusercontent.com"},
	})
	tpl.HasResourceProperties(jsii.String("AWS::IAM::Policy"), map[string]interface{}{
		"PolicyDocument": map[string]interface{}{"Statement": assertions.Match_ArrayWith(&[]interface{}{
			assertions.Match_ObjectLike(&map[string]interface{}{"Action": "cognito-identity:GetOpenIdTokenForDeveloperIdentity"}),
		})},
	})
}

func TestAnInvalidDeveloperProviderNameFailsNamingTheRule(t *testing.T) {
	stack := newStack()
	expectPanic(t, func() {
		cdkidentitypool.NewIdentityPool(stack, jsii.String("Pool"), &cdkidentitypool.IdentityPoolProps{
			AuthenticationProviders: &cdkidentitypool.IdentityPoolAuthenticationProviders{CustomProvider: jsii.String("bad name!")},
		})
	}, "SeedStack/Pool", `"bad name!"`)
}
