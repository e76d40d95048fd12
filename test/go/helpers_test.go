package seed_test

import (
	"fmt"
	"reflect"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// stackPath is the id of the stack each example runs in, as in the Python seed tests.
const stackPath = "SeedExample"

// newStack is the stack an example's `self` stands for: environment-agnostic, in an app of its own.
func newStack() awscdk.Stack {
	return awscdk.NewStack(awscdk.NewApp(nil), jsii.String(stackPath), nil)
}

func template(stack awscdk.Stack) assertions.Template {
	return assertions.Template_FromStack(stack, nil)
}

// logicalID is the logical id of a CloudFormation element, or of a construct's default child.
func logicalID(t *testing.T, stack awscdk.Stack, construct constructs.IConstruct) string {
	t.Helper()
	element, ok := construct.(awscdk.CfnElement)
	if !ok {
		element, ok = construct.Node().DefaultChild().(awscdk.CfnElement)
	}
	if !ok {
		t.Fatalf("%s has no CloudFormation element", *construct.Node().Path())
	}
	return *stack.GetLogicalId(element)
}

func ref(t *testing.T, stack awscdk.Stack, construct constructs.IConstruct) map[string]interface{} {
	t.Helper()
	return map[string]interface{}{"Ref": logicalID(t, stack, construct)}
}

func getAtt(t *testing.T, stack awscdk.Stack, construct constructs.IConstruct, attribute string) map[string]interface{} {
	t.Helper()
	return map[string]interface{}{"Fn::GetAtt": []interface{}{logicalID(t, stack, construct), attribute}}
}

// failOnPanic, deferred first in each test, fails that test when it panics, as aws-cdk-go's
// assertions do on a mismatch; without it the panic would end the whole run, and the tests after it
// would not report.
func failOnPanic(t *testing.T) {
	if r := recover(); r != nil {
		t.Helper()
		t.Errorf("%v\n%s", r, testFrames(debug.Stack()))
	}
}

// testFrames keeps the lines of a stack trace that point into this folder's test files.
func testFrames(stack []byte) string {
	var frames []string
	for _, line := range strings.Split(string(stack), "\n") {
		if strings.Contains(line, "_test.go:") && !strings.Contains(line, "helpers_test.go:") {
			frames = append(frames, strings.TrimSpace(line))
		}
	}
	return "at " + strings.Join(frames, "\n   ")
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

// expectPanic checks that f panics with a message holding every part.
func expectPanic(t *testing.T, f func(), parts ...string) {
	t.Helper()
	message := panicOf(f)
	if message == "" {
		t.Fatalf("expected a panic containing %q, got none", parts)
	}
	for _, part := range parts {
		if !strings.Contains(message, part) {
			t.Fatalf("panic message\n  %s\ndoes not contain\n  %s", message, part)
		}
	}
}

// propertiesOf returns the Properties of every resource of a type, by logical id.
func propertiesOf(tpl assertions.Template, resourceType string) map[string]map[string]interface{} {
	out := map[string]map[string]interface{}{}
	for id, resource := range *tpl.FindResources(jsii.String(resourceType), nil) {
		properties, _ := (*resource)["Properties"].(map[string]interface{})
		out[id] = properties
	}
	return out
}

// roleMappings returns the RoleMappings of the template's one role attachment.
func roleMappings(t *testing.T, tpl assertions.Template) map[string]interface{} {
	t.Helper()
	attachments := propertiesOf(tpl, "AWS::Cognito::IdentityPoolRoleAttachment")
	if len(attachments) != 1 {
		t.Fatalf("want one role attachment, got %d", len(attachments))
	}
	for _, properties := range attachments {
		mappings, _ := properties["RoleMappings"].(map[string]interface{})
		return mappings
	}
	return nil
}

// expectEqual compares template values (maps, slices, strings) exactly.
func expectEqual(t *testing.T, what string, got, want interface{}) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s:\n got %#v\nwant %#v", what, got, want)
	}
}

// policyStatementsOf returns the statements of the one policy attached to role.
func policyStatementsOf(t *testing.T, tpl assertions.Template, stack awscdk.Stack, role awsiam.IRole) []interface{} {
	t.Helper()
	want := []interface{}{ref(t, stack, role)}
	var found [][]interface{}
	for _, policy := range propertiesOf(tpl, "AWS::IAM::Policy") {
		if reflect.DeepEqual(policy["Roles"], want) {
			found = append(found, policy["PolicyDocument"].(map[string]interface{})["Statement"].([]interface{}))
		}
	}
	if len(found) != 1 {
		t.Fatalf("want one policy on %s, got %d", *role.Node().Path(), len(found))
	}
	return found[0]
}

// asList reads an IAM Action or Resource, which is a string or a list.
func asList(value interface{}) []interface{} {
	if list, ok := value.([]interface{}); ok {
		return list
	}
	return []interface{}{value}
}

// holds reports whether list has an item equal to value.
func holds(list []interface{}, value interface{}) bool {
	for _, item := range list {
		if reflect.DeepEqual(item, value) {
			return true
		}
	}
	return false
}

// expectNoErrors checks that synthesis reports no error annotation (warnings are allowed).
func expectNoErrors(stack awscdk.Stack) {
	assertions.Annotations_FromStack(stack).HasNoError(jsii.String("*"), assertions.Match_AnyValue())
}
