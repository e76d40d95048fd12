package seed_test

// The published Go package (dist/go, written by `jsii-pacmak --target go --code-only` from the
// build against our floor) keeps the floor in its go.mod: a Go user's awscdk may be newer, never
// older. The tests above run a copy built against a newer awscdk (see go.mod).

import (
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/mod/modfile"
)

type packageJSON struct {
	PeerDependencies map[string]string `json:"peerDependencies"`
	Jsii             struct {
		Targets struct {
			Go struct {
				ModuleName  string `json:"moduleName"`
				PackageName string `json:"packageName"`
			} `json:"go"`
		} `json:"targets"`
	} `json:"jsii"`
}

func readPackageJSON(t *testing.T) packageJSON {
	t.Helper()
	raw, err := os.ReadFile("../../package.json")
	if err != nil {
		t.Fatal(err)
	}
	var pkg packageJSON
	if err := json.Unmarshal(raw, &pkg); err != nil {
		t.Fatal(err)
	}
	return pkg
}

// floorOf reads a caret range such as "^2.187.0" as the Go version "v2.187.0".
func floorOf(t *testing.T, pkg packageJSON, name string) string {
	t.Helper()
	match := regexp.MustCompile(`^\^(\d+\.\d+\.\d+)$`).FindStringSubmatch(pkg.PeerDependencies[name])
	if match == nil {
		t.Fatalf("peerDependencies[%q] = %q, want a caret range like ^1.2.3", name, pkg.PeerDependencies[name])
	}
	return "v" + match[1]
}

func readPublishedGoMod(t *testing.T, pkg packageJSON) *modfile.File {
	t.Helper()
	path := "../../dist/go/" + pkg.Jsii.Targets.Go.PackageName + "/go.mod"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (`npx projen test:go` generates it)", err)
	}
	parsed, err := modfile.Parse(path, data, nil)
	if err != nil {
		t.Fatal(err)
	}
	return parsed
}

func TestPublishedGoModRequiresTheFloorsOfThePeerDependencies(t *testing.T) {
	pkg := readPackageJSON(t)
	required := map[string]string{}
	for _, r := range readPublishedGoMod(t, pkg).Require {
		required[r.Mod.Path] = r.Mod.Version
	}
	for module, peer := range map[string]string{
		"github.com/aws/aws-cdk-go/awscdk/v2":         "aws-cdk-lib",
		"github.com/aws/constructs-go/constructs/v10": "constructs",
	} {
		t.Run(peer, func(t *testing.T) {
			if floor := floorOf(t, pkg, peer); required[module] != floor {
				t.Errorf("%s: requires %q, want the floor %q", module, required[module], floor)
			}
		})
	}
}

func TestPublishedGoModHasTheModulePathOfTheGoTarget(t *testing.T) {
	pkg := readPackageJSON(t)
	goTarget := pkg.Jsii.Targets.Go
	want := goTarget.ModuleName + "/" + goTarget.PackageName
	if want != "github.com/cdk-identity-pool/cdk-identity-pool-go/cdkidentitypool" {
		t.Errorf("jsii.targets.go names %s", want)
	}
	if got := readPublishedGoMod(t, pkg).Module.Mod.Path; got != want {
		t.Errorf("module %s, want %s", got, want)
	}
}

func TestReadmeStatesThePublishedModuleAndItsAwscdkFloor(t *testing.T) {
	pkg := readPackageJSON(t)
	parsed := readPublishedGoMod(t, pkg)
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(raw), "\n")
	goGet := "go get " + parsed.Module.Mod.Path
	if !slices.Contains(lines, goGet) {
		t.Errorf("README.md has no line %q", goGet)
	}
	// The sentence may wrap, so whitespace is compared loosely.
	floor := "its `go.mod` requires awscdk " + floorOf(t, pkg, "aws-cdk-lib") + "."
	if !strings.Contains(strings.Join(strings.Fields(string(raw)), " "), floor) {
		t.Errorf("README.md does not say %q", floor)
	}
}
