package actors

import (
	"github.com/parley-news/parley/internal/text"
	"strings"
	"unicode"
	"unicode/utf8"
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// titleWords are words of titles and roles that stand before a name
// ("Deputy Foreign Minister", "Secretary of State", "Sen."). A run of
// capitalised words is split into title and name at the last of them, so
// "US Secretary of State Antony Blinken" gives the name "Antony Blinken".
// Compared lower-case, without a final dot.
var titleWords = set(
	"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor",
	"president", "vice", "prime", "minister", "deputy", "first", "foreign", "defense", "defence",
	"interior", "finance", "justice", "secretary", "state", "general", "gen", "sen", "senator",
	"rep", "representative", "congressman", "congresswoman", "gov", "governor", "mayor",
	"spokesman", "spokeswoman", "spokesperson", "press", "ambassador", "envoy", "special",
	"chairman", "chairwoman", "chair", "director", "chief", "head", "leader", "speaker",
	"majority", "minority", "house", "senate", "assistant", "under", "undersecretary", "attorney",
	"judge", "justice", "taoiseach", "tanaiste", "king", "queen", "prince", "princess", "pope", "cardinal", "bishop",
	"rev", "reverend", "father", "sheikh", "lt", "col", "colonel", "capt", "captain", "sgt",
	// rulers and clerics of other traditions: "Emir Tamim", "Ayatollah
	// Ali Sistani", "Rabbi Sacks", "Patriarch Kirill"
	"emir", "amir", "sultan", "ayatollah", "imam", "mufti", "rabbi", "archbishop", "patriarch",
	// West African and other styles of address: "Hon. Simon Bako", "H.E.
	// Alhaji Musa Danladi", "Comrade Joe Ajaero", "Engr. Ade Ola"
	"hon", "honourable", "honorable", "h.e", "alhaji", "alhaja", "hajiya", "comrade", "engr", "barr",
	"mallam", "pastor", "apostle", "otunba",
	// local government: "Councilwoman Deb Alvarez", "Alderman Joe Moore"
	"councilman", "councilwoman", "councilmember", "councillor", "councilor", "alderman", "alderwoman", "sheriff",
	"sergeant", "maj", "major", "adm", "admiral", "commander", "cmdr", "marshal", "chancellor",
	"premier", "foreign", "affairs", "presidential", "candidate", "nominee", "former", "acting",
	"executive", "official", "officer", "advisor", "adviser", "security", "national", "counsel",
	"campaign", "manager", "chairperson", "commissioner", "economy", "trade", "energy",
	"health", "education", "labor", "treasury", "homeland", "intelligence", "staff", "joint",
	"chiefs", "democratic", "democrat", "republican", "gop", "libertarian", "green", "party", "independent",
	"white", "supreme", "court", "federal", "u.s", "us", "un", "eu", "nato", "european",
	"international", "russian", "american", "defense", "military", "army", "navy", "air", "force",
	"sec", "atty", "lieutenant", "brig", "brigadier", "corporal", "private", "emeritus",
	"permanent", "representative", "envoy", "delegate", "del", "sens", "reps",
	"ceo", "cfo", "coo", "negotiator", "coordinator", "mediator", "emissary", "diplomat", "founder", "co-founder", "editor", "anchor", "host", "correspondent",
	"mr.", "kremlin", "pentagon", "of", "the", "and", "for",
	// portfolios: "Minister of Electricity Mahmoud Esmat", "Agriculture
	// Secretary Ann Lee" (not the words that open company and place
	// names: home, water, technology, industry …)
	"electricity", "agriculture", "commerce", "tourism", "environment", "communications", "petroleum",
	"fisheries", "irrigation", "railways", "labour", "external", "welfare", "immigration", "planning",
	// hyphenated titles, one token each
	"secretary-general", "vice-president", "director-general", "attorney-general", "governor-general",
	"commander-in-chief", "editor-in-chief", "vice-chairman", "vice-chair", "vice-premier", "vice-chancellor",
	"under-secretary", "deputy-director", "prime-minister", "vice-minister", "deputy-secretary", "chief-of-staff",
)

// orgHeads are the last words of organisation names ("the Foreign
// Ministry", "Commission on Presidential Debates" has its head first, so
// heads anywhere in a run mark it as an organisation unless a personal
// name follows a title).
var orgHeads = set(
	"ministry", "department", "party", "council", "committee", "commission", "agency",
	"service", "services", "bureau", "office", "administration", "institute", "university",
	"college", "school", "foundation", "fund", "bank", "union", "organization", "organisation",
	"association", "society", "corporation", "corp", "inc", "company", "co", "group", "times",
	"post", "news", "journal", "tribune", "herald", "press", "network", "channel", "court",
	"congress", "senate", "parliament", "duma", "assembly", "government", "cabinet", "army",
	"navy", "forces", "police", "guard", "center", "centre", "board", "authority", "alliance",
	"coalition", "movement", "campaign", "church", "club", "league", "federation", "staff",
	"pentagon", "kremlin", "fbi", "cia", "nsa", "ap", "reuters", "tass", "cnn", "msnbc", "nbc",
	"abc", "cbs", "fox", "bbc", "sputnik", "ria", "interfax", "xinhua", "politico", "breitbart",
	"magazine", "gazette", "daily", "weekly", "review", "register", "radio", "tv", "television",
	"poll", "caucus", "countries", "nations", "politifact", "mission", "delegation", "embassy", "consulate",
	"community", "secretariat", "directorate", "ministries", "parliamentarians", "bourse",
	// armed forces' units: "Western Theatre Command", "Marine Corps"
	"command", "corps", "brigade", "regiment", "battalion", "fleet", "division", "inspectorate",
	// bodies, places and events that are no one's name: "the Paris
	// Agreement", "Line of Actual Control", "Munich Security Conference"
	"agreement", "treaty", "accord", "convention", "protocol", "conference", "summit", "forum",
	"control", "tribunal", "academy", "hospital", "airport", "museum", "programme", "program",
	// news organisations named without a head noun: "Al Jazeera", "Al
	// Arabiya", "Yonhap"
	"jazeera", "arabiya", "yonhap", "kyodo", "bloomberg", "afp", "dpa", "ansa", "efe", "pti", "nhk",
	"cgtn", "cctv", "tass", "ria", "novosti", "anadolu", "bernama", "antara", "irna", "wafa",
)

// companyHeads end the names of companies: "Acme Securities", "Nordic
// Steel Holdings", "Northline Rail". They are organisation heads too; "the
// company said" looks for a name ending in one.
var companyHeads = set(
	"securities", "holdings", "partners", "capital", "investments", "industries", "motors",
	"airlines", "airways", "systems", "technologies", "bancorp", "ltd", "plc", "llc", "gmbh",
	"trust", "exchange", "petroleum", "chemicals", "insurance", "financial", "associates",
	"enterprises", "laboratories", "pharmaceuticals", "brokerage", "stores", "mills",
	"corporation", "corp", "inc", "company", "co", "group", "bank",
	// a trade as the last word ("Power" and "Steel" are surnames too,
	// and stay out)
	"rail", "railway", "railways", "energy", "oil", "gas", "mining", "foods", "media", "telecom",
	"telecoms", "communications", "electric", "electronics", "pharma", "healthcare", "logistics",
	"shipping", "automotive", "aerospace", "resources", "solutions", "software", "labs", "studios",
	"entertainment", "brands", "retail", "realty", "properties", "ventures", "networks", "wireless",
	"semiconductor", "semiconductors", "construction", "engineering", "therapeutics", "biotech",
)

// capStop are capitalised words that open sentences or quotes but never
// begin a name: they are dropped from the front of a capitalised run.
var capStop = set(
	"the", "a", "an", "but", "and", "or", "in", "on", "at", "to", "of", "for", "from", "by",
	"with", "as", "he", "she", "it", "they", "we", "i", "you", "his", "her", "their", "its",
	"our", "my", "your", "this", "that", "these", "those", "there", "here", "after", "before",
	"when", "while", "if", "however", "meanwhile", "still", "yet", "so", "now", "then", "also",
	"according", "earlier", "later", "asked", "what", "why", "how", "who", "some", "many",
	"most", "one", "both", "since", "despite", "under", "during", "speaking", "responding",
	"commenting", "moreover", "furthermore", "thus", "instead", "although", "though",
	"unlike", "like", "among", "amid", "without", "beyond", "against", "toward", "towards", "including", "except", "per",
	"because", "not", "no", "yes", "all", "every", "each", "just", "even", "only", "last",
	"next", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
	"sept", "oct", "nov", "dec", "today", "yesterday", "tomorrow", "tonight", "is", "was",
	"are", "were", "do", "does", "did", "will", "would", "can", "could", "should", "let",
	"please", "thank", "thanks", "well", "oh", "ok", "okay", "mr", "mrs", "ms", "dr",
	"first", "second", "third", "where", "which", "whether", "once", "again", "more", "less",
	"other", "another", "any", "such", "like", "about", "over", "into", "out", "up", "down",
	"be", "been", "has", "have", "had", "me", "him", "them", "us", "said", "says", "told",
	"ironically", "finally", "indeed", "actually", "first,", "second,", "third,", "already",
	"anyway", "perhaps", "maybe", "though", "whatever", "everyone", "everybody", "nobody",
	"someone", "somebody", "nothing", "something", "everything", "see", "read", "watch",
	"related", "more:", "photo", "video", "getty", "images", "file", "via", "advertisement",
)

// honorifics make the next capitalised word a person: "Mr. Trump".
// familyFirst are common Chinese (pinyin) and Korean family names, which
// come first in a full name and stand alone after it ("Wang Wenbin" ...
// "Wang said"). Words that are also English function words ("He") are
// left out.
var familyFirst = set(
	"wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma",
	"zhu", "hu", "guo", "lin", "gao", "luo", "zheng", "liang", "xie", "tang", "feng", "deng",
	"cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang", "du", "ye", "cheng",
	"wei", "su", "lu", "ding", "ren", "shen", "yao", "qin", "xi", "fu", "wen", "qian", "gu", "hou",
	"shao", "meng", "duan", "lei", "qiu", "hao", "kong", "cui", "mao", "shi", "tan", "yin", "zou",
	"xiong", "yan", "lai", "geng", "hua", "kim", "lee", "park", "choi", "jung", "jeong", "kang",
	"cho", "yoon", "jang", "lim", "seo", "shin", "kwon", "hwang", "ahn", "yoo", "hong", "jeon",
	"moon", "ban", "roh", "chung", "yun", "ryu", "baek", "bae", "nam",
	"long", "bai", "fan", "song", "jin", "han", "yu", "tao", "xia", "dai", "jia", "fang", "qi", "gong",
	"wan", "zhong", "yi", "zhai", "pang", "ji", "ning", "niu", "xue", "shang", "mu", "chang", "rong",
	"zhan", "chu", "miao", "bao", "qu", "sha", "zhuang", "ou", "mei",
)

var honorifics = set("mr", "mrs", "ms", "miss", "dr", "sir", "dame", "sen", "rep", "gov", "gen",
	"lt", "col", "capt", "sgt", "maj", "adm", "prof", "rev", "president", "senator", "governor",
	"minister", "secretary", "spokesman", "spokeswoman", "ambassador", "chancellor", "premier",
	"mayor", "judge", "congressman", "congresswoman", "representative", "speaker", "pope", "king",
	"queen", "prince", "sheikh", "general", "admiral", "director", "chairman")

// Key normalises a name for matching across spellings and
// transliterations: lower case, diacritics folded, "th"→"t", "ph"→"f",
// "kh"→"h", "ks"→"x", then a consonant skeleton that keeps the first
// letter and drops later vowels and y (Sergey/Sergei → "srg",
// Anthony/Antony → "antn", Kiev/Kyiv → "kv"); doubled letters collapse.
// It merges spellings of one name within an article; it is not a
// general identity test.
func Key(name string) string {
	for i := 0; i < len(name); i++ {
		if name[i] >= utf8.RuneSelf {
			return keyRunes(name)
		}
	}
	return keyASCII(name)
}

// keyASCII is Key for an ASCII name, on bytes: the same steps as
// keyRunes (which handles any text) without rune buffers or Unicode
// tables.
func keyASCII(name string) string {
	var lbuf [64]byte
	ls := lbuf[:0]
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == '\'' || c == '.':
			continue
		case c == '-':
			c = ' '
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		ls = append(ls, c)
	}
	var obuf [64]byte
	out := obuf[:0]
	prev := byte(0)
	first := true
	for i := 0; i < len(ls); i++ {
		c := ls[i]
		if i+1 < len(ls) {
			switch n := ls[i+1]; {
			case c == 't' && n == 'h', c == 'k' && n == 'h':
				if c == 'k' {
					c = 'h'
				}
				i++
			case c == 'p' && n == 'h':
				c = 'f'
				i++
			case c == 'k' && n == 's':
				c = 'x'
				i++
			case c == 'c' && n == 'k':
				c = 'k'
				i++
			}
		}
		if c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' {
			if prev != ' ' && !first {
				out = append(out, ' ')
			}
			prev = ' '
			first = true
			continue
		}
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			continue
		}
		if !first && (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y') {
			continue
		}
		if c == prev {
			continue
		}
		out = append(out, c)
		prev = c
		first = false
	}
	for len(out) > 0 && out[len(out)-1] == ' ' {
		out = out[:len(out)-1]
	}
	return string(out)
}

