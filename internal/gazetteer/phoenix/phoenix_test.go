package phoenix

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseLine(t *testing.T) {
	tests := []struct {
		in      string
		want    Line
		wantErr bool
	}{
		{"", Line{}, false},
		{"# only a comment", Line{Comment: "only a comment"}, false},
		{"\t# indented comment", Line{Comment: "indented comment"}, false},
		{"FREEDONIA_  [FRD]", Line{Kind: Primary, Phrase: "FREEDONIA_", Codes: []Code{{Code: "FRD"}}}, false},
		{"RUFUS_T._FIREFLY_  # CountryInfo.txt", Line{Kind: Primary, Phrase: "RUFUS_T._FIREFLY_", Comment: "CountryInfo.txt"}, false},
		{"OLD_STYLE_  ; CountryInfo.txt", Line{Kind: Primary, Phrase: "OLD_STYLE_", Comment: "CountryInfo.txt"}, false},
		{"+PRESIDENT_FIREFLY ", Line{Kind: Synonym, Phrase: "PRESIDENT_FIREFLY"}, false},
		{"+US_PREsident Jane Roe", Line{Kind: Synonym, Phrase: "US_PREsident Jane Roe"}, false},
		{"\t[FRDGOV 330101-331231]", Line{Kind: Restriction, Codes: []Code{{Code: "FRDGOV", From: 19330101, To: 19331231}}}, false},
		{"\t[FRDGOV >20090120]\r", Line{Kind: Restriction, Codes: []Code{{Code: "FRDGOV", From: 20090120}}}, false},
		{"    [FRDELI <451231]", Line{Kind: Restriction, Codes: []Code{{Code: "FRDELI", To: 19451231}}}, false},
		{"\t[FRDELI]", Line{Kind: Restriction, Codes: []Code{{Code: "FRDELI"}}}, false},
		// Several groups on one line, a phrase with a tab inside, a "---" null code.
		{"JANE_ROE_\t[IGOEUREEC 950701-951231][IGOWSTNAT 951205-991006] # two bodies",
			Line{Kind: Primary, Phrase: "JANE_ROE_", Codes: []Code{{Code: "IGOEUREEC", From: 19950701, To: 19951231}, {Code: "IGOWSTNAT", From: 19951205, To: 19991006}}, Comment: "two bodies"}, false},
		{"OSMAN_ROE\t_TURKEY_\t[IGOWSTNAT 690101-711231]", Line{Kind: Primary, Phrase: "OSMAN_ROE _TURKEY_", Codes: []Code{{Code: "IGOWSTNAT", From: 19690101, To: 19711231}}}, false},
		{"\tJOHN_DOE_\t[IGOUNO]", Line{Kind: Primary, Phrase: "JOHN_DOE_", Codes: []Code{{Code: "IGOUNO"}}}, false},
		{"JANE_DOE_ [HTIOPPMED <061231] [IGOUNOMED]\t[---]", Line{Kind: Primary, Phrase: "JANE_DOE_", Codes: []Code{{Code: "HTIOPPMED", To: 20061231}, {Code: "IGOUNOMED"}, {Code: "---"}}}, false},
		// Unreadable restrictions: the readable rest is kept and the error reported.
		{"\t[FRDGOV 2004017-20061201]", Line{Kind: Restriction}, true},
		{"\t[FRDGOV 20121207-20120802]", Line{Kind: Restriction}, true},
		{"\t[FRDGOV 19820101]", Line{Kind: Restriction}, true},
		{"X_ [A 900101-] [B]", Line{Kind: Primary, Phrase: "X_", Codes: []Code{{Code: "B"}}}, true},
		{"+", Line{}, false},
	}
	for _, tt := range tests {
		got, err := ParseLine(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseLine(%q) err = %v, want error %v", tt.in, err, tt.wantErr)
		}
		if err != nil && !errors.Is(err, ErrSyntax) {
			t.Errorf("ParseLine(%q) err = %v, want ErrSyntax", tt.in, err)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseLine(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"20090120", 20090120, true},
		{"090120", 20090120, true},
		{"300101", 20300101, true},
		{"310101", 19310101, true},
		{"450703", 19450703, true},
		{"18970101", 18970101, true},
		{"9008223", 0, false},
		{"1920030320", 0, false},
		{"20091320", 0, false},
		{"2009012a", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseDate(%q) = %d, %v; want %d ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
	if d := Date(20090120); !d.Time().Equal(time.Date(2009, 1, 20, 0, 0, 0, 0, time.UTC)) || DateOf(d.Time()) != d {
		t.Errorf("Date round trip: %v", d.Time())
	}
	if !Date(0).Time().IsZero() || DateOf(time.Time{}) != 0 {
		t.Error("zero date is not the zero time")
	}
}

const actorsExcerpt = `# invented people in the dictionary's format
FREEDONIA_  [FRD]
+FREEDONIAN_

RUFUS_T._FIREFLY_  # CountryInfo.txt
+FIREFLY
	[FRDELI 19200101-330101]
	[FRDGOV 330101-331231]
	[FRDELI]
VICE_PRESIDENT_OF_FREEDONIA
+FREEDONIAN_VICE_PRESIDENT
VICE-PRESIDENT_OF_FREEDONIA
	[FRDGOV]
STRAY_PHRASE_

LATER_BODY_ [FRDLEG]
	[FRDGOV 2004017-20061201]
---STOP---
IGNORED_ [FRD]
`

func TestReadActors(t *testing.T) {
	got, probs, err := ReadActors(strings.NewReader("\ufeff" + actorsExcerpt))
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Phrase: "FREEDONIA_", Synonyms: []string{"FREEDONIAN_"}, Codes: []Code{{Code: "FRD"}}, Line: 2},
		{Phrase: "RUFUS_T._FIREFLY_", Synonyms: []string{"FIREFLY"}, Comment: "CountryInfo.txt", Line: 5,
			Codes: []Code{{Code: "FRDELI", From: 19200101, To: 19330101}, {Code: "FRDGOV", From: 19330101, To: 19331231}, {Code: "FRDELI"}}},
		// A codeless primary shares the next record's codes, as in PETRARCH.
		{Phrase: "VICE_PRESIDENT_OF_FREEDONIA", Synonyms: []string{"FREEDONIAN_VICE_PRESIDENT", "VICE-PRESIDENT_OF_FREEDONIA"}, Codes: []Code{{Code: "FRDGOV"}}, Line: 10},
		// …but not across a blank line.
		{Phrase: "STRAY_PHRASE_", Line: 14},
		{Phrase: "LATER_BODY_", Codes: []Code{{Code: "FRDLEG"}}, Line: 16},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadActors =\n%+v\nwant\n%+v", got, want)
	}
	if len(probs) != 1 || probs[0].Line != 17 {
		t.Errorf("problems = %v, want one on line 17", probs)
	}
}

func TestReadActorsSynonymFirst(t *testing.T) {
	_, probs, err := ReadActors(strings.NewReader("+ORPHAN\n\t[FRD]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(probs) != 2 {
		t.Errorf("problems = %v, want the orphan synonym and codes", probs)
	}
}

func TestParseAgentLine(t *testing.T) {
	tests := []struct {
		in      string
		want    AgentLine
		wantErr bool
	}{
		{"", AgentLine{}, false},
		{"<!-- header -->", AgentLine{}, false},
		{"# comment", AgentLine{}, false},
		{"!PERSON! = MAN, MEN, WOMAN", AgentLine{Marker: "!PERSON!", Values: []string{"MAN", "MEN", "WOMAN"}}, false},
		{"AMBASSADOR [~GOV] # note", AgentLine{Phrase: "AMBASSADOR", Code: "GOV"}, false},
		{"RIOT_POLICE {} [~COP]", AgentLine{Phrase: "RIOT_POLICE", HasBraces: true, Code: "COP"}, false},
		{"LAWMAN {LAWMEN} [~COP]", AgentLine{Phrase: "LAWMAN", Plurals: []string{"LAWMEN"}, HasBraces: true, Code: "COP"}, false},
		{"HUMAN_RIGHTS_BODY  [NGO~]", AgentLine{Phrase: "HUMAN_RIGHTS_BODY", Code: "NGO"}, false},
		{"DEPARMENT_OF_ENVIRONMENT [~ENV}", AgentLine{Phrase: "DEPARMENT_OF_ENVIRONMENT", Code: "ENV"}, false},
		{"HUSBAND!PERSON![~AGR]", AgentLine{Phrase: "HUSBAND!PERSON!", Code: "AGR"}, false},
		{"ISLAMIC_EXTREMIST", AgentLine{}, true},
		{"[~GOV]", AgentLine{}, true},
		{"X [~]", AgentLine{}, true},
	}
	for _, tt := range tests {
		got, err := ParseAgentLine(tt.in)
		if (err != nil) != tt.wantErr || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseAgentLine(%q) = %+v, %v; want %+v error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestReadAgents(t *testing.T) {
	in := `!PERSON! = MAN, WOMAN
!MINIST! = MINISTER, MINISTRY
SPOKES!PERSON! [~MED]
TRADE_!MINIST! [~GOV]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
POLICE {} [~COP]
EMBASSY [~GOV]
WITNESS [~CVL]
ONLY_SINGULAR_ [~GOV]
BAD!UNDEFINED! [~GOV]
`
	got, probs, err := ReadAgents(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var nouns []string
	for _, a := range got {
		nouns = append(nouns, a.Noun+"="+a.Code)
	}
	want := []string{"SPOKESMAN=MED", "SPOKESWOMAN=MED", "TRADE MINISTER=GOV", "TRADE MINISTRY=GOV",
		"ATTORNEY GENERAL=GOVATG", "ATTORNEYS GENERAL=GOVATG", "POLICE=COP", "EMBASSY=GOV", "EMBASSIES=GOV",
		"WITNESS=CVL", "WITNESSES=CVL", "ONLY SINGULAR=GOV"}
	if !reflect.DeepEqual(nouns, want) {
		t.Errorf("ReadAgents = %q, want %q", nouns, want)
	}
	if len(probs) != 1 || probs[0].Line != 10 {
		t.Errorf("problems = %v, want the undefined marker on line 10", probs)
	}
}

func TestPlural(t *testing.T) {
	for in, want := range map[string]string{"SPOKESMAN": "SPOKESMANS", "EMBASSY": "EMBASSIES", "ATTORNEY": "ATTORNEYS", "WITNESS": "WITNESSES", "Y": "YS"} {
		if got := Plural(in); got != want {
			t.Errorf("Plural(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzParseLine(f *testing.F) {
	for _, s := range strings.Split(actorsExcerpt, "\n") {
		f.Add(s)
	}
	f.Add("X_ [A 900101-] [B]\t[C >1] [D <20200230]")
	f.Fuzz(func(t *testing.T, s string) {
		ln, err := ParseLine(s)
		if err != nil && !errors.Is(err, ErrSyntax) {
			t.Fatalf("error %v is not ErrSyntax", err)
		}
		if ln.Kind == Blank && (ln.Phrase != "" || len(ln.Codes) != 0) {
			t.Fatalf("blank line with content: %+v", ln)
		}
		for _, c := range ln.Codes {
			if c.Code == "" || c.From != 0 && c.To != 0 && c.To < c.From {
				t.Fatalf("bad code %+v from %q", c, s)
			}
		}
	})
}

func FuzzParseAgentLine(f *testing.F) {
	for _, s := range []string{"AMBASSADOR [~GOV]", "RIOT_POLICE {} [~COP]", "!P! = A, B", "X {Y} [NGO~] # c", "A [~B}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		al, err := ParseAgentLine(s)
		if err != nil {
			if !errors.Is(err, ErrSyntax) {
				t.Fatalf("error %v is not ErrSyntax", err)
			}
			return
		}
		if al.Phrase != "" && (al.Code == "" || strings.Contains(al.Code, "~")) {
			t.Fatalf("phrase without a clean code: %+v", al)
		}
	})
}
