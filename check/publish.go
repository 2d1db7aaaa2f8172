package check

import (
	"sort"
	"strings"
	"unicode/utf8"

	"nianbao/internal/zhtext"
)

// The publish group looks for what a report posted on the government portal
// must not contain (政府信息公开条例 §14–16): personal data, secrecy markings,
// draft labels, and hidden Word content. Its findings never repeat what they
// found: messages carry a masked form (186****2233, 张**) and the position
// (line and column), so a list of leaks does not itself leak.
//
// The detectors run over one line at a time. A single pass over the line's
// runes notes the few characters any detector needs (a digit, @, ★, 密, 稿,
// the last character of a party word such as 申请人); the detectors run
// only on lines that have one, which keeps the group a small share of a
// check.

// Publish rule ids.
const (
	RulePublishID      = "publish.id-number"
	RulePublishPhone   = "publish.phone"
	RulePublishCard    = "publish.bank-card"
	RulePublishEmail   = "publish.email"
	RulePublishName    = "publish.name"
	RulePublishAddress = "publish.address"
	RulePublishSecret  = "publish.secret"
	RulePublishDraft   = "publish.draft"
	RulePublishHidden  = "publish.hidden"
)

// IsPublishRule tells whether a rule belongs to the publish group, for
// `check --publish` and the export gate.
func IsPublishRule(id string) bool { return strings.HasPrefix(id, "publish.") }

// PublishOnly keeps the publish findings of a result: what `check --publish`
// lists and what export stops on.
func PublishOnly(fs []Finding) []Finding {
	var out []Finding
	for _, f := range fs {
		if IsPublishRule(f.Rule) {
			out = append(out, f)
		}
	}
	return out
}

// PublishMatch is one piece of text a publish rule found in a line or text.
type PublishMatch struct {
	Rule     string
	Severity Severity
	// Start and End are byte offsets of the matched text in the text given
	// to PublishMatches.
	Start, End int
	// Masked is the form shown in messages (186****2233, 张**).
	Masked string
	// Replacement is what the editor writes in place of the match when the
	// drafter asks to mask it (186****2233, 张某某); empty when the text
	// cannot be masked in place (a secrecy marking or a draft label is
	// deleted, not masked).
	Replacement string
	Message     string
}

// PublishMatches runs the publish detectors over text (any number of
// lines) and returns what they found, in text order. The editor uses it to
// replace a finding's text with its masked form.
func PublishMatches(text string) []PublishMatch {
	var out []PublishMatch
	var rs []rune
	base := 0
	for line := range strings.Lines(text) {
		s := strings.TrimRight(line, "\r\n")
		rs = appendRunes(rs[:0], s)
		offs := runeOffsets(s)
		scanPublish(rs, func(m pubMatch) {
			out = append(out, PublishMatch{Rule: m.rule, Severity: m.sev,
				Start: base + offs[m.i], End: base + offs[m.j],
				Masked: m.masked, Replacement: m.replace, Message: m.msg})
		})
		base += len(line)
	}
	return out
}

// FindPublishable finds in text the match finding f is about: the first
// of f's rule whose masked form appears in f's message. ok is false when
// there is none (the text changed since the check). The editor moves the
// cursor there, and replaces it with its Replacement when the drafter
// masks it.
func FindPublishable(text string, f Finding) (PublishMatch, bool) {
	for _, m := range PublishMatches(text) {
		if m.Rule == f.Rule && strings.Contains(f.Message, m.Masked) {
			return m, true
		}
	}
	return PublishMatch{}, false
}

// Maskable tells whether a finding is about text that can be masked in
// place (a number, a name, an address) rather than deleted.
func Maskable(f Finding) bool {
	switch f.Rule {
	case RulePublishID, RulePublishPhone, RulePublishCard, RulePublishEmail, RulePublishName, RulePublishAddress:
		return f.Section != "" && f.Column > 0
	}
	return false
}