// keyRunes is Key for any text.
func keyRunes(name string) string {
	// lower-cased, folded runes with the digraphs rewritten
	var buf [64]rune
	rs := buf[:0]
	for _, r := range name {
		switch r {
		case '’', '\'', '.':
			continue
		case '-':
			r = ' '
		}
		rs = append(rs, fold(unicode.ToLower(r)))
	}
	var b strings.Builder
	b.Grow(len(rs))
	prev := rune(0)
	first := true
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if i+1 < len(rs) {
			switch n := rs[i+1]; {
			case r == 't' && n == 'h', r == 'k' && n == 'h':
				r = rs[i]
				if r == 'k' {
					r = 'h'
				}
				i++
			case r == 'p' && n == 'h':
				r = 'f'
				i++
			case r == 'k' && n == 's':
				r = 'x'
				i++
			case r == 'c' && n == 'k':
				r = 'k'
				i++
			}
		}
		if r == ' ' || unicode.IsSpace(r) {
			if prev != ' ' && !first {
				b.WriteByte(' ')
			}
			prev = ' '
			first = true
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		if !first && (r == 'a' || r == 'e' || r == 'i' || r == 'o' || r == 'u' || r == 'y') {
			continue
		}
		if r == prev {
			continue
		}
		b.WriteRune(r)
		prev = r
		first = false
	}
	return strings.TrimSpace(b.String())
}

