package event

// modality says whether the event of trigger t is negated ("did not ask",
// "has no intention of intervening", "denied attacking", "refused to
// meet") or hypothetical ("would", "could", "may", "might", "should";
// "plans to", "threatened to" and other verbs of intent over it; an "if"
// or "unless" clause; "possible attack", "plans for talks"). It looks at t
// and climbs through the words t depends on as long as they govern its
// modality: the verb of an infinitive (xcomp), the verb whose object a
// noun trigger is, the verb a coordinated verb shares its auxiliaries
// with, and nouns of intent ("intention of", "plans for").
func (w *walker) modality(t int) (neg, hyp bool) {
	cur := t
	for depth := 0; depth < 6; depth++ {
		n, h := w.localModality(cur)
		neg, hyp = neg || n, hyp || h
		head := w.head(cur)
		if head < 0 || head >= len(w.toks) {
			return
		}
		hl := w.lemmas[head]
		deprel := w.toks[cur].Deprel
		if deprel == "advcl" && w.childWith(cur, "mark", toWords) >= 0 && (negatingVerb(hl) || intentVerb(hl)) {
			// "agreed in principle on Saturday to provide" parsed as an
			// adverbial clause
			deprel = "xcomp"
		}
		switch deprel {
		case "xcomp":
			switch {
			case negatingVerb(hl):
				neg = true
			case intentVerb(hl):
				hyp = true
			}
		case "ccomp":
			switch {
			case hl == "deny":
				neg = true
			case mandateVerb(hl):
				// "demanded that Japan withdraw", "urged that talks
				// resume": asked for, not done
				hyp = true
			}
			return
		case "obj", "nsubj:pass":
			if w.toks[cur].UPOS != "NOUN" {
				return
			}
			switch {
			case negatingVerb(hl):
				neg = true
			case intentVerb(hl):
				hyp = true // "proposed talks", "threatened an attack"
			}
		case "conj":
		case "advcl":
			// "would not give permission to Russia to help Israel",
			// "will send troops to protect the border": a purpose shares
			// the negation and modality of what serves it
			if w.childWith(cur, "mark", toWords) < 0 {
				return
			}
		case "acl", "nmod", "compound":
			if w.toks[cur].Deprel == "acl" && w.toks[cur].UPOS == "VERB" && w.isPassive(cur) && !intentNoun(hl) {
				// "prevented a demonstration staged by students": the
				// participle's event is its noun's
				break
			}
			// "no intention of intervening", "plans for an attack",
			// "the threat of an attack"
			if !intentNoun(hl) {
				if w.toks[cur].Deprel == "acl" && w.childWith(cur, "mark", toWords) >= 0 && w.toks[head].Deprel == "obj" {
					// "will send troops to protect the border": the
					// purpose of an object shares its verb's modality
					break
				}
				return
			}
			if w.childWith(head, "det", no) >= 0 {
				neg = true
			} else {
				hyp = true
			}
			return
		default:
			return
		}
		cur = head
	}
	return
}

var no = []string{"no"}

// localModality reads the dependents of token i: a negation, a det "no",
// a modal auxiliary, a conditional subordinator or an adjective of
// possibility.
func (w *walker) localModality(i int) (neg, hyp bool) {
	for _, c := range w.children(i) {
		l := w.lemmas[c]
		switch w.toks[c].Deprel {
		case "advmod", "neg":
			switch l {
			case "not", "n't", "never":
				neg = true
			case "possibly", "perhaps", "maybe":
				hyp = true
			}
		case "det":
			if l == "no" {
				neg = true
			}
		case "aux":
			switch l {
			case "would", "could", "may", "might", "should", "must":
				hyp = true
			}
		case "mark":
			switch l {
			case "if", "unless", "whether":
				hyp = true
			}
		case "amod":
			switch l {
			case "possible", "potential", "planned", "proposed", "future", "prospective", "threatened", "likely", "hypothetical":
				hyp = true
			}
		}
	}
	return
}

// negatingVerb reports verbs whose infinitive or object did not happen:
// "refused to meet", "denied the attack", "prevented the demonstration".
func negatingVerb(l string) bool {
	switch l {
	case "deny", "refuse", "decline", "reject", "fail", "rule", "avoid", "cancel", "postpone", "call_off",
		"prevent", "thwart", "foil", "avert", "forestall":
		return true
	}
	return false
}

