package main

// The tables below are facts written for eventwire: names that English
// news uses for countries, nationalities, capitals and seats of
// government, beyond those of the source packages.

// extraAliases are further names of countries, by ISO3.
var extraAliases = map[string][]string{
	"ARE": {"UAE", "U.A.E.", "Emirates"},
	"BIH": {"Bosnia", "Bosnia-Herzegovina"},
	"BRN": {"Brunei"},
	"CHN": {"PRC", "P.R.C.", "People's Republic of China", "mainland China", "Mainland China"},
	"CIV": {"Ivory Coast", "Côte d'Ivoire"},
	"COD": {"DR Congo", "DRC", "D.R. Congo", "Congo-Kinshasa", "Democratic Republic of Congo", "Democratic Republic of the Congo", "Zaire", "Congo"},
	"COG": {"Congo-Brazzaville", "Congo Republic", "Republic of Congo", "Republic of the Congo"},
	"CPV": {"Cabo Verde"},
	"CZE": {"Czech Republic", "Czechia"},
	"GBR": {"Britain", "Great Britain", "UK", "U.K.", "United Kingdom"},
	"IRN": {"Iran", "Islamic Republic"},
	"KOR": {"South Korea", "Republic of Korea", "ROK", "Korea"},
	"LAO": {"Laos"},
	"MKD": {"Macedonia", "FYROM"},
	"MMR": {"Burma", "Myanmar"},
	"NLD": {"Netherlands", "Holland"},
	"PRK": {"North Korea", "DPRK", "D.P.R.K.", "Democratic People's Republic of Korea"},
	"PSE": {"Palestine", "Palestinian territories", "Palestinian Territories", "occupied Palestinian territories"},
	"RUS": {"Russia", "Russian Federation"},
	"SYR": {"Syria"},
	"TLS": {"East Timor", "Timor-Leste"},
	"TTO": {"Trinidad"},
	"TUR": {"Turkey", "Türkiye"},
	"TWN": {"Taiwan", "Republic of China", "Chinese Taipei"},
	"USA": {"U.S.", "US", "U.S.A.", "USA", "America", "United States", "United States of America"},
	"VAT": {"Vatican", "Holy See", "Vatican City"},
	"VNM": {"Viet Nam"},
}

// dropAliases are alternative spellings of world-countries that English
// text uses for something else (a word, a surname, a nationality), by
// ISO3.
var dropAliases = map[string][]string{
	"IMN": {"Mann"},      // a surname
	"ISL": {"Island"},    // an English word
	"MEX": {"Mexicanos"}, // a nationality
	"THA": {"Prathet", "Thai"},
	"TGO": {"Togolese"},
}

// extraDemonyms are further nationality and adjectival forms, by ISO3.
// Plurals are formed by the generator (see plural).
var extraDemonyms = map[string][]string{
	"ARG": {"Argentinian"},
	"AZE": {"Azeri"},
	"BIH": {"Bosniak"},
	"DNK": {"Dane"},
	"ESP": {"Spaniard"},
	"FIN": {"Finn"},
	"HRV": {"Croat"},
	"GBR": {"Briton", "Brit", "UK", "U.K."},
	"ISL": {"Icelandic"},
	"KAZ": {"Kazakh"},
	"KGZ": {"Kyrgyz"},
	"KOR": {"Korean"},
	"NPL": {"Nepali"},
	"PHL": {"Philippine", "Filipina"},
	"POL": {"Pole"},
	"PRK": {"North Korean", "Korean"},
	"SAU": {"Saudi"},
	"SRB": {"Serb"},
	"SVN": {"Slovenian"},
	"SWE": {"Swede"},
	"TJK": {"Tajik"},
	"TUR": {"Turk"},
	"UZB": {"Uzbek"},
	"USA": {"U.S.", "US"},
}

// invariable demonyms have no plural in -s ("the Swiss", "the Basotho").
var invariable = map[string]bool{
	"Swiss": true, "Malagasy": true, "Lao": true, "Ni-Vanuatu": true, "I-Kiribati": true,
	"Mosotho": true, "Motswana": true, "Burkinabe": true, "Kyrgyz": true, "Kirghiz": true,
	"Manx": true, "U.S.": true, "US": true, "UK": true, "U.K.": true, "Filipina": true,
	"Philippine": true, "Icelandic": true, "Seychellois": true, "Sammarinese": true,
	"Monegasque": true, "Turkmen": true,
}

