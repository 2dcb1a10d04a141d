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
		switch w.toks[cur].Deprel {
		case "xcomp":
			switch {
			case negatingVerb(hl):
				neg = true
			case intentVerb(hl):
				hyp = true
			}
		case "ccomp":
			if hl == "deny" {
				neg = true
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
		case "acl", "nmod", "compound":
			// "no intention of intervening", "plans for an attack",
			// "the threat of an attack"
			if !intentNoun(hl) {
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
// "refused to meet", "denied the attack".
func negatingVerb(l string) bool {
	switch l {
	case "deny", "refuse", "decline", "reject", "fail", "rule", "avoid", "cancel", "postpone", "call_off":
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
		"attempt", "call", "demand", "request", "offer", "idea":
		return true
	}
	return false
}
