package key

import "testing"

func TestAppend(t *testing.T) {
	tests := []struct{ in, key, exact string }{
		{"Côte d'Ivoire", "Cotedivoire", "CotedIvoire"},
		{"Cote d’ Ivoire", "Cotedivoire", "CotedIvoire"},
		{"al-Nusra", "alnusra", "alNusra"},
		{"U.S.", "Us", "US"},
		{"TURKEY", "Turkey", "TURKEY"},
		{"Élysée", "Elysee", "Elysee"},
		{"Ḩamāh", "Hamah", "Hamah"},
		{"Straße", "Strasse", "Strasse"},
		{"Москва", "Москва", "Москва"},
		{"- . '", "", ""},
	}
	for _, tt := range tests {
		if got := string(Append(nil, tt.in)); got != tt.key {
			t.Errorf("Append(%q) = %q, want %q", tt.in, got, tt.key)
		}
		if got := string(AppendExact(nil, tt.in)); got != tt.exact {
			t.Errorf("AppendExact(%q) = %q, want %q", tt.in, got, tt.exact)
		}
	}
}

func TestIsAcronym(t *testing.T) {
	tests := map[string]bool{"US": true, "U.S.": true, "DRC": true, "USA": true, "Us": false, "I": false, "DR Congo": false, "": false}
	for in, want := range tests {
		if got := IsAcronym(in); got != want {
			t.Errorf("IsAcronym(%q) = %v, want %v", in, got, want)
		}
	}
}
