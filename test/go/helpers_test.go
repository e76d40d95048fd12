package seed_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/jsii-runtime-go"
)

// newStack is the stack a seed example's `self` stands for.
func newStack() awscdk.Stack {
	app := awscdk.NewApp(nil)
	return awscdk.NewStack(app, jsii.String("SeedStack"), &awscdk.StackProps{
		Env: &awscdk.Environment{Account: jsii.String("123456789012"), Region: jsii.String("us-east-1")},
	})
}

func template(stack awscdk.Stack) assertions.Template {
	return assertions.Template_FromStack(stack, nil)
}

// panicOf runs f and returns the message it panicked with ("" when it returned).
func panicOf(f func()) (message string) {
	defer func() {
		if r := recover(); r != nil {
			message = fmt.Sprint(r)
		}
	}()
	f()
	return ""
}

func expectPanic(t *testing.T, f func(), parts ...string) {
	t.Helper()
	message := panicOf(f)
	if message == "" {
		t.Fatalf("expected an error containing %q, got none", parts)
	}
	for _, part := range parts {
		if !strings.Contains(message, part) {
			t.Fatalf("error %q does not contain %q", message, part)
		}
	}
}

// resourcesOf returns the properties of every resource of a type in the template.
func resourcesOf(tpl assertions.Template, resourceType string) []map[string]interface{} {
	found := tpl.FindResources(jsii.String(resourceType), nil)
	var out []map[string]interface{}
	for _, resource := range *found {
		properties, _ := (*resource)["Properties"].(map[string]interface{})
		out = append(out, properties)
	}
	return out
}

// roleMappings returns the one role attachment's RoleMappings.
func roleMappings(t *testing.T, tpl assertions.Template) map[string]interface{} {
	t.Helper()
	attachments := resourcesOf(tpl, "AWS::Cognito::IdentityPoolRoleAttachment")
	if len(attachments) != 1 {
		t.Fatalf("want one role attachment, got %d", len(attachments))
	}
	mappings, _ := attachments[0]["RoleMappings"].(map[string]interface{})
	return mappings
}
