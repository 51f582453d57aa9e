package convert

import "strings"

// What the three-letter segments of a CAMEO actor code mean, in Parley's own words. A code is a
// run of three-letter segments: a country (USA) or an international prefix (IGO, NGO, MNC, IMG),
// then role segments (GOV, MIL, ELI …), regions (WST, EUR …) and, for international bodies,
// the body itself (NAT = NATO, UNO = United Nations).

// sectors maps a role segment to the noun used after a country name ("United States
// government"). An empty noun means the role speaks for no body (ELI: a notable person with
// no office, which is how the dictionary codes former officials; CVL: civilians).
var sectors = map[string]string{
	"GOV": "government", "MIL": "military", "LEG": "legislature", "JUD": "judiciary",
	"OPP": "opposition", "REB": "rebels", "INS": "insurgents", "SEP": "separatists",
	"PTY": "political party", "COP": "police", "SPY": "intelligence services",
	"MED": "media", "BUS": "business", "EDU": "education sector", "HLH": "health sector",
	"AGR": "agriculture sector", "LAB": "labour", "CRM": "criminals", "REF": "refugees",
	"UAF": "armed groups", "HRI": "human rights groups", "ENV": "environmental groups",
	"DEV": "development groups", "REL": "religious groups", "MOD": "moderates",
	"RAD": "radicals", "SET": "settlers", "UNR": "unrecognised government",
	"OCC": "occupying authority", "ELI": "", "CVL": "",
	"CHR": "Christians", "MUS": "Muslims", "JEW": "Jews", "BUD": "Buddhists", "HIN": "Hindus",
	"NGO": "non-governmental organisations", "NGM": "activist movement",
}

// international prefixes: the code names no country first.
var prefixes = map[string]string{
	"IGO": "international organisation",
	"NGO": "non-governmental organisation",
	"NGM": "activist movement",
	"MNC": "company",
	"IMG": "militant group",
	"UIS": "unidentified state actor",
}

// regions are geographic or religious segments that narrow a body but are not the body.
var regions = map[string]bool{
	"WST": true, "EUR": true, "AFR": true, "ASA": true, "SEA": true, "SAS": true, "CAS": true,
	"EAF": true, "WAF": true, "SAF": true, "NAF": true, "CAF": true, "MEA": true, "LAM": true,
	"NAM": true, "SAM": true, "CRB": true, "PGS": true, "ARB": true, "MOS": true, "SCN": true,
	"BLK": true, "EEU": true, "CAU": true, "MDT": true, "PAC": true, "NMR": true, "AMR": true,
	"INT": true,
}

// orgNames names the international bodies news most often quotes, by their CAMEO segment.
// Segments not listed are named from the dictionary's own entry for the code.
var orgNames = map[string]string{
	"UNO": "United Nations", "NAT": "NATO", "EEC": "European Union", "AFU": "African Union",
	"OAU": "Organisation of African Unity", "ASN": "ASEAN", "ARL": "Arab League",
	"IMF": "International Monetary Fund", "WBK": "World Bank", "WTO": "World Trade Organization",
	"OPC": "OPEC", "IAE": "International Atomic Energy Agency", "WHO": "World Health Organization",
	"KID": "UNICEF", "HCR": "UNHCR", "HCH": "UN High Commissioner for Human Rights",
	"WFP": "World Food Programme", "ICC": "International Criminal Court",
	"ICJ": "International Court of Justice", "OAS": "Organization of American States",
	"OIC": "Organisation of Islamic Cooperation", "GCC": "Gulf Cooperation Council",
	"CIS": "Commonwealth of Independent States", "SCE": "OSCE", "COE": "Council of Europe",
	"EFT": "European Free Trade Association",
	"EBR": "European Bank for Reconstruction and Development",
	"ADB": "Asian Development Bank", "AFB": "African Development Bank",
	"IDB": "Islamic Development Bank", "ITP": "Interpol", "ILO": "International Labour Organization",
	"FAO": "Food and Agriculture Organization", "CWN": "Commonwealth of Nations",
	"SAA": "SAARC", "WAS": "ECOWAS", "SAD": "SADC", "IAD": "IGAD", "EAC": "East African Community",
	"GOE": "G8", "GOS": "G7", "GSS": "G77", "BIS": "Bank for International Settlements",
	"NON": "Non-Aligned Movement", "IPU": "Inter-Parliamentary Union", "APE": "OAPEC",
	"CEM": "CEMAC", "ECA": "ECCAS", "AMU": "Arab Maghreb Union", "CSS": "CEN-SAD",
	"AIE": "International Energy Agency", "ALQ": "al-Qaeda", "WCT": "international war crimes tribunal",
}

// orgAliases are acronyms news uses for bodies of orgNames; they are keys only where the
// dictionary has no body of that name.
var orgAliases = map[string][]string{
	"WTO": {"wto"}, "ICC": {"icc"}, "ICJ": {"icj"}, "OAS": {"oas"}, "GCC": {"gcc"}, "ILO": {"ilo"},
	"FAO": {"fao"}, "WFP": {"wfp"}, "IAE": {"iaea"}, "IMF": {"imf"}, "HCH": {"ohchr"},
	"SCE": {"osce"}, "EBR": {"ebrd"}, "AFU": {"au"}, "WBK": {"world bank group"},
}

