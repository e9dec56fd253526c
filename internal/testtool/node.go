package testtool

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// NodeModulesEnv names the folder holding the npm packages the interop
// tests drive (ExcelJS, SheetJS). .ci/run installs them from the lock file
// in internal/testtool/npm/ into a cache folder outside the module and sets
// it; without it the tests look in that same cache folder (NodeModules).
const NodeModulesEnv = "OPKIT_NODE_MODULES"

// NodeModules is where .ci/run installs the npm packages of the lock file:
// $XDG_CACHE_HOME (or ~/.cache) /opkit-npm/ the lock file's hash
// /node_modules, so a changed lock file gets a fresh install.
func NodeModules() string {
	if m := os.Getenv(NodeModulesEnv); m != "" {
		return m
	}
	_, here, _, ok := runtime.Caller(0)
	if !ok {
		return ""
	}
	lock, err := os.ReadFile(filepath.Join(filepath.Dir(here), "npm", "package-lock.json"))
	if err != nil {
		return ""
	}
	cache := os.Getenv("XDG_CACHE_HOME")
	if cache == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		cache = filepath.Join(home, ".cache")
	}
	sum := sha256.Sum256(lock)
	return filepath.Join(cache, "opkit-npm", hex.EncodeToString(sum[:])[:16], "node_modules")
}

// Node returns node and the node_modules folder with every package named,
// or ends the test: skipped on a workstation, failed under CI.
func Node(t testing.TB, packages ...string) (node, modules string) {
	t.Helper()
	node = Need(t, "node")
	modules = NodeModules()
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
			t.Skipf("npm packages %v not installed in %q; .ci/run installs them", packages, modules)
		}
		t.Fatalf("npm packages %v are required under CI in %q (.ci/run installs them)", packages, modules)
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
