// Package actors finds who and what an article names — people,
// organisations, countries and places — and keeps the article's actor
// registry: one actor across its mentions (full name, surname, "Mr. X"),
// across spellings and transliterations (Sergey/Sergei, Anthony/Antony,
// Kiev/Kyiv: see Key), with the title and affiliation the text gives it
// ("Russian Deputy Foreign Minister Alexander Grushko" → title "Deputy
// Foreign Minister", affiliation Russia).
//
// Find scans tokens (from internal/text) for capitalised runs and
// classifies them with generic world knowledge only: a gazetteer of
// countries, demonyms, capitals and seats of government used for their
// governments (Moscow, Washington, the Kremlin → Russia, United States),
// international bodies, and lexicons of title words and organisation
// heads. No person is listed in code.
//
// A Registry is an optional curated file of known actors that users
// extend; it lets a role phrase the text does not resolve ("the Russian
// Foreign Minister") find whoever held the role on the article's date:
//
//	actors:
//	  - name: Jane Example
//	    kind: PERSON              # PERSON (default), ORG or GPE
//	    aliases: [J. Example, Jane Exemple]
//	    roles:
//	      - title: Foreign Minister
//	        affiliation: Freedonia
//	        from: 2019-05-01      # YYYY, YYYY-MM or YYYY-MM-DD; empty: open
//	        to: 2023-02-28
//
// Load and Parse validate the file and report errors as "file:line:
// message", wrapping ErrInvalid.
package actors