// extraCountries names country codes the dictionary uses in roles but gives no country entry of
// its own, or names that read better than the dictionary's phrase.
var extraCountries = map[string]string{
	"COD": "Democratic Republic of the Congo", "COG": "Republic of the Congo", "HKG": "Hong Kong",
	"MMR": "Myanmar", "CIV": "Côte d'Ivoire", "MAC": "Macao",
	"USR": "Soviet Union", "YUG": "Yugoslavia", "CSK": "Czechoslovakia", "DDR": "East Germany",
	"KSV": "Kosovo", "SCG": "Serbia and Montenegro", "PSE": "Palestine", "TWN": "Taiwan",
}

// codeInfo is what a code means.
type codeInfo struct {
	Country string   // country code, "" for none
	Sector  string   // first role segment, or the international prefix
	Orgs    []string // body segments, outer to inner (IGOUNODEVWBK → UNO, WBK)
}

// parseCode splits a CAMEO code into its meaning; isCountry says which segments are countries.
func parseCode(code string, isCountry func(string) bool) codeInfo {
	var ci codeInfo
	if len(code) < 3 {
		return ci
	}
	var segs []string
	for i := 0; i+3 <= len(code); i += 3 {
		segs = append(segs, code[i:i+3])
	}
	first := segs[0]
	switch {
	case prefixes[first] != "":
		ci.Sector = first
		for _, s := range segs[1:] {
			// Regions and sectors first: after a prefix, MUS is Muslim and not Mauritius, NAM
			// North America and not Namibia.
			switch {
			case regions[s]:
			case hasSector(s) && orgNames[s] == "":
			case ci.Country == "" && isCountry(s):
				ci.Country = s
			default:
				ci.Orgs = append(ci.Orgs, s)
			}
		}
	case isCountry(first):
		ci.Country = first
		if len(segs) > 1 {
			ci.Sector = segs[1]
		}
	case hasSector(first) || regions[first]:
		ci.Sector = first
	default:
		if len(segs) > 1 {
			ci.Sector = segs[1]
		}
	}
	return ci
}

func hasSector(s string) bool { _, ok := sectors[s]; return ok }

// titleCase turns a dictionary phrase (BARACK_OBAMA, GEORGE_W._BUSH_, BAN_KI-MOON,
// THE_UNITED_NATIONS_) into a display name (Barack Obama, George W. Bush, Ban Ki-moon, United
// Nations). Dotted abbreviations (U.N.), Roman numerals and parenthesised acronyms stay upper
// case, short joining words lower case; with keepAcronym a one-word name of up to four letters
// stays upper case (NATO).
func titleCase(phrase string, keepAcronym bool) string {
	words := strings.Fields(strings.NewReplacer("_", " ", "(", " (", ")", ") ").Replace(phrase))
	if len(words) > 1 && strings.EqualFold(words[0], "the") {
		words = words[1:]
	}
	if keepAcronym && len(words) == 1 && len([]rune(words[0])) <= 4 {
		return words[0]
	}
	for i, w := range words {
		lw := strings.ToLower(w)
		switch {
		case strings.HasPrefix(w, "(") && strings.HasSuffix(w, ")"),
			strings.Count(w, ".") >= 2, isRoman(w):
			words[i] = strings.ToUpper(w)
		case i > 0 && joining[lw]:
			words[i] = lw
		case keepAcronym && orgAcronyms[lw]:
			words[i] = strings.ToUpper(w)
		default:
			words[i] = capWord(w)
		}
	}
	return strings.Join(words, " ")
}

// orgAcronyms are the acronyms inside bodies' names of several words
// ("US_SECRETARY_OF_STATE", "UN_SECURITY_COUNCIL", "ASEAN_COUNTRIES"):
// title-cased they read "Us Secretary of State".
var orgAcronyms = map[string]bool{"us": true, "usa": true, "un": true, "eu": true, "uk": true, "ussr": true, "uae": true,
	"nato": true, "asean": true, "ecowas": true, "opec": true, "iaea": true, "osce": true, "imf": true, "wto": true,
	"fbi": true, "cia": true, "nsa": true, "gcc": true, "unhcr": true, "unicef": true, "unesco": true, "undp": true}

var joining = map[string]bool{"and": true, "of": true, "the": true, "for": true, "in": true, "on": true, "to": true, "de": true, "du": true, "des": true, "la": true, "le": true, "al": true, "el": true, "bin": true, "van": true, "von": true, "der": true, "da": true, "di": true, "del": true}

func isRoman(w string) bool {
	switch strings.ToUpper(w) {
	case "II", "III", "IV", "VI", "VII", "VIII":
		return true
	}
	return false
}

// capWord capitalises a word's first letter and lowers the rest, with Mc and O' names kept
// (MCNAMARA → McNamara, O'BRIEN → O'Brien); after a hyphen the letters stay lower (Ki-moon).
func capWord(w string) string {
	r := []rune(strings.ToLower(w))
	if len(r) == 0 {
		return w
	}
	r[0] = toUpper(r[0])
	if len(r) > 3 && r[0] == 'M' && r[1] == 'c' {
		r[2] = toUpper(r[2])
	}
	if len(r) > 2 && r[1] == '\'' {
		r[2] = toUpper(r[2])
	}
	return string(r)
}

func toUpper(r rune) rune { return []rune(strings.ToUpper(string(r)))[0] }
