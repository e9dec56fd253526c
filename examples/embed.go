// Package examples holds the demonstration workspace that `opkit demo` runs
// and that the tests use as a realistic, complete input.
//
// The workspace lives in demo/ as plain files so that partners can read it as
// a model for their own country files; it is embedded so that the demo works
// from any folder, with no checkout at hand. Its organisations, people, cases
// and figures are fictional.
package examples

import "embed"

// Demo is the demo workspace: campaign.toml, countries/*.toml and, once
// returned workbooks are part of the demo, returns/. Paths inside start with
// "demo/"; use fs.Sub(Demo, "demo") to get the workspace root.
//
//go:embed demo
var Demo embed.FS
