package check

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzPublish feeds arbitrary text to the publish detectors: no panic,
// matches lie inside the text in order, a masked form never equals what it
// masks, the engine finds as many as PublishMatches, and text with every
// match replaced by its masked form has nothing left to mask.
func FuzzPublish(f *testing.F) {
	for _, tc := range publishCases {
		f.Add(tc.text)
	}
	f.Add("申请人张建国、李明华与被申请人王某某因纠纷\n手机 139 1234 5678，卡号6222 0212 3456 7890 128")
	f.Add("（0571）87654321 当事人 a@b.cn 秘密★ 内部资料 ★★ 号号 1号2栋")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		ms := PublishMatches(text)
		for _, m := range ms {
			if m.Start < 0 || m.End > len(text) || m.Start > m.End || !utf8.ValidString(text[m.Start:m.End]) {
				t.Fatalf("match %+v outside %q", m, text)
			}
			if _, ok := RuleByID(m.Rule); !ok || m.Message == "" {
				t.Fatalf("bad match %+v", m)
			}
			if m.Replacement != "" && m.Masked == text[m.Start:m.End] {
				t.Fatalf("masked form %q repeats the text", m.Masked)
			}
		}
		if n := len(PublishOnly(Text(text))); n != len(ms) && n < maxFindingsPerRule {
			t.Fatalf("engine found %d, PublishMatches %d in %q", n, len(ms), text)
		}
		// Replace from the end so earlier offsets stay valid; overlapping
		// matches (a name inside an address) keep the first replacement.
		masked := text
		end := len(text) + 1
		for i := len(ms) - 1; i >= 0; i-- {
			m := ms[i]
			if m.Replacement == "" || m.End > end {
				continue
			}
			masked = masked[:m.Start] + m.Replacement + masked[m.End:]
			end = m.Start
		}
		for _, m := range PublishMatches(masked) {
			if m.Replacement != "" && !strings.Contains(text, masked[m.Start:m.End]) {
				t.Fatalf("masking %q gave %q, which still has %s %q", text, masked, m.Rule, masked[m.Start:m.End])
			}
		}
	})
}

// TestPublishHostileLines runs the detectors over long lines made of what
// they look for. Each must finish (the detectors are linear in the line)
// and the engine must cap what it lists.
func TestPublishHostileLines(t *testing.T) {
	lines := map[string]string{
		"party words":   strings.Repeat("申请人张建国、", 20000),
		"disputes":      "纠纷" + strings.Repeat("张伟与刘强", 20000),
		"digits":        strings.Repeat("13812345678 ", 20000),
		"one long run":  strings.Repeat("1", 200000),
		"groups":        strings.Repeat("6222 ", 50000),
		"mail":          strings.Repeat("a@b.cn@", 30000),
		"markings":      strings.Repeat("秘密★1年", 20000),
		"addresses":     "家住" + strings.Repeat("幸福路8号3栋", 20000),
		"unclosed book": strings.Repeat("《征求意见稿", 20000),
	}
	for name, line := range lines {
		fs := Text(line)
		per := map[string]int{}
		for _, f := range fs {
			per[f.Rule]++
		}
		for rule, n := range per {
			if n > maxFindingsPerRule+1 {
				t.Errorf("%s: %d findings of %s, want at most %d and a count", name, n, rule, maxFindingsPerRule+1)
			}
		}
	}
}
