package synthetic

// The read-only tables the generator draws from. Names of people, groups
// and publishers are invented; country codes and CAMEO codes are facts.

// countryCodes are the ISO 3166-1 alpha-3 codes of the countries written
// about, most frequent first (the Zipf rank). The first leaders of them
// get four officials, the others two.
var countryCodes = []string{
	"USA", "RUS", "CHN", "UKR", "ISR", "GBR", "IRN", "FRA", "DEU", "TUR", "IND", "SYR",
	"PSE", "PRK", "KOR", "JPN", "SAU", "PAK", "AFG", "IRQ", "EGY", "YEM", "LBN", "QAT",
	"BRA", "MEX", "VEN", "COL", "NGA", "ZAF", "ETH", "SDN", "KEN", "LBY", "MMR", "POL",
	"ITA", "ESP", "CAN", "AUS", "CIV", "IDN", "PHL", "VNM",
}

// leaders is how many of countryCodes get four officials.
const leaders = 12

// officialTitles are the titles of a country's officials and their
// sectors; the first two go to every country, all four to the leaders.
var officialTitles = []struct{ title, sector string }{
	{"Foreign Minister", "GOV"},
	{"President", "GOV"},
	{"Defence Minister", "GOV"},
	{"Army Chief of Staff", "MIL"},
}

// givenNames are invented officials' first names; female ones are marked
// by the table they are in.
var maleNames = []string{
	"Adrian", "Bram", "Carlos", "Dmitar", "Emeka", "Farid", "Goran", "Hiroshi", "Ivo", "Jonas",
	"Kofi", "Luca", "Mateus", "Nikolai", "Omar", "Pavel", "Rafael", "Søren", "Tomás", "Yusuf",
	"Zoltán", "Anselm", "Kwame", "Idris",
}

var femaleNames = []string{
	"Amara", "Beatriz", "Chiara", "Dana", "Elena", "Fatima", "Greta", "Hana", "Ingrid", "Jana",
	"Leila", "Maren", "Nadia", "Olga", "Priya", "Renée", "Sofia", "Tereza", "Yara", "Zoë",
	"Łucja", "Ayşe",
}

// surnameStems and surnameEndings make invented surnames, each used once.
var surnameStems = []string{
	"Var", "Kel", "Dor", "Mar", "Tal", "Ben", "Sor", "Hal", "Nov", "Ost", "Ril", "Zan",
	"Lor", "Bel", "Kas", "Mir", "Tor", "Gal", "Fen", "Rud", "Del", "Pav", "Sev", "Lum",
	"Brek", "Cas", "Dun", "Esk", "Hov", "Jur",
}

var surnameEndings = []string{
	"enko", "ova", "ani", "ström", "ez", "ić", "oğlu", "ssen", "ard", "ovich", "elli", "uru",
	"ado", "wski", "ahi", "é",
}

// specialSurnames replace the invented surname of an official (by country
// and title index) with one that a name test needs: 𠮷 lies beyond the
// Basic Multilingual Plane, so code points, UTF-16 units and bytes all
// differ.
var specialSurnames = map[[2]string]string{
	{"JPN", "Foreign Minister"}: "𠮷岡",
	{"CIV", "President"}:        "N'Guessan-Koné",
}

// igos are intergovernmental organisations (codes as the actor stage
// gives them) and the title of their invented head.
var igos = []struct {
	code, name, short, article, title string
}{
	{"IGOUNO", "United Nations", "UN", "the ", "Secretary-General"},
	{"IGOWSTNAT", "NATO", "NATO", "", "Secretary-General"},
	{"IGOEUREEC", "European Union", "EU", "the ", "foreign policy chief"},
	{"IGOAFRAFU", "African Union", "AU", "the ", "Commission Chairperson"},
}

