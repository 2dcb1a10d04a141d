package tag

import (
	"bytes"
	_ "embed"
	"fmt"
)

// model is the tagger trained on UD English EWT and GUM; see
// model/PROVENANCE.md for the data, the command and the scores.
//
//go:embed model/tagger.bin.gz
var model []byte

// Load returns the tagger embedded in the binary. It decodes the model on
// every call (tens of milliseconds): load it once and share it.
func Load() (*Tagger, error) {
	t, err := Read(bytes.NewReader(model))
	if err != nil {
		return nil, fmt.Errorf("tag: embedded model: %w", err)
	}
	return t, nil
}
