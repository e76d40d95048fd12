// The Go test program (issue 20): it runs the seed's examples and the README's main usage through
// the Go package, as a Go user writes them.
//
// Which package: `npx projen test:go` builds it from this checkout's src/ against aws-cdk-lib
// 2.230.0 into .tools/go-served (scripts/go-package-served.js says why: a package generated against
// our floor, 2.187.0, cannot compile with the awscdk releases the module proxy serves, and v2.187.0
// itself is refused); the last replace directive points there. The published package
// (dist/go, from `jsii-pacmak --target go`) keeps the floor in its go.mod; published_test.go checks it.
//
// Why the other replace directives: Go reads the go.mod of every version some module requires,
// even one the build will not select, and the proxy reached here refuses two of them: the jsii
// runtime that jsii-pacmak names (v1.140.0) and the awscli asset awscdk v2.230.0 names (v2.2.296).
// Each is replaced by a served release of the same module.
module github.com/cdk-identity-pool/cdk-identity-pool/test/go

go 1.26.0

require (
	github.com/aws/aws-cdk-go/awscdk/v2 v2.230.0
	github.com/aws/constructs-go/constructs/v10 v10.4.2
	github.com/aws/jsii-runtime-go v1.141.0
	github.com/cdk-identity-pool/cdk-identity-pool-go/cdkidentitypool v0.0.0
	golang.org/x/mod v0.41.0
)

require (
	github.com/Masterminds/semver/v3 v3.5.0 // indirect
	github.com/cdklabs/awscdk-asset-awscli-go/awscliv1/v2 v2.2.296 // indirect
	github.com/cdklabs/awscdk-asset-node-proxy-agent-go/nodeproxyagentv6/v2 v2.1.3 // indirect
	github.com/cdklabs/cloud-assembly-schema-go/awscdkcloudassemblyschema/v48 v48.20.0 // indirect
	github.com/fatih/color v1.19.0 // indirect
	github.com/mattn/go-colorable v0.1.14 // indirect
	github.com/mattn/go-isatty v0.0.24 // indirect
	github.com/yuin/goldmark v1.7.16 // indirect
	golang.org/x/lint v0.0.0-20241112194109-818c5a804067 // indirect
	golang.org/x/sync v0.23.0 // indirect
	golang.org/x/sys v0.48.0 // indirect
	golang.org/x/telemetry v0.0.0-20260908163034-4bcc4b2ee518 // indirect
	golang.org/x/tools v0.50.0 // indirect
	golang.org/x/tools/cmd/godoc v0.1.0-deprecated // indirect
	golang.org/x/tools/godoc v0.1.0-deprecated // indirect
)

replace (
	github.com/aws/jsii-runtime-go v1.140.0 => github.com/aws/jsii-runtime-go v1.141.0
	github.com/cdk-identity-pool/cdk-identity-pool-go/cdkidentitypool => ../../.tools/go-served/dist/go/cdkidentitypool
	github.com/cdklabs/awscdk-asset-awscli-go/awscliv1/v2 v2.2.296 => github.com/cdklabs/awscdk-asset-awscli-go/awscliv1/v2 v2.2.242
)
