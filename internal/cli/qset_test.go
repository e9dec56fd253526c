package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
)

// TestQuestionnaireScripts runs the questionnaire loop's scripts, with the
// one command they need besides the shared ones: qset.
func TestQuestionnaireScripts(t *testing.T) {
	demo, err := filepath.Abs("../../examples/demo")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/questionnaire",
		Setup: func(env *testscript.Env) error {
			env.Setenv("DEMO", demo)
			env.Setenv("SOURCE_DATE_EPOCH", "")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"copydir": cmdCopydir,
			"status":  cmdStatus,
			"qset":    cmdQset,
		},
	})
}

// qset FILE NAME=VALUE... types values into a workbook's cells by defined
// name, as a partner would (a VALUE of nothing empties the cell).
func cmdQset(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 2 || neg {
		ts.Fatalf("usage: qset FILE NAME=VALUE...")
	}
	path := ts.MkAbs(args[0])
	f, err := excelize.OpenFile(path)
	ts.Check(err)
	defer f.Close()
	refs := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		refs[dn.Name] = dn.RefersTo
	}
	for _, a := range args[1:] {
		name, value, _ := strings.Cut(a, "=")
		ref, ok := refs[name]
		if !ok {
			ts.Fatalf("no defined name %s", name)
		}
		sheet, cell, _ := strings.Cut(ref, "!")
		sheet = strings.Trim(sheet, "'")
		ts.Check(f.SetCellStr(sheet, strings.ReplaceAll(cell, "$", ""), value))
	}
	ts.Check(f.SaveAs(path))
}
