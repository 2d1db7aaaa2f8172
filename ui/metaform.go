package ui

import (
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
)

// metaForm is the short 报告信息 form shown first on a new draft and later
// from the tree. Values go into the report when the drafter leaves a field.
type metaForm struct {
	c             *common
	inputs        []textinput.Model
	focus         int
	err           string
	width, height int
	defaultYear   int // the year a new draft reports on, for the date's example
	// yearSuggested: the year field holds the year nianbao suggested for
	// a draft that had none, untouched. The first character typed there
	// replaces it, as a form's selected default does in Word or WPS;
	// typing after it made "20262025".
	yearSuggested bool
}

const (
	metaUnit = iota
	metaYear
	metaTitle
	metaDate
	metaContact
)

var metaLabels = []string{"报告单位", "年　　度", "标　　题", "成文日期", "联 系 人"}

// metaDoneMsg tells the root the form is finished.
type metaDoneMsg struct{}

func newMetaForm(c *common, now time.Time) *metaForm {
	f := &metaForm{c: c}
	for range metaLabels {
		in := textinput.New()
		in.Prompt = ""
		in.CharLimit = 0 // a limit would drop keys silently
		in.Cursor.SetMode(cursor.CursorStatic)
		f.inputs = append(f.inputs, in)
	}
	r := c.report
	f.inputs[metaUnit].SetValue(r.Unit)
	f.inputs[metaUnit].Placeholder = "例如 绩溪县人民政府"
	year := r.Year
	if year == 0 {
		year = model.DefaultYear(now)
		f.yearSuggested = true
	}
	f.inputs[metaYear].SetValue(strconv.Itoa(year))
	f.inputs[metaTitle].SetValue(r.Title)
	f.inputs[metaDate].SetValue(r.Date)
	f.inputs[metaContact].SetValue(r.Contact)
	f.inputs[metaContact].Placeholder = "姓名 电话"
	f.defaultYear = model.DefaultYear(now)
	f.updatePlaceholders()
	return f
}

func (f *metaForm) SetSize(w, h int) {
	f.width, f.height = w, h
	for i := range f.inputs {
		f.inputs[i].Width = max(1, w-14) // lead, label, gap and the cursor cell
	}
}

func (f *metaForm) Focus() tea.Cmd {
	return f.focusField(f.focus)
}

func (f *metaForm) Blur() {
	for i := range f.inputs {
		f.inputs[i].Blur()
	}
}

func (f *metaForm) focusField(i int) tea.Cmd {
	f.Blur()
	f.focus = max(0, min(i, len(f.inputs)-1))
	return f.inputs[f.focus].Focus()
}

// updatePlaceholders shows the derived title while the title field is
// empty, so the drafter sees what will print without having to type it,
// and an example date in the year after the one typed: a report is
// written early in the following year.
func (f *metaForm) updatePlaceholders() {
	year := strings.TrimSpace(f.inputs[metaYear].Value())
	y, _ := strconv.Atoi(year)
	f.inputs[metaTitle].Placeholder = f.c.tmpl.Title(strings.TrimSpace(f.inputs[metaUnit].Value()), y)
	if year == "" || yearError(year, 0) != "" {
		y = f.defaultYear // half typed or not a year: keep the usual example
	}
	f.inputs[metaDate].Placeholder = "例如 " + strconv.Itoa(y+1) + "年3月1日"
}

// metaEdit is what the form holds, trimmed, as the report should take
// it. The form hands it to the root (common.edit) when a field is left;
// the root applies it (apply).
type metaEdit struct {
	unit, year, title, date, contact string
	// suggested: the year is the one nianbao suggested, untouched. Taking
	// it into a draft that had none is no edit of the drafter's: quitting
	// an untouched new draft asks nothing and leaves no recovery file.
	suggested bool
}

func (f *metaForm) edit() metaEdit {
	v := func(i int) string { return strings.TrimSpace(f.inputs[i].Value()) }
	return metaEdit{unit: v(metaUnit), year: v(metaYear), title: v(metaTitle), date: v(metaDate), contact: v(metaContact),
		suggested: f.yearSuggested}
}

// leave is the edit the form gives up as a field is left, with the
// year's error shown under it when the year is not a four-digit year.
func (f *metaForm) leave() metaEdit {
	e := f.edit()
	f.err = yearError(e.year, f.c.report.Year)
	return e
}

// apply writes the fields into the report. It reports whether anything
// changed. A year that is not a four-digit year stays in the field as
// typed; the report keeps its year, and c.metaInvalid names what was not
// taken so the tree marks the form and saving says so.
func (e metaEdit) apply(c *common) (changed bool) {
	changed, yearErr := e.fill(c.report)
	c.metaInvalid = ""
	if yearErr != "" {
		c.metaInvalid = "年度“" + clipField(e.year) + "”"
	}
	return changed
}

