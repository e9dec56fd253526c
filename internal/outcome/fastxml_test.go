package outcome

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"reflect"
	"testing"
)

// rawTokens is the token stream of data, each token copied, ending with
// the error that stopped it (io.EOF at a clean end).
func rawTokens(next func() (xml.Token, error)) ([]xml.Token, error) {
	var toks []xml.Token
	for len(toks) < 1<<16 {
		tok, err := next()
		if err != nil {
			return toks, err
		}
		tok = xml.CopyToken(tok)
		if se, ok := tok.(xml.StartElement); ok && len(se.Attr) == 0 {
			se.Attr = nil // encoding/xml gives an empty slice, fastXML nil
			tok = se
		}
		toks = append(toks, tok)
	}
	return toks, nil
}

// sameAsEncodingXML fails t unless fastXML gives data's tokens and error
// exactly as encoding/xml's RawToken does.
func sameAsEncodingXML(t *testing.T, name string, data []byte) {
	t.Helper()
	want, wantErr := rawTokens(xml.NewDecoder(bytes.NewReader(data)).RawToken)
	got, gotErr := rawTokens(newFastXML(data).RawToken)
	n := min(len(got), len(want))
	for i := range n {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("%s: token %d is %#v, encoding/xml reads %#v", name, i, got[i], want[i])
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%s: %d tokens (then %v), encoding/xml reads %d (then %v)", name, len(got), gotErr, len(want), wantErr)
	}
	if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
		t.Fatalf("%s: ends with %v, encoding/xml with %v", name, gotErr, wantErr)
	}
}

// xmlSamples are the parts of real workbooks — opkit's in every language,
// a return saved by LibreOffice (testdata) — and forms that leave the fast
// path or are malformed.
func xmlSamples(t testing.TB) map[string][]byte {
	out := map[string][]byte{
		"decl+comment": []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<!-- c --><a x='1' y = \"2\"/><b>t&amp;&#34;&#x41;&#xD;</b>"),
		"cdata":        []byte(`<a><![CDATA[<x>]]></a>`),
		"cr":           []byte("<a>x\r\ny</a>"),
		"doctype":      []byte(`<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>`),
		"bad entity":   []byte(`<a>&nbsp;</a>`),
		"nul ref":      []byte(`<a>&#0;</a>`),
		"surrogate":    []byte(`<a>&#xD800;</a>`),
		"]]>":          []byte(`<a>x]]>y</a>`),
		"]]&gt;":       []byte(`<a b="]]>">]]&gt;]&#93;></a>`),
		"lt in attr":   []byte(`<a b="<"/>`),
		"unquoted":     []byte(`<a b=1/>`),
		"no value":     []byte(`<a b/>`),
		"two colons":   []byte(`<a:b:c/>`),
		"colon end":    []byte(`<a: b:="1"/></a:>`),
		"cyrillic":     []byte(`<лист атр="з">текст</лист>`),
		"bad utf8":     []byte("<a>\xff</a>"),
		"ctrl":         []byte("<a>\x01</a>"),
		"truncated":    []byte(`<a><b x="1`),
		"end space":    []byte("<a></a\n >"),
		"end junk":     []byte("<a></a x>"),
		"lines":        []byte("<a>\n\n<b>\n&bad;</b></a>"),
		"no space":     []byte(`<a b="1"c="2"/>`),
		"trailing":     []byte("<a/>\n  "),
		"lone <":       []byte("<"),
		"digit name":   []byte("<1a/>"),
	}
	add := func(prefix string, data []byte) {
		copyZip(t, data, func(_ *zip.Writer, name string, body []byte) error {
			out[prefix+name] = body
			return nil
		})
	}
	for _, lang := range []string{"en", "fr", "ar", "ru"} {
		add(lang+":", write(t, sampleCountry(lang)))
	}
	add("filled:", filled(t))
	if b, err := os.ReadFile("testdata/v1.0-ci-outcome.xlsx"); err == nil {
		add("saved:", b)
	}
	return out
}

func TestFastXML(t *testing.T) {
	for name, data := range xmlSamples(t) {
		sameAsEncodingXML(t, name, data)
		// Cut anywhere, a part reads as encoding/xml reads it too.
		for _, cut := range []int{1, len(data) / 3, len(data) / 2, len(data) - 1} {
			if cut > 0 && cut < len(data) {
				sameAsEncodingXML(t, fmt.Sprintf("%s[:%d]", name, cut), data[:cut])
			}
		}
	}
}

// FuzzFastXML: for any bytes, fastXML's tokens and error are encoding/xml's.
func FuzzFastXML(f *testing.F) {
	for _, data := range xmlSamples(f) {
		if len(data) < 4096 {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sameAsEncodingXML(t, "input", data)
	})
}
