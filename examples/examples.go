// Package examples embeds the example corpus (examples/corpus) and its
// dossier (examples/dossier.yaml) so that `parley serve --demo` works from
// any working directory and from an installed binary: internal/web cannot
// embed a top-level folder itself.
package examples

import "embed"

// Corpus holds the files of examples/corpus under the folder name "corpus".
//
//go:embed corpus
var Corpus embed.FS

// Dossier is examples/dossier.yaml, the negotiation the corpus covers.
//
//go:embed dossier.yaml
var Dossier []byte

// Actors is examples/actors.yaml, the officials of the corpus with their
// dated roles.
//
//go:embed actors.yaml
var Actors []byte
