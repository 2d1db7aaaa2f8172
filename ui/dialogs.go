package ui

import (
	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// dialogs is every question the editor asks in the right pane: the
// queued prompts (lock, recovery, migration, conflict, export; see
// prompt.go), the file name for save as, and last year's file for F7.
// The quit question has no state of its own beyond appState.
type dialogs struct {
	queue    []promptFunc
	prompt   *prompt  // shown now; nil when none
	back     appState // where the prompts return to
	fileName textinput.Model
	previous textinput.Model // the path asked for by F7
}

func newDialogs() dialogs {
	d := dialogs{fileName: textinput.New(), previous: textinput.New()}
	d.fileName.Prompt = "文件名："
	d.fileName.CharLimit = 200
	d.fileName.Cursor.SetMode(cursor.CursorStatic)
	d.previous.Prompt = "文件："
	d.previous.CharLimit = 500
	d.previous.Cursor.SetMode(cursor.CursorStatic)
	return d
}

// Update feeds the input that has the keyboard (typing, pastes).
func (d *dialogs) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch {
	case d.fileName.Focused():
		d.fileName, cmd = d.fileName.Update(msg)
	case d.previous.Focused():
		d.previous, cmd = d.previous.Update(msg)
	}
	return cmd
}

// ask puts text in an input and gives it the keyboard.
func ask(in *textinput.Model, text string) tea.Cmd {
	in.SetValue(text)
	in.CursorEnd()
	return in.Focus()
}

func (d *dialogs) blur() {
	d.fileName.Blur()
	d.previous.Blur()
}

// next takes the next queued prompt that still applies and shows it;
// false when none is left.
func (d *dialogs) next() bool {
	for len(d.queue) > 0 {
		p := d.queue[0]()
		d.queue = d.queue[1:]
		if p != nil {
			d.prompt = p
			return true
		}
	}
	d.prompt = nil
	return false
}

// choiceFor is the answer k picks in the prompt shown, if any.
func (p *prompt) choiceFor(k tea.KeyMsg) (choice, bool) {
	s := k.String()
	for _, c := range p.choices {
		for _, ck := range c.keys {
			if s == ck {
				return c, true
			}
		}
	}
	return choice{}, false
}

// helpScreen is the full key list (F1) and the help line's renderer.
type helpScreen struct {
	model  help.Model
	offset int // scroll position of the full help
}

// scroll scrolls the full help by a row or a page of rows; any other key
// leaves it (done).
func (h *helpScreen) scroll(k tea.KeyMsg, keys KeyMap, page int) (done bool) {
	switch {
	case key.Matches(k, keys.Up):
		h.offset--
	case key.Matches(k, keys.Down):
		h.offset++
	case key.Matches(k, keys.PageUp):
		h.offset -= page
	case key.Matches(k, keys.PageDown):
		h.offset += page
	default:
		return true
	}
	h.offset = max(0, h.offset)
	return false
}
