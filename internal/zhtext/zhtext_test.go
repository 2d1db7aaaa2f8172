package zhtext

import (
	"strings"
	"testing"
)

func TestScanNumber(t *testing.T) {
	cases := []struct {
		in       string
		value    float64
		text     string
		decimals int
		unit     string
		q        Qualifier
		ordinal  bool
		rest     string // what follows the number's End
	}{
		{"1927件，", 1927, "1927", 0, "件", Exact, false, "，"},
		{"99.27%。", 99.27, "99.27", 2, "%", Exact, false, "。"},
		{"6.5 %。", 6.5, "6.5", 1, "%", Exact, false, "。"},
		{"１２０件", 120, "120", 0, "件", Exact, false, ""},
		{"９８．５％", 98.5, "98.5", 1, "％", Exact, false, ""},
		{"1,200元", 1200, "1200", 0, "元", Exact, false, ""},
		{"300余件", 300, "300", 0, "件", Over, false, ""},
		{"1000余次", 1000, "1000", 0, "次", Over, false, ""},
		{"91余场次", 91, "91", 0, "场次", Over, false, ""},
		{"20多个", 20, "20", 0, "个", Over, false, ""},
		{"1.5万余人次参加", 15000, "1.5", 1, "人次", Over, false, "参加"},
		{"3.2万人次", 32000, "3.2", 1, "人次", Exact, false, ""},
		{"120万元", 1200000, "120", 0, "元", Exact, false, ""},
		{"95%以上", 95, "95", 0, "%", Over, false, ""},
		{"200人左右", 200, "200", 0, "人", About, false, ""},
		{"55个月", 55, "55", 0, "", Exact, false, "个月"},
		{"2个百分点", 2, "2", 0, "", Exact, false, "个百分点"},
		{"2023年", 2023, "2023", 0, "", Exact, false, "年"},
		{"159件,政协", 159, "159", 0, "件", Exact, false, ",政协"},
		{"12,34件", 12, "12", 0, "", Exact, false, ",34件"},
		{"1,2345件", 1, "1", 0, "", Exact, false, ",2345件"},
	}
	for _, tc := range cases {
		n, ok := ScanNumber(tc.in, 0)
		if !ok {
			t.Errorf("%q: no number", tc.in)
			continue
		}
		if n.Value != tc.value || n.Text != tc.text || n.Decimals != tc.decimals || n.Unit != tc.unit || n.Qualifier != tc.q || n.Ordinal != tc.ordinal {
			t.Errorf("%q: got %+v", tc.in, n)
		}
		if got := tc.in[n.End:]; got != tc.rest {
			t.Errorf("%q: rest %q, want %q", tc.in, got, tc.rest)
		}
	}
}

func TestScanNumberPrefix(t *testing.T) {
	cases := []struct {
		in      string
		q       Qualifier
		word    string
		ordinal bool
	}{
		{"约96%", About, "约", false},
		{"近99%", Under, "近", false},
		{"超过98%", Over, "超过", false},
		{"不足50件", Under, "不足", false},
		{"不少于30场", Over, "不少于", false},
		{"逾千人次,共计300件", Exact, "", false}, // 逾 stands before 千, not before the digits
		{"共计约300件", About, "约", false},
		{"第3次", Exact, "", true},
		{"共3件", Exact, "", false},
	}
	for _, tc := range cases {
		i := strings.IndexAny(tc.in, "0123456789")
		n, ok := ScanNumber(tc.in, i)
		if !ok {
			t.Fatalf("%q: no number", tc.in)
		}
		if n.Qualifier != tc.q || n.QualWord != tc.word || n.Ordinal != tc.ordinal {
			t.Errorf("%q: got qualifier %v %q ordinal %v", tc.in, n.Qualifier, n.QualWord, n.Ordinal)
		}
		if tc.word != "" && tc.in[n.QualStart:n.Start] != tc.word {
			t.Errorf("%q: QualStart does not cover %q", tc.in, tc.word)
		}
	}
}

func TestScanNumberRefusesMidNumber(t *testing.T) {
	for _, tc := range []struct {
		s string
		i int
	}{{"1927件", 1}, {"8.69%", 2}, {"率为%", 0}, {"", 0}} {
		if n, ok := ScanNumber(tc.s, tc.i); ok {
			t.Errorf("%q at %d: got %+v", tc.s, tc.i, n)
		}
	}
}

// Numbers returns every number in s, in order: NextNumber collected, the
// tests' view of what a scanner walking a text meets.
func Numbers(s string) []Number {
	var out []Number
	for n, ok := NextNumber(s, 0); ok; n, ok = NextNumber(s, n.End) {
		out = append(out, n)
	}
	return out
}

func TestNumbers(t *testing.T) {
	got := Numbers("调处矛盾纠纷1927件,调解成功1913件,成功率99.27%，其中１２件涉企。")
	var texts []string
	for _, n := range got {
		texts = append(texts, n.Text+n.Unit)
	}
	if strings.Join(texts, " ") != "1927件 1913件 99.27% 12件" {
		t.Fatalf("got %v", texts)
	}
}

