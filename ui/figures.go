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

	"nianbao/model"
)

const figureInputWidth = 10

// figureField is one labelled numeric input. err is set when the drafter
// typed something that is not a number: the keystroke is refused, so the
// report only ever holds numbers.
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
		in.CharLimit = 18
		in.Width = figureInputWidth
		in.Cursor.SetMode(cursor.CursorStatic) // no blink ticks: they would repaint for nothing
		if n, ok := c.report.Figure(f.ID); ok {
			in.SetValue(n.Text)
		}
		m.fields = append(m.fields, figureField{fig: f, input: in})
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

// Update handles a key for the focused field. It reports whether the
// report changed.
func (m *figuresModel) Update(msg tea.Msg) (changed bool, cmd tea.Cmd) {
	if len(m.fields) == 0 {
		return false, nil
	}
	m.view = ""
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(k, m.c.keys.Up) && k.String() == "up":
			return false, m.Focus(m.focus - 1)
		case key.Matches(k, m.c.keys.Down) && k.String() == "down", k.String() == "enter":
			return false, m.Focus(m.focus + 1)
		}
	}
	// Several runes arrive in one message when typing fast or pasting;
	// judge them one by one so "35x" keeps 35 and refuses only the x.
	if k, ok := msg.(tea.KeyMsg); ok && k.Type == tea.KeyRunes && len(k.Runes) > 1 && !k.Paste {
		var cmds []tea.Cmd
		refused := ""
		for _, r := range k.Runes {
			one := k
			one.Runes = []rune{r}
			c, cmd := m.Update(one)
			changed = changed || c
			cmds = append(cmds, cmd)
			if e := m.fields[m.focus].err; e != "" {
				refused = e
			}
		}
		m.fields[m.focus].err = refused // a later good rune must not hide a refusal
		return changed, tea.Batch(cmds...)
	}
	f := &m.fields[m.focus]
	before, pos := f.input.Value(), f.input.Position()
	f.input, cmd = f.input.Update(msg)
	after := f.input.Value()
	if after == before {
		return false, cmd
	}
	return m.accept(f, before, pos), cmd
}

// accept stores a changed value, or refuses it with an inline error. Half
// typed numbers ("-", ".") are kept in the field without being stored.
func (m *figuresModel) accept(f *figureField, before string, pos int) bool {
	v := strings.TrimSpace(f.input.Value())
	switch v {
	case "":
		f.err = ""
		if _, ok := m.c.report.Figures[f.fig.ID]; ok {
			delete(m.c.report.Figures, f.fig.ID)
			return true
		}
		return false
	case "-", "+", ".", "-.":
		f.err = ""
		return false
	}
	n, err := model.ParseNumber(v)
	if err != nil {
		f.input.SetValue(before)
		f.input.SetCursor(pos)
		f.err = err.Error()
		return false
	}
	f.err = ""
	m.c.report.SetFigure(f.fig.ID, n)
	return true
}

// note is what stands beside a field: an input error, a bound warning, the
// rate its counts give, or last year's value when the field is empty.
func (m *figuresModel) note(f *figureField) (string, noteKind) {
	st := m.c.report
	if f.err != "" {
		return f.err, noteError
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
		if hasStated && math.Abs(stated.Value-v) > f.Rate.EffectiveTolerance() {
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