// intentVerb reports verbs whose infinitive has not happened yet:
// "plans to attack", "threatened to strike".
func intentVerb(l string) bool {
	switch l {
	case "plan", "threaten", "intend", "want", "seek", "hope", "aim", "prepare",
		"propose", "offer", "consider", "vow", "pledge", "promise", "wish",
		"expect", "mean", "need", "like", "agree", "ask", "urge", "call",
		"demand", "warn", "decide", "try", "attempt", "require", "press",
		"pressure", "push", "encourage", "persuade", "invite", "tell":
		return true
	}
	return false
}

// intentNoun reports nouns whose complement has not happened yet: "plans
// for an attack", "no intention of intervening".
func intentNoun(l string) bool {
	switch l {
	case "intention", "plan", "threat", "possibility", "prospect", "risk", "danger",
		"option", "proposal", "readiness", "willingness", "desire", "intent", "bid",
		"attempt", "call", "demand", "request", "offer", "idea", "pressure", "appeal", "invitation":
		return true
	}
	return false
}

// announced reports whether the event of trigger t is announced for the
// future by its actor: a "will", "would", "shall" or "be going to" on t
// or on a verb it is the infinitive or conjunct of ("will try to revive",
// "will withdraw and return"), or an adjective of readiness governing it
// ("is willing to defend", "ready to talk"). negated reports a "not",
// "n't" or "never" at or below the future marker ("will not accept").
func (w *walker) announced(t int) (fut, negated bool) {
	cur := t
	for depth := 0; depth < 4; depth++ {
		for _, c := range w.children(cur) {
			switch w.toks[c].Deprel {
			case "aux":
				switch w.lemmas[c] {
				case "will", "would", "shall", "wo", "'ll":
					fut = true
				}
			case "advmod":
				switch w.lemmas[c] {
				case "not", "n't", "never":
					negated = true
				}
			}
		}
		if fut {
			return fut, negated
		}
		h := w.head(cur)
		if h < 0 {
			return false, false
		}
		switch w.toks[cur].Deprel {
		case "xcomp":
			if readyAdj(w.lemmas[h]) && (w.toks[h].UPOS == "ADJ" || w.toks[h].XPOS == "VBN" && w.beFormOn(h)) {
				// "is willing to defend Turkey": the readiness is the
				// announcement, whatever its tense
				return true, negated || w.lemmas[h] == "unwilling" || w.childWith(h, "advmod", notWords) >= 0
			}
			if w.lemmas[h] == "go" && w.toks[h].XPOS == "VBG" {
				// "is going to attack"
				return true, negated || w.childWith(h, "advmod", notWords) >= 0
			}
			if wantVerb(w.lemmas[h]) && w.toks[h].UPOS == "VERB" && w.child(h, "obj") < 0 && w.child(h, "iobj") < 0 {
				// "Obama wants to attack", "plans to withdraw": the
				// subject's own stated aim (not "wants Putin to")
				return true, negated || w.childWith(h, "advmod", notWords) >= 0
			}
			if !tryVerb(w.lemmas[h]) {
				return false, false
			}
		case "conj":
		default:
			return false, false
		}
		cur = h
	}
	return false, false
}

var notWords = []string{"not", "n't", "never"}

// readyAdj reports adjectives whose infinitive is an announced intent:
// "willing to", "ready to".
func readyAdj(l string) bool {
	switch l {
	case "willing", "ready", "prepared", "prepare", "determined", "determine", "eager", "keen", "unwilling":
		return true
	}
	return false
}

// tryVerb reports verbs through which a future marker reaches their
// infinitive: "will try to revive", "will continue to support", "will
// begin to withdraw". Verbs of intent (plan, threaten, agree) are coded
// on their own and stop the climb.
func tryVerb(l string) bool {
	switch l {
	case "try", "attempt", "continue", "begin", "start", "help", "move":
		return true
	}
	return false
}

