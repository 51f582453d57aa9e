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
	{"United States", "GPE", []string{"US", "U.S.", "USA", "U.S.A.", "America", "United States of America"}, []string{"American", "Americans"}, []string{"Washington", "White House", "Pentagon", "Foggy Bottom"}},
	{"Ukraine", "GPE", nil, []string{"Ukrainian", "Ukrainians"}, []string{"Kiev", "Kyiv", "Bankova"}},
	{"China", "GPE", []string{"PRC", "People's Republic of China", "Inner Mongolia", "Red China", "Communist China"}, []string{"Chinese"}, []string{"Beijing", "Peking", "Zhongnanhai"}},
	{"United Kingdom", "GPE", []string{"UK", "U.K.", "Britain", "Great Britain"}, []string{"British"}, []string{"London", "Downing Street", "Number 10", "No 10", "No. 10", "Whitehall"}},
	{"France", "GPE", nil, []string{"French"}, []string{"Paris", "Elysee", "Élysée", "Quai d'Orsay", "Matignon"}},
	{"Germany", "GPE", nil, []string{"German", "Germans"}, []string{"Berlin"}},
	{"Belarus", "GPE", nil, []string{"Belarusian", "Belarusians"}, []string{"Minsk"}},
	{"Poland", "GPE", nil, []string{"Polish", "Poles"}, []string{"Warsaw"}},
	{"Italy", "GPE", nil, []string{"Italian", "Italians"}, []string{"Rome", "Farnesina", "Palazzo Chigi"}},
	{"Spain", "GPE", nil, []string{"Spanish"}, []string{"Madrid", "Moncloa"}},
	{"Japan", "GPE", nil, []string{"Japanese"}, []string{"Tokyo", "Kasumigaseki"}},
	{"India", "GPE", nil, []string{"Indian", "Indians"}, []string{"New Delhi", "South Block"}},
	{"Iran", "GPE", []string{"Persia"}, []string{"Iranian", "Iranians"}, []string{"Tehran", "Teheran"}},
	{"Iraq", "GPE", nil, []string{"Iraqi", "Iraqis"}, []string{"Baghdad"}},
	{"Syria", "GPE", nil, []string{"Syrian", "Syrians"}, []string{"Damascus"}},
	{"Israel", "GPE", nil, []string{"Israeli", "Israelis"}, []string{"Jerusalem"}},
	{"Turkey", "GPE", []string{"Türkiye"}, []string{"Turkish", "Turks"}, []string{"Ankara"}},
	{"Georgia", "GPE", nil, []string{"Georgian"}, []string{"Tbilisi"}},
	{"Kazakhstan", "GPE", nil, []string{"Kazakh"}, []string{"Astana", "Nur-Sultan", "Alma-Ata"}},
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
	{"Brazil", "GPE", nil, []string{"Brazilian"}, []string{"Brasilia", "Brasília", "Itamaraty", "Planalto"}},
	{"North Korea", "GPE", []string{"DPRK"}, []string{"North Korean"}, []string{"Pyongyang"}},
	{"South Korea", "GPE", []string{"Republic of Korea"}, []string{"South Korean"}, []string{"Seoul", "Blue House", "Cheong Wa Dae"}},
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
	// The rest of the world, so that a report from anywhere types its
	// countries and reads "Irish Foreign Minister" as Ireland's. Capitals
	// that are also common names or words ("Victoria", "Male", "Santiago",
	// "Wellington", "Kingston", "Sofia", "San Jose") are left out, and so
	// are two countries' own names (see unindexedNames).
	{"Ireland", "GPE", []string{"Republic of Ireland", "Eire"}, []string{"Irish"}, []string{"Dublin"}},
	{"Portugal", "GPE", nil, []string{"Portuguese"}, []string{"Lisbon"}},
	{"Iceland", "GPE", nil, []string{"Icelandic", "Icelanders"}, []string{"Reykjavik"}},
	{"Luxembourg", "GPE", nil, []string{"Luxembourgish"}, nil},
	{"Slovakia", "GPE", nil, []string{"Slovak", "Slovaks"}, []string{"Bratislava"}},
	{"Slovenia", "GPE", nil, []string{"Slovenian", "Slovene", "Slovenians"}, []string{"Ljubljana"}},
	{"Croatia", "GPE", nil, []string{"Croatian", "Croats"}, []string{"Zagreb"}},
	{"Bosnia and Herzegovina", "GPE", []string{"Bosnia"}, []string{"Bosnian", "Bosnians"}, []string{"Sarajevo"}},
	{"Montenegro", "GPE", nil, []string{"Montenegrin"}, []string{"Podgorica"}},
	{"Kosovo", "GPE", nil, []string{"Kosovar", "Kosovars"}, []string{"Pristina"}},
	{"Albania", "GPE", nil, []string{"Albanian", "Albanians"}, []string{"Tirana"}},
	{"North Macedonia", "GPE", []string{"Macedonia"}, []string{"Macedonian"}, []string{"Skopje"}},
	{"Bulgaria", "GPE", nil, []string{"Bulgarian", "Bulgarians"}, nil},
	{"Cyprus", "GPE", nil, []string{"Cypriot", "Cypriots"}, []string{"Nicosia"}},
	{"Malta", "GPE", nil, []string{"Maltese"}, []string{"Valletta"}},
	{"Uzbekistan", "GPE", nil, []string{"Uzbek", "Uzbeks"}, []string{"Tashkent"}},
	{"Kyrgyzstan", "GPE", nil, []string{"Kyrgyz"}, []string{"Bishkek"}},
	{"Tajikistan", "GPE", nil, []string{"Tajik", "Tajiks"}, []string{"Dushanbe"}},
	{"Turkmenistan", "GPE", nil, []string{"Turkmen"}, []string{"Ashgabat"}},
	{"Mongolia", "GPE", nil, []string{"Mongolian", "Mongolians"}, []string{"Ulaanbaatar", "Ulan Bator"}},
	{"Taiwan", "GPE", []string{"Formosa", "Nationalist China"}, []string{"Taiwanese"}, []string{"Taipei"}},
	{"Vietnam", "GPE", []string{"Viet Nam"}, []string{"Vietnamese"}, []string{"Hanoi"}},
	{"Thailand", "GPE", []string{"Siam"}, []string{"Thai"}, []string{"Bangkok"}},
	{"Cambodia", "GPE", []string{"Kampuchea"}, []string{"Cambodian", "Cambodians"}, []string{"Phnom Penh"}},
	{"Laos", "GPE", nil, []string{"Laotian"}, []string{"Vientiane"}},
	{"Myanmar", "GPE", []string{"Burma"}, []string{"Burmese"}, []string{"Naypyitaw", "Naypyidaw", "Rangoon"}},
	{"Malaysia", "GPE", nil, []string{"Malaysian", "Malaysians"}, []string{"Kuala Lumpur"}},
	{"Singapore", "GPE", nil, []string{"Singaporean", "Singaporeans"}, nil},
	{"Indonesia", "GPE", nil, []string{"Indonesian", "Indonesians"}, []string{"Jakarta"}},
	{"Philippines", "GPE", nil, []string{"Filipino", "Filipinos", "Philippine"}, []string{"Manila", "Malacanang", "Malacañang"}},
	{"New Zealand", "GPE", nil, []string{"New Zealander", "New Zealanders"}, nil},
	{"Bangladesh", "GPE", nil, []string{"Bangladeshi"}, []string{"Dhaka", "Dacca"}},
	{"Sri Lanka", "GPE", []string{"Ceylon"}, []string{"Sri Lankan", "Ceylonese"}, []string{"Colombo"}},
	{"Nepal", "GPE", nil, []string{"Nepali", "Nepalese"}, []string{"Kathmandu"}},
	{"Lebanon", "GPE", nil, []string{"Lebanese"}, []string{"Beirut"}},
	{"Jordan", "GPE", nil, []string{"Jordanian", "Jordanians"}, []string{"Amman"}},
	{"Palestine", "GPE", []string{"Palestinian Territories"}, []string{"Palestinian", "Palestinians"}, []string{"Ramallah"}},
	{"Qatar", "GPE", nil, []string{"Qatari", "Qataris"}, []string{"Doha"}},
	{"United Arab Emirates", "GPE", []string{"UAE", "U.A.E."}, []string{"Emirati", "Emiratis"}, []string{"Abu Dhabi"}},
	{"Kuwait", "GPE", nil, []string{"Kuwaiti", "Kuwaitis"}, nil},
	{"Bahrain", "GPE", nil, []string{"Bahraini", "Bahrainis"}, []string{"Manama"}},
	{"Oman", "GPE", nil, []string{"Omani", "Omanis"}, []string{"Muscat"}},
	{"Yemen", "GPE", nil, []string{"Yemeni", "Yemenis"}, []string{"Sanaa"}},
	{"Libya", "GPE", nil, []string{"Libyan", "Libyans"}, []string{"Tripoli"}},
	{"Tunisia", "GPE", nil, []string{"Tunisian", "Tunisians"}, []string{"Tunis"}},
	{"Algeria", "GPE", nil, []string{"Algerian", "Algerians"}, []string{"Algiers"}},
	{"Morocco", "GPE", nil, []string{"Moroccan", "Moroccans"}, []string{"Rabat"}},
	{"Sudan", "GPE", nil, []string{"Sudanese"}, []string{"Khartoum"}},
	{"South Sudan", "GPE", nil, []string{"South Sudanese"}, []string{"Juba"}},
	{"Ethiopia", "GPE", nil, []string{"Ethiopian", "Ethiopians"}, []string{"Addis Ababa"}},
	{"Eritrea", "GPE", nil, []string{"Eritrean", "Eritreans"}, []string{"Asmara"}},
	{"Somalia", "GPE", nil, []string{"Somali", "Somalis"}, []string{"Mogadishu"}},
	{"Kenya", "GPE", nil, []string{"Kenyan", "Kenyans"}, []string{"Nairobi"}},
	{"Uganda", "GPE", nil, []string{"Ugandan", "Ugandans"}, []string{"Kampala"}},
	{"Tanzania", "GPE", nil, []string{"Tanzanian", "Tanzanians"}, []string{"Dodoma"}},
	{"Rwanda", "GPE", nil, []string{"Rwandan", "Rwandans"}, []string{"Kigali"}},
	{"Burundi", "GPE", nil, []string{"Burundian"}, []string{"Gitega"}},
	{"Democratic Republic of the Congo", "GPE", []string{"DR Congo", "DRC", "Congo-Kinshasa", "Democratic Republic of Congo"}, []string{"Congolese"}, []string{"Kinshasa"}},
	{"Republic of the Congo", "GPE", []string{"Congo-Brazzaville", "Republic of Congo"}, nil, []string{"Brazzaville"}},
	{"Nigeria", "GPE", nil, []string{"Nigerian", "Nigerians"}, []string{"Abuja", "Aso Rock"}},
	{"Ghana", "GPE", nil, []string{"Ghanaian", "Ghanaians"}, []string{"Accra"}},
	{"Senegal", "GPE", nil, []string{"Senegalese"}, []string{"Dakar"}},
	{"Mali", "GPE", nil, []string{"Malian", "Malians"}, []string{"Bamako"}},
	{"Niger", "GPE", nil, []string{"Nigerien"}, []string{"Niamey"}},
	{"Burkina Faso", "GPE", nil, []string{"Burkinabe"}, []string{"Ouagadougou"}},
	{"Ivory Coast", "GPE", []string{"Cote d'Ivoire", "Côte d'Ivoire"}, []string{"Ivorian", "Ivorians"}, []string{"Abidjan", "Yamoussoukro"}},
	{"Cameroon", "GPE", nil, []string{"Cameroonian", "Cameroonians"}, []string{"Yaounde", "Yaoundé"}},
	{"Chad", "GPE", nil, []string{"Chadian", "Chadians"}, []string{"N'Djamena"}},
	{"Central African Republic", "GPE", nil, nil, []string{"Bangui"}},
	{"Gabon", "GPE", nil, []string{"Gabonese"}, []string{"Libreville"}},
	{"Angola", "GPE", nil, []string{"Angolan", "Angolans"}, []string{"Luanda"}},
	{"Zambia", "GPE", nil, []string{"Zambian", "Zambians"}, []string{"Lusaka"}},
	{"Zimbabwe", "GPE", nil, []string{"Zimbabwean", "Zimbabweans"}, []string{"Harare"}},
	{"Mozambique", "GPE", nil, []string{"Mozambican", "Mozambicans"}, []string{"Maputo"}},
	{"Malawi", "GPE", nil, []string{"Malawian", "Malawians"}, []string{"Lilongwe"}},
	{"Madagascar", "GPE", nil, []string{"Malagasy"}, []string{"Antananarivo"}},
	{"Namibia", "GPE", nil, []string{"Namibian", "Namibians"}, []string{"Windhoek"}},
	{"Botswana", "GPE", nil, []string{"Botswanan"}, []string{"Gaborone"}},
	{"South Africa", "GPE", nil, []string{"South African", "South Africans"}, []string{"Pretoria"}},
	{"Argentina", "GPE", nil, []string{"Argentine", "Argentinian", "Argentines"}, []string{"Buenos Aires", "Casa Rosada"}},
	{"Chile", "GPE", nil, []string{"Chilean", "Chileans"}, []string{"La Moneda", "Palacio de la Moneda"}},
	{"Peru", "GPE", nil, []string{"Peruvian", "Peruvians"}, nil},
	{"Colombia", "GPE", nil, []string{"Colombian", "Colombians"}, []string{"Bogota", "Bogotá"}},
	{"Ecuador", "GPE", nil, []string{"Ecuadorian", "Ecuadoreans"}, []string{"Quito"}},
	{"Bolivia", "GPE", nil, []string{"Bolivian", "Bolivians"}, nil},
	{"Paraguay", "GPE", nil, []string{"Paraguayan", "Paraguayans"}, []string{"Asuncion", "Asunción"}},
	{"Uruguay", "GPE", nil, []string{"Uruguayan", "Uruguayans"}, []string{"Montevideo"}},
	{"Nicaragua", "GPE", nil, []string{"Nicaraguan", "Nicaraguans"}, []string{"Managua"}},
	{"Honduras", "GPE", nil, []string{"Honduran", "Hondurans"}, []string{"Tegucigalpa"}},
	{"El Salvador", "GPE", nil, []string{"Salvadoran", "Salvadorans"}, nil},
	{"Guatemala", "GPE", nil, []string{"Guatemalan", "Guatemalans"}, []string{"Guatemala City"}},
	{"Costa Rica", "GPE", nil, []string{"Costa Rican", "Costa Ricans"}, nil},
	{"Panama", "GPE", nil, []string{"Panamanian", "Panamanians"}, []string{"Panama City"}},
	{"Haiti", "GPE", nil, []string{"Haitian", "Haitians"}, []string{"Port-au-Prince"}},
	{"Dominican Republic", "GPE", nil, []string{"Dominican"}, []string{"Santo Domingo"}},
	{"Jamaica", "GPE", nil, []string{"Jamaican", "Jamaicans"}, nil},
	// States of earlier decades, for archives: each is its own party (a
	// 1985 "Soviet side" is not today's Russia); their capitals are left
	// to the states that kept them.
	{"Soviet Union", "GPE", []string{"USSR", "U.S.S.R.", "Union of Soviet Socialist Republics"}, []string{"Soviet", "Soviets"}, nil},
	{"West Germany", "GPE", []string{"Federal Republic of Germany"}, []string{"West German", "West Germans"}, []string{"Bonn"}},
	{"East Germany", "GPE", []string{"German Democratic Republic", "GDR"}, []string{"East German", "East Germans"}, []string{"East Berlin"}},
	{"Yugoslavia", "GPE", nil, []string{"Yugoslav", "Yugoslavs"}, nil},
	{"Czechoslovakia", "GPE", nil, []string{"Czechoslovak"}, nil},
	{"Zaire", "GPE", nil, []string{"Zairean", "Zairian"}, nil},
	{"South Vietnam", "GPE", []string{"Republic of Vietnam"}, []string{"South Vietnamese"}, []string{"Saigon"}},
	{"North Vietnam", "GPE", nil, []string{"North Vietnamese"}, nil},
	{"Rhodesia", "GPE", nil, []string{"Rhodesian", "Rhodesians"}, nil},
	{"NATO", "ORG", []string{"North Atlantic Treaty Organization", "North Atlantic Alliance", "Nato"}, nil, nil},
	{"European Union", "ORG", []string{"EU", "E.U."}, []string{"European"}, []string{"Brussels"}},
	{"United Nations", "ORG", []string{"UN", "U.N."}, nil, nil},
	{"OSCE", "ORG", []string{"Organization for Security and Co-operation in Europe"}, nil, nil},
	{"African Union", "ORG", nil, nil, nil},
	{"ASEAN", "ORG", []string{"Association of Southeast Asian Nations"}, nil, nil},
	{"Arab League", "ORG", []string{"League of Arab States"}, nil, nil},
	{"OPEC", "ORG", []string{"Organization of the Petroleum Exporting Countries"}, nil, nil},
	{"World Trade Organization", "ORG", []string{"WTO"}, nil, nil},
	{"International Monetary Fund", "ORG", []string{"IMF"}, nil, nil},
	{"World Bank", "ORG", nil, nil, nil},
	{"World Health Organization", "ORG", nil, nil, nil},
	{"International Atomic Energy Agency", "ORG", []string{"IAEA"}, nil, nil},
}

