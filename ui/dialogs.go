package ui

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"nianbao/model"
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

// askInput puts text in an input and gives it the keyboard.
func askInput(in *textinput.Model, text string) tea.Cmd {
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

// The root's side of the dialogs: opening them and their answers. An
// answer changes the root at once (the state shown, the file name, a
// save, quitting), never through a message, so the key typed right after
// an answer reaches what the answer opened.

// ask queues prompts; the first one is shown at once.
func (a *App) ask(ps ...promptFunc) tea.Cmd {
	if len(ps) == 0 {
		return nil
	}
	a.dialogs.queue = append(a.dialogs.queue, ps...)
	return a.nextPrompt()
}

// nextPrompt shows the next queued prompt that still applies, or returns
// to where the drafter was.
func (a *App) nextPrompt() tea.Cmd {
	if a.dialogs.next() {
		if a.state != statePrompt {
			a.dialogs.back = a.state
		}
		a.state = statePrompt
		a.blurAll()
		return nil
	}
	if a.state == statePrompt {
		a.state = a.dialogs.back
		if a.state == statePrompt {
			a.state = stateEdit
		}
	}
	return a.focusCmd()
}

// replacePrompt swaps the prompt on screen for another (a second, more
// explicit step of the same question) without touching the queue.
func (a *App) replacePrompt(p *prompt) {
	a.dialogs.prompt = p
	a.state = statePrompt
}

// updatePrompt runs the answer a key picks. The answer changes the root
// at once (it may open save as, rebuild the editor or quit), not through
// a message: a key typed right after would otherwise reach the question
// already answered.
func (a *App) updatePrompt(k tea.KeyMsg) tea.Cmd {
	if a.dialogs.prompt == nil {
		return a.nextPrompt()
	}
	c, ok := a.dialogs.prompt.choiceFor(k)
	if !ok {
		return nil
	}
	// Take the prompt down first: the choice may open another screen
	// (save as), show a confirmation step, rebuild the editor or quit.
	a.dialogs.prompt, a.state = nil, a.dialogs.back
	before := a.state
	cmd := c.do()
	switch {
	case a.dialogs.prompt != nil || a.quitting:
		return cmd
	case len(a.dialogs.queue) > 0:
		return tea.Batch(cmd, a.nextPrompt())
	case a.state == before:
		return tea.Batch(cmd, a.focusCmd())
	}
	return cmd
}

// blurAll takes focus from every input while a prompt owns the keys.
func (a *App) blurAll() {
	if ed := a.prose.editors[a.current().ID]; ed != nil {
		ed.Blur()
	}
	if a.figures != nil {
		a.figures.Blur()
	}
	a.meta.Blur()
	a.dialogs.blur()
	a.tree.focused, a.findings.focused = false, false
}

// saveAs asks for another name while editing; the draft then lives under
// it (its lock and autosave follow), and the old file stays as it was.
func (a *App) saveAs() tea.Cmd {
	if a.file.saving {
		return nil
	}
	if a.state == stateMeta {
		a.applyMeta()
	}
	if a.file.path == "" {
		return a.askFileName()
	}
	return a.askFileNameAs(model.CopyName(a.file.path))
}

func (a *App) askFileName() tea.Cmd { return a.askFileNameAs(a.defaultFileName()) }

func (a *App) askFileNameAs(name string) tea.Cmd {
	a.back, a.state = a.state, stateSaveAs
	if a.back == stateSaveAs || a.back == stateConfirmQuit || a.back == statePrompt {
		a.back = stateEdit
	}
	a.file.overwrite = ""
	return askInput(&a.dialogs.fileName, name)
}

func (a *App) updateSaveAs(k tea.KeyMsg) tea.Cmd {
	switch k.String() {
	case "esc":
		a.state, a.file.quitOnSave = a.back, false
		a.dialogs.fileName.Blur()
		return a.focusCmd()
	case "enter":
		p := strings.TrimSpace(a.dialogs.fileName.Value())
		if p == "" {
			return nil
		}
		if filepath.Ext(p) == "" {
			p += ".yaml"
		}
		return func() tea.Msg {
			_, err := os.Lstat(p)
			return saveAsCheckedMsg{path: p, exists: err == nil}
		}
	}
	return a.dialogs.Update(k)
}

// saveAsCheckedMsg says whether the name typed for save as is taken.
type saveAsCheckedMsg struct {
	path   string
	exists bool
}

// saveAsChecked saves under the typed name, or warns once when a file
// has it already.
func (a *App) saveAsChecked(msg saveAsCheckedMsg) tea.Cmd {
	if a.state != stateSaveAs {
		return nil // the drafter left the dialog meanwhile
	}
	if msg.exists && a.file.overwrite != msg.path {
		a.file.overwrite = msg.path
		a.status.fail("文件已存在，再按回车覆盖，或改个名字")
		return nil
	}
	a.file.path = msg.path
	a.state = a.back
	a.dialogs.fileName.Blur()
	// A name the drafter confirmed over an existing file is written
	// without asking a second time (as a save conflict would).
	return tea.Batch(a.focusCmd(), a.startSave(msg.exists))
}

// requestQuit quits at once when everything is saved and asks otherwise.
func (a *App) requestQuit() tea.Cmd {
	if a.state == stateMeta {
		if a.applyMeta() {
			a.edited()
		}
	}
	if !a.dirty() {
		return a.quit()
	}
	if a.state != stateConfirmQuit {
		a.back, a.state = a.state, stateConfirmQuit
	}
	return nil
}

func (a *App) updateConfirm(k tea.KeyMsg) tea.Cmd {
	keys := a.c.keys
	switch {
	case key.Matches(k, keys.ConfirmSave):
		a.state = a.back
		a.file.quitOnSave = true
		return a.save()
	case key.Matches(k, keys.ConfirmDrop):
		return a.quit()
	case key.Matches(k, keys.ConfirmAbort):
		a.state = a.back
		return a.focusCmd()
	}
	return nil
}

// askPrevious opens the question for last year's file.
func (a *App) askPrevious() tea.Cmd {
	if a.env.opts.LoadPrevious == nil {
		a.status.fail("此处不能附上去年的报告：请用 nianbao edit --previous 文件 打开")
		return nil
	}
	a.endUndoStep()
	a.back, a.state = a.state, statePrevious
	file := ""
	if p := a.c.report.Previous; p != nil {
		file = p.File
	}
	return askInput(&a.dialogs.previous, file)
}

func (a *App) updatePreviousInput(k tea.KeyMsg) tea.Cmd {
	switch k.String() {
	case "esc":
		a.state = a.back
		a.dialogs.previous.Blur()
		return a.focusCmd()
	case "enter":
		p := strings.TrimSpace(a.dialogs.previous.Value())
		if p == "" {
			return nil
		}
		a.state = a.back
		a.dialogs.previous.Blur()
		a.status.say("正在读取去年的报告 " + p + " …")
		return tea.Batch(a.focusCmd(), loadPreviousCmd(a.env.opts.LoadPrevious, p))
	}
	return a.dialogs.Update(k)
}

// previousKeys is the help while asking for last year's file.
func (a *App) previousKeys() []key.Binding {
	k := a.c.keys
	return []key.Binding{withHelp(k.Enter, "附上"), withHelp(k.Back, "取消")}
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