// intentCode returns the CAMEO code for announcing, as its actor's own
// intent, an event of the given code: "Turkey will allow refugees to
// return" (086) announces 035, "Nigeria will withdraw its force unless"
// (166) threatens 136, "NATO is willing to defend Turkey" (062) is 0312.
// The codebook's 03 (express intent to cooperate) answers actions of 04
// to 08, and its 13 (threaten) answers those of 14 and 16 to 20; other
// codes (statements, appeals, demands, ...) have no intent code and give
// "".
func intentCode(code string) string {
	if len(code) < 2 {
		return ""
	}
	if c, ok := intentCodes[code]; ok {
		return c
	}
	if len(code) > 3 {
		if c, ok := intentCodes[code[:3]]; ok {
			return c
		}
	}
	if c, ok := intentCodes[code[:2]]; ok {
		return c
	}
	return ""
}

// intentCodes maps action codes (exact, then their three-digit parent,
// then their root) to the codes that announce them.
var intentCodes = map[string]string{
	"04": "036", "045": "039",
	"05": "032", "057": "030",
	"06": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
	"07": "033", "075": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
	"08": "035", "081": "0351", "082": "0352", "083": "034", "0831": "0341",
	"0832": "0342", "0833": "0343", "0834": "0344", "084": "0353",
	"085": "0354", "086": "0355", "087": "0356",
	"14": "133",
	"16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134",
	"165": "135", "166": "136",
	"17": "137", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323",
	"1724": "1324",
	"18":   "1383", "19": "138", "191": "1381", "192": "1382", "193": "1384",
	"194": "1384", "195": "1384", "20": "1383", "204": "1385",
}

// refusalCode returns the CAMEO code for announcing that its actor will
// not do a cooperative event of the given code ("Syria will not accept
// more refugees", "would not provide support"): a rejection (12), or ""
// for codes outside 03 to 08.
func refusalCode(code string) string {
	if len(code) < 2 {
		return ""
	}
	if c, ok := refusalCodes[code]; ok {
		return c
	}
	if len(code) > 3 {
		if c, ok := refusalCodes[code[:3]]; ok {
			return c
		}
	}
	if c, ok := refusalCodes[code[:2]]; ok {
		return c
	}
	return ""
}

// refusalCodes maps cooperative action codes (exact, parent, root) to the
// rejections that refuse them.
var refusalCodes = map[string]string{
	"03": "120", "04": "125", "045": "126", "05": "120",
	"06": "121", "061": "1211", "062": "1212", "063": "1213",
	"07": "121", "075": "120",
	"08": "124", "081": "1241", "082": "1242", "083": "123", "0831": "1231",
	"0832": "1232", "0833": "1233", "0834": "1234", "084": "1243",
	"085": "1244", "086": "1245", "087": "1246",
}

// beFormOn reports whether verb h has a "be" auxiliary or copula ("is
// prepared to respond").
func (w *walker) beFormOn(h int) bool {
	for _, c := range w.children(h) {
		switch w.toks[c].Deprel {
		case "aux", "aux:pass", "cop":
			if w.lemmas[c] == "be" {
				return true
			}
		}
	}
	return false
}

// wantVerb reports verbs of aim whose infinitive the subject announces as
// its own next act: "wants to attack", "plans to withdraw". Verbs with
// dictionary lines of their own (threaten, pledge, agree, offer) are
// coded by those instead.
func wantVerb(l string) bool {
	switch l {
	case "want", "intend", "plan", "aim", "wish", "decide", "prepare", "mean", "resolve", "hope", "seek":
		return true
	}
	return false
}

// ultimatum reports whether the act of trigger t, or of a verb it is the
// infinitive or conjunct of, is made conditional by an "unless" clause:
// "will withdraw its force unless the rebels disarm" announces an
// ultimatum (CAMEO 139), whatever the act.
func (w *walker) ultimatum(t int) bool {
	cur := t
	for depth := 0; depth < 4 && cur >= 0; depth++ {
		for _, c := range w.children(cur) {
			if w.toks[c].Deprel == "advcl" && w.childWith(int(c), "mark", unlessWords) >= 0 {
				return true
			}
		}
		switch w.toks[cur].Deprel {
		case "xcomp", "conj":
			cur = w.head(cur)
		default:
			return false
		}
	}
	return false
}

var unlessWords = []string{"unless"}

// mandateVerb reports verbs whose that-clause is asked for, not
// reported: "demanded that Japan withdraw", "proposed that talks resume".
func mandateVerb(l string) bool {
	switch l {
	case "demand", "urge", "ask", "request", "propose", "suggest", "recommend",
		"order", "insist", "require", "press", "call", "plead", "appeal":
		return true
	}
	return false
}
