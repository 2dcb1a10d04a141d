package ner

import (
	"bytes"
	_ "embed"
	"fmt"

	"github.com/eventwire/eventwire/geo"
)

// model is the recogniser trained on CoNLL-2003 (CoNLL++) train and UNER
// English EWT train; see model/PROVENANCE.md for the data, the command and
// the scores.
//
//go:embed model/ner.bin.gz
var model []byte

// Load returns the recogniser embedded in the binary, with the embedded
// gazetteer. It decodes the model on every call: load it once and share
// it.
func Load() (*Recognizer, error) { return LoadWith(nil) }

// LoadWith is Load with a gazetteer already loaded (nil: load it), so that
// the stages of a pipeline share one.
func LoadWith(g *geo.Gazetteer) (*Recognizer, error) {
	r, err := ReadWith(bytes.NewReader(model), g)
	if err != nil {
		return nil, fmt.Errorf("ner: embedded model: %w", err)
	}
	return r, nil
}
