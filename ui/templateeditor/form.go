package templateeditor

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/mattn/go-runewidth"
)

// fieldKind says how a form field is edited.
type fieldKind int

const (
	fieldText   fieldKind = iota // one line: bubbles textinput
	fieldArea                    // several lines: bubbles textarea (enter is a newline)
	fieldToggle                  // 是 / 否, space flips
	fieldChoice                  // one of options, space or ←/→ cycles
)

// field is one labelled entry of a form.
type field struct {
	label   string
	kind    fieldKind
	input   textinput.Model
	area    textarea.Model
	on      bool
	options []string // for fieldChoice: values
	names   []string // for fieldChoice: what the user sees
	choice  int
	note    string // short hint after the label
}

// form is a small vertical form: tab moves between fields, enter accepts
// (except in a text area, where it starts a new line), esc cancels. The
// owner reads the values back and validates; err is shown under the form.
type form struct {
	title  string
	fields []*field
	focus  int
	err    string
	width  int
}

func newForm(title string, width int) *form {
	return &form{title: title, width: width}
}

func (f *form) text(label, value, note string) *form {
	in := textinput.New()
	in.Prompt = ""
	in.SetValue(value)
	in.CharLimit = 2000
	in.Width = max(10, f.width-2)
	f.fields = append(f.fields, &field{label: label, kind: fieldText, input: in, note: note})
	return f.refocus()
}

func (f *form) area(label, value string) *form {
	a := textarea.New()
	a.ShowLineNumbers = false
	a.Prompt = ""
	a.CharLimit = 0
	a.SetWidth(max(10, f.width-2))
	a.SetHeight(4)
	a.SetValue(value)
	f.fields = append(f.fields, &field{label: label, kind: fieldArea, area: a})
	return f.refocus()
}

func (f *form) toggle(label string, on bool) *form {
	f.fields = append(f.fields, &field{label: label, kind: fieldToggle, on: on})
	return f
}

func (f *form) choice(label string, options, names []string, value string) *form {
	fl := &field{label: label, kind: fieldChoice, options: options, names: names}
	for i, o := range options {
		if o == value {
			fl.choice = i
		}
	}
	f.fields = append(f.fields, fl)
	return f
}

// refocus focuses the current field and blurs the others.
func (f *form) refocus() *form {
	for i, fl := range f.fields {
		switch fl.kind {
		case fieldText:
			if i == f.focus {
				fl.input.Focus()
			} else {
				fl.input.Blur()
			}
		case fieldArea:
			if i == f.focus {
				fl.area.Focus()
			} else {
				fl.area.Blur()
			}
		}
	}
	return f
}

func (f *form) value(i int) string {
	fl := f.fields[i]
	switch fl.kind {
	case fieldText:
		return strings.TrimSpace(fl.input.Value())
	case fieldArea:
		return strings.TrimSpace(fl.area.Value())
	case fieldChoice:
		return fl.options[fl.choice]
	}
	if fl.on {
		return "true"
	}
	return ""
}

func (f *form) bool(i int) bool { return f.fields[i].on }

// formResult is what one key does to a form.
type formResult int

const (
	formEditing formResult = iota
	formSubmit
	formCancel
)

func (f *form) update(msg tea.Msg, keys KeyMap) (formResult, tea.Cmd) {
	k, isKey := msg.(tea.KeyMsg)
	cur := f.fields[f.focus]
	if isKey {
		switch {
		case key.Matches(k, keys.Cancel):
			return formCancel, nil
		case key.Matches(k, keys.NextField), k.Type == tea.KeyDown && cur.kind != fieldArea:
			f.focus = (f.focus + 1) % len(f.fields)
			f.refocus()
			return formEditing, nil
		case key.Matches(k, keys.PrevField), k.Type == tea.KeyUp && cur.kind != fieldArea:
			f.focus = (f.focus + len(f.fields) - 1) % len(f.fields)
			f.refocus()
			return formEditing, nil
		case key.Matches(k, keys.Submit) && cur.kind != fieldArea:
			return formSubmit, nil
		}
		switch cur.kind {
		case fieldToggle:
			if k.String() == " " || k.Type == tea.KeyLeft || k.Type == tea.KeyRight {
				cur.on = !cur.on
			}
			return formEditing, nil
		case fieldChoice:
			switch {
			case k.String() == " " || k.Type == tea.KeyRight:
				cur.choice = (cur.choice + 1) % len(cur.options)
			case k.Type == tea.KeyLeft:
				cur.choice = (cur.choice + len(cur.options) - 1) % len(cur.options)
			}
			return formEditing, nil
		}
	}
	var cmd tea.Cmd
	switch cur.kind {
	case fieldText:
		cur.input, cmd = cur.input.Update(msg)
	case fieldArea:
		cur.area, cmd = cur.area.Update(msg)
	}
	return formEditing, cmd
}

func (f *form) view(st Styles) string {
	var b strings.Builder
	b.WriteString(st.FormTitle.Render(f.title) + "\n")
	for i, fl := range f.fields {
		label := fl.label
		if fl.note != "" {
			label += st.Dim.Render("（" + fl.note + "）")
		}
		marker := "  "
		if i == f.focus {
			marker = "▸ "
			label = st.FocusLabel.Render(fl.label)
			if fl.note != "" {
				label += st.Dim.Render("（" + fl.note + "）")
			}
		}
		switch fl.kind {
		case fieldText:
			b.WriteString(marker + label + "\n  " + fl.input.View() + "\n")
		case fieldArea:
			b.WriteString(marker + label + "\n")
			for _, line := range strings.Split(fl.area.View(), "\n") {
				b.WriteString("  " + line + "\n")
			}
		case fieldToggle:
			v := "否"
			if fl.on {
				v = "是"
			}
			b.WriteString(marker + label + "：" + v + "\n")
		case fieldChoice:
			b.WriteString(marker + label + "：‹ " + fl.names[fl.choice] + " ›\n")
		}
	}
	if f.err != "" {
		b.WriteString(st.Error.Render(wrap("✗ "+f.err, f.width)) + "\n")
	}
	return b.String()
}

// wrap breaks text into lines of at most width cells; Chinese has no
// spaces to break at, so this counts cells rune by rune.
func wrap(s string, width int) string {
	if width < 4 {
		return s
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line, w := "", 0
		for _, r := range para {
			rw := runewidth.RuneWidth(r)
			if w+rw > width {
				out = append(out, line)
				line, w = "", 0
			}
			line += string(r)
			w += rw
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}