// unindexedNames are countries whose own name is too often a person's
// ("Jordan said" is a congressman more often than a kingdom in American
// news, "Chad" a first name): they are found by their demonym and capital
// only.
var unindexedNames = map[string]bool{"Jordan": true, "Chad": true}

// gazEntry is what a gazetteer key resolves to.
type gazEntry struct {
	canon string
	kind  string // GPE, ORG
	role  byte   // 'n' name, 'd' demonym, 'c' capital/seat
	// acronym: the table writes the name only in capitals ("UN", "EU"):
	// it names the body only so written ("Kim Jong Un" names no UN).
	acronym bool
}

// matches reports whether the word w as written may stand for the entry.
func (e gazEntry) matches(w string) bool { return !e.acronym || allUpper(w) }

// gazIndex maps a lower-cased name to its entry; built once at init from
// the immutable gazetteer table.
var gazIndex = func() map[string]gazEntry {
	m := make(map[string]gazEntry, len(gazetteer)*6)
	for _, p := range gazetteer {
		if !unindexedNames[p.name] {
			m[strings.ToLower(p.name)] = gazEntry{canon: p.name, kind: p.kind, role: 'n'}
		}
		for _, a := range p.aliases {
			m[strings.ToLower(a)] = gazEntry{canon: p.name, kind: p.kind, role: 'n'}
		}
		for _, d := range p.demonyms {
			m[strings.ToLower(d)] = gazEntry{canon: p.name, kind: p.kind, role: 'd'}
		}
		for _, c := range p.capitals {
			m[strings.ToLower(c)] = gazEntry{canon: p.name, kind: p.kind, role: 'c'}
		}
	}
	caps, mixed := map[string]bool{}, map[string]bool{}
	for _, p := range gazetteer {
		for _, w := range append(append([]string{p.name}, p.aliases...), p.demonyms...) {
			if len(w) <= 5 && strings.Trim(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "" {
				caps[strings.ToLower(w)] = true
			} else {
				mixed[strings.ToLower(w)] = true
			}
		}
	}
	for k := range caps {
		if e, ok := m[k]; ok && !mixed[k] {
			e.acronym = true
			m[k] = e
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
	if strings.Contains(name, "’") {
		name = strings.ReplaceAll(name, "’", "'") // "Côte d’Ivoire"
	}
	if strings.HasSuffix(name, ".") && strings.Count(name, ".") > 1 {
		// keep acronyms' final dot: "U.S."
		e, ok := gazIndex[strings.ToLower(name)]
		return e, ok
	}
	if e, ok := lookup(gazLex, name); ok && e.matches(strings.TrimSuffix(name, ".")) {
		return e, true
	}
	return gazEntry{}, false
}

// IsDemonym reports whether word is a demonym ("Russian"), not the name
// of a place.
func IsDemonym(word string) bool {
	e, ok := lookup(gazLex, word)
	return ok && e.role == 'd'
}

// Demonym returns the country of a demonym ("Russian" → Russia).
func Demonym(word string) (string, bool) {
	e, ok := lookup(gazLex, word)
	if !ok || (e.role != 'd' && e.role != 'n') {
		return "", false
	}
	return e.canon, true
}
