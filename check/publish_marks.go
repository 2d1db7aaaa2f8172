package check

import (
	"slices"
	"strings"

	"nianbao/internal/zhtext"
)

// Secrecy markings and draft labels. A marking is a label on the document,
// not a word in a sentence: "秘密★1年" is one anywhere, but 工作秘密 or
// 征求意见稿 are flagged only where a label stands — a line of their own, the
// title (…报告（征求意见稿）), never inside a sentence ("加强工作秘密管理")
// or a cited title (《…办法（征求意见稿）》), which real reports are full of.

var secrecyLevels = []string{"绝密", "机密", "秘密"}

// markingWords label a document as not for the public.
var markingWords = []string{"工作秘密", "内部资料", "内部文件", "内部使用", "内部参考", "注意保密", "注意保存", "不宜公开", "严禁外传", "仅供内部", "此件不公开", "不予公开"}

var draftLabels = []string{"征求意见稿", "讨论稿", "送审稿", "审议稿", "初稿", "修改稿", "草稿"}

// maxLabelLine is the longest line (in characters) that may be a label or
// a title: a report title is rarely over 40 characters.
const maxLabelLine = 80

// markStrip are the characters around a label on its own line.
const markStrip = " \t\u3000()（）[]【】〔〕<>＜＞★☆*，,、：:；;。.-—_"

func scanMarks(rs []rune, title bool, emit func(pubMatch)) {
	// Only ★ and 密级 markings stand inside running text; every other label
	// stands on a short line, so a long one is read for those two alone.
	long := !title && len(rs) > maxLabelLine
	if long && !slices.Contains(rs, '★') && !hasMiji(rs) {
		return
	}
	s := string(rs)
	offs := runeOffsets(s)
	runeIndex := func(b int) int {
		lo, hi := 0, len(offs)-1
		for lo < hi {
			mid := (lo + hi) / 2
			if offs[mid] < b {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		return lo
	}
	// ★ markings: 秘密★1年, 机密★长期, 绝密 ★.
	starred := false
	for b := 0; b < len(s); {
		k := strings.IndexRune(s[b:], '★')
		if k < 0 {
			break
		}
		star := b + k
		before := strings.TrimRight(s[:star], " \u3000")
		for _, lv := range secrecyLevels {
			if strings.HasSuffix(before, lv) {
				i := runeIndex(len(before) - len(lv))
				j := runeIndex(star) + 1
				for j < len(rs) && (zhtext.IsDigit(rs[j]) || strings.ContainsRune("年个月长期 ", rs[j])) {
					j++
				}
				mark := strings.TrimSpace(string(rs[i:j]))
				emit(pubMatch{rule: RulePublishSecret, sev: Error, i: i, j: j, masked: mark,
					msg: "有密级标志“" + mark + "”：涉密内容不得公开，请确认已解密并删除标志，或不予公开"})
				starred = true
			}
		}
		b = star + len("★")
	}
	if starred {
		return
	}
	if k := strings.Index(s, "密级"); k >= 0 {
		rest := strings.TrimLeft(s[k+len("密级"):], " ：:\u3000")
		for _, lv := range secrecyLevels {
			if strings.HasPrefix(rest, lv) {
				i := runeIndex(k)
				emit(pubMatch{rule: RulePublishSecret, sev: Error, i: i, j: i + 2, masked: "密级" + lv,
					msg: "有密级标志“密级" + lv + "”：涉密内容不得公开，请确认已解密并删除标志，或不予公开"})
				return
			}
		}
	}
	if long {
		return
	}
	core := strings.Map(func(r rune) rune {
		if strings.ContainsRune(markStrip, r) {
			return -1
		}
		return r
	}, s)
	// A title line: names a report, is short and is not a sentence.
	reportTitle := strings.Contains(core, "报告") && len([]rune(core)) <= 60 && !strings.ContainsAny(s, "，。；")
	// A label line holds labels and at most a date (讨论稿 2024年3月).
	labelLine := func(words []string) bool {
		rest := core
		for _, w := range words {
			rest = strings.ReplaceAll(rest, w, "")
		}
		return rest != core && strings.TrimFunc(rest, func(r rune) bool {
			return zhtext.IsDigit(r) || r == '年' || r == '月' || r == '日'
		}) == ""
	}
	// A secrecy level alone on its line (机密, 秘密级) is a marking too.
	for _, lv := range secrecyLevels {
		if core == lv || core == lv+"级" {
			i := runeIndex(strings.Index(s, lv))
			emit(pubMatch{rule: RulePublishSecret, sev: Error, i: i, j: i + 2, masked: core,
				msg: "有密级标志“" + core + "”：涉密内容不得公开，请确认已解密并删除标志，或不予公开"})
			return
		}
	}
	// Other markings: only where a label stands.
	for _, w := range markingWords {
		k := strings.Index(s, w)
		if k < 0 || insideBook(s[:k]) {
			continue
		}
		if title || labelLine(markingWords) || reportTitle && bracketed(s, k, len(w)) {
			i := runeIndex(k)
			emit(pubMatch{rule: RulePublishSecret, sev: Error, i: i, j: i + len([]rune(w)), masked: w,
				msg: "有“" + w + "”标志：标为内部或秘密的材料不应公开，请确认可以公开后删除标志"})
			return
		}
	}
	for _, w := range draftLabels {
		k := strings.Index(s, w)
		if k < 0 || insideBook(s[:k]) {
			continue
		}
		sev := Error
		switch {
		case title || reportTitle && (bracketed(s, k, len(w)) || strings.HasSuffix(core, "报告"+w)):
		case labelLine(draftLabels):
			sev = Warning // a label line alone: the document's, or a leftover
		default:
			continue
		}
		i := runeIndex(k)
		emit(pubMatch{rule: RulePublishDraft, sev: sev, i: i, j: i + len([]rune(w)), masked: w,
			msg: "有稿本标识“" + w + "”：公开的应是定稿，请删除标识，或确认这是定稿后再公开"})
		return
	}
}

// hasMiji tells whether 密级 occurs in rs, without building a string of a
// long line.
func hasMiji(rs []rune) bool {
	for i := 0; i+1 < len(rs); i++ {
		if rs[i] == '密' && rs[i+1] == '级' {
			return true
		}
	}
	return false
}

// insideBook tells whether a text ends inside a cited title 《…》, where a
// label belongs to the document cited.
func insideBook(before string) bool {
	return strings.Count(before, "《") > strings.Count(before, "》")
}

// bracketed tells whether s[k:k+n] is directly inside brackets.
func bracketed(s string, k, n int) bool {
	before, after := strings.TrimRight(s[:k], " \u3000"), strings.TrimLeft(s[k+n:], " \u3000")
	open := strings.HasSuffix(before, "（") || strings.HasSuffix(before, "(") || strings.HasSuffix(before, "【") || strings.HasSuffix(before, "[")
	closed := strings.HasPrefix(after, "）") || strings.HasPrefix(after, ")") || strings.HasPrefix(after, "】") || strings.HasPrefix(after, "]")
	return open && closed
}
