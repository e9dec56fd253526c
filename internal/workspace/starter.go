package workspace

import (
	"embed"
	"io/fs"
)

// The starter is kept as real TOML files rather than Go strings so that it
// reads as what the user gets, and a test loads it like any workspace.
//
//go:embed starter
var starterFS embed.FS

// Starter returns the files of a starter workspace for `opkit init`, keyed
// by slash-separated path: campaign.toml and countries/gh.toml, with every
// key explained in comments. It loads with no errors. The caller adds the
// template copies.
func Starter() map[string][]byte {
	out := map[string][]byte{}
	err := fs.WalkDir(starterFS, "starter", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := starterFS.ReadFile(p)
		if err != nil {
			return err
		}
		out[p[len("starter/"):]] = data
		return nil
	})
	if err != nil {
		panic("workspace: embedded starter unreadable: " + err.Error()) // cannot happen: embedded at build time
	}
	return out
}
