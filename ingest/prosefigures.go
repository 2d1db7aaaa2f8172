package ingest

import (
	"math"

	"nianbao/model"
)

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
	// Parts is set when the sentence gives the value only by its parts,
	// listed one by one (“撤销5件+确认违法2件”): a 纠错 count no sentence
	// states is the sum of the correcting outcomes listed.
	Parts string
	// AtLeast is set when the sentence gives the value as all of a count
	// that went through the figure's work ("审核各类文件86件，均出具合法性审查
	// 意见", "受理52件，均已审结"): the figure is at least the count, and a
	// larger typed value does not differ from it.
	AtLeast bool
}

// Quote is what a message quotes for the value: the sentence, or the
// parts it was added up from.
func (p ProseFigure) Quote() string {
	if p.Parts != "" {
		return p.Parts
	}
	return p.Sentence
}

// Differs says whether a value typed into the figure's field is another
// number than the one the prose states: the check's figure.prose-mismatch,
// the editor's figure panel and plain mode's figure lines all ask here.
func (p ProseFigure) Differs(typed model.Number) bool {
	if p.AtLeast && typed.Value > p.Value.Value {
		return false
	}
	return math.Abs(typed.Value-p.Value.Value) >= 1e-9
}
