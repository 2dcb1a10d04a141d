package text

// The word lists below are read-only look-up tables. Keys are ASCII lower
// case; look-ups go through lowerASCII and never allocate.

// Abbreviation classes: what a word followed by a full stop is, and whether
// it can end a sentence.
const (
	abNone   uint8 = iota
	abTitle        // precedes a name and never ends a sentence: Mr. Gen. Sen.
	abNumber       // an abbreviation only before a number, which never ends a sentence: No. 5, pp. 3
	abNever        // never ends a sentence: vs. e.g. approx.
	abStrict       // ends a sentence only before a typical sentence opener: U.S. Inc. Jan. J.
	abLoose        // ends a sentence before any capitalised word: etc.

	abClass = 0x0f
	abCap   = 0x10 // only when written with a capital: "Gen." but not "gen."
)

var abbreviations = func() map[string]uint8 {
	m := make(map[string]uint8)
	add := func(class uint8, words ...string) {
		for _, w := range words {
			m[w] = class
		}
	}
	add(abTitle|abCap,
		// civil and religious titles
		"mr", "mrs", "ms", "messrs", "mmes", "mme", "mlle", "dr", "drs", "prof", "profs",
		"rev", "revs", "fr", "msgr", "hon", "rt", "pres", "supt", "det", "insp", "amb",
		"atty", "asst", "sec", "dir", "mgr", "sen", "sens", "rep", "reps", "gov", "govs",
		// military ranks
		"gen", "gens", "lt", "col", "capt", "cpt", "cmdr", "cdr", "sgt", "cpl", "pvt",
		"pfc", "spc", "maj", "adm", "brig",
		// places named after a title
		"mt", "ft")
	add(abNumber, "no", "nos", "nr", "art", "arts", "fig", "figs", "vol", "vols", "p", "pp",
		"ch", "chap", "para", "paras", "tel", "ext", "ref", "apt", "ste", "rte", "ca", "fax", "mob")
	add(abNever, "vs", "cf", "viz", "approx", "esp", "incl", "excl", "resp", "appx", "eg", "attn")
	add(abStrict|abCap,
		// months
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		// days of the week
		"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
		// companies and bodies
		"inc", "corp", "co", "cos", "ltd", "llc", "plc", "bros", "assn", "dept", "univ",
		"intl", "mfg", "natl", "govt",
		// names and addresses
		"jr", "sr", "esq", "st", "sts", "ave", "blvd", "rd", "hwy", "sq", "pkwy",
		// U.S. states as the wires write them
		"ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind",
		"kan", "kans", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont",
		"neb", "nebr", "nev", "okla", "ore", "pa", "penn", "tenn", "tex", "va", "vt",
		"wash", "wis", "wyo",
		// Canadian provinces
		"alta", "ont", "que", "sask")
	add(abStrict, "al", "est", "ibid", "lb", "lbs", "oz", "yrs", "hrs", "mins")
	add(abLoose, "etc")
	return m
}()

// abbrevClass returns the class of the word rs when a full stop follows it
// (without the stop): abNone when it is not a known abbreviation. Words with
// inner full stops ("U.S", "e.g") are handled by the caller.
func abbrevClass(rs []rune) uint8 {
	if len(rs) == 0 || len(rs) > 8 {
		return abNone
	}
	var b [8]byte
	key, ok := lowerASCII(b[:], rs)
	if !ok {
		return abNone
	}
	c := abbreviations[string(key)]
	if c&abCap != 0 && !isUpper(rs[0]) {
		return abNone
	}
	return c & abClass
}

// innerAbbrevClass classifies words with inner full stops: e.g, i.e and the
// like never end a sentence; the others (U.S, a.m, Ph.D) are abStrict.
func innerAbbrevClass(rs []rune) uint8 {
	var b [8]byte
	if key, ok := lowerASCII(b[:], rs); ok {
		switch string(key) {
		case "e.g", "i.e", "viz", "cf":
			return abNever
		}
	}
	return abStrict
}

