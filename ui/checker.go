package ui

import (
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"nianbao/check"
	"nianbao/model"
)

// checkDelay is how long typing must pause before the check runs: the check
// reads the whole report, so running it per key would make typing cost grow
// with the report's length.
const checkDelay = 300 * time.Millisecond

type checkFunc func(*model.Template, *model.Report) check.Result

// checkTickMsg fires checkDelay after an edit; only the latest one (by
// sequence number) starts a check.
type checkTickMsg struct{ seq int }

// checkDoneMsg carries a finished check back to the root.
type checkDoneMsg struct {
	seq int
	res check.Result
	// fault is set when the check itself failed (a fault in nianbao, not
	// in the draft): the last verdict stays, and typing goes on.
	fault string
}

// checkTickCmd schedules the debounced check for edit number seq.
func checkTickCmd(seq int) tea.Cmd {
	return tea.Tick(checkDelay, func(time.Time) tea.Msg { return checkTickMsg{seq: seq} })
}

// runCheckCmd checks a snapshot off the update loop, so a slow check never
// blocks typing and never races with edits. The check also reads the
// figures from the prose (check.Result.Prose, the importer's extractor):
// that reading costs milliseconds on a long report, so it must never run
// per key inside Update.
func runCheckCmd(fn checkFunc, t *model.Template, snap *model.Report, seq int) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = checkDoneMsg{seq: seq, fault: fmt.Sprint(r)}
			}
		}()
		return checkDoneMsg{seq: seq, res: fn(t, snap)}
	}
}
