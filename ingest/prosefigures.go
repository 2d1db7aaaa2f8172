package ingest

import "nianbao/model"

// ProseFigure is a figure value read from prose by the importer's rules.
type ProseFigure struct {
	Value model.Number
	// Unit is the unit as written ("场次" for a figure counted in 场).
	Unit string
	// Sentence is the sentence the value came from, trimmed; a sentence
	// longer than a few thousand bytes is cut around the number.
	Sentence string
	// Section is the section whose prose holds the sentence, which may
	// differ from the figure's own section.
	Section string
}
