package exportdata

// EditKind says what part of an exported file disagrees with the data it
// carries.
type EditKind int

// The kinds of disagreement.
const (
	// EditUnreadable: the file carries data that cannot be used (cut,
	// damaged, or from a newer nianbao); Shown holds the reason.
	EditUnreadable EditKind = iota
	EditTitle
	EditSignature
	EditDate
	// EditSection: a section's visible text is not the text exported.
	EditSection
	// EditFigure: the visible text states another value than the carried
	// field.
	EditFigure
)

// Edit is one disagreement between an exported file's visible text and the
// draft data it carries. The visible text wins; the check reports the edit
// naming both values so nobody is surprised by the verdict.
type Edit struct {
	Kind    EditKind
	Section string // section id, for section and figure edits
	Figure  string // figure id, for figure edits
	Line    int    // line in the document, when known
	Carried string // the exported value
	Shown   string // the value the visible text has now
	// Unconfirmed lists, for a section edit, the figures of the section
	// whose exported values the edited text no longer states in a way the
	// importer reads; they keep their exported values.
	Unconfirmed []string
}