// groups are invented armed and opposition groups of some countries.
var groups = []struct{ country, sector, name string }{
	{"SYR", "REB", "Free Highlands Army"},
	{"YEM", "REB", "Coastal Defence Brigades"},
	{"SDN", "REB", "Rapid Frontier Forces"},
	{"MMR", "REB", "Northern Liberation Front"},
	{"COL", "REB", "People's Resistance Council"},
	{"LBY", "REB", "Western Salvation Movement"},
	{"VEN", "OPP", "Democratic Renewal Alliance"},
	{"TUR", "OPP", "Unity and Justice Party"},
	{"ETH", "REB", "Highland Defence Front"},
	{"AFG", "REB", "Mountain Shield Movement"},
}

// publisherNames × publisherKinds are the 50 invented publishers.
var (
	publisherNames = []string{"Meridian", "Harbor", "Northern", "Atlantic", "Continental",
		"Summit", "Eastern", "Capital", "Pacific", "Riverside"}
	publisherKinds = []string{"Wire", "Times", "Herald", "Dispatch", "Observer"}
)

// eventTemplates are the sentences that state events. In a template
// {S} and {T} are the source and target, [word] the trigger, {a|b} a
// choice, {when} the date phrase (" on Monday" or nothing) and {where}
// the place (" in Kyiv" or nothing). The headline is the article's
// title when the event leads it. mil marks military events, whose sides
// are states, militaries and armed groups. weight is the relative
// frequency.
var eventTemplates = []struct {
	code, text, headline string
	mil                  bool
	state                bool // the target is a state, not a person or group
	weight               int
}{
	{"012", "{S} [warned]{when} that talks with {T} were {close to collapse|at risk|going nowhere}", "{S} warns talks with {T} at risk", false, false, 3},
	{"013", "{S} [welcomed]{when} what it called progress in talks with {T}", "{S} welcomes progress in talks with {T}", false, false, 3},
	{"016", "{S} [denied]{when} any role in the {attack|explosion|incident} {near the border|at the port|on the pipeline}{where}", "{S} denies role in attack", false, false, 2},
	{"020", "{S} [urged] {T}{when} to {return to negotiations|release detained journalists|reopen the border crossings|respect the truce}", "{S} urges {T} to return to talks", false, false, 5},
	{"0233", "{S} [appealed] to {T}{when} for {emergency food aid|medical supplies|help with refugees}", "{S} appeals to {T} for aid", false, true, 2},
	{"031", "{S} [pledged]{when} to {expand trade|deepen energy cooperation|build new rail links} with {T}", "{S} pledges closer trade ties with {T}", false, true, 3},
	{"036", "{S} [offered]{when} to {meet|hold talks with|open a dialogue with} {T}{where}", "{S} offers talks with {T}", false, false, 4},
	{"040", "{S} [held] talks with {T}{when}{where}", "{S} holds talks with {T}", false, false, 8},
	{"041", "{S} [spoke] by telephone with {T}{when}", "{S} and {T} speak by phone", false, false, 4},
	{"042", "{S} [visited] {T}{when} for {two days of talks|a brief working visit|the first time in a decade}", "{S} visits {T}", false, true, 3},
	{"043", "{S} [hosted] {T}{when}{where}", "{S} hosts {T}", false, true, 2},
	{"051", "{S} [praised] {T}{when} for its {role in the negotiations|restraint|help with the evacuation}", "{S} praises {T}", false, false, 3},
	{"057", "{S} [signed] {a trade agreement|a security pact|a memorandum on energy} with {T}{when}{where}", "{S} signs agreement with {T}", false, false, 3},
	{"061", "{S} [opened] a new {trade corridor|gas pipeline|investment fund} with {T}{when}", "{S} opens trade corridor with {T}", false, true, 2},
	{"062", "{S} [conducted] joint {naval|air defence|border} exercises with {T}{when}{where}", "{S} and {T} hold joint exercises", true, false, 2},
	{"071", "{S} [announced] an economic aid package for {T}{when} worth {N} million dollars", "{S} announces aid for {T}", false, true, 2},
	{"072", "{S} [delivered] {air defence systems|armoured vehicles|artillery shells} to {T}{when}", "{S} delivers weapons to {T}", false, true, 2},
	{"073", "{S} [sent] humanitarian aid to {T}{when}, including {N} tonnes of {food|medicine|tents}", "{S} sends humanitarian aid to {T}", false, true, 3},
	{"081", "{S} [eased] restrictions on {imports from|travel to|banks in} {T}{when}", "{S} eases restrictions on {T}", false, true, 1},
	{"0841", "{S} [released] {N} detained {fishermen|soldiers|aid workers} to {T}{when}", "{S} frees detainees to {T}", false, true, 1},
	{"087", "{S} [withdrew] troops from the border with {T}{when}", "{S} pulls troops back from {T} border", true, true, 1},
	{"090", "{S} [opened] an inquiry into the conduct of {T}{when}", "{S} opens inquiry into {T}", false, false, 1},
	{"100", "{S} [demanded]{when} that {T} {withdraw its forces|pay compensation|hand over the suspects|stop the strikes}", "{S} demands {T} withdraw forces", false, false, 4},
	{"111", "{S} [criticized] {T}{when} over {its handling of the crisis|the new tariffs|the arrests|the missile test}", "{S} criticizes {T}", false, false, 6},
	{"112", "{S} [accused] {T}{when} of {violating the ceasefire|shelling border villages|spreading false reports|harbouring militants}", "{S} accuses {T} of violating ceasefire", false, false, 7},
	{"120", "{S} [rejected] {a proposal|the latest offer|a peace plan} from {T}{when}", "{S} rejects proposal from {T}", false, false, 3},
	{"125", "{S} [refused]{when} to hold talks with {T} {until the shelling stops|while sanctions remain|this month}", "{S} refuses talks with {T}", false, false, 2},
	{"130", "{S} [threatened] {T}{when} with {retaliation|new tariffs|serious consequences}", "{S} threatens {T} with retaliation", false, false, 3},
	{"138", "{S} [warned] {T}{when} that it was ready to use force", "{S} warns {T} it may use force", false, false, 2},
	{"141", "Supporters of {S} [rallied]{when} outside the embassy of {T}{where}", "Protest outside {T} embassy", false, false, 1},
	{"154", "{S} [mobilized] reserve units{when} as tensions with {T} rose", "{S} mobilizes reserves amid {T} tensions", true, false, 2},
	{"161", "{S} [recalled] its ambassador to {T}{when}", "{S} recalls ambassador to {T}", false, true, 2},
	{"163", "{S} [imposed] an embargo on {T}{when}", "{S} imposes embargo on {T}", false, true, 2},
	{"172", "{S} [imposed] new sanctions on {T}{when}", "{S} imposes new sanctions on {T}", false, true, 4},
	{"174", "{S} [expelled] {N} diplomats from {T}{when}", "{S} expels {T} diplomats", false, true, 2},
	{"180", "{S} [attacked] a convoy belonging to {T}{when}{where}", "{S} attacks {T} convoy", true, false, 2},
	{"190", "{S} [clashed] with {T}{when} near the frontier", "{S} and {T} clash near frontier", true, false, 3},
	{"193", "{S} [fired] on positions held by {T}{when}", "{S} fires on {T} positions", true, false, 2},
	{"194", "{S} [shelled] positions held by {T}{when}", "{S} shells {T} positions", true, false, 3},
	{"195", "{S} [launched] air strikes against {T}{when}{where}", "{S} launches air strikes on {T}", true, false, 3},
}

