// Package progress says how far a section of a draft is along: the mark
// the editor's outline shows before it and the word plain mode says for
// it. One computation for both, so a screen reader hears what the outline
// shows.
package progress

import "nianbao/model"

// Status is how far a section is along. Later values are worse: a part
// made of subsections is as far along as its worst one.
type Status int

const (
	Optional Status = iota // optional and empty
	Done                   // everything required is there
	Started                // required, written but short or missing figures
	Missing                // required and empty
	Problem                // the check found errors
)

// Facts are what a section's status is worked out from, as the caller
// keeps them: its own text's length, the errors the last check found in
// it, and whether the prose states a figure (a figure the text states is
// given, typed into its field or not).
type Facts struct {
	Chars  int
	Errors int
	Stated func(figureID string) bool
}

// Own is the status of a section's own text and figures.
func Own(s *model.Section, r *model.Report, f Facts) Status {
	missingFig := len(MissingFigures(s, r, f)) > 0
	invalidFig, anyFig := false, false
	for _, fig := range s.Figures {
		_, typed := r.Figures[fig.ID]
		if _, bad := r.Invalid[fig.ID]; bad {
			invalidFig = true // marked at once, before the check confirms it
		}
		anyFig = anyFig || typed
	}
	switch {
	case s.Required && f.Chars == 0:
		return Missing
	case f.Errors > 0 || invalidFig:
		return Problem
	case s.Required && (f.Chars < s.MinChars || missingFig):
		return Started
	case !s.Required && f.Chars == 0 && !anyFig:
		return Optional
	}
	return Done
}

// MissingFigures are the section's required figures neither typed into
// their fields nor stated in the text.
func MissingFigures(s *model.Section, r *model.Report, f Facts) []*model.Figure {
	var out []*model.Figure
	for _, fig := range s.Figures {
		_, typed := r.Figures[fig.ID]
		if fig.Required && !typed && !(f.Stated != nil && f.Stated(fig.ID)) {
			out = append(out, fig)
		}
	}
	return out
}

// Part is the status of a section with subsections: as far along as its
// worst subsection (worst, the max of their statuses, which the caller
// keeps); its own prose is an optional opening paragraph, counted once it
// is written or has errors.
func Part(s *model.Section, own, worst Status, f Facts) Status {
	if f.Chars > 0 || f.Errors > 0 {
		worst = max(worst, own)
	}
	if worst == Optional && s.Required {
		worst = Missing
	}
	return worst
}
