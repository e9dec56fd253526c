package testtool

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
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

// Golden compares got with the golden file at path. With update (each
// package's -update flag) it writes got there first, so the change shows
// in review as a diff of the file. A difference fails the test and shows
// the first line that differs.
func Golden(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run go test -update and review the diff):\n%s", path, firstDiff(string(want), string(got)))
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(wl), len(gl)) {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\nwant %q\ngot  %q", i+1, w, g)
		}
	}
	return ""
}

// Output runs the external tool name (found as Need finds it) and returns
// its combined output, failing the test when it fails.
func Output(t testing.TB, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(Need(t, name), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}