// directQuotes are things officials say in quotation marks; {O} is the
// other side's country.
var directQuotes = []string{
	"We will {defend our sovereignty|protect our citizens|respond to any provocation} {by every means available|without hesitation|in a measured way}",
	"{O} must {stop its attacks|withdraw its troops|return to the talks|respect the agreement} {before it is too late|without delay|if it wants a lasting peace}",
	"There can be no {lasting peace|real progress|serious dialogue} while {O} {keeps threatening our borders|ignores its commitments|refuses to talk}",
	"The door to {dialogue|negotiations|diplomacy} remains open, but our patience is not unlimited",
	"Today's meeting was {useful|constructive|difficult but necessary}, and we agreed to meet again {soon|next month|in the coming weeks}",
	"We {welcome|support} every effort to {end the fighting|ease tensions|reach a ceasefire} in the region",
	"These accusations are {baseless|absurd|a distraction from the real problems}",
	"Nobody wants a wider war, but we will not be intimidated",
	"The sanctions will hurt ordinary people far more than {the government|the elite|anyone in power}",
	"We expect {O} to keep its word this time",
}

// indirectQuotes are reported clauses, in the past tense.
var indirectQuotes = []string{
	"{O} had {violated the agreement|ignored repeated warnings|rejected every proposal}",
	"the talks had made {some|little|real} progress",
	"the government was ready to {resume negotiations|consider a ceasefire|send more aid}",
	"new sanctions against {O} were being prepared",
	"{O} would face consequences if the attacks continued",
	"the border would stay closed until further notice",
}

