package render

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"nianbao/model"
)

// document is the report as it will be printed, independent of format:
// every writer walks the same blocks, so they cannot disagree about which
// sections appear or how they are numbered.
type document struct {
	Title string // the title on one line, for metadata
	// TitleLines are the lines the drafter typed into the title (a title
	// without a typed break is one line); the docx balances long ones.
	TitleLines []string
	Addressee  string // 主送机关 with its closing colon, or ""
	Blocks     []block
	Unit       string
	Date       string // formatted as 2025年3月1日 when it was given as a date
	Signature  model.Signature
	Fonts      model.FontNames
	// Contact is the 附注 line "（联系人：…）" under the date, printed only
	// when asked for: it belongs on the copy sent up, not the published one.
	Contact string
}

// block is one printed paragraph: a heading line, a prose paragraph, or a
// run-in heading followed by the section's first paragraph.
type block struct {
	Section string // section id, for writers that label blocks
	Level   int    // heading level (1 = 一、); 0 for prose
	Number  string // 一、 （一） 1. （1）
	Heading string // heading title as printed (run-in ones end in 。)
	RunIn   bool   // Text follows the heading in the same paragraph
	Text    string // prose; empty for a heading on its own line
}

// IsHeading reports whether the block starts with a heading.
func (b block) IsHeading() bool { return b.Level > 0 }

// layout decides what is printed. Numbering comes from the template order
// but only over the sections that are printed, so skipping an empty
// optional section leaves no gap (一、二、三、, never 一、三、).
func layout(t *model.Template, r *model.Report, opts Options) *document {
	lines := titleLines(r.DisplayTitle(t))
	d := &document{Title: strings.Join(lines, ""), TitleLines: lines, Unit: strings.TrimSpace(r.Unit),
		Addressee: addresseeLine(r.Addressee), Signature: model.EffectiveSignature(t, r),
		Fonts: model.FontsGB2312}
	if t != nil && t.Fonts != "" {
		d.Fonts = t.Fonts
	}
	if opts.Fonts != "" {
		d.Fonts = opts.Fonts
	}
	if opts.WithContact {
		d.Contact = contactLine(r.Contact)
	}
	date := r.Date
	if strings.TrimSpace(opts.Date) != "" {
		date = opts.Date
	}
	d.Date = FormatDate(date)
	if t == nil {
		return d
	}
	nums := t.PrintedNumbers(r.Written)
	var walk func(list []*model.Section, level int)
	walk = func(list []*model.Section, level int) {
		for _, s := range list {
			num, printed := nums[s.ID] // only printed sections are numbered
			if !printed {
				continue
			}
			paras := Paragraphs(r.Text(s.ID))
			h := block{Section: s.ID, Level: level, Number: num, Heading: strings.TrimSpace(s.Title)}
			if s.RunIn && len(paras) > 0 {
				h.RunIn = true
				h.Heading = RunInHeading(h.Heading)
				h.Text = paras[0]
				paras = paras[1:]
			}
			d.Blocks = append(d.Blocks, h)
			for _, p := range paras {
				d.Blocks = append(d.Blocks, block{Section: s.ID, Text: p})
			}
			walk(s.Sections, level+1)
		}
	}
	walk(t.Sections, 1)
	return d
}

// addresseeLine ends the 主送机关 with a full-width colon (GB/T 9704
// §7.3.2), whatever the drafter typed.
func addresseeLine(s string) string {
	s = strings.TrimRight(strings.TrimSpace(s), ":：")
	if s == "" {
		return ""
	}
	return s + "："
}

// contactLine wraps the contact in the round brackets of a 附注 (GB/T 9704
// §7.3.6) and labels it, unless the drafter already did.
func contactLine(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	s = strings.TrimSuffix(strings.TrimPrefix(s, "（"), "）")
	if !strings.HasPrefix(s, "联系") {
		s = "联系人：" + s
	}
	return "（" + s + "）"
}

// RunInHeading ends a run-in heading with a full stop, as official
// documents do ("（一）坚持依法决策。全年……"), unless the title already
// ends in punctuation.
func RunInHeading(title string) string {
	if title == "" {
		return title
	}
	last := []rune(title)[len([]rune(title))-1]
	if strings.ContainsRune("。！？；：.!?;:", last) {
		return title
	}
	return title + "。"
}

