package testtool

import (
	"os"
	"os/exec"
	"testing"
)

// Need returns the path of the program name, or ends the test: skipped on
// a workstation, failed under CI.
func Need(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("%s not installed", name)
		}
		t.Fatalf("%s is required under CI: %v", name, err)
	}
	return p
}

// Have is Need for a test that can do part of its work without the
// program: false (with a log line) on a workstation, a failure under CI.
func Have(t testing.TB, name string) bool {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is required under CI: %v", name, err)
		}
		t.Logf("%s not installed: part of the test skipped", name)
		return false
	}
	return true
}

// Python returns Debian's python3 when it can import module (the python3
// first on PATH may be another one, without Debian's packages), or ends
// the test as Need does.
func Python(t testing.TB, module string) string {
	t.Helper()
	const py = "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import "+module).Run(); err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("%s with %s not available: %v", py, module, err)
		}
		t.Fatalf("%s with %s is required under CI: %v", py, module, err)
	}
	return py
}
