// Package templateeditor is the coordinating office's template editor: a
// section tree on the left, the selected section's details and figures on
// the right, and a live lint panel below. Every change goes through the
// model's template edit operations; saving is refused while lint reports
// errors, so a template handed to the units is always usable.
package templateeditor

import (
	"bytes"
	"fmt"
	"os"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"nianbao/lint"
	"nianbao/migrate"
	"nianbao/model"
	"nianbao/ui/termcursor"
	"nianbao/ui/textedit"
	"nianbao/ui/ttyinput"
)

// Options are what the editor needs to start.
type Options struct {
	Template *model.Template
	Path     string // where ctrl+s saves
	// Previous is the template as it was on disk (nil for a new file): a
	// structural change then bumps the version once, on save.
	Previous *model.Template
	// Saved is what is on disk now (nil for a new file), to tell whether
	// there are unsaved changes.
	Saved []byte
}

// Run starts the editor and blocks until it quits.
func Run(opts Options) error {
	// Read through ttyinput: bubbletea alone drops a character whose bytes
	// straddle two of its reads.
	input, _, closeInput := ttyinput.Option()
	defer closeInput()
	m := New(opts)
	m.term = &termcursor.Target{}
	_, err := tea.NewProgram(m, input, tea.WithAltScreen(), tea.WithOutput(termcursor.NewWriter(os.Stdout, m.term))).Run()
	return err
}

type state int

const (
	stateTree state = iota
	stateFigures
	stateRules
	stateForm
	stateConfirmDelete
	stateConfirmQuit
)

// formKind says what a submitted form changes.
type formKind int

const (
	formAddSibling formKind = iota
	formAddChild
	formEditSection
	formRename
	formAddFigure
	formEditFigure
	formSectionID
	formTemplateInfo
)

// Model is the root model of the template editor.
type Model struct {
	opts  Options
	t     *model.Template
	saved []byte
	// changes counts edits, undos, redos and saves; dirty encodes the
	// template only when it moved since the last answer, not per frame.
	changes  uint64
	dirtyAt  uint64
	dirtyVal bool
	keys     KeyMap
	styles   Styles
	help     help.Model

	state      state
	back       state // where a form or confirmation returns to
	cursor     int   // index into t.Flatten()
	figCursor  int
	ruleCursor int
	lintOffset int

	form     *form
	formKind formKind
	// newID is what an add form's empty id field stands for (see ids.go).
	newID  string
	delFig bool // the pending deletion is of a figure, not a section

	undo, redo []step // see history.go

	// term is where the terminal cursor goes (nil in tests); cur is the
	// cell View computed for it.
	term *termcursor.Target
	cur  cursorCell

	findings []lint.Finding
	status   string
	width    int
	height   int
	quitting bool
}

// New builds the editor model.
func New(opts Options) *Model {
	m := &Model{opts: opts, t: opts.Template, saved: opts.Saved, keys: DefaultKeyMap(),
		styles: DefaultStyles(), help: help.New(), width: 100, height: 30}
	m.relint()
	return m
}

// SavedMsg reports the end of a save started by SaveCmd.
type SavedMsg struct {
	Data []byte
	Err  error
	Quit bool
}

// SaveCmd writes data atomically to path outside Update.
func SaveCmd(path string, data []byte, quit bool) tea.Cmd {
	return func() tea.Msg {
		return SavedMsg{Data: data, Err: model.WriteFileAtomic(path, data), Quit: quit}
	}
}

// Init implements tea.Model.
func (m *Model) Init() tea.Cmd { return nil }

// Template returns the template being edited.
func (m *Model) Template() *model.Template { return m.t }

func (m *Model) relint() {
	m.findings = lint.Template(m.t, lint.Options{})
	if m.lintOffset >= len(m.findings) {
		m.lintOffset = 0
	}
}

// dirty reports unsaved changes by comparing bytes, so undoing a change by
// hand is not "modified". The answer is kept until the next change: View
// asks on every frame, and encoding the template is the costly part.
func (m *Model) dirty() bool {
	if m.changes == m.dirtyAt && m.changes != 0 {
		return m.dirtyVal
	}
	data, err := m.t.Marshal()
	m.dirtyVal = err != nil || m.saved == nil || !bytes.Equal(data, m.saved)
	m.changes++ // 0 means "never computed"; move past it
	m.dirtyAt = m.changes
	return m.dirtyVal
}

// touched records that the template or its saved bytes changed.
func (m *Model) touched() { m.changes++ }

// Update implements tea.Model: window size and global keys first, then the
// active state.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.help.Width = msg.Width
		return m, nil
	case SavedMsg:
		return m.onSaved(msg)
	case textedit.CopyMsg:
		// Copied in 填写说明: to the system clipboard too, as in the
		// drafting editor, and said on the status line.
		m.status = termcursor.Copy(m.term, msg.Text)
		return m, nil
	case tea.KeyMsg:
		if cmd, done := m.globalKey(msg); done {
			return m, cmd
		}
	}
	var cmd tea.Cmd
	switch m.state {
	case stateTree:
		cmd = m.updateTree(msg)
	case stateFigures:
		cmd = m.updateFigures(msg)
	case stateRules:
		cmd = m.updateRules(msg)
	case stateForm:
		cmd = m.updateForm(msg)
	case stateConfirmDelete:
		cmd = m.updateConfirmDelete(msg)
	case stateConfirmQuit:
		cmd = m.updateConfirmQuit(msg)
	}
	if m.quitting {
		return m, tea.Quit
	}
	return m, cmd
}

