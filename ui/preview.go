package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/render"
	"nianbao/ui/cjkwrap"
)

// indent is the official first-line indent: two full-width spaces.
const indent = "　　"

// previewModel shows the report as it will print. It is rebuilt when it is
// opened or resized, never per key.
type previewModel struct {
	c  *common
	vp viewport.Model
}

func newPreview(c *common) *previewModel {
	return &previewModel{c: c, vp: viewport.New(0, 0)}
}

func (p *previewModel) SetSize(w, h int) {
	p.vp.Width, p.vp.Height = w, h
}

func (p *previewModel) refresh() {
	y := p.vp.YOffset
	p.vp.SetContent(renderPlain(p.c.tmpl, p.c.report, p.vp.Width, p.c.styles))
	p.vp.SetYOffset(y)
}

func (p *previewModel) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	p.vp, cmd = p.vp.Update(msg)
	return cmd
}

func (p *previewModel) View() string { return p.vp.View() }

func (p *previewModel) ShortHelp() []key.Binding {
	k := p.c.keys
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, withHelp(k.Preview, "关闭预览")}
}

func (p *previewModel) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }

// renderPlain lays the report out as printed: centred title, numbered
// headings, paragraphs indented two characters, sign-off at the end.
// Optional sections with nothing written are left out, as in print.
func renderPlain(t *model.Template, r *model.Report, width int, st Styles) string {
	width = max(width, 10)
	wrap := func(s string) string { return strings.Join(cjkwrap.Lines(s, width), "\n") }
	var out []string
	for _, line := range cjkwrap.Lines(r.DisplayTitle(t), width) {
		out = append(out, st.Preview.Title.Render(lipgloss.PlaceHorizontal(width, lipgloss.Center, line)))
	}
	out = append(out, "")
	nums := t.PrintedNumbers(r.Written)
	var walk func(list []*model.Section) bool
	walk = func(list []*model.Section) bool {
		for _, s := range list {
			num, printed := nums[s.ID] // only printed sections are numbered
			if !printed {
				continue
			}
			paras := render.Paragraphs(r.Text(s.ID))
			head := num + strings.TrimSpace(s.Title)
			if s.RunIn && len(paras) > 0 {
				// A run-in heading opens its first paragraph: （一）标题。正文…
				paras[0] = num + render.RunInHeading(strings.TrimSpace(s.Title)) + paras[0]
			} else {
				out = append(out, st.Preview.Heading.Render(wrap(indent+head)))
			}
			for _, p := range paras {
				out = append(out, wrap(indent+p))
			}
			walk(s.Sections)
		}
		return true
	}
	walk(t.Sections)
	if r.Unit != "" || r.Date != "" {
		out = append(out, "")
		for _, s := range []string{strings.TrimSpace(r.Unit), render.FormatDate(r.Date)} {
			if s != "" {
				out = append(out, lipgloss.PlaceHorizontal(width, lipgloss.Right, ansi.Truncate(s, width, "")+indent))
			}
		}
	}
	return strings.Join(out, "\n")
}
