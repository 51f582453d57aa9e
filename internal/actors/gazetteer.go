package actors

import "strings"

// place is one entry of the gazetteer: a country (or a body such as NATO)
// with the names that stand for it in news prose.
type place struct {
	name     string   // canonical name
	kind     string   // GPE or ORG
	aliases  []string // other names and abbreviations
	demonyms []string // adjectives: "Russian" → Russia
	capitals []string // seats of government used as metonyms: "Moscow says"
}

// gazetteer is generic world knowledge: countries, their demonyms and the
// capitals (and seats such as "the Kremlin") that news prose uses for their
// governments, plus the main international bodies. It is safe to map a
// capital to its country because wire copy uses "Moscow", "Washington",
// "Beijing" for the government far more often than for the city.
var gazetteer = []place{
	{"Russia", "GPE", []string{"Russian Federation"}, []string{"Russian", "Russians"}, []string{"Moscow", "Kremlin"}},
	{"United States", "GPE", []string{"US", "U.S.", "USA", "U.S.A.", "America", "United States of America"}, []string{"American", "Americans"}, []string{"Washington", "White House"}},
	{"Ukraine", "GPE", nil, []string{"Ukrainian", "Ukrainians"}, []string{"Kiev", "Kyiv"}},
	{"China", "GPE", []string{"PRC", "People's Republic of China"}, []string{"Chinese"}, []string{"Beijing"}},
	{"United Kingdom", "GPE", []string{"UK", "U.K.", "Britain", "Great Britain"}, []string{"British"}, []string{"London", "Downing Street"}},
	{"France", "GPE", nil, []string{"French"}, []string{"Paris", "Elysee", "Élysée"}},
	{"Germany", "GPE", nil, []string{"German", "Germans"}, []string{"Berlin"}},
	{"Belarus", "GPE", nil, []string{"Belarusian", "Belarusians"}, []string{"Minsk"}},
	{"Poland", "GPE", nil, []string{"Polish", "Poles"}, []string{"Warsaw"}},
	{"Italy", "GPE", nil, []string{"Italian", "Italians"}, []string{"Rome"}},
	{"Spain", "GPE", nil, []string{"Spanish"}, []string{"Madrid"}},
	{"Japan", "GPE", nil, []string{"Japanese"}, []string{"Tokyo"}},
	{"India", "GPE", nil, []string{"Indian", "Indians"}, []string{"New Delhi"}},
	{"Iran", "GPE", nil, []string{"Iranian", "Iranians"}, []string{"Tehran"}},
	{"Iraq", "GPE", nil, []string{"Iraqi", "Iraqis"}, []string{"Baghdad"}},
	{"Syria", "GPE", nil, []string{"Syrian", "Syrians"}, []string{"Damascus"}},
	{"Israel", "GPE", nil, []string{"Israeli", "Israelis"}, []string{"Jerusalem"}},
	{"Turkey", "GPE", []string{"Türkiye"}, []string{"Turkish", "Turks"}, []string{"Ankara"}},
	{"Georgia", "GPE", nil, []string{"Georgian"}, []string{"Tbilisi"}},
	{"Kazakhstan", "GPE", nil, []string{"Kazakh"}, []string{"Astana", "Nur-Sultan"}},
	{"Finland", "GPE", nil, []string{"Finnish", "Finns"}, []string{"Helsinki"}},
	{"Sweden", "GPE", nil, []string{"Swedish", "Swedes"}, []string{"Stockholm"}},
	{"Norway", "GPE", nil, []string{"Norwegian"}, []string{"Oslo"}},
	{"Estonia", "GPE", nil, []string{"Estonian"}, []string{"Tallinn"}},
	{"Latvia", "GPE", nil, []string{"Latvian"}, []string{"Riga"}},
	{"Lithuania", "GPE", nil, []string{"Lithuanian"}, []string{"Vilnius"}},
	{"Moldova", "GPE", nil, []string{"Moldovan"}, []string{"Chisinau"}},
	{"Romania", "GPE", nil, []string{"Romanian"}, []string{"Bucharest"}},
	{"Hungary", "GPE", nil, []string{"Hungarian"}, []string{"Budapest"}},
	{"Czech Republic", "GPE", []string{"Czechia"}, []string{"Czech"}, []string{"Prague"}},
	{"Canada", "GPE", nil, []string{"Canadian", "Canadians"}, []string{"Ottawa"}},
	{"Mexico", "GPE", nil, []string{"Mexican", "Mexicans"}, []string{"Mexico City"}},
	{"Brazil", "GPE", nil, []string{"Brazilian"}, []string{"Brasilia", "Brasília"}},
	{"North Korea", "GPE", []string{"DPRK"}, []string{"North Korean"}, []string{"Pyongyang"}},
	{"South Korea", "GPE", []string{"Republic of Korea"}, []string{"South Korean"}, []string{"Seoul"}},
	{"Saudi Arabia", "GPE", nil, []string{"Saudi", "Saudis"}, []string{"Riyadh"}},
	{"Egypt", "GPE", nil, []string{"Egyptian"}, []string{"Cairo"}},
	{"Afghanistan", "GPE", nil, []string{"Afghan", "Afghans"}, []string{"Kabul"}},
	{"Pakistan", "GPE", nil, []string{"Pakistani"}, []string{"Islamabad"}},
	{"Cuba", "GPE", nil, []string{"Cuban", "Cubans"}, []string{"Havana"}},
	{"Venezuela", "GPE", nil, []string{"Venezuelan"}, []string{"Caracas"}},
	{"Armenia", "GPE", nil, []string{"Armenian"}, []string{"Yerevan"}},
	{"Azerbaijan", "GPE", nil, []string{"Azerbaijani"}, []string{"Baku"}},
	{"Serbia", "GPE", nil, []string{"Serbian", "Serbs"}, []string{"Belgrade"}},
	{"Austria", "GPE", nil, []string{"Austrian"}, []string{"Vienna"}},
	{"Switzerland", "GPE", nil, []string{"Swiss"}, []string{"Bern", "Geneva"}},
	{"Netherlands", "GPE", []string{"Holland"}, []string{"Dutch"}, []string{"The Hague", "Amsterdam"}},
	{"Belgium", "GPE", nil, []string{"Belgian"}, nil},
	{"Denmark", "GPE", nil, []string{"Danish"}, []string{"Copenhagen"}},
	{"Greece", "GPE", nil, []string{"Greek"}, []string{"Athens"}},
	{"Australia", "GPE", nil, []string{"Australian"}, []string{"Canberra"}},
	{"NATO", "ORG", []string{"North Atlantic Treaty Organization", "North Atlantic Alliance", "Nato"}, nil, nil},
	{"European Union", "ORG", []string{"EU", "E.U."}, []string{"European"}, []string{"Brussels"}},
	{"United Nations", "ORG", []string{"UN", "U.N."}, nil, nil},
	{"OSCE", "ORG", []string{"Organization for Security and Co-operation in Europe"}, nil, nil},
}

