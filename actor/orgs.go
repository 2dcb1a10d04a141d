package actor

import (
	"fmt"
	"strings"

	"github.com/eventwire/eventwire"
)

// OrgInfo is a known organisation: an intergovernmental or
// non-governmental body, a national institution or an armed group.
type OrgInfo struct {
	Name  string   // canonical name ("NATO")
	Code  string   // actor code ("IGOWSTNAT")
	Nouns []string // nouns that describe it in text ("alliance", "bloc"), for nominal coreference
}

// Actor returns the organisation's code split into its parts.
func (o OrgInfo) Actor() eventwire.Actor { return SplitCode(o.Code) }

// orgTable is the embedded organisations table, indexed by name and alias.
type orgTable struct {
	orgs  []OrgInfo
	index *phraseIndex // names and aliases, name case rules
}

// parseOrgs reads data/orgs.tsv (see its header for the columns).
func parseOrgs(name, data string) (*orgTable, error) {
	t := &orgTable{index: newPhraseIndex(nameCase)}
	for ln, line := range tsvLines(data) {
		f := strings.Split(line, "\t")
		if len(f) != 4 || f[0] == "" || f[1] == "" {
			return nil, &DictError{Name: name, Line: ln, Msg: fmt.Sprintf("want 4 tab-separated fields (code, name, aliases, nouns), got %d", len(f))}
		}
		if err := checkCode(f[0]); err != nil {
			return nil, &DictError{Name: name, Line: ln, Msg: err.Error()}
		}
		id := int32(len(t.orgs))
		t.orgs = append(t.orgs, OrgInfo{Name: f[1], Code: f[0], Nouns: splitList(f[3])})
		t.index.add(f[1], id)
		for _, a := range splitList(f[2]) {
			t.index.add(a, id)
		}
	}
	return t, nil
}

// Org finds a known organisation by name or alias at words[i] (the longest
// match), such as "NATO", "the" "European" "Union" at i = 1, or "al" "-"
// "Nusra" "Front". It does not allocate.
func (c *Coder) Org(words []string, i int) (n int, org OrgInfo, ok bool) {
	n, v := c.orgs.index.match(words, i)
	if n == 0 {
		return 0, OrgInfo{}, false
	}
	return n, c.orgs.orgs[v], true
}

// splitList splits a |-separated field, dropping empty items.
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, x := range strings.Split(s, "|") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}
