package featurehash

import "testing"

func TestHashes(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"Kerry", "kerry", false},
		{"", "", true},
	}
	for _, tt := range tests {
		if got := Runes(Offset, []rune(tt.a)) == Runes(Offset, []rune(tt.b)); got != tt.same {
			t.Errorf("Runes(%q) == Runes(%q) is %v", tt.a, tt.b, got)
		}
		if Lower(Offset, []rune(tt.a)) != Lower(Offset, []rune(tt.b)) {
			t.Errorf("Lower(%q) != Lower(%q)", tt.a, tt.b)
		}
	}
	// The value is part of the model formats: it must never change.
	if got := Runes(Offset, []rune("a")); got != 0xaf63dc4c8601ec8c {
		t.Errorf("Runes(a) = %#x, want the FNV-1a value 0xaf63dc4c8601ec8c", got)
	}
	if ToLower('Ä') != 'ä' || ToLower('Q') != 'q' || ToLower('1') != '1' {
		t.Error("ToLower")
	}
}