// irregularPlurals of demonyms.
var irregularPlurals = map[string]string{
	"Mosotho":  "Basotho",
	"Motswana": "Batswana",
	"Filipino": "Filipinos",
}

// capitalCities name the GeoNames place of a capital where its name
// differs from world-countries' ("ISO3/capital": "GeoNames name").
var capitalCities = map[string]string{
	"USA/Washington D.C.":    "Washington, D.C.",
	"MMR/Naypyidaw":          "Nay Pyi Taw",
	"KAZ/Astana":             "Nur-Sultan",
	"YEM/Sana'a":             "Sanaa",
	"HKG/City of Victoria":   "Hong Kong",
	"SMR/City of San Marino": "San Marino",
	"KIR/South Tarawa":       "Tarawa",
	"ESH/El Aaiún":           "Laayoune",
	"GGY/St. Peter Port":     "Saint Peter Port",
	"GRD/St. George's":       "Saint George's",
	"FSM/Palikir":            "Palikir - National Government Center",
}

// capitalAliases are further names of capitals, by ISO3.
var capitalAliases = map[string][]string{
	"USA": {"Washington", "Washington, D.C.", "Washington D.C."},
	"UKR": {"Kiev"},
	"MMR": {"Nay Pyi Taw", "Naypyitaw"},
	"MNG": {"Ulaanbaatar"},
	"KAZ": {"Nur-Sultan"},
	"IND": {"Delhi"},
	"NPL": {"Khatmandu"},
}

// seatCities are seats of government that are not the capital that
// world-countries gives: where the government sits, for metonymy ("The
// Hague said").
var seatCities = []struct{ iso3, name, city string }{
	{"NLD", "The Hague", "The Hague"},
	{"BOL", "La Paz", "La Paz"},
	{"CIV", "Abidjan", "Abidjan"},
	{"BEN", "Cotonou", "Cotonou"},
	{"MYS", "Putrajaya", "Putrajaya"},
}

// seatAliases are further names of the seat cities.
var seatAliases = map[string][]string{
	"The Hague": {"the Hague", "Den Haag"},
}