// starters are the words that typically open a sentence. After an
// abbreviation such as "U.S." or "Inc." a capitalised starter means the
// abbreviation ended the sentence ("... in the U.S. The talks ...").
var starters = setOf(
	"the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its",
	"their", "our", "my", "your", "this", "that", "these", "those", "there", "here",
	"but", "and", "or", "so", "yet", "nor", "in", "on", "at", "for", "with", "by", "from",
	"as", "if", "when", "while", "after", "before", "although", "though", "however",
	"meanwhile", "some", "many", "most", "all", "both", "each", "every", "no", "not",
	"none", "one", "what", "who", "whom", "whose", "why", "how", "where", "which",
	"still", "also", "earlier", "later", "then", "now", "since", "because", "under",
	"during", "despite", "instead", "such", "another", "any", "several", "few", "more",
	"others", "thus", "even", "only", "just", "among", "without", "once", "until",
	"unlike", "yesterday", "today", "tomorrow", "last", "next", "according", "mr",
	"mrs", "ms", "dr",
)

// speechVerbs are the verbs of saying that may follow a quotation and its
// speaker inside the same sentence: `"Why?" Kerry asked.`
var speechVerbs = setOf(
	"said", "says", "asked", "asks", "told", "tells", "added", "adds", "wrote", "writes",
	"replied", "declared", "insisted", "explained", "shouted", "noted", "stated",
	"continued", "recalled", "tweeted", "warned", "cried", "answered", "argued",
	"exclaimed", "screamed", "yelled", "whispered", "demanded", "wondered", "quipped",
	"joked", "remarked", "responded", "countered", "acknowledged", "admitted",
	"conceded", "agreed", "posted", "commented",
)

// hyphenPrefixes stay joined to the word after their hyphen, as in UD
// English EWT ("non-profit", "e-mail", "co-founder"); other hyphens are
// split off ("al - Assad", "Secretary - General").
var hyphenPrefixes = setOf(
	"e", "non", "pre", "anti", "re", "mid", "co", "post", "over", "pro", "multi", "ex",
	"semi", "sub", "micro", "macro", "counter", "psycho", "cross", "neo", "mis", "un",
	"socio", "intra", "inter", "ultra", "hyper", "pseudo", "quasi", "bi", "tri",
)

// contractions are written without an apostrophe but split like UD English
// EWT splits them: the value is the length of the first part.
var contractions = map[string]int{
	"cannot": 3, "gonna": 3, "wanna": 3, "gotta": 3,
	"dont": 2, "didnt": 3, "doesnt": 4, "isnt": 2, "wasnt": 3, "werent": 4,
	"arent": 3, "couldnt": 5, "wouldnt": 5, "shouldnt": 6, "havent": 4, "hasnt": 3,
	"hadnt": 3,
}

// tlds are the top-level domains after which a capital does not start a
// new sentence: "Newsfeed.Com".
var tlds = setOf("com", "net", "org", "gov", "edu", "info", "biz", "int", "mil")

// units are split from the number before them: "10am" -> "10" "am".
var units = setOf(
	"am", "pm", "watt", "watts", "persons", "mm", "cm", "km", "kg", "mg", "lb", "lbs", "oz", "ft", "mph",
	"kph", "kmh", "min", "mins", "hr", "hrs", "sec", "secs", "yr", "yrs", "bn", "mn",
	"mln", "bln", "tn", "ml", "gb", "mb", "kb", "tb", "ghz", "mhz", "khz", "hz", "kw", "mw",
	"gw", "kwh", "mwh", "day", "days", "minutes", "seconds", "hours", "pct",
)

// joiners are the lower-case words after which a line cannot end a
// paragraph: "... with the\nUnited Nations".
var joiners = setOf("a", "an", "the", "and", "or", "nor", "but", "of", "to", "in", "for", "with",
	"by", "at", "on", "from", "as", "that", "its", "their", "his", "her")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// inSet reports whether the ASCII-lowercased rs is in set.
func inSet(set map[string]bool, rs []rune) bool {
	var b [16]byte
	key, ok := lowerASCII(b[:], rs)
	return ok && set[string(key)]
}
