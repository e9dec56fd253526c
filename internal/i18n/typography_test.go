package i18n

import "testing"

func TestTypography(t *testing.T) {
	for _, tt := range []struct{ lang, in, want string }{
		{"fr", "- **Date :** jeudi", "- **Date\u00a0:** jeudi"},
		{"fr", "« Bonjour » et «salut»", "«\u00a0Bonjour\u00a0» et «\u00a0salut\u00a0»"},
		{"fr", "Attention! Vraiment ? Oui ; non", "Attention\u202f! Vraiment\u202f? Oui\u202f; non"},
		{"fr", "**Attention**! Et \\! aussi", "**Attention**\u202f! Et\u202f\\! aussi"},
		{"fr", "à 10:30, voir https://example.org/a?b=1 ou `a ; b`", "à 10:30, voir https://example.org/a?b=1 ou `a ; b`"},
		{"fr", "| Code | Pays |\n|:---|---:|", "| Code | Pays |\n|:---|---:|"},
		{"fr", "```opkit-bars\ntitle: Position : x\n```", "```opkit-bars\ntitle: Position : x\n```"},
		{"fr", "Date\u00a0: déjà fait", "Date\u00a0: déjà fait"},
		{"fr", "Sources : https://example.org/a ; https://example.org/b", "Sources\u00a0: https://example.org/a ; https://example.org/b"},
		{"es", "« Hola » y «adiós»", "«Hola» y «adiós»"},
		{"pt", "a campanha « Assinar »", "a campanha «Assinar»"},
		{"ru", "кампания « Подписать »", "кампания «Подписать»"},
		{"en", "Note : « x » !", "Note : « x » !"},
	} {
		if got := string(Typography(tt.lang, []byte(tt.in))); got != tt.want {
			t.Errorf("Typography(%s, %q) = %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
}