func TestFoldDigits(t *testing.T) {
	cases := map[string]string{
		"成功率９８．５％":    "成功率98.5%",
		"１２０件":        "120件",
		"一．总体情况":      "一．总体情况", // a heading separator, not a decimal point
		"plain 12.5%": "plain 12.5%",
		"３．":          "3．",
	}
	for in, want := range cases {
		if got := FoldDigits(in); got != want {
			t.Errorf("FoldDigits(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSpaces(t *testing.T) {
	for _, r := range []rune{' ', '\t', '\u00a0', '\u2002', '\u2003', '\u2009', '\u200a', '\u202f', '\u3000'} {
		if !IsSpace(r) || !IsBlank(r) {
			t.Errorf("%U should be a space", r)
		}
	}
	for _, r := range []rune{'\u200b', '\ufeff', '\u2060'} {
		if IsSpace(r) || !IsInvisible(r) || !IsBlank(r) {
			t.Errorf("%U should be invisible, not a space", r)
		}
	}
	for _, r := range []rune{'a', '一', '，', '\n'} {
		if IsBlank(r) {
			t.Errorf("%q is no blank", r)
		}
	}
	if got := TrimBlank("\u3000\u00a0正文\u2002\n"); got != "正文" {
		t.Errorf("TrimBlank: %q", got)
	}
}

func TestSentences(t *testing.T) {
	for _, r := range "。！？!?" {
		if !IsSentenceEnd(r) {
			t.Errorf("%q ends a sentence", r)
		}
	}
	for _, r := range ".；;，" {
		if IsSentenceEnd(r) {
			t.Errorf("%q does not end a sentence", r)
		}
	}
	s := "受理120件。办结118件；办结率98.3%！下一句"
	pos := strings.Index(s, "率")
	a, b := SentenceBounds(s, pos, 0)
	if s[a:b] != "办结118件；办结率98.3%" {
		t.Errorf("SentenceBounds: %q", s[a:b])
	}
	c := "审结40件，其中纠错5件"
	if got := c[ClauseStart(c, strings.Index(c, "5")):]; got != "其中纠错5件" {
		t.Errorf("ClauseStart: %q", got)
	}
}

func TestUnits(t *testing.T) {
	cases := map[string]string{
		"人次参加": "人次", "人参加": "人", "场次": "场次", "件，": "件", "个月": "", "个工作日": "",
		"个百分点": "", "个乡镇": "个", "%": "%", "％": "％", "万元": "万元", "元": "元", "年": "", "": "",
	}
	for in, want := range cases {
		if got := UnitAt(in); got != want {
			t.Errorf("UnitAt(%q) = %q, want %q", in, got, want)
		}
	}
	for _, w := range []string{"人民政府", "项目", "条件", "人员", "次数"} {
		if !UnitWordAt(w) {
			t.Errorf("%q is a word", w)
		}
	}
	for _, w := range []string{"件，", "人次", "场。", "人"} {
		if UnitWordAt(w) {
			t.Errorf("%q is a unit", w)
		}
	}
	for _, w := range []string{"案件", "事项", "现场", "姓名", "多次", "身份"} {
		rs := []rune(w)
		if !UnitEndsWord(rs[0], rs[1]) {
			t.Errorf("%q ends in a unit character", w)
		}
	}
	for _, w := range []string{"理件", "展项", "训场"} {
		rs := []rune(w)
		if UnitEndsWord(rs[0], rs[1]) {
			t.Errorf("%q is no word", w)
		}
	}
	for _, u := range CountUnits() {
		if !strings.Contains("|"+UnitAlternation()+"|", "|"+u+"|") {
			t.Errorf("%q missing from the alternation", u)
		}
	}
	// Longest first: no unit may be preceded by one of its own prefixes.
	us := CountUnits()
	for i, u := range us {
		for _, v := range us[:i] {
			if strings.HasPrefix(v, u) && len(v) < len(u) {
				t.Errorf("%q listed after its prefix %q", u, v)
			}
		}
		for _, v := range us[i+1:] {
			if strings.HasPrefix(v, u) {
				t.Errorf("%q listed before the longer %q", u, v)
			}
		}
	}
}

func TestLineBreaking(t *testing.T) {
	for _, r := range "，。、；：？！）》」』】〕〉’”…—％%·～,.;:?!)]}" {
		if !NoBreakBefore(r) || NoBreakAfter(r) {
			t.Errorf("%q may not start a row", r)
		}
	}
	for _, r := range "（《「『【〔〈‘“([{" {
		if !NoBreakAfter(r) || NoBreakBefore(r) {
			t.Errorf("%q may not end a row", r)
		}
	}
	for _, r := range "一a1 " {
		if NoBreakBefore(r) || NoBreakAfter(r) {
			t.Errorf("%q breaks freely", r)
		}
	}
}

func TestQualifierString(t *testing.T) {
	for q, want := range map[Qualifier]string{Exact: "exact", Over: "over", Under: "under", About: "about"} {
		if q.String() != want {
			t.Errorf("%d: %s", q, q.String())
		}
	}
}

func TestSentenceBoundsEnds(t *testing.T) {
	for _, end := range []string{"。", "！", "？", "!", "?"} {
		s := "前一句" + end + "受理12件，办结率100%" + end + "后一句"
		pos := strings.Index(s, "率")
		a, b := SentenceBounds(s, pos, 0)
		if s[a:b] != "受理12件，办结率100%" {
			t.Errorf("%s: %q", end, s[a:b])
		}
	}
	// A character whose UTF-8 ends like 。 but is not one: 舂 (E8 88 82)
	// ends in 0x82 too and must not end the sentence.
	s := "舂米受理12件，办结率100%"
	if a, _ := SentenceBounds(s, strings.Index(s, "率"), 0); a != 0 {
		t.Errorf("false sentence end at %d", a)
	}
}

func TestCountHanAndLineEnds(t *testing.T) {
	if got := CountHan("一是2024年完成12项，A级。"); got != 7 {
		t.Errorf("CountHan = %d, want 7 (一是年完成项级 without digits, letters, punctuation)", got)
	}
	if got := CountHan("𠀀㐀丽"); got != 3 {
		t.Errorf("CountHan over extension B, A and compatibility ideographs = %d", got)
	}
	for _, r := range "\n\r\v\f" {
		if !IsLineEnd(r) || IsCounted(r) {
			t.Errorf("%U: a line end, not counted", r)
		}
	}
	if IsLineEnd(' ') || IsLineEnd('\u3000') {
		t.Error("blanks are not line ends")
	}
	if got := TrimBlank("\f正文\v"); got != "正文" {
		t.Errorf("TrimBlank drops every line end: %q", got)
	}
}

func TestDecimalsAndStep(t *testing.T) {
	cases := []struct {
		text     string
		decimals int
		step     float64
	}{{"50", 0, 1}, {"12.5", 1, 0.1}, {"99.27", 2, 0.01}, {"0.125", 3, 0.001}, {"3.", 0, 1}}
	for _, c := range cases {
		if d, s := DecimalsOf(c.text), Step(c.text); d != c.decimals || s != c.step {
			t.Errorf("%q: decimals %d step %v, want %d %v", c.text, d, s, c.decimals, c.step)
		}
	}
	// The same count ScanNumber records for what it reads.
	n, _ := ScanNumber("成功率99.27%", len("成功率"))
	if DecimalsOf(n.Text) != n.Decimals {
		t.Errorf("DecimalsOf(%q) = %d, ScanNumber says %d", n.Text, DecimalsOf(n.Text), n.Decimals)
	}
}

// NumeralValue's range test keeps every numeral: each of 一 … 十 has its
// value, and the characters around the range and inside it have none.
func TestNumeralValue(t *testing.T) {
	for i, r := range []rune("一二三四五六七八九十") {
		if got := NumeralValue(r); got != i+1 {
			t.Errorf("NumeralValue(%q) = %d, want %d", r, got, i+1)
		}
	}
	for _, r := range []rune{'〇', '丁', '百', '千', '万', '零', '囗', 'a', '1', '一' - 1, '四' + 1, 0, -1} {
		if got := NumeralValue(r); got != 0 {
			t.Errorf("NumeralValue(%q) = %d, want 0", r, got)
		}
	}
}

// A comma groups digits only as a thousands separator does; every other
// comma between digits separates two numbers.
func TestGroupingCommaAt(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"1,204件", true},
		{"12,385件", true},
		{"123,456", true},
		{"１,204件", true},
		{"共6,538件", true},
		{"3,4月", false},
		{"2023,2024年", false},
		{"12345,678件", false},
		{"1,2345件", false},
		{"1,23件", false},
		{"件,204", false},
		{",204", false},
	} {
		i := strings.IndexByte(c.s, ',')
		if got := GroupingCommaAt(c.s, i); got != c.want {
			t.Errorf("GroupingCommaAt(%q) = %v, want %v", c.s, got, c.want)
		}
	}
	// The second comma of a grouped number groups too; one after four
	// digits does not.
	if !GroupingCommaAt("1,234,567", 5) || GroupingCommaAt("1,2345,678", 6) {
		t.Error("later groups misread")
	}
	// The scanner stops where the rule says the number ends.
	for s, want := range map[string]float64{"3,4月": 3, "1,204件": 1204, "12345,678件": 12345, "2,345,678元": 2345678} {
		if n, ok := ScanNumber(s, 0); !ok || n.Value != want {
			t.Errorf("ScanNumber(%q) = %v, want %v", s, n.Value, want)
		}
	}
}
