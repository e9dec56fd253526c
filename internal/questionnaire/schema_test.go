package questionnaire

import (
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"opkit/internal/i18n"
	"opkit/internal/model"
)

// leaves lists the paths of every value a country file can set, walking
// model.Country: nested structs are followed, slices of structs become
// "Path[]." prefixes, and dates and times are single values.
func leaves(t reflect.Type, prefix string, out *[]string) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		p := prefix + f.Name
		switch {
		case f.Type == reflect.TypeOf(model.Date{}) || f.Type == reflect.TypeOf(model.Clock{}):
			*out = append(*out, p)
		case f.Type.Kind() == reflect.Struct:
			leaves(f.Type, p+".", out)
		case f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.Struct:
			leaves(f.Type.Elem(), p+"[].", out)
		default:
			*out = append(*out, p)
		}
	}
}

// derived are model fields no key of the file sets directly.
var derived = []string{
	"File", "Texts", // where the file was read from
	"Event.HasStart", // whether event.start was given
}

// TestFieldTableCoversModel walks model.Country and the field table
// together: a field added to the model and not to the questionnaire (or the
// other way round) fails here.
func TestFieldTableCoversModel(t *testing.T) {
	var want []string
	leaves(reflect.TypeOf(model.Country{}), "", &want)
	want = slices.DeleteFunc(want, func(p string) bool {
		for _, d := range derived {
			if p == d || strings.HasPrefix(p, d+"[].") {
				return true
			}
		}
		return false
	})
	var got []string
	for _, s := range Sections {
		for _, it := range s.Items {
			if !slices.Contains(got, it.Go) {
				got = append(got, it.Go)
			}
		}
	}
	for _, tb := range Tables {
		if tb.List {
			got = append(got, tb.Go)
			continue
		}
		for _, c := range tb.Columns {
			if c.Go != "" {
				got = append(got, tb.Go+"[]."+c.Go)
			}
		}
	}
	sort.Strings(want)
	sort.Strings(got)
	if !slices.Equal(want, got) {
		for _, p := range want {
			if !slices.Contains(got, p) {
				t.Errorf("model.Country.%s has no place in the questionnaire (schema.go)", p)
			}
		}
		for _, p := range got {
			if !slices.Contains(want, p) {
				t.Errorf("the questionnaire fills %s, which model.Country does not have", p)
			}
		}
	}
}

// TestWordsComplete: every key, table and section has its words in every
// language, and the English help comes from the starter.
func TestWordsComplete(t *testing.T) {
	var paths, helpOnly []string
	for _, s := range Sections {
		for _, it := range s.Items {
			paths = append(paths, Path(s.Table, it.Key))
		}
	}
	for _, tb := range Tables {
		helpOnly = append(helpOnly, tb.Key)
		for _, c := range tb.Columns {
			paths = append(paths, Path(tb.Key, c.Key))
		}
	}
	helpOf := func(lang, p string) string {
		if k, _ := i18n.Lookup(lang, "questionnaire.help."+p); k == "" {
			for _, sec := range Sections {
				for _, it := range sec.Items {
					if Path(sec.Table, it.Key) == p && it.Kind == KFlag {
						p, _, _ = cutLast(p) // flags share their list's help
					}
				}
			}
		}
		for _, tb := range Tables {
			for i := range tb.Columns {
				if Path(tb.Key, tb.Columns[i].Key) == p {
					return columnHelp(lang, &tb, &tb.Columns[i])
				}
			}
		}
		if _, ok := i18n.Lookup(lang, "questionnaire.help."+p); !ok {
			return ""
		}
		return help(lang, p)
	}
	for _, lang := range i18n.Languages {
		for _, p := range paths {
			if _, ok := i18n.Lookup(lang, "questionnaire.label."+p); !ok {
				t.Errorf("%s: no label for %s", lang, p)
			}
		}
		for _, p := range append(paths, helpOnly...) {
			if strings.TrimSpace(helpOf(lang, p)) == "" {
				t.Errorf("%s: no help for %s (English: the starter's comment above the key)", lang, p)
			}
		}
		for _, tb := range Tables {
			if _, ok := i18n.Lookup(lang, "questionnaire.sheet."+tb.Name); !ok {
				t.Errorf("%s: no sheet name for %s", lang, tb.Name)
			}
		}
		if len(instructions(lang)) == 0 {
			t.Errorf("%s: no instructions", lang)
		}
	}
}

// TestOptionLabelsDistinct: a label read back must name one code, in any
// language, or an import would guess.
func TestOptionLabelsDistinct(t *testing.T) {
	check := func(it *Item) {
		if it.Options == nil {
			return
		}
		seen := map[string]string{}
		for _, code := range it.Options() {
			for _, lang := range i18n.Languages {
				l := fold(optionLabel(lang, it.OptGroup, code))
				if prev, ok := seen[l]; ok && prev != code {
					t.Errorf("%s: the label %q means both %s and %s", it.OptGroup, l, prev, code)
				}
				seen[l] = code
			}
		}
	}
	for _, s := range Sections {
		for i := range s.Items {
			check(&s.Items[i])
		}
	}
	for _, tb := range Tables {
		for i := range tb.Columns {
			check(&tb.Columns[i])
		}
	}
}