// mixedQuotes are reported clauses with a quoted fragment in «».
var mixedQuotes = []string{
	"the {proposal|plan|offer} from {O} was «{a step in the right direction|dead on arrival|not serious}»",
	"the latest strikes were «{a grave escalation|unacceptable|a violation of every norm}»",
	"relations with {O} had reached «{a turning point|a new low|a dangerous stage}»",
}

// cues are the reporting verbs of quotes: text and lemma.
var cues = []struct{ text, lemma string }{
	{"said", "say"}, {"said", "say"}, {"said", "say"}, {"told reporters", "tell"},
	{"added", "add"}, {"warned", "warn"}, {"insisted", "insist"},
}

// fillers are background sentences: {A} and {B} are the two countries,
// {Aadj} and {Badj} their adjectives, {Acap} and {Bcap} their capitals,
// {N} a number, {Y} a year and {M} a month.
var fillers = []string{
	"Relations between {A} and {B} have been strained since {Y}",
	"The two sides last met in {M}, when talks ended without agreement",
	"Officials in {Bcap} did not respond to a request for comment",
	"Analysts said the dispute could weigh on trade across the region",
	"The {Aadj} economy has slowed this year as energy prices rose",
	"Diplomats said a new round of talks was possible before the end of the month",
	"More than {N} people have been killed in the fighting since {M}",
	"{B} has repeatedly denied the charges",
	"The {Badj} parliament is expected to debate the issue next week",
	"Thousands of people have fled the border area, according to aid groups",
	"The ceasefire agreed in {M} has been broken several times",
	"Trade between the two countries fell by {N} percent last year",
	"The {Aadj} currency weakened after the announcement",
	"{A} and {B} have no formal diplomatic relations",
	"Security was tightened in {Acap} ahead of the visit",
	"The talks are the first at this level since {Y}",
	"Both governments face elections next year",
	"Fuel shortages have worsened in recent weeks, residents said",
	"The border crossings were reopened to cargo traffic on Friday",
	"A senior diplomat said the sides remained far apart on the main issues",
	"Neighbouring states have called for restraint",
	"Independent observers have not been allowed into the area",
	"Markets in {Bcap} fell sharply on the news",
	"The previous agreement expired in {M}",
	"The {Badj} foreign ministry summoned the {Aadj} ambassador last month",
	"Shipping through the area has fallen by a third since {M}",
	"{A} is the largest trading partner of {B}",
	"Opposition lawmakers in {Acap} have called for an inquiry",
	"Prices of bread and fuel have risen sharply in {Bcap}",
	"Several foreign airlines have suspended flights to {Bcap}",
	"The {Aadj} side has not said what it would accept in return",
	"Neither side gave details of the proposals discussed",
	"An earlier round of talks collapsed in {M} over the question of prisoners",
	"Humanitarian agencies say they need {N} million dollars to reach people in need this winter",
	"Satellite images published last week appeared to show new positions near the border",
	"The {Badj} leader is due to travel abroad later this month",
}

// theCountries are the country codes whose names take "the".
var theCountries = map[string]bool{"USA": true, "GBR": true, "PHL": true}

var weekdays = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

var months = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}
