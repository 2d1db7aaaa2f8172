package zhtext

import "strings"

// countUnits are the units of a count, longest first so that 人次 wins over
// 人 and 场次 over 场. Adding a unit here adds it to figure extraction, the
// rate and part-of-whole checks and the blank-figure check at once.
var countUnits = []string{
	"人次", "场次", "件次", "户次",
	"件", "宗", "起", "个", "项", "次", "场", "人", "名", "家", "份", "条", "户", "篇", "卷",
}

// moneyUnits follow a number (with its 万 or 亿 read separately) in amounts.
var moneyUnits = []string{"元"}

// CountUnits returns the count units, longest first. The slice is a copy.
func CountUnits() []string { return append([]string(nil), countUnits...) }

// UnitAlternation is every unit a number may carry — counts, “%”, “％” and
// 元 — as a regular-expression alternation, longest first, for callers that
// match numbers with a regular expression.
func UnitAlternation() string {
	all := append(CountUnits(), "%", "％")
	all = append(all, moneyUnits...)
	return strings.Join(all, "|")
}

// IsCountUnitRune reports a character that is a one-character count unit.
func IsCountUnitRune(r rune) bool {
	switch r {
	case '件', '宗', '起', '个', '项', '次', '场', '人', '名', '家', '份', '条', '户', '篇', '卷':
		return true
	}
	return false
}

// IsPercentSign reports “%” or “％”.
func IsPercentSign(r rune) bool { return r == '%' || r == '％' }

// durationAfter are the words after 个 that make a duration or a
// difference of rates, not a count: “连续55个月”, “3个工作日”, “2个百分点”.
var durationAfter = []string{"月", "工作日", "小时", "星期", "季度", "百分点", "年头"}

// CountUnitAt returns the longest count unit s starts with, or "". A 个
// that opens a duration (“个月”, “个工作日”, “个百分点”) is no count unit.
func CountUnitAt(s string) string {
	if s == "" || s[0] < 0x80 {
		return ""
	}
	for _, u := range countUnits {
		if strings.HasPrefix(s, u) {
			if u == "个" {
				rest := s[len(u):]
				for _, d := range durationAfter {
					if strings.HasPrefix(rest, d) {
						return ""
					}
				}
			}
			return u
		}
	}
	return ""
}

// UnitAt returns the unit s starts with — a count unit, “%”, “％”, 元, 万元
// or 亿元 — or "".
func UnitAt(s string) string {
	if s == "" {
		return ""
	}
	switch {
	case s[0] == '%':
		return "%"
	case strings.HasPrefix(s, "％"):
		return "％"
	case strings.HasPrefix(s, "万元"):
		return "万元"
	case strings.HasPrefix(s, "亿元"):
		return "亿元"
	case strings.HasPrefix(s, "元"):
		return "元"
	}
	return CountUnitAt(s)
}

// unitWords are ordinary words that begin with a unit character. After a
// blank (“县 人民政府”) or a verb (“开展人民调解”) the character is the start
// of the word, not a count whose number is missing.
var unitWords = map[string]bool{
	"人民": true, "人员": true, "人大": true, "人才": true, "人口": true, "人社": true, "人身": true, "人力": true,
	"人防": true, "人工": true, "人居": true, "人文": true, "人数": true, "人均": true, "人事": true, "人情": true,
	"人格": true, "人权": true, "人生": true, "人心": true, "人们": true, "人群": true, "人选": true, "人士": true,
	"次要": true, "次数": true, "次日": true, "次年": true, "次月": true, "次序": true,
	"场所": true, "场景": true, "场地": true, "场合": true, "场馆": true, "场域": true,
	"条例": true, "条件": true, "条款": true, "条线": true, "条目": true, "条文": true, "条块": true,
	"个人": true, "个别": true, "个体": true, "个案": true, "个性": true,
	"项目": true, "家庭": true, "家长": true, "家属": true, "家园": true, "家风": true, "家乡": true, "家门": true,
	"名单": true, "名称": true, "名录": true, "名额": true, "名义": true, "名片": true,
	"份额": true, "元旦": true, "元素": true, "起草": true, "起诉": true, "起点": true, "起步": true,
	"起来": true, "起到": true, "起始": true, "户籍": true, "户口": true, "户外": true, "宗教": true,
	"宗旨": true, "卷宗": true, "件事": true, "件数": true, "篇幅": true, "篇章": true,
}

// UnitWordAt reports whether s starts with an ordinary word whose first
// character is a unit (人民, 项目, 条件 …).
func UnitWordAt(s string) bool {
	if len(s) < 6 || s[0] < 0x80 {
		return false
	}
	// Every unit character and every word's second character is three
	// bytes in UTF-8, so the word is the first six bytes.
	return unitWords[s[:6]]
}