// buildings stand for a government or one of its branches ("the Kremlin
// said"): the canonical name, the names matched (without a leading "the"),
// the country, the sector (GOV, MIL or LEG) and the city they are in.
var buildings = []struct {
	name   string
	keys   []string
	iso3   string
	sector string
	city   string // GeoNames name of the city
}{
	{"the Kremlin", []string{"Kremlin"}, "RUS", "GOV", "Moscow"},
	{"the White House", []string{"White House"}, "USA", "GOV", "Washington, D.C."},
	{"the Oval Office", []string{"Oval Office"}, "USA", "GOV", "Washington, D.C."},
	{"the Pentagon", []string{"Pentagon"}, "USA", "MIL", "Washington, D.C."},
	{"Foggy Bottom", []string{"Foggy Bottom"}, "USA", "GOV", "Washington, D.C."},
	{"Capitol Hill", []string{"Capitol Hill"}, "USA", "LEG", "Washington, D.C."},
	{"Downing Street", []string{"Downing Street", "Downing St."}, "GBR", "GOV", "London"},
	{"Whitehall", []string{"Whitehall"}, "GBR", "GOV", "London"},
	{"Westminster", []string{"Westminster", "Palace of Westminster"}, "GBR", "LEG", "London"},
	{"the Élysée", []string{"Élysée", "Élysée Palace", "Elysée"}, "FRA", "GOV", "Paris"},
	{"Matignon", []string{"Matignon", "Hôtel Matignon"}, "FRA", "GOV", "Paris"},
	{"the Quai d'Orsay", []string{"Quai d'Orsay"}, "FRA", "GOV", "Paris"},
	{"Zhongnanhai", []string{"Zhongnanhai"}, "CHN", "GOV", "Beijing"},
	{"the Blue House", []string{"Blue House", "Cheong Wa Dae"}, "KOR", "GOV", "Seoul"},
	{"the Kantei", []string{"Kantei"}, "JPN", "GOV", "Tokyo"},
	{"Kasumigaseki", []string{"Kasumigaseki"}, "JPN", "GOV", "Tokyo"},
	{"Nagatacho", []string{"Nagatacho", "Nagatachō"}, "JPN", "GOV", "Tokyo"},
	{"the Quirinale", []string{"Quirinale", "Quirinal", "Quirinal Palace"}, "ITA", "GOV", "Rome"},
	{"Palazzo Chigi", []string{"Palazzo Chigi"}, "ITA", "GOV", "Rome"},
	{"La Moncloa", []string{"Moncloa", "La Moncloa", "Moncloa Palace"}, "ESP", "GOV", "Madrid"},
	{"the Planalto", []string{"Planalto", "Planalto Palace", "Palácio do Planalto"}, "BRA", "GOV", "Brasília"},
	{"Itamaraty", []string{"Itamaraty"}, "BRA", "GOV", "Brasília"},
	{"the Casa Rosada", []string{"Casa Rosada"}, "ARG", "GOV", "Buenos Aires"},
	{"Los Pinos", []string{"Los Pinos"}, "MEX", "GOV", "Mexico City"},
	{"Miraflores Palace", []string{"Miraflores Palace"}, "VEN", "GOV", "Caracas"},
	{"Malacañang", []string{"Malacañang", "Malacañang Palace"}, "PHL", "GOV", "Manila"},
	{"Parliament Hill", []string{"Parliament Hill"}, "CAN", "LEG", "Ottawa"},
	{"Rashtrapati Bhavan", []string{"Rashtrapati Bhavan"}, "IND", "GOV", "New Delhi"},
	{"Raisina Hill", []string{"Raisina Hill"}, "IND", "GOV", "New Delhi"},
	{"Prague Castle", []string{"Prague Castle"}, "CZE", "GOV", "Prague"},
	{"Baabda", []string{"Baabda", "Baabda Palace"}, "LBN", "GOV", "Beirut"},
	{"Aso Rock", []string{"Aso Rock", "Aso Villa"}, "NGA", "GOV", "Abuja"},
	{"the Union Buildings", []string{"Union Buildings"}, "ZAF", "GOV", "Pretoria"},
	{"the Beehive", []string{"Beehive"}, "NZL", "GOV", "Wellington"},
	{"the Kirya", []string{"Kirya", "HaKirya"}, "ISR", "MIL", "Tel Aviv"},
}

// cityAliases are further names of cities ("ISO2/GeoNames name": names):
// former names still in use and the usual English forms of names that
// GeoNames writes in the local language or otherwise.
var cityAliases = map[string][]string{
	"US/New York City":    {"New York"},
	"US/Washington, D.C.": {"Washington", "Washington D.C."},
	"UA/Kyiv":             {"Kiev"},
	"KZ/Nur-Sultan":       {"Astana"},
	"IN/Mumbai":           {"Bombay"},
	"IN/Kolkata":          {"Calcutta"},
	"IN/Chennai":          {"Madras"},
	"VN/Ho Chi Minh City": {"Saigon"},
	"MM/Yangon":           {"Rangoon"},
	"PS/Gaza":             {"Gaza City"},
	"IQ/Al Fallūjah":      {"Falluja"},
	"SY/Ar Raqqah":        {"Raqqa"},
	"LY/Mişrātah":         {"Misrata", "Misurata"},
	"RU/Groznyy":          {"Grozny"},
	"AF/Kandahār":         {"Kandahar"},
	"AF/Mazār-e Sharīf":   {"Mazar-i-Sharif"},
	"SY/Deir ez-Zor":      {"Deir al-Zor", "Deir el-Zour"},
	"YE/Al Ḩudaydah":      {"Hodeidah"},
	"YE/Ta‘izz":           {"Taiz"},
	"IQ/Basrah":           {"Basra"},
	"IQ/Erbil":            {"Arbil", "Irbil"},
	"IL/Tel Aviv":         {"Tel Aviv-Yafo"},
	"CH/Genève":           {"Geneva"},
	"DE/Köln":             {"Cologne"},
	"DE/Nürnberg":         {"Nuremberg"},
	"DE/Hannover":         {"Hanover"},
	"DE/Braunschweig":     {"Brunswick"},
	"SE/Göteborg":         {"Gothenburg"},
	"BE/Antwerpen":        {"Antwerp"},
	"BE/Brugge":           {"Bruges"},
	"BE/Gent":             {"Ghent"},
	"CH/Luzern":           {"Lucerne"},
	"ES/Sevilla":          {"Seville"},
	"ES/Zaragoza":         {"Saragossa"},
	"MA/Fès":              {"Fez"},
	"IN/Bengaluru":        {"Bangalore"},
	"PH/Cebu City":        {"Cebu"},
	"MN/Ulan Bator":       {"Ulaanbaatar"},
}