// fold maps common Latin letters with diacritics to their base letter.
func fold(r rune) rune {
	if r < utf8.RuneSelf {
		return r
	}
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å':
		return 'a'
	case 'è', 'é', 'ê', 'ë':
		return 'e'
	case 'ì', 'í', 'î', 'ï':
		return 'i'
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø':
		return 'o'
	case 'ù', 'ú', 'û', 'ü':
		return 'u'
	case 'ç', 'č', 'ć':
		return 'c'
	case 'ñ', 'ń':
		return 'n'
	case 'š', 'ś':
		return 's'
	case 'ž', 'ź', 'ż':
		return 'z'
	case 'ł':
		return 'l'
	case 'ý', 'ÿ':
		return 'y'
	}
	return r
}

// lowerNoDot lower-cases w and drops a final dot.
func lowerNoDot(w string) string {
	return strings.TrimSuffix(strings.ToLower(w), ".")
}

// The lexicons as the tables the mention finder reads on every
// capitalised word (text.Lexicon: the lookups of the maps, faster and
// lower-casing without a copy). The maps stay the definitions.
var (
	gazLex       = text.NewLexicon(gazIndex)
	lexIndexLex  = text.NewLexicon(lexIndex)
	titleLex     = text.NewLexicon(titleWords)
	orgHeadLex   = text.NewLexicon(merge(orgHeads, companyHeads))
	companyLex   = text.NewLexicon(companyHeads)
	capStopLex   = text.NewLexicon(capStop)
	honorificLex = text.NewLexicon(honorifics)
	connectorLex = text.NewLexicon(connectors)
)

