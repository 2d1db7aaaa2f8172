package templateeditor

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/mattn/go-runewidth"

	"nianbao/ui/cjkwrap"
	"nianbao/ui/textedit"
)

// fieldKind says how a form field is edited.
type fieldKind int

const (
	fieldText   fieldKind = iota // one line: bubbles textinput, drawn here (see lineView)
	fieldArea                    // several lines: ui/textedit, enter starts a new paragraph
	fieldToggle                  // 是 / 否, space flips
	fieldChoice                  // one of options, space or ←/→ cycles
)

// areaRows is the height of a multi-line field.
const areaRows = 4

// field is one labelled entry of a form.
type field struct {
	label   string
	kind    fieldKind
	input   textinput.Model
	area    textedit.Model
	on      bool
	options []string // for fieldChoice: values
	names   []string // for fieldChoice: what the user sees
	choice  int
	note    string // short hint after the label
	// placeholder is shown dim while a text field is empty: the value an
	// empty field stands for (a generated id).
	placeholder string
	// scroll is the first rune of a text field shown, so a value longer
	// than the field scrolls instead of running past the pane.
	scroll int
}

// form is a small vertical form: tab moves between fields, enter accepts
// (except in a multi-line field, where it starts a new paragraph, as in
// Word), ctrl+s accepts from any field and saves, esc cancels. The owner
// reads the values back and validates; err is shown under the title.
type form struct {
	title  string
	fields []*field
	focus  int
	err    string
	width  int
	top    int // first field row shown, when the form is taller than its pane
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

// placeholder sets what the last added text field shows while empty.
func (f *form) placeholder(p string) *form {
	f.fields[len(f.fields)-1].placeholder = p
	return f
}

func (f *form) area(label, value string) *form {
	a := textedit.New()
	a.SetSize(max(10, f.width-2), areaRows)
	a.SetValue(value)
	// The cursor where the text ends, as a drafter coming back to add a
	// sentence expects.
	a.CursorEnd()
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

func (f *form) focused() *field { return f.fields[f.focus] }

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
	formSubmitSave // ctrl+s: accept, then save the template
)

func (f *form) update(msg tea.Msg, keys KeyMap) (formResult, tea.Cmd) {
	k, isKey := msg.(tea.KeyMsg)
	cur := f.focused()
	if isKey {
		switch {
		case key.Matches(k, keys.Cancel):
			return formCancel, nil
		case key.Matches(k, keys.FormSave):
			return formSubmitSave, nil
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
			if key.Matches(k, keys.Flip) {
				cur.on = !cur.on
			}
			return formEditing, nil
		case fieldChoice:
			switch {
			case k.Type == tea.KeyLeft:
				cur.choice = (cur.choice + len(cur.options) - 1) % len(cur.options)
			case key.Matches(k, keys.Choose):
				cur.choice = (cur.choice + 1) % len(cur.options)
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

// formView is a drawn form and where its text cursor is, relative to the
// form's top-left cell (ok false when the focused field has none).
type formView struct {
	text     string
	row, col int
	ok       bool
}

// view draws the form in h rows. The title and the error stay on top; the
// fields below scroll so the focused one is always in sight (the figure
// form is taller than a 24-row terminal).
func (f *form) view(st Styles, h int) formView {
	head := []string{st.FormTitle.Render(f.title)}
	if f.err != "" {
		head = append(head, strings.Split(st.Error.Render(wrap("✗ "+f.err, f.width)), "\n")...)
	}
	var lines []string
	var focusTop, curRow, curCol int
	ok := false
	for i, fl := range f.fields {
		focused := i == f.focus
		label := fl.label
		marker := "  "
		if focused {
			marker = "▸ "
			label = st.FocusLabel.Render(fl.label)
			focusTop = len(lines)
		}
		// A note that does not fit after the label goes under it, wrapped:
		// cut off it would lose what it is there to say.
		var noteLines []string
		if fl.note != "" {
			if runewidth.StringWidth(marker+fl.label+"（"+fl.note+"）") <= f.width {
				label += st.Dim.Render("（" + fl.note + "）")
			} else {
				for _, l := range strings.Split(wrap(fl.note, max(4, f.width-2)), "\n") {
					noteLines = append(noteLines, "  "+st.Dim.Render(l))
				}
			}
		}
		switch fl.kind {
		case fieldText:
			lines = append(lines, marker+label)
			lines = append(lines, noteLines...)
			line, col := fl.lineView(st, max(4, f.width-2), focused)
			if focused {
				curRow, curCol, ok = len(lines), 2+col, true
			}
			lines = append(lines, "  "+line)
		case fieldArea:
			lines = append(lines, marker+label)
			lines = append(lines, noteLines...)
			if focused {
				r, c := fl.area.CursorPosition()
				curRow, curCol, ok = len(lines)+r, 2+c, true
			}
			for _, line := range strings.Split(fl.area.View(), "\n") {
				lines = append(lines, "  "+line)
			}
		case fieldToggle:
			v := "否"
			if fl.on {
				v = "是"
			}
			lines = append(lines, marker+label+"："+v)
			lines = append(lines, noteLines...)
		case fieldChoice:
			lines = append(lines, marker+label+"：‹ "+fl.names[fl.choice]+" ›")
			lines = append(lines, noteLines...)
		}
	}
	room := max(1, h-len(head))
	bottom := focusTop
	if ok {
		bottom = max(bottom, curRow)
	}
	if f.kindOfFocus() == fieldArea {
		bottom = focusTop + areaRows // the whole box, not only the cursor's row
	}
	if bottom >= f.top+room {
		f.top = bottom - room + 1
	}
	if focusTop < f.top {
		f.top = focusTop
	}
	f.top = min(f.top, max(0, len(lines)-room))
	end := min(len(lines), f.top+room)
	out := append(head, lines[f.top:end]...)
	return formView{
		text: strings.Join(out, "\n"),
		row:  len(head) + curRow - f.top,
		col:  curCol,
		ok:   ok && curRow >= f.top && curRow < end,
	}
}

func (f *form) kindOfFocus() fieldKind { return f.focused().kind }

// lineView draws a one-line field w cells wide, scrolled so the cursor is
// in view, and returns the cursor's column. Drawn here rather than by
// textinput so the column is known exactly: the terminal's own cursor is
// put there for the input method.
func (fl *field) lineView(st Styles, w int, focused bool) (string, int) {
	r := []rune(fl.input.Value())
	pos := min(max(fl.input.Position(), 0), len(r))
	if len(r) == 0 && fl.placeholder != "" {
		p := runewidth.Truncate(fl.placeholder, w, "…")
		if !focused {
			return st.Dim.Render(p), 0
		}
		pr := []rune(p)
		return st.Selected.Render(string(pr[:1])) + st.Dim.Render(string(pr[1:])), 0
	}
	if !focused {
		return runewidth.Truncate(string(r), w, "…"), 0
	}
	fl.scroll = min(fl.scroll, pos)
	// Room for the cursor cell after the text.
	for fl.scroll < pos && runewidth.StringWidth(string(r[fl.scroll:pos]))+1 > w {
		fl.scroll++
	}
	col := runewidth.StringWidth(string(r[fl.scroll:pos]))
	var b strings.Builder
	used := 0
	for i := fl.scroll; i < len(r); i++ {
		cw := runewidth.RuneWidth(r[i])
		if used+cw > w {
			break
		}
		if focused && i == pos {
			b.WriteString(st.Selected.Render(string(r[i])))
		} else {
			b.WriteRune(r[i])
		}
		used += cw
	}
	if focused && pos == len(r) && used < w {
		b.WriteString(st.Selected.Render(" "))
	}
	return b.String(), col
}

// wrap breaks text into lines of at most width cells by the Chinese
// line-breaking rules (package cjkwrap, as the drafting editor shows
// guidance): no line starts with “，” or “。”.
func wrap(s string, width int) string {
	if width < 4 {
		return s
	}
	return strings.Join(cjkwrap.Lines(s, width), "\n")
}
