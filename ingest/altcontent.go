package ingest

import "nianbao/internal/xmlscan"

// altContent follows Markup Compatibility's mc:AlternateContent. Word
// writes every text box twice: as a drawing (mc:Choice) and again as VML
// for readers that predate it (mc:Fallback). Reading both printed the box's
// text twice, a sentence and its numbers doubled; the text is read from
// the Choice, and a Fallback is read only when no Choice came before it.
type altContent struct {
	choices []bool // per open mc:AlternateContent: whether a Choice was read
	skipTo  int    // inside a skipped Fallback: its start depth; 0 otherwise
}

// skip tells whether the token lies in a Fallback already given by its
// Choice, and must not be read. depth is Walk's: an element's End comes
// one below its Start.
func (a *altContent) skip(t *xmlscan.Token, depth int) bool {
	if a.skipTo > 0 {
		if t.Kind == xmlscan.End && depth == a.skipTo-1 {
			a.skipTo = 0
		}
		return true
	}
	n := len(a.choices)
	switch {
	case t.Kind == xmlscan.Start && t.Name.Local == "AlternateContent":
		a.choices = append(a.choices, false)
	case t.Kind == xmlscan.Start && t.Name.Local == "Choice" && n > 0:
		a.choices[n-1] = true
	case t.Kind == xmlscan.Start && t.Name.Local == "Fallback" && n > 0 && a.choices[n-1]:
		a.skipTo = depth
		return true
	case t.Kind == xmlscan.End && t.Name.Local == "AlternateContent" && n > 0:
		a.choices = a.choices[:n-1]
	}
	return false
}

func (a *altContent) reset() { a.choices, a.skipTo = a.choices[:0], 0 }