// lookup reports whether w, lower-cased and without a final dot, is in x
// (as m[strings.ToLower(w)] of x's map).
func lookup[V any](x *text.Lexicon[V], w string) (V, bool) {
	return x.GetLower(trimDot(w))
}

// trimDot drops a word's final dot ("Gen." → "Gen"), except from a dotted
// acronym, which keeps it ("U.S.", "U.N.": the table writes them so).
func trimDot(w string) string {
	if strings.HasSuffix(w, ".") && strings.IndexByte(w[:len(w)-1], '.') < 0 {
		return w[:len(w)-1]
	}
	return w
}

func inSet(x *text.Lexicon[bool], w string) bool { v, _ := lookup(x, w); return v }

// isConnector is connectors[w]: exact case, final dot kept.
func isConnector(w string) bool { v, _ := connectorLex.Get(w); return v }

// IsTitleWord reports whether w is a title or role word.
func IsTitleWord(w string) bool { return inSet(titleLex, w) }

// IsOrgHead reports whether w is a word that marks an organisation name.
func IsOrgHead(w string) bool { return inSet(orgHeadLex, w) }

// IsCompanyHead reports whether w ends company names: "Holdings", "Rail".
func IsCompanyHead(w string) bool { return inSet(companyLex, w) }

// merge returns the union of word sets.
func merge(sets ...map[string]bool) map[string]bool {
	m := map[string]bool{}
	for _, s := range sets {
		for w, ok := range s {
			m[w] = m[w] || ok
		}
	}
	return m
}

