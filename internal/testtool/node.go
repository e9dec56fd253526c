package testtool

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// NodeModulesEnv names the folder holding the npm packages the interop
// tests drive (ExcelJS, SheetJS). .ci/run installs them there from the
// lock file in internal/testtool/npm/, outside the module; a developer can
// do the same (see .ci/run).
const NodeModulesEnv = "OPKIT_NODE_MODULES"

// Node returns node and the node_modules folder with every package named,
// or ends the test: skipped on a workstation, failed under CI.
func Node(t testing.TB, packages ...string) (node, modules string) {
	t.Helper()
	node = Need(t, "node")
	modules = os.Getenv(NodeModulesEnv)
	missing := modules == ""
	for _, p := range packages {
		if missing {
			break
		}
		if _, err := os.Stat(filepath.Join(modules, p, "package.json")); err != nil {
			missing = true
		}
	}
	if missing {
		if os.Getenv("CI") == "" {
			t.Skipf("npm packages %v not installed in $%s (%q); .ci/run installs them", packages, NodeModulesEnv, modules)
		}
		t.Fatalf("npm packages %v are required under CI in $%s (%q)", packages, NodeModulesEnv, modules)
	}
	return node, modules
}

// RunNode runs a script with node, the modules folder on NODE_PATH, and
// returns its standard output; a failure ends the test with its output.
func RunNode(t testing.TB, node, modules, script string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(node, append([]string{script}, args...)...)
	cmd.Env = append(os.Environ(), "NODE_PATH="+modules)
	var stderr []byte
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); ok {
		stderr = ee.Stderr
	}
	if err != nil {
		t.Fatalf("node %s: %v\n%s", filepath.Base(script), err, stderr)
	}
	return out
}