// arabicArticle lists the forms of the Arabic article with which GeoNames
// writes place names ("Al Fallūjah", "Ar Raqqah"); news writes them with
// or without it, often in lower case with a hyphen ("al-Raqqa").
var arabicArticle = []string{"Al", "Ad", "Adh", "Ar", "As", "Ash", "At", "Ath", "Az", "An", "Aḑ", "Aş", "Aţ", "Az̧"}

// arabicCountries are the ISO2 codes of the countries whose place names
// the article rule above applies to.
var arabicCountries = map[string]bool{
	"AE": true, "BH": true, "DZ": true, "EG": true, "EH": true, "IQ": true, "JO": true, "KW": true,
	"LB": true, "LY": true, "MA": true, "MR": true, "OM": true, "PS": true, "QA": true, "SA": true,
	"SD": true, "SY": true, "TN": true, "YE": true,
}

// regionSuffixes are dropped from region names for a further key
// ("Moscow Oblast" also as "Moscow", "Homs Governorate" as "Homs").
var regionSuffixes = []string{" Province", " Governorate", " Oblast", " Region", " Prefecture"}

// featureWords are generic words for a kind of place ("the Gulf", "the
// Coast", "the Capital"): a one-word name of a city or region that is one
// of them ("Gulf" for Papua New Guinea's Gulf Province) is dropped, as
// English text uses them for other places.
var featureWords = map[string]bool{
	"gulf": true, "bay": true, "coast": true, "sea": true, "lake": true, "lakes": true, "river": true,
	"island": true, "islands": true, "valley": true, "mountain": true, "mountains": true, "highlands": true,
	"plateau": true, "delta": true, "desert": true, "capital": true, "border": true, "interior": true,
	"coastal": true, "central": true, "northern": true, "southern": true, "eastern": true, "western": true,
	"north": true, "south": true, "east": true, "west": true, "upper": true, "lower": true, "peninsula": true,
	"frontier": true, "littoral": true, "plains": true, "forest": true, "oasis": true,
}

// extraRegions are regions that news names and that are no first-order
// division of GeoNames (or are named otherwise there): the country that
// holds them (de jure, as the Phoenix dictionaries code them: the Golan
// Heights are Syria's), the canonical name and the names matched.
var extraRegions = []struct {
	iso3, name string
	keys       []string
}{
	{"SDN", "Darfur", []string{"Darfur"}},
	{"SYR", "Golan Heights", []string{"Golan Heights", "Golan"}},
	{"EGY", "Sinai", []string{"Sinai", "Sinai Peninsula"}},
	{"RUS", "Siberia", []string{"Siberia"}},
	{"ISR", "Negev", []string{"Negev"}},
	{"ISR", "Galilee", []string{"Galilee"}},
	{"UKR", "Donbas", []string{"Donbas", "Donbass"}},
	{"PHL", "Mindanao", []string{"Mindanao"}},
	{"PAK", "Waziristan", []string{"Waziristan", "North Waziristan", "South Waziristan"}},
	{"PAK", "Baluchistan", []string{"Baluchistan"}},
	{"ETH", "Ogaden", []string{"Ogaden"}},
	{"SEN", "Casamance", []string{"Casamance"}},
	{"AZE", "Nagorno-Karabakh", []string{"Nagorno-Karabakh", "Karabakh"}},
	{"GEO", "South Ossetia", []string{"South Ossetia"}},
}
