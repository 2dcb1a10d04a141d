package event

import (
	"github.com/eventwire/eventwire/geo"
	"github.com/eventwire/eventwire/internal/stagetest"
)

// testStages returns the real stages before this one, and a Coder with the
// embedded ontology and dictionary and no gazetteer, loaded once per test
// binary (the event package must not import pipeline).
var testStages = stagetest.Cached(func() (*Coder, error) { return embeddedCoder(nil) })

// embeddedCoder builds a Coder from the embedded ontology and dictionary
// and the gazetteer g (nil places nothing).
func embeddedCoder(g *geo.Gazetteer) (*Coder, error) {
	ont, err := LoadOntology()
	if err != nil {
		return nil, err
	}
	dict, err := LoadDictionary()
	if err != nil {
		return nil, err
	}
	return New(ont, dict, g)
}
