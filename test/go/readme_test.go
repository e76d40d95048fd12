package seed_test

// The README's main usage ("Photos: each identity's own S3 folder"), in Go.

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-identity-pool/cdk-identity-pool-go/cdkidentitypool"
)

func TestReadmeEachIdentityReachesOnlyItsOwnFolder(t *testing.T) {
	stack := newStack()
	photos := awss3.NewBucket(stack, jsii.String("Photos"), &awss3.BucketProps{
		BlockPublicAccess: awss3.BlockPublicAccess_BLOCK_ALL(),
		EnforceSSL:        jsii.Bool(true),
		Encryption:        awss3.BucketEncryption_KMS,
	})
	pool := cdkidentitypool.NewIdentityPool(stack, jsii.String("Pool"), nil)
	pool.GrantReadWriteOwnObjects(photos, &cdkidentitypool.OwnObjectsOptions{Prefix: jsii.String("private/")})
	pool.GrantReadSharedObjects(photos, &cdkidentitypool.SharedObjectsOptions{Prefix: jsii.String("public/")})

	tpl := template(stack)
	own := assertions.Match_ObjectLike(&map[string]interface{}{
		"Action": []interface{}{"s3:GetObject", "s3:PutObject", "s3:DeleteObject"},
		"Resource": map[string]interface{}{"Fn::Join": []interface{}{"", []interface{}{
			map[string]interface{}{"Fn::GetAtt": []interface{}{assertions.Match_StringLikeRegexp(jsii.String("^Photos")), "Arn"}},
			"/private/${cognito-identity.amazonaws.com:sub}/*",
		}}},
	})
	listOwn := assertions.Match_ObjectLike(&map[string]interface{}{
		"Action":    "s3:ListBucket",
		"Condition": map[string]interface{}{"StringLike": map[string]interface{}{"s3:prefix": assertions.Match_ArrayWith(&[]interface{}{"private/${cognito-identity.amazonaws.com:sub}/*"})}},
	})
	tpl.HasResourceProperties(jsii.String("AWS::IAM::Policy"), map[string]interface{}{
		"Roles":          []interface{}{map[string]interface{}{"Ref": assertions.Match_StringLikeRegexp(jsii.String("^PoolAuthenticatedRole"))}},
		"PolicyDocument": map[string]interface{}{"Statement": assertions.Match_ArrayWith(&[]interface{}{own, listOwn})},
	})
	// Guests get none of it.
	for _, policy := range resourcesOf(tpl, "AWS::IAM::Policy") {
		for _, role := range policy["Roles"].([]interface{}) {
			if ref, _ := role.(map[string]interface{})["Ref"].(string); strings.HasPrefix(ref, "PoolUnauthenticatedRole") {
				t.Fatalf("a policy reaches the guest role: %v", policy)
			}
		}
	}
}
