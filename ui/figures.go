package ui

import (
	"fmt"
	"math"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"nianbao/check"
	"nianbao/model"
)

const figureInputWidth = 10

// figureField is one labelled numeric input. It keeps exactly what was
// typed; err is set when that is not a number, and the report then holds
// the text as invalid (model.Report.Invalid), never a value.
type figureField struct {
	fig   *model.Figure
	input textinput.Model
	err   string
}

// figuresModel edits the figures of one section, writing every accepted
// value straight into the report.
type figuresModel struct {
	c             *common
	fields        []figureField
	focus         int
	focused       bool
	width, height int
	offset        int
	view          string // last drawing; "" when something changed
}

func newFigures(c *common, s *model.Section) *figuresModel {
	m := &figuresModel{c: c}
	for _, f := range s.Figures {
		in := textinput.New()
		in.Prompt = ""
		in.CharLimit = 0 // a limit would drop keys silently; a long value is a finding instead
		in.Width = figureInputWidth
		in.Cursor.SetMode(cursor.CursorStatic) // no blink ticks: they would repaint for nothing
		field := figureField{fig: f}
		if n, ok := c.report.Figure(f.ID); ok {
			in.SetValue(n.Text)
		} else if raw, bad := c.report.Invalid[f.ID]; bad {
			in.SetValue(raw)
			field.err = invalidText(raw)
		}
		field.input = in
		m.fields = append(m.fields, field)
	}
	return m
}

func (m *figuresModel) SetSize(w, h int) { m.width, m.height = w, h; m.scroll(); m.view = "" }

func (m *figuresModel) len() int { return len(m.fields) }

func (m *figuresModel) Focus(i int) tea.Cmd {
	if len(m.fields) == 0 {
		return nil
	}
	m.view = ""
	m.fields[m.focus].input.Blur()
	m.focus = max(0, min(i, len(m.fields)-1))
	m.focused = true
	m.scroll()
	return m.fields[m.focus].input.Focus()
}

func (m *figuresModel) Blur() {
	m.view = ""
	m.focused = false
	for i := range m.fields {
		m.fields[i].input.Blur()
	}
}

// focusID focuses the figure with the given id, for jumps from findings.
func (m *figuresModel) focusID(id string) tea.Cmd {
	for i, f := range m.fields {
		if f.fig.ID == id {
			return m.Focus(i)
		}
	}
	return m.Focus(0)
}

// listRows is how many figure rows fit; one row is kept for the focused
// field's full note when the pane is focused.
func (m *figuresModel) listRows() int {
	if m.focused {
		return max(0, m.height-1)
	}
	return m.height
}

func (m *figuresModel) scroll() {
	rows := m.listRows()
	if rows <= 0 {
		return
	}
	if m.focus < m.offset {
		m.offset = m.focus
	}
	if m.focus >= m.offset+rows {
		m.offset = m.focus - rows + 1
	}
	m.offset = max(0, min(m.offset, len(m.fields)-rows))
}

// Update handles a key for the focused field. What the field then holds
// goes to the root as a figureEdit (common.edit).
func (m *figuresModel) Update(msg tea.Msg) tea.Cmd {
	if len(m.fields) == 0 {
		return nil
	}
	m.view = ""
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(k, m.c.keys.Up) && k.String() == "up":
			return m.Focus(m.focus - 1)
		case key.Matches(k, m.c.keys.Down) && k.String() == "down":
			return m.Focus(m.focus + 1)
		case k.String() == "enter":
			// Enter on an empty field takes the value the text states;
			// otherwise it moves on.
			if f := &m.fields[m.focus]; m.offersProse(f) {
				f.input.SetValue(m.c.prose[f.fig.ID].Value.Text)
				f.input.CursorEnd()
				return m.accept(f)
			}
			return m.Focus(m.focus + 1)
		}
	}
	f := &m.fields[m.focus]
	before := f.input.Value()
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	if f.input.Value() == before {
		return cmd
	}
	return tea.Batch(cmd, m.accept(f))
}

// accept shows whether the field's text is a number and hands it to the
// root, so the draft never keeps an older value than the one shown.
func (m *figuresModel) accept(f *figureField) tea.Cmd {
	v := strings.TrimSpace(f.input.Value())
	f.err = ""
	if v != "" {
		f.err = invalidText(v)
	}
	return m.c.edit(figureEdit{id: f.fig.ID, text: v})
}