// IsCapStop reports whether w is a capitalised function word that never
// begins a name. All-capital acronyms ("US") are not function words.
func IsCapStop(w string) bool {
	if len(w) >= 2 && allUpper(w) {
		return false
	}
	return inSet(capStopLex, w)
}

// fullMonth reports whether w is an English month's full name, any case.
func fullMonth(w string) bool {
	for _, m := range [...]string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"} {
		if strings.EqualFold(w, m) {
			return true
		}
	}
	return false
}

func allUpper(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// IsHonorific reports whether w makes the following capitalised word a
// person's name.
func IsHonorific(w string) bool { return inSet(honorificLex, w) }

// Word classes in lexIndex.
const (
	wTitle uint8 = 1 << iota
	wOrgHead
	wCapStop
	wHonorific
	wPlace
)

// wordInfo is everything the lexicons say about one lower-cased word.
type wordInfo struct {
	flags uint8
	place gazEntry // when flags&wPlace
}

// lexIndex merges the word lexicons and the one-word gazetteer entries so
// that classifying a word costs one map lookup; built once at init.
var lexIndex = func() map[string]wordInfo {
	m := map[string]wordInfo{}
	add := func(set map[string]bool, f uint8) {
		for w, ok := range set {
			if ok {
				wi := m[w]
				wi.flags |= f
				m[w] = wi
			}
		}
	}
	add(titleWords, wTitle)
	add(orgHeads, wOrgHead)
	add(companyHeads, wOrgHead)
	add(capStop, wCapStop)
	add(honorifics, wHonorific)
	for w, e := range gazIndex {
		if !strings.Contains(w, " ") {
			wi := m[w]
			wi.flags |= wPlace
			wi.place = e
			m[w] = wi
		}
	}
	return m
}()

// lexShape holds, for each (first byte, last byte) class of the keys of
// lexIndex, a bit per key length: most names fail this test and skip the
// map lookup. Bytes are classed by shapeClass.
var lexShape = func() (t [27][27]uint64) {
	for k := range lexIndex {
		if len(k) > 0 && len(k) < 64 {
			t[shapeClass(k[0])][shapeClass(k[len(k)-1])] |= 1 << len(k)
		}
	}
	return t
}()

// shapeClass maps a byte to 0-25 for ASCII letters of either case, 26 for
// anything else.
func shapeClass(c byte) int {
	c |= 0x20 // ASCII lower case; non-letters land in 26 below
	if 'a' <= c && c <= 'z' {
		return int(c - 'a')
	}
	return 26
}

// maybeLex reports whether w (final dot dropped) may be a key of
// lexIndex, compared case-insensitively. Lower-casing keeps the first
// and last bytes' classes and, for ASCII, the length; a non-ASCII word
// or a long one is always looked up.
func maybeLex(w string) bool {
	if len(w) == 0 || len(w) >= 64 {
		return true
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return true
		}
	}
	return lexShape[shapeClass(w[0])][shapeClass(w[len(w)-1])]&(1<<len(w)) != 0
}

// infoOf looks a word up in lexIndex (case-insensitive, final dot
// dropped; an all-capital word is never a function word).
func infoOf(w string) wordInfo {
	if !maybeLex(trimDot(w)) {
		return wordInfo{}
	}
	wi, _ := lookup(lexIndexLex, w)
	if wi.flags&wCapStop != 0 && len(w) >= 2 && allUpper(w) {
		wi.flags &^= wCapStop
	}
	// An acronym names its body (and, before a title, its affiliation:
	// "UN envoy") only in capitals: "Kim Jong Un" names no UN.
	if wi.flags&wPlace != 0 && !wi.place.matches(strings.TrimSuffix(w, ".")) {
		wi.flags &^= wPlace | wTitle
	}
	return wi
}

// affiliationOf returns the country or body a title word points to:
// demonyms, country names and seats of government ("Kremlin Spokesman").
func (wi wordInfo) affiliationOf() (string, bool) {
	if wi.flags&wPlace != 0 {
		return wi.place.canon, true
	}
	return "", false
}

// demonymOf returns the country of a word that is a demonym or a
// country name.
func (wi wordInfo) demonymOf() (string, bool) {
	if wi.flags&wPlace != 0 && (wi.place.role == 'd' || wi.place.role == 'n') {
		return wi.place.canon, true
	}
	return "", false
}