// Paragraphs splits prose on newlines. Indentation the drafter typed
// (spaces, full-width spaces, tabs) is removed because every format
// indents paragraphs itself; blank lines only separate.
func Paragraphs(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimFunc(line, unicode.IsSpace)
		if line != "" {
			out = append(out, line)
		}
	}
	return out
}

var isoDate = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$`)

// FormatDate writes 2025-03-01 (or 2025/3/1, 2025.3.1) as 2025年3月1日, the
// form GB/T 9704 7.3.5 uses for 成文日期. Anything else is printed as the
// drafter wrote it.
func FormatDate(s string) string {
	s = strings.TrimSpace(s)
	m := isoDate.FindStringSubmatch(s)
	if m == nil {
		return s
	}
	mo, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	if mo < 1 || mo > 12 || day < 1 || day > 31 {
		return s
	}
	return m[1] + "年" + strconv.Itoa(mo) + "月" + strconv.Itoa(day) + "日"
}

// Signature geometry, in characters of the 28-character line.
const (
	lineChars = 28
	// sealedBlankLines leave room for the seal: its top must be within a
	// line of the text and it presses on unit and date from above their
	// middle (§7.3.5.1), so a 42 mm seal needs two lines above the unit.
	sealedBlankLines = 2
	// unsealedBlankLines: 正文下空一行 (§7.3.5.2).
	unsealedBlankLines = 1
)

// sigLine is one line of the 落款. A right-aligned line ends FromRight
// characters before the end of the line (右空N字); a left-aligned one
// starts FromRight characters before it, because its place is given by
// where the line above starts.
type sigLine struct {
	Text       string
	AlignRight bool
	FromRight  float64
}

// signatureLines places unit and date by GB/T 9704 §7.3.5. Widths are
// counted in characters from the text (digits are half-width), so the
// layout follows the unit's name, whatever its length.
func signatureLines(d *document) []sigLine {
	u, dt := printedWidth(d.Unit), printedWidth(d.Date)
	var unit, date sigLine
	switch d.Signature {
	case model.SignatureUnsealed:
		// Unit 右空二字; the date's first character two characters right
		// of the unit's — unless the date is longer than the unit: then
		// the date is 右空二字 and the unit moves left to keep the step.
		unit, date = sigLine{d.Unit, true, 2}, sigLine{d.Date, false, u}
		if dt > u+0.01 { // widths are sums of fifths: no float noise
			unit, date = sigLine{d.Unit, false, 4 + dt}, sigLine{d.Date, true, 2}
		}
		if d.Date == "" {
			unit = sigLine{d.Unit, true, 2}
		}
		if d.Unit == "" {
			date = sigLine{d.Date, true, 2}
		}
	default:
		// The date 右空四字, the unit centred over it (以成文日期为准居中).
		// A unit more than eight characters longer than the date would
		// reach past the margin; it is set flush right instead.
		date = sigLine{d.Date, true, 4}
		unit = sigLine{d.Unit, true, max(0, 4+(dt-u)/2)}
		if d.Date == "" {
			unit = sigLine{d.Unit, true, 4}
		}
	}
	var out []sigLine
	for _, l := range []sigLine{unit, date} {
		if l.Text != "" {
			out = append(out, l)
		}
	}
	return out
}

// autoSpace is the space Word and LibreOffice put between Chinese text and
// a number or Latin word by default (LibreOffice ignores w:autoSpaceDN, so
// it cannot be turned off for both): a fifth of the font size, as measured
// in LibreOffice 7.4. A date has five such changes (2025|年|3|月|1|日).
const autoSpace = 0.2

// printedWidth is the width of a line in characters as Word and
// LibreOffice set it: digits half-width, plus the space around numbers.
func printedWidth(s string) float64 {
	w := textWidth(s)
	prev := 0.0
	for _, r := range s {
		cw := charWidth(r)
		if prev != 0 && cw != prev {
			w += autoSpace
		}
		prev = cw
	}
	return w
}

// signatureBlankLines is the number of empty lines between the text and
// the unit.
func signatureBlankLines(s model.Signature) int {
	if s == model.SignatureUnsealed {
		return unsealedBlankLines
	}
	return sealedBlankLines
}
