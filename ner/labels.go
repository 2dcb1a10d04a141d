package ner

import "github.com/eventwire/eventwire"

// The recogniser's classes, in the order of their numbers.
var types = [numTypes]string{eventwire.NamePER, eventwire.NameORG, eventwire.NameLOC, eventwire.NameMISC}

const (
	numTypes = 4
	tMISC    = 3 // the number of MISC in types

	// Labels are BILOU: 0 is O; a name of type t gets 1+4t+pos, with pos
	// one of posB (begins), posI (inside), posL (last) and posU (a name of
	// one word).
	numLabels = 1 + 4*numTypes
	labelO    = 0
	posB      = 0
	posI      = 1
	posL      = 2
	posU      = 3

	// start stands for the label before the first word in transitions.
	start = numLabels
)

func label(t, pos int) uint8 { return uint8(1 + 4*t + pos) }

// typeOf returns the type number of a label, -1 for O.
func typeOf(l uint8) int {
	if l == labelO || l >= numLabels {
		return -1
	}
	return int(l-1) / 4
}

func posOf(l uint8) int { return int(l-1) % 4 }

// allowed reports whether label c may follow label p (or start) in BILOU.
func allowed(p, c uint8) bool {
	open := p != start && p != labelO && (posOf(p) == posB || posOf(p) == posI)
	if !open {
		return c == labelO || posOf(c) == posB || posOf(c) == posU
	}
	return c != labelO && typeOf(c) == typeOf(p) && (posOf(c) == posI || posOf(c) == posL)
}

// canEnd reports whether a sentence may end with label l.
func canEnd(l uint8) bool { return l == labelO || posOf(l) == posL || posOf(l) == posU }

// typeNum returns the number of a type name, -1 when it is none of ours.
func typeNum(s string) int {
	for i, t := range types {
		if t == s {
			return i
		}
	}
	return -1
}

// Chunk is a name in a labelled sentence: words [Start, End) of type Type.
type Chunk struct {
	Start, End int
	Type       string
}

// Chunks returns the names that IOB labels (IOB1, IOB2, IOBES or BILOU)
// mark, as conlleval reads them: a name starts at a B- or S-/U- label, or
// at an I- label whose type differs from the label before it or that
// follows O or a closed name.
func Chunks(labels []string) []Chunk {
	var out []Chunk
	open := -1
	typ := ""
	prevPrefix := byte('O')
	for i, l := range labels {
		p, t := byte('O'), ""
		if l != "O" && len(l) > 2 && l[1] == '-' {
			p, t = l[0], l[2:]
		}
		// Does a name end before word i?
		if open >= 0 {
			end := false
			switch prevPrefix {
			case 'E', 'L', 'S', 'U':
				end = true
			default:
				end = p == 'O' || p == 'B' || p == 'S' || p == 'U' || t != typ
			}
			if end {
				out = append(out, Chunk{open, i, typ})
				open = -1
			}
		}
		if open < 0 && p != 'O' {
			open, typ = i, t
		}
		prevPrefix = p
	}
	if open >= 0 {
		out = append(out, Chunk{open, len(labels), typ})
	}
	return out
}

// encode turns IOB labels into BILOU label numbers; names of types that
// are not ours become O. known reports, by word, whether the word's label
// was one of ours or O.
func encode(dst []uint8, labels []string) []uint8 {
	dst = append(dst[:0], make([]uint8, len(labels))...)
	for _, c := range Chunks(labels) {
		t := typeNum(c.Type)
		if t < 0 {
			continue
		}
		if c.End-c.Start == 1 {
			dst[c.Start] = label(t, posU)
			continue
		}
		dst[c.Start] = label(t, posB)
		for i := c.Start + 1; i < c.End-1; i++ {
			dst[i] = label(t, posI)
		}
		dst[c.End-1] = label(t, posL)
	}
	return dst
}

// iob2 is the IOB2 label of each BILOU label.
var iob2 = func() [numLabels]string {
	var out [numLabels]string
	out[labelO] = "O"
	for t, name := range types {
		out[label(t, posB)] = "B-" + name
		out[label(t, posU)] = "B-" + name
		out[label(t, posI)] = "I-" + name
		out[label(t, posL)] = "I-" + name
	}
	return out
}()