// figureEdit stores a figure field's text in the report: a value when it
// is a number, else the text itself as invalid (model.Report.Invalid),
// never a value; empty text clears the figure. Nothing typed is refused.
type figureEdit struct{ id, text string }

func (e figureEdit) apply(c *common) bool {
	r := c.report
	if e.text == "" {
		_, had := r.Figures[e.id]
		_, bad := r.Invalid[e.id]
		r.ClearFigure(e.id)
		return had || bad
	}
	n, err := model.ParseNumber(e.text)
	if err != nil {
		if old, bad := r.Invalid[e.id]; bad && old == e.text {
			return false
		}
		r.SetInvalidFigure(e.id, e.text)
		return true
	}
	if old, ok := r.Figures[e.id]; ok && old == n {
		return false
	}
	r.SetFigure(e.id, n)
	return true
}

// invalidText is the inline error for text that is not a number.
func invalidText(raw string) string {
	if _, err := model.ParseNumber(raw); err != nil {
		return err.Error()
	}
	return ""
}

// proseChanged drops the cached drawing after a check brought new
// readings of the prose.
func (m *figuresModel) proseChanged() { m.view = "" }

// proseNote says what the text states for a field: the value to take when
// the field is empty, or whether the typed value agrees with it.
func (m *figuresModel) proseNote(f *figureField) (string, noteKind, bool) {
	p, ok := m.c.prose[f.fig.ID]
	if !ok || f.err != "" {
		return "", noteHint, false
	}
	value := fmt.Sprintf("%s %s（“%s”）", p.Value.Text, p.Unit, clipSentence(p.Quote()))
	n, typed := m.c.report.Figure(f.fig.ID)
	switch {
	case !typed:
		return "文中：" + value, noteProse, true
	case p.Differs(n):
		// 不符 first: a narrow panel cuts the note's end, and the
		// sentence quoted there must not hide that the two disagree.
		return "与文中不符：" + value, noteWarn, true
	}
	return "与文中一致", noteProse, true
}

// offersProse says whether enter would take the text's value into f.
func (m *figuresModel) offersProse(f *figureField) bool {
	_, ok := m.c.prose[f.fig.ID]
	return ok && f.input.Value() == ""
}