// gazEntry is what a gazetteer key resolves to.
type gazEntry struct {
	canon string
	kind  string // GPE, ORG
	role  byte   // 'n' name, 'd' demonym, 'c' capital/seat
}

// gazIndex maps a lower-cased name to its entry; built once at init from
// the immutable gazetteer table.
var gazIndex = func() map[string]gazEntry {
	m := make(map[string]gazEntry, len(gazetteer)*6)
	for _, p := range gazetteer {
		m[strings.ToLower(p.name)] = gazEntry{p.name, p.kind, 'n'}
		for _, a := range p.aliases {
			m[strings.ToLower(a)] = gazEntry{p.name, p.kind, 'n'}
		}
		for _, d := range p.demonyms {
			m[strings.ToLower(d)] = gazEntry{p.name, p.kind, 'd'}
		}
		for _, c := range p.capitals {
			m[strings.ToLower(c)] = gazEntry{p.name, p.kind, 'c'}
		}
	}
	return m
}()

// Place looks up a country, body, demonym or capital (case-insensitive) and
// returns the canonical name and its kind.
func Place(name string) (canon, kind string, ok bool) {
	e, ok := placeEntry(name)
	return e.canon, e.kind, ok
}

// placeEntry is Place returning the whole gazetteer entry (with its
// role: name, demonym or capital).
func placeEntry(name string) (gazEntry, bool) {
	name = strings.TrimPrefix(name, "the ")
	if strings.HasSuffix(name, ".") && strings.Count(name, ".") > 1 {
		// keep acronyms' final dot: "U.S."
		e, ok := gazIndex[strings.ToLower(name)]
		return e, ok
	}
	return lookup(gazLex, name)
}

// Demonym returns the country of a demonym ("Russian" → Russia).
func Demonym(word string) (string, bool) {
	e, ok := lookup(gazLex, word)
	if !ok || (e.role != 'd' && e.role != 'n') {
		return "", false
	}
	return e.canon, true
}