// pubMatch is a detector's hit in rune indices [i, j) of the line.
type pubMatch struct {
	rule    string
	sev     Severity
	i, j    int
	masked  string
	replace string
	msg     string
}

// publish runs the publish detectors over the collector's current line
// (c.runes); seen is what scanRunes returned, the publish triggers in its
// bits from pubShift up.
func (c *collector) publish(seen, at int) {
	defer c.pub.reset()
	if seen>>pubShift == 0 {
		return
	}
	runPublish(c.runes, seen>>pubShift, c.pub.pos, func(m pubMatch) {
		c.addPublish(m, at)
	})
}

// pubScan is what the trigger pass keeps for the detectors of one line:
// where a party word ends or a 与/和 stands, so the name detector visits
// those places instead of the whole line.
type pubScan struct{ pos []int }

// trigger classifies the rune at i (publishTrigger) and notes its place
// when the name detector needs it.
func (p *pubScan) trigger(rs []rune, i int) int {
	t := publishTrigger(rs, i)
	if t&(pubParty|pubAnd) != 0 {
		p.pos = append(p.pos, i)
	}
	return t
}

func (p *pubScan) reset() {
	if cap(p.pos) > 1<<12 {
		p.pos = nil // do not keep one hostile line's buffer
	}
	p.pos = p.pos[:0]
}

// addPublish records a detector hit with its own severity: within one rule
// a hit with strong evidence (a valid check digit, a 卡号 label) is an
// error and a weaker one a warning.
func (c *collector) addPublish(m pubMatch, at int) {
	n := len(c.items)
	c.add(Finding{Rule: m.rule, Section: c.section, Line: at, Column: m.i + 1, Message: m.msg})
	if len(c.items) > n {
		c.items[n].f.Severity = m.sev
	}
}

// publishTitle checks a draft's title, which is metadata rather than a
// section line, for a draft label or a secrecy marking.
func (c *collector) publishTitle(title string) {
	if strings.TrimSpace(title) == "" {
		return
	}
	c.section, c.sec = "", -1
	rs := appendRunes(nil, title)
	scanMarks(rs, true, func(m pubMatch) {
		m.msg = "标题中" + m.msg
		c.addPublish(m, 0)
	})
}

// Triggers noted by the first pass over a line.
const (
	pubDigit   = 1 << iota // an ASCII or full-width digit
	pubAt                  // @
	pubMark                // ★ 密 稿 内 宜: a secrecy marking or draft label may follow
	pubParty               // the last rune of a party word (申请人, 原告, 村民 …)
	pubDispute             // 纠 or 争: a dispute is described
	pubAnd                 // 与 or 和, between two parties
	pubAddress             // 号 after a digit: a house number
)

// pubTriggers holds the runes publishTrigger looks at, so a standalone
// pass costs one lookup per rune.
var pubTriggers = zhtext.NewRuneSet(pubTriggerRunes)

// pubTriggerRunes are the runes publishTrigger classifies; the line
// scanner (scanRunes) calls it on exactly these.
const pubTriggerRunes = "@＠★稿内密宜公予人告民众主纠争与和号栋幢室"

// pubShift places the publish trigger bits above the line scanner's own
// seen bits in the value scanRunes returns.
const pubShift = 16

