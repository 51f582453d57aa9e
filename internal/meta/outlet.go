package meta

import "strings"

// knownOutlets maps the spellings an outlet's name takes in datelines,
// bylines and site furniture to one canonical name, so that "(Sputnik)",
// "Sputnik International" and "SPUTNIK" count as one outlet when sources
// are merged. Only well-known wire services and their house spellings are
// listed; any other name is kept as written.
var knownOutlets = map[string]string{
	"tass":                  "TASS",
	"itar-tass":             "TASS",
	"sputnik":               "Sputnik",
	"sputnik international": "Sputnik",
	"sputnik news":          "Sputnik",
	"ria novosti":           "RIA Novosti",
	"ria":                   "RIA Novosti",
	"interfax":              "Interfax",
	"reuters":               "Reuters",
	"reuter":                "Reuters",
	"thomson reuters":       "Reuters",
	"ap":                    "AP",
	"associated press":      "AP",
	"the associated press":  "AP",
	"afp":                   "AFP",
	"agence france-presse":  "AFP",
	"agence france presse":  "AFP",
	"xinhua":                "Xinhua",
	"upi":                   "UPI",
	"dpa":                   "dpa",
	"efe":                   "EFE",
	"ansa":                  "ANSA",
	"kyodo":                 "Kyodo",
	"yonhap":                "Yonhap",
	"anadolu":               "Anadolu Agency",
	"anadolu agency":        "Anadolu Agency",
	"aa":                    "Anadolu Agency",
	"pti":                   "PTI",
	"ani":                   "ANI",
	"ians":                  "IANS",
	"bloomberg":             "Bloomberg",
	"cnn":                   "CNN",
	"bbc":                   "BBC",
	"ukrinform":             "Ukrinform",
	"unian":                 "UNIAN",
	"belta":                 "BelTA",
	"irna":                  "IRNA",
	"kuna":                  "KUNA",
	"wam":                   "WAM",
	"mena":                  "MENA",
	"pap":                   "PAP",
	"ctk":                   "ČTK",
	"apa":                   "APA",
	"bernama":               "Bernama",
	"antara":                "Antara",
	"aap":                   "AAP",
	"spa":                   "SPA",
	"saudi press agency":    "SPA",
	"qna":                   "QNA",
	"bna":                   "BNA",
	"petra":                 "Petra",
	"sana":                  "SANA",
	"nna":                   "NNA",
	"wafa":                  "WAFA",
	"kcna":                  "KCNA",
	"vna":                   "VNA",
	"jiji":                  "Jiji Press",
	"jiji press":            "Jiji Press",
	"kyodo news":            "Kyodo",
	"lusa":                  "Lusa",
	"bta":                   "BTA",
	"agerpres":              "Agerpres",
	"nan":                   "NAN",
	"voa":                   "VOA",
	"cp":                    "The Canadian Press",
	"the canadian press":    "The Canadian Press",
	"canadian press":        "The Canadian Press",
	// broadcasters and papers whose name closes their reports ("SOURCE:
	// Al Jazeera", "Published in Dawn")
	"al jazeera":                "Al Jazeera",
	"al arabiya":                "Al Arabiya",
	"deutsche welle":            "Deutsche Welle",
	"dw":                        "Deutsche Welle",
	"france 24":                 "France 24",
	"euronews":                  "Euronews",
	"nhk":                       "NHK",
	"cgtn":                      "CGTN",
	"global times":              "Global Times",
	"china daily":               "China Daily",
	"south china morning post":  "South China Morning Post",
	"dawn":                      "Dawn",
	"the hindu":                 "The Hindu",
	"the times of india":        "The Times of India",
	"hindustan times":           "Hindustan Times",
	"arab news":                 "Arab News",
	"haaretz":                   "Haaretz",
	"the japan times":           "The Japan Times",
	"the new york times":        "The New York Times",
	"the washington post":       "The Washington Post",
	"the wall street journal":   "The Wall Street Journal",
	"financial times":           "Financial Times",
	"the guardian":              "The Guardian",
	"politico":                  "Politico",
	"the irish times":           "The Irish Times",
	"the globe and mail":        "The Globe and Mail",
	"the sydney morning herald": "The Sydney Morning Herald",
	"the moscow times":          "The Moscow Times",
	"kyiv independent":          "Kyiv Independent",
	"the kyiv independent":      "Kyiv Independent",
}

// CanonicalOutlet returns the canonical name of an outlet as written in a
// dateline or on a page ("Sputnik International" → "Sputnik").
func CanonicalOutlet(name string) string {
	name = strings.TrimSpace(strings.Trim(name, "/()"))
	if name == "" {
		return ""
	}
	if c, ok := knownOutlets[strings.ToLower(name)]; ok {
		return c
	}
	return name
}

// KnownOutlet returns the canonical name of a well-known wire service or
// publisher as written in a sign-off or credit ("REUTER", "(AP)", "— AFP"),
// and false for any other text.
func KnownOutlet(name string) (string, bool) {
	name = strings.TrimSpace(strings.Trim(strings.TrimSpace(name), "/()[]—–-.: "))
	if name == "" || len(name) > 40 {
		return "", false
	}
	// lower-cased on the stack: sign-offs are checked on every article
	var buf [40]byte
	low := buf[:len(name)]
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	c, ok := knownOutlets[string(low)]
	return c, ok
}
