package actor

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// RoleInfo is a title or role noun with the sector it implies.
type RoleInfo struct {
	Title  string // normalised title ("Secretary of State", "Foreign Minister") or noun ("rebels")
	Sector string // CAMEO sector: "GOV", "MIL", "REB", "OPP", "COP", "JUD", "LEG", "BUS", "CVL", "REF", "MED", ...
	Person bool   // a title or role one person holds, vs a group noun such as "rebels"
}

// roleTable is the embedded roles table, indexed by phrase.
type roleTable struct {
	roles []RoleInfo
	caps  []bool // role id -> only when written capitalised ("General Smith")
	index *phraseIndex
}

// parseRoles reads data/roles.tsv (see its header for the columns).
func parseRoles(name, data string) (*roleTable, error) {
	t := &roleTable{index: newPhraseIndex(foldCase)}
	byKey := make(map[RoleInfo]int32)
	for ln, line := range tsvLines(data) {
		f := strings.Split(line, "\t")
		if len(f) != 4 || f[0] == "" || f[1] == "" {
			return nil, &DictError{Name: name, Line: ln, Msg: fmt.Sprintf("want 4 tab-separated fields (phrase, title, sector, kind), got %d", len(f))}
		}
		if !isSector(f[2]) {
			return nil, &DictError{Name: name, Line: ln, Msg: fmt.Sprintf("unknown sector %q", f[2])}
		}
		var r RoleInfo
		cp := false
		switch f[3] {
		case "P":
			r = RoleInfo{Title: f[1], Sector: f[2], Person: true}
		case "P!":
			r = RoleInfo{Title: f[1], Sector: f[2], Person: true}
			cp = true
		case "G":
			r = RoleInfo{Title: f[1], Sector: f[2]}
		default:
			return nil, &DictError{Name: name, Line: ln, Msg: fmt.Sprintf("kind %q is not P, P! or G", f[3])}
		}
		id, seen := byKey[r]
		if !seen || cp != t.caps[id] {
			id = int32(len(t.roles))
			byKey[r] = id
			t.roles = append(t.roles, r)
			t.caps = append(t.caps, cp)
		}
		if !t.index.add(f[0], id) {
			return nil, &DictError{Name: name, Line: ln, Msg: fmt.Sprintf("duplicate phrase %q", f[0])}
		}
	}
	return t, nil
}

// match is Role on the embedded table.
func (t *roleTable) match(words []string, i int) (n int, r RoleInfo, ok bool) {
	n, v := t.index.match(words, i)
	if n == 0 {
		return 0, RoleInfo{}, false
	}
	if t.caps[v] {
		c, _ := utf8.DecodeRuneInString(words[i])
		if !unicode.IsUpper(c) {
			return 0, RoleInfo{}, false
		}
	}
	return n, t.roles[v], true
}

// Role maps a title or role noun at words[i] (the longest match) to a
// sector and a normalised title: "Secretary" "of" "State" -> GOV
// "Secretary of State", "foreign" "minister" -> GOV "Foreign Minister",
// "general" -> MIL, "rebels" -> REB (a group noun). Matching ignores case,
// except for titles that are also common adjectives ("General", "Major",
// "Justice"), which match only when capitalised. A country adjective
// before the title ("Russian") is the caller's business.
//
// The user's agent dictionaries (ReadDict on a PETRARCH .agents file) are
// consulted too; the longest match wins, and a user's entry wins a tie. Role does not allocate.
func (c *Coder) Role(words []string, i int) (n int, r RoleInfo, ok bool) {
	for _, d := range c.dicts {
		if dn, dr, dok := d.role(words, i); dok && dn > n {
			n, r, ok = dn, dr, true
		}
	}
	if tn, tr, tok := c.roles.match(words, i); tok && tn > n {
		return tn, tr, true
	}
	return n, r, ok
}