// globalKey handles what a key means whatever the state: the too-small
// screen, keys typed as one message, save, quit, help, undo and the lint
// panel's paging. It reports whether the key was taken.
func (m *Model) globalKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	// The screen shows only "窗口太小": a key now would change what
	// nobody can see (or type into a hidden form), so only quitting
	// and saving go through, as in the drafting editor.
	if m.tooSmall() && !key.Matches(msg, m.keys.Interrupt, m.keys.FormQuit) &&
		!(key.Matches(msg, m.keys.Save) && m.state != stateForm && m.state != stateConfirmQuit) {
		m.status = ""
		return nil, true
	}
	// Keys typed quickly can arrive as one message ("fa"); outside a
	// form each letter is a command, so handle them one by one.
	if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste && m.state != stateForm {
		var cmds []tea.Cmd
		for _, r := range msg.Runes {
			_, c := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
			cmds = append(cmds, c)
		}
		return tea.Batch(cmds...), true
	}
	// In a form ctrl+s accepts it first (see form.update).
	if key.Matches(msg, m.keys.Save) && m.state != stateConfirmQuit && m.state != stateForm {
		return m.save(false), true
	}
	// ctrl+q and ctrl+c quit from anywhere, a form included; q only
	// where letters are commands (see the states' updates).
	if (key.Matches(msg, m.keys.Interrupt) || msg.String() == "ctrl+q") && m.state != stateConfirmQuit && !m.formCopies(msg) {
		_, quit := m.quit()
		return quit, true
	}
	if key.Matches(msg, m.keys.FormHelp) || key.Matches(msg, m.keys.Help) && m.state != stateForm {
		m.help.ShowAll = !m.help.ShowAll
		return nil, true
	}
	// Undo and the lint panel's paging work wherever the office looks
	// at the template; in a form or a confirmation the keys belong to
	// that.
	if m.state == stateTree || m.state == stateFigures || m.state == stateRules {
		return nil, m.browseKey(msg)
	}
	return nil, false
}

// browseKey takes undo, redo and the lint panel's paging in the views
// that browse the template, and reports whether it took the key.
func (m *Model) browseKey(msg tea.KeyMsg) bool {
	switch {
	case key.Matches(msg, m.keys.Undo):
		m.undoEdit()
	case key.Matches(msg, m.keys.Redo):
		m.redoEdit()
	case key.Matches(msg, m.keys.PageUp):
		m.lintOffset = max(0, m.lintOffset-lintLines)
	case key.Matches(msg, m.keys.PageDown):
		m.lintOffset = min(max(0, len(m.findings)-1), m.lintOffset+lintLines)
	default:
		return false
	}
	return true
}

// save refuses while lint has errors and says which; otherwise it bumps
// the version once after a structural change and writes in a command.
func (m *Model) save(quit bool) tea.Cmd {
	m.relint()
	if errs, _ := lint.Counts(m.findings); errs > 0 {
		for _, f := range m.findings {
			if f.Severity == lint.Error {
				m.status = fmt.Sprintf("不能保存：模板有 %d 个错误，请先修正。第一个：%s", errs, f.Message)
				break
			}
		}
		return nil
	}
	note := ""
	if p := m.opts.Previous; p != nil && p.ID == m.t.ID && m.t.Version <= p.Version &&
		migrate.HasStructural(migrate.Diff(p, m.t)) {
		m.t.Version = p.Version + 1
		m.touched()
		note = fmt.Sprintf("（章节或数字有增删、移动或改 id，版本号已升为 %d）", m.t.Version)
	}
	data, err := m.t.Marshal()
	if err != nil {
		m.status = "不能保存：" + err.Error()
		return nil
	}
	m.status = "正在保存…" + note
	return SaveCmd(m.opts.Path, data, quit)
}

func (m *Model) onSaved(msg SavedMsg) (tea.Model, tea.Cmd) {
	if msg.Err != nil {
		m.status = "保存失败：" + msg.Err.Error()
		m.state = stateTree
		return m, nil
	}
	m.saved = msg.Data
	m.touched()
	m.status = fmt.Sprintf("已保存 %s（id %s，版本 %d）", m.opts.Path, m.t.ID, m.t.Version)
	if msg.Quit {
		m.quitting = true
		return m, tea.Quit
	}
	return m, nil
}

// formCopies reports that ctrl+c belongs to the multi-line field: with
// text selected it copies, as in the drafting editor's prose.
func (m *Model) formCopies(k tea.KeyMsg) bool {
	if m.state != stateForm {
		return false
	}
	fl := m.form.focused()
	return fl.kind == fieldArea && fl.area.HasSelection() && key.Matches(k, fl.area.KeyMap().Copy)
}

func (m *Model) quit() (tea.Model, tea.Cmd) {
	if !m.dirty() {
		m.quitting = true
		return m, tea.Quit
	}
	m.back, m.state = m.state, stateConfirmQuit
	return m, nil
}

func (m *Model) updateConfirmQuit(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	// The drafting editor's answers (keymap.Common): s/y save and quit,
	// d/n quit without saving, esc cancels.
	switch {
	case key.Matches(k, m.keys.ConfirmSave):
		m.state = m.back
		return m.save(true)
	case key.Matches(k, m.keys.ConfirmDrop):
		m.quitting = true
	case key.Matches(k, m.keys.ConfirmAbort):
		m.state = m.back
		m.status = "继续编辑"
	}
	return nil
}