// publishTrigger tells which detectors the rune at i calls for: a party
// word ends there (申请人, 原告, 村民, 群众), a marking may (秘密★, 内部,
// 不宜), a dispute is described. Its neighbours decide, so the detectors
// run on few lines of a real report, where 人 and 和 are everywhere.
func publishTrigger(rs []rune, i int) int {
	prev := runeAt(rs, i-1)
	switch rs[i] {
	case '@', '＠':
		return pubAt
	case '★', '稿':
		return pubMark
	case '内':
		if runeAt(rs, i+1) == '部' {
			return pubMark
		}
	case '密':
		switch prev {
		case '绝', '机', '秘', '保':
			return pubMark
		}
		if runeAt(rs, i+1) == '级' {
			return pubMark
		}
	case '宜', '公', '予':
		if prev == '不' {
			return pubMark // 不宜公开, 不公开, 不予公开
		}
	case '人':
		// The last-but-one rune of each party word ending in 人.
		if partyBeforeRen.Has(prev) {
			return pubParty
		}
	case '主':
		switch prev {
		case '户', '业', '房', '车':
			return pubParty
		}
	case '告':
		if prev == '原' || prev == '被' {
			return pubParty
		}
	case '民':
		if prev == '村' || prev == '居' {
			return pubParty
		}
	case '众':
		if prev == '群' {
			return pubParty
		}
	case '纠', '争':
		return pubDispute
	case '与', '和':
		return pubAnd
	case '号', '栋', '幢', '室':
		if zhtext.IsDigit(prev) {
			return pubAddress
		}
	}
	return 0
}

// publishDigits tells whether the digit run [i, j) may be part of a number
// the detectors judge: every such number has ten digits or more, written
// in one run or in groups (138 1234 5678, （0571）87654321).
func publishDigits(rs []rune, i, j int) int {
	n := j - i
	if n >= 10 || n >= 3 && (isSep(runeAt(rs, j)) || strings.ContainsRune(")）", runeAt(rs, j))) && zhtext.IsDigit(runeAt(rs, j+1)) {
		return pubDigit
	}
	return 0
}

// scanPublish runs the detectors over one line on its own (outside the
// line scanner, which finds the triggers in its own pass).
func scanPublish(rs []rune, emit func(pubMatch)) {
	var p pubScan
	seen := 0
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if zhtext.IsDigit(r) {
			j := i + 1
			for j < len(rs) && zhtext.IsDigit(rs[j]) {
				j++
			}
			seen |= publishDigits(rs, i, j)
			i = j - 1
			continue
		}
		if pubTriggers.Has(r) {
			seen |= p.trigger(rs, i)
		}
	}
	runPublish(rs, seen, p.pos, emit)
}

// runPublish runs the detectors the triggers in seen call for and hands
// their matches to emit in line order; pos are the places pubScan noted.
func runPublish(rs []rune, seen int, pos []int, emit func(pubMatch)) {
	if seen == 0 {
		return
	}
	var ms []pubMatch
	out := emit
	defer func() {
		sort.SliceStable(ms, func(a, b int) bool { return ms[a].i < ms[b].i })
		for _, m := range ms {
			out(m)
		}
	}()
	emit = func(m pubMatch) { ms = append(ms, m) }
	if seen&pubDigit != 0 {
		scanNumbers(rs, emit)
	}
	if seen&pubAddress != 0 {
		scanAddresses(rs, emit)
	}
	if seen&pubAt != 0 {
		scanEmails(rs, emit)
	}
	if seen&pubMark != 0 {
		scanMarks(rs, false, emit)
	}
	if seen&pubParty != 0 || seen&pubDispute != 0 && seen&pubAnd != 0 {
		scanNames(rs, seen&pubDispute != 0 && seen&pubAnd != 0, pos, emit)
	}
}

func appendRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}

// runeOffsets maps rune index → byte offset in s, with one extra entry for
// the end.
func runeOffsets(s string) []int {
	offs := make([]int, 0, utf8.RuneCountInString(s)+1)
	for i := range s {
		offs = append(offs, i)
	}
	return append(offs, len(s))
}

// hasBefore tells whether one of words ends within n runes before index i.
func hasBefore(rs []rune, i, n int, words ...string) bool {
	w := string(rs[max(0, i-n):i])
	for _, s := range words {
		if strings.Contains(w, s) {
			return true
		}
	}
	return false
}

// lineHas tells whether the line contains one of words.
func lineHas(rs []rune, words ...string) bool {
	s := string(rs)
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// stars is n asterisks. Masks use * because the placeholder rule treats
// × and X as unfilled blanks.
func stars(n int) string { return strings.Repeat("*", max(n, 0)) }
