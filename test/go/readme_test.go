package seed_test

// The README's main usage, "Photos: each identity's own S3 folder", in Go.

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-identity-pool/cdk-identity-pool-go/cdkidentitypool"
)

func TestReadmePhotosEachIdentityReachesOnlyItsOwnFolderAndTheSharedOne(t *testing.T) {
	defer failOnPanic(t)
	stack := newStack()
	photos := awss3.NewBucket(stack, jsii.String("Photos"), &awss3.BucketProps{
		BlockPublicAccess: awss3.BlockPublicAccess_BLOCK_ALL(),
		EnforceSSL:        jsii.Bool(true),
		Encryption:        awss3.BucketEncryption_KMS,
	})
	identityPool := cdkidentitypool.NewIdentityPool(stack, jsii.String("Pool"), nil)

	// Each identity reads, writes, deletes and lists only private/<its identity id>/...
	own := identityPool.GrantReadWriteOwnObjects(photos, &cdkidentitypool.OwnObjectsOptions{Prefix: jsii.String("private/")})
	// ... and every signed-in user reads the public folder.
	shared := identityPool.GrantReadSharedObjects(photos, &cdkidentitypool.SharedObjectsOptions{Prefix: jsii.String("public/")})

	if !*own.Success() || !*shared.Success() {
		t.Fatal("a grant reports no success")
	}
	bucketArn := getAtt(t, stack, photos, "Arn")
	keyArn := getAtt(t, stack, photos.EncryptionKey(), "Arn")
	under := func(suffix string) map[string]interface{} {
		return map[string]interface{}{"Fn::Join": []interface{}{"", []interface{}{bucketArn, suffix}}}
	}
	listing := func(prefix string) map[string]interface{} {
		return map[string]interface{}{
			"Action": "s3:ListBucket", "Effect": "Allow", "Resource": bucketArn,
			"Condition": map[string]interface{}{"StringLike": map[string]interface{}{"s3:prefix": []interface{}{prefix}}},
		}
	}
	// What the README says this renders, statement for statement.
	expectEqual(t, "signed-in users' statements", policyStatementsOf(t, template(stack), stack, identityPool.AuthenticatedRole()), []interface{}{
		map[string]interface{}{
			"Action": []interface{}{"s3:GetObject", "s3:PutObject", "s3:DeleteObject"}, "Effect": "Allow",
			"Resource": under("/private/${cognito-identity.amazonaws.com:sub}/*"),
		},
		listing("private/${cognito-identity.amazonaws.com:sub}/*"),
		map[string]interface{}{
			"Action":   []interface{}{"kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"},
			"Effect":   "Allow",
			"Resource": keyArn,
		},
		map[string]interface{}{"Action": "s3:GetObject", "Effect": "Allow", "Resource": under("/public/*")},
		listing("public/*"),
		map[string]interface{}{"Action": []interface{}{"kms:Decrypt", "kms:DescribeKey"}, "Effect": "Allow", "Resource": keyArn},
	})

	// Guests get none of it.
	guestRole := ref(t, stack, identityPool.UnauthenticatedRole())
	for id, policy := range propertiesOf(template(stack), "AWS::IAM::Policy") {
		if holds(asList(policy["Roles"]), guestRole) {
			t.Errorf("policy %s reaches the guest role", id)
		}
	}
}