// clipSentence shortens a quoted sentence for the panel.
func clipSentence(s string) string {
	const n = 40
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// note is what stands beside a field: an input error, a bound warning, the
// rate its counts give, or last year's value when the field is empty.
func (m *figuresModel) note(f *figureField) (string, noteKind) {
	st := m.c.report
	if f.err != "" {
		return "无效，未计入：" + f.err, noteError
	}
	if text, kind, ok := m.proseNote(f); ok && kind == noteWarn {
		return text, kind
	}
	n, ok := st.Figure(f.fig.ID)
	if ok {
		if f.fig.Min != nil && n.Value < *f.fig.Min || f.fig.Max != nil && n.Value > *f.fig.Max {
			return boundsText(f.fig), noteWarn
		}
		if f.fig.Kind == model.KindCount && n.Value != math.Trunc(n.Value) {
			return "件数应当是整数", noteWarn
		}
	}
	if f.fig.Rate != nil {
		if s, ok := m.computedRate(f.fig, n, ok); ok {
			return s, noteComputed
		}
	}
	if text, kind, read := m.proseNote(f); read {
		return text, kind
	}
	h, has := lastYear(st, f.fig.ID)
	if !ok && !has && f.fig.Required {
		return "必填", noteHint
	}
	if has {
		return fmt.Sprintf("去年 %s%s", h.Text, f.fig.Unit), noteHint
	}
	return "", noteHint
}

type noteKind int

const (
	noteHint noteKind = iota
	noteComputed
	noteWarn
	noteError
	noteProse // read from the text
)

func boundsText(f *model.Figure) string {
	switch {
	case f.Min != nil && f.Max != nil:
		return fmt.Sprintf("应在 %g–%g 之间", *f.Min, *f.Max)
	case f.Min != nil:
		return fmt.Sprintf("不应小于 %g", *f.Min)
	default:
		return fmt.Sprintf("不应大于 %g", *f.Max)
	}
}

// computedRate says what the counts give, over the denominator that
// explains the stated value if one does (纠错率 may be over 审结 or 收案).
// Whether it explains it is check's decision (truncation and rounding to the
// decimals written are accepted), so the pane and the check never disagree.
func (m *figuresModel) computedRate(f *model.Figure, stated model.Number, hasStated bool) (string, bool) {
	num, ok := m.c.report.Figure(f.Rate.Numerator)
	if !ok {
		return "", false
	}
	best := ""
	for _, d := range f.Rate.Denominators {
		den, ok := m.c.report.Figure(d)
		if !ok || den.Value == 0 {
			continue
		}
		v := num.Value / den.Value * 100
		label := d
		if df, _ := m.c.tmpl.Figure(d); df != nil {
			label = df.Label
		}
		s := fmt.Sprintf("按%s计算 %.2f %%", label, v)
		if hasStated && !check.RateExplains(stated, v, f.Rate.EffectiveTolerance()) {
			s += "（不符）"
		} else if hasStated {
			return s, true
		}
		if best == "" {
			best = s
		}
	}
	return best, best != ""
}

func (m *figuresModel) labelWidth() int {
	w := 0
	for _, f := range m.fields {
		w = max(w, ansi.StringWidth(f.fig.Label))
	}
	return max(4, min(w, m.width-figureInputWidth-8))
}

// View is cached: while the drafter types prose the figures do not change,
// and redrawing a dozen inputs per key is measurable.
func (m *figuresModel) View() string {
	if m.view == "" {
		m.view = m.render()
	}
	return m.view
}

func (m *figuresModel) render() string {
	st := m.c.styles.Figure
	lw := m.labelWidth()
	var lines []string
	rows := m.listRows()
	for i := m.offset; i < len(m.fields) && len(lines) < rows; i++ {
		f := &m.fields[i]
		label := padRight(ansi.Truncate(f.fig.Label, lw, "…"), lw)
		lead := "  "
		ls := st.Label
		if m.focused && i == m.focus {
			lead, ls = "> ", st.LabelFocused
		}
		val := padRight(f.input.View(), figureInputWidth)
		row := lead + ls.Render(label) + " [" + val + "] " + st.Unit.Render(f.fig.Unit)
		if text, kind := m.note(f); text != "" {
			row += "  " + m.noteStyle(kind).Render(text)
		}
		lines = append(lines, ansi.Truncate(row, m.width, "…"))
	}
	if m.focused && m.height > 0 {
		f := &m.fields[m.focus]
		detail := f.fig.Label
		if text, kind := m.note(f); text != "" {
			if m.offersProse(f) {
				detail += "：回车采用"
			}
			detail += "：" + m.noteStyle(kind).Render(text)
		}
		for len(lines) < rows {
			lines = append(lines, "")
		}
		lines = append(lines, ansi.Truncate(detail, m.width, "…"))
	}
	for len(lines) < m.height {
		lines = append(lines, "")
	}
	return strings.Join(lines[:min(len(lines), m.height)], "\n")
}

func (m *figuresModel) noteStyle(k noteKind) lipgloss.Style {
	st := m.c.styles.Figure
	switch k {
	case noteComputed:
		return st.Computed
	case noteWarn:
		return st.Warning
	case noteError:
		return st.Error
	case noteProse:
		return st.Computed
	case noteHint:
	}
	return st.Hint
}

// cursorCell is where the focused input's insertion point is, relative to
// the pane, for the IME cursor.
func (m *figuresModel) cursorCell() (row, col int, ok bool) {
	if !m.focused || len(m.fields) == 0 {
		return 0, 0, false
	}
	f := m.fields[m.focus]
	r := []rune(f.input.Value())
	p := min(f.input.Position(), len(r))
	return m.focus - m.offset, 2 + m.labelWidth() + 2 + ansi.StringWidth(string(r[:p])), true
}

func (m *figuresModel) ShortHelp() []key.Binding {
	k := m.c.keys
	return []key.Binding{withHelp(k.Up, "上一项"), withHelp(k.Down, "下一项"), withHelp(k.SwitchPane, "回到正文")}
}

func (m *figuresModel) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

func padRight(s string, w int) string {
	if d := w - ansi.StringWidth(s); d > 0 {
		return s + strings.Repeat(" ", d)
	}
	return s
}