// fill writes the fields into r, returning whether anything changed and
// what is wrong with the year. Autosave fills a snapshot this way, so what
// is typed in the form reaches the recovery file before the drafter
// leaves the field, without showing an error for a year half typed.
func (e metaEdit) fill(r *model.Report) (changed bool, yearErr string) {
	set := func(dst *string, v string) {
		if *dst != v {
			*dst, changed = v, true
		}
	}
	set(&r.Unit, e.unit)
	set(&r.Title, e.title)
	set(&r.Date, e.date)
	set(&r.Contact, e.contact)
	if yearErr = yearError(e.year, r.Year); yearErr != "" {
		return changed, yearErr
	}
	y, _ := strconv.Atoi(e.year) // "" gives 0: no year
	if r.Year != y {
		changed = changed || !(e.suggested && r.Year == 0)
		r.Year = y
	}
	return changed, ""
}

// yearError says what is wrong with a typed year, "" when it is a
// four-digit year or empty; kept is the year the report keeps instead.
func yearError(year string, kept int) string {
	y, err := strconv.Atoi(year)
	if year == "" || err == nil && y >= 1949 && y <= 2200 {
		return ""
	}
	msg := "应为四位年份，如 " + strconv.Itoa(model.DefaultYear(time.Now()))
	if kept != 0 {
		return msg + "；未采用，年度仍为 " + strconv.Itoa(kept)
	}
	return msg + "；未采用，年度仍未填"
}

// formTyped is the edit of typing in a field before it is left: the
// report takes the text on leaving, but the keystroke already counts as
// an edit (the draft is unsaved, autosave writes it).
type formTyped struct{}

func (formTyped) apply(*common) bool { return true }

// clipField shortens typed text quoted in a message.
func clipField(s string) string {
	const n = 20
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// Update moves between fields and feeds the focused one. Leaving a field
// hands its values to the root (common.edit).
func (f *metaForm) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch k.String() {
		case "enter", "down":
			edit := f.c.edit(f.leave())
			if f.focus == len(f.inputs)-1 && k.String() == "enter" {
				if f.err != "" {
					return tea.Batch(edit, f.focusField(metaYear))
				}
				return tea.Batch(edit, func() tea.Msg { return metaDoneMsg{} })
			}
			return tea.Batch(edit, f.focusField(f.focus+1))
		case "up", "shift+tab":
			return tea.Batch(f.c.edit(f.leave()), f.focusField(f.focus-1))
		case "tab":
			return tea.Batch(f.c.edit(f.leave()), f.focusField((f.focus+1)%len(f.inputs)))
		}
	}
	var cmd tea.Cmd
	before := f.inputs[f.focus].Value()
	if k, ok := msg.(tea.KeyMsg); ok && f.focus == metaYear && f.yearSuggested {
		// Any key the field takes ends the suggestion: typed characters
		// replace it, editing keys (backspace, arrows) edit it.
		f.yearSuggested = false
		if k.Type == tea.KeyRunes {
			f.inputs[metaYear].SetValue("")
		}
	}
	f.inputs[f.focus], cmd = f.inputs[f.focus].Update(msg)
	f.updatePlaceholders()
	if f.inputs[f.focus].Value() != before {
		return tea.Batch(cmd, f.c.edit(formTyped{}))
	}
	return cmd
}

func (f *metaForm) View() string {
	st := f.c.styles.Form
	lines := []string{st.Note.Render("请先填写报告信息（回车到下一项，最后一项回车开始写正文）"), ""}
	for i, in := range f.inputs {
		lead, ls := "  ", st.Label
		if i == f.focus {
			lead, ls = "> ", st.LabelFocused
		}
		lines = append(lines, lead+ls.Render(metaLabels[i])+"  "+in.View())
		switch {
		case i == metaYear && f.err != "":
			lines = append(lines, "            "+st.Error.Render(f.err))
		case i == metaYear && i == f.focus && f.yearSuggested:
			lines = append(lines, "            "+st.Note.Render("建议的年度，直接输入即替换"))
		}
	}
	lines = append(lines, "", st.Note.Render("标题留空时按模板自动生成；以后可在目录顶部“报告信息”或按 F4 修改。"))
	for i := range lines {
		lines[i] = ansi.Truncate(lines[i], f.width, "…")
	}
	if len(lines) > f.height {
		lines = lines[:max(0, f.height)]
	}
	return strings.Join(lines, "\n")
}

// cursorCell is the focused input's insertion point relative to the form.
func (f *metaForm) cursorCell() (row, col int) {
	row = 2 + f.focus
	if f.err != "" && f.focus > metaYear {
		row++
	}
	in := f.inputs[f.focus]
	r := []rune(in.Value())
	p := min(in.Position(), len(r))
	return row, 2 + ansi.StringWidth(metaLabels[f.focus]) + 2 + ansi.StringWidth(string(r[:p]))
}

func (f *metaForm) ShortHelp() []key.Binding {
	k := f.c.keys
	return []key.Binding{withHelp(k.Enter, "下一项/完成"), withHelp(k.SwitchPane, "切换"), withHelp(k.FocusTree, "目录"), k.Save, k.Quit}
}

func (f *metaForm) FullHelp() [][]key.Binding { return [][]key.Binding{f.ShortHelp()} }
