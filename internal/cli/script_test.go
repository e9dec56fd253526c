package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// The end-to-end tests run the real command line on real files: each
// testdata/script/*.txtar is a shell-like script with its input files.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"opkit": func() { os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

func TestScripts(t *testing.T) {
	demo, err := filepath.Abs("../../examples/demo")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("DEMO", demo)
			env.Setenv("SOURCE_DATE_EPOCH", "")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// copydir SRC DST copies a folder tree (the demo workspace).
			"copydir": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: copydir SRC DST")
				}
				ts.Check(os.CopyFS(ts.MkAbs(args[1]), os.DirFS(ts.MkAbs(args[0]))))
			},
			// nofiles DIR PATTERN fails if a file matching PATTERN exists under DIR.
			"nofiles": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: nofiles DIR PATTERN")
				}
				var found []string
				filepath.Walk(ts.MkAbs(args[0]), func(p string, info os.FileInfo, err error) error {
					if err == nil && !info.IsDir() {
						if ok, _ := filepath.Match(args[1], info.Name()); ok {
							found = append(found, p)
						}
					}
					return nil
				})
				if len(found) > 0 && !neg {
					ts.Fatalf("unexpected files: %v", found)
				}
				if len(found) == 0 && neg {
					ts.Fatalf("no file matches %s", args[1])
				}
			},
		},
	})
}
