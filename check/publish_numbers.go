package check

import (
	"slices"
	"strings"

	"nianbao/internal/zhtext"
)

// Numbers that identify a person: resident ID numbers, mobile and private
// landline numbers, bank card numbers, e-mail addresses. A run of digits is
// judged by its length and its own arithmetic (the GB 11643 check digit and
// birth date, the Luhn digit), and by its neighbours: a digit run glued to
// letters is a 统一社会信用代码 or a product code, one followed by 元 or 件
// is an amount, one after 监督电话 or 热线 is a published service line.

// numRun is a maximal run of digits in rune indices [i, j); d holds its
// ASCII digits (full-width digits folded), with a final X for an ID number.
type numRun struct {
	i, j int
	d    string
}

// isLatinLetter is a letter A–Z in either width.
func isLatinLetter(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 'ａ' && r <= 'ｚ' || r >= 'Ａ' && r <= 'Ｚ'
}

func runeAt(rs []rune, i int) rune {
	if i < 0 || i >= len(rs) {
		return 0
	}
	return rs[i]
}

func numberRuns(rs []rune) []numRun {
	var out []numRun
	var b strings.Builder
	for i := 0; i < len(rs); {
		if !zhtext.IsDigit(rs[i]) {
			i++
			continue
		}
		b.Reset()
		j := i
		for ; j < len(rs) && zhtext.IsDigit(rs[j]); j++ {
			b.WriteByte(byte('0' + zhtext.DigitValue(rs[j])))
		}
		if j-i == 17 && (runeAt(rs, j) == 'X' || runeAt(rs, j) == 'x' || runeAt(rs, j) == 'Ｘ') && !isLatinLetter(runeAt(rs, j+1)) {
			b.WriteByte('X')
			j++
		}
		out = append(out, numRun{i, j, b.String()})
		i = j
	}
	return out
}

// Words after which a number is a code, not personal data.
var codeContext = []string{"信用代码", "机构代码", "代码", "编号", "编码", "注册号", "登记号", "税号", "流水号", "批准号", "备案号", "案号", "文号"}

// Words after which a phone number is a published service line.
var serviceContext = []string{"监督电话", "举报电话", "投诉电话", "咨询电话", "值班电话", "服务电话", "办公电话", "热线", "传真", "监督邮箱", "举报邮箱", "投诉邮箱", "投稿邮箱", "政务邮箱", "咨询邮箱"}

// Words before a number offered for calling ("当事人可拨打…"): an office's
// line, even next to a party word. Mobile numbers are flagged all the same.
var callWords = []string{"拨打", "致电", "来电", "咨询"}

// Words that make a landline private: it belongs to a party, not an office.
var privateContext = []string{"当事人", "申请人", "原告", "被告", "村民", "群众", "居民", "家属", "本人", "个人", "私人", "住宅", "住址", "家住", "手机", "投诉人", "举报人", "信访人"}

// Words that say a long number is a bank account.
var cardContext = []string{"卡号", "银行卡", "账号", "帐号", "账户", "帐户", "开户", "银行"}

// isUnitAfter tells whether the rune after a number makes it an amount, a
// count or a serial number.
func isUnitAfter(r rune) bool {
	return strings.ContainsRune("元万亿件人次个户场份项条家名%％年月日号期册本页字米亩吨台辆套株位余多", r)
}

// plainRun tells whether a run stands alone: not part of a letter-and-digit
// code, a decimal or an amount.
func plainRun(rs []rune, i, j int) bool {
	before, after := runeAt(rs, i-1), runeAt(rs, j)
	if isLatinLetter(before) || isLatinLetter(after) {
		return false
	}
	if before == '.' || after == '.' && zhtext.IsDigit(runeAt(rs, j+1)) {
		return false
	}
	if before == '第' || before == '¥' || before == '￥' || isUnitAfter(after) {
		return false
	}
	return !hasBefore(rs, i, 10, codeContext...)
}

func isSep(r rune) bool { return r == ' ' || r == '-' || r == '－' }

func scanNumbers(rs []rune, emit func(pubMatch)) {
	runs := numberRuns(rs)
	for k := 0; k < len(runs); k++ {
		if n := groupedNumber(rs, runs[k:], emit); n > 0 {
			k += n - 1
			continue
		}
		r := runs[k]
		if !plainRun(rs, r.i, r.j) {
			continue
		}
		singleNumber(rs, r, emit)
	}
}

// groupedNumber matches numbers written in groups — 138 1234 5678,
// 0571-87654321, （0571）87654321, 6222 0212 3456 7890, 341802 19850312 1237
// — and returns how many runs it used (0: judge the runs one by one).
func groupedNumber(rs []rune, runs []numRun, emit func(pubMatch)) int {
	// How many runs follow one another with exactly one separator.
	n := 1
	for n < len(runs) && n < 5 && runs[n].i == runs[n-1].j+1 && isSep(rs[runs[n-1].j]) {
		n++
	}
	first := runs[0]
	// A landline in brackets: （0571）87654321.
	if len(runs) > 1 && strings.HasPrefix(first.d, "0") && len(first.d) >= 3 && len(first.d) <= 4 &&
		strings.ContainsRune("(（", runeAt(rs, first.i-1)) && strings.ContainsRune(")）", runeAt(rs, first.j)) &&
		runs[1].i == first.j+1 && len(runs[1].d) >= 7 && len(runs[1].d) <= 8 {
		if plainRun(rs, first.i-1, runs[1].j) {
			landline(rs, first.i-1, runs[1].j, first.d, runs[1].d, emit)
		}
		return 2
	}
	if n == 1 {
		return 0
	}
	lens := make([]int, n)
	var all strings.Builder
	for x := 0; x < n; x++ {
		lens[x] = len(runs[x].d)
		all.WriteString(runs[x].d)
	}
	d := all.String()
	i := first.i
	if m := groupedID(rs, runs[:n], lens, d, emit); m > 0 {
		return m
	}
	if !plainRun(rs, i, runs[n-1].j) {
		return 0
	}
	switch {
	case n >= 3 && lens[0] == 3 && lens[1] == 4 && lens[2] == 4 && isMobile(d[:11]):
		mobile(rs, i, runs[2].j, d[:11], emit)
		return 3
	case n >= 4 && lens[0] == 4 && lens[1] == 4 && lens[2] == 4 && lens[3] == 4:
		m := 4
		if n > 4 && lens[4] <= 4 {
			m = 5
		}
		digits := d[:16+sum(lens[4:m])]
		if len(digits) <= 19 && luhn(digits) {
			bankCard(rs, i, runs[m-1].j, digits, emit)
			return m
		}
	case lens[0] >= 3 && lens[0] <= 4 && d[0] == '0' && d[1] != '0' && lens[1] >= 7 && lens[1] <= 8 && rs[first.j] != ' ':
		landline(rs, i, runs[1].j, runs[0].d, runs[1].d, emit)
		return 2
	}
	return 0
}

// idGroupings are the ways an ID number is written in groups: 6-8-4
// (area, birth date, rest) and fours; a final X belongs to the last group.
var idGroupings = [][]int{{6, 8, 4}, {6, 8, 3}, {4, 4, 4, 4, 2}, {4, 4, 4, 4, 1}}

// groupedID matches an ID number written in groups and returns how many
// runs it used.
func groupedID(rs []rune, runs []numRun, lens []int, d string, emit func(pubMatch)) int {
	for _, g := range idGroupings {
		if len(g) > len(runs) || !slices.Equal(lens[:len(g)], g) {
			continue
		}
		digits, end := d[:sum(g)], runs[len(g)-1].j
		if len(digits) == 17 {
			if x := runeAt(rs, end); x != 'X' && x != 'x' && x != 'Ｘ' {
				continue
			}
			digits, end = digits+"X", end+1
		}
		if !plainRun(rs, runs[0].i, end) || !residentID(digits) {
			continue
		}
		m := maskMiddle(digits, 4, 4)
		emit(pubMatch{rule: RulePublishID, sev: Error, i: runs[0].i, j: end, masked: m, replace: m,
			msg: "疑似公民身份号码 " + m + "（出生日期和校验位都有效），公开前应删除或隐去"})
		return len(g)
	}
	return 0
}

func sum(v []int) int {
	t := 0
	for _, x := range v {
		t += x
	}
	return t
}

// idLabels name the number after them as a resident ID number.
var idLabels = []string{"身份证", "身份号码", "证件号"}

// labelledID says whether the few characters before rs[i] name an ID
// number ("身份证号：", "身份证号码为", "公民身份号码").
func labelledID(rs []rune, i int) bool {
	before := string(rs[max(0, i-8):i])
	return zhtext.ContainsAnyWord(before, idLabels)
}

func singleNumber(rs []rune, r numRun, emit func(pubMatch)) {
	d := r.d
	switch len(d) {
	case 18:
		if residentID(d) {
			emit(pubMatch{rule: RulePublishID, sev: Error, i: r.i, j: r.j, masked: maskMiddle(d, 4, 4), replace: maskMiddle(d, 4, 4),
				msg: "疑似公民身份号码 " + maskMiddle(d, 4, 4) + "（出生日期和校验位都有效），公开前应删除或隐去"})
			return
		}
		if provinceCodes[d[:2]] && validDate(atoi(d[6:10]), atoi(d[10:12]), atoi(d[12:14])) {
			// Shaped like an ID number with a wrong check digit: not a
			// card either. Named an ID number ("身份证号362502…"), it is
			// one typed wrong, still a person's, and is a warning.
			if labelledID(rs, r.i) {
				m := maskMiddle(d, 4, 4)
				emit(pubMatch{rule: RulePublishID, sev: Warning, i: r.i, j: r.j, masked: m, replace: m,
					msg: "疑似公民身份号码 " + m + "（前面写明是身份证号，出生日期有效，校验位不符，可能录入有误），公开前应删除或隐去"})
			}
			return
		}
	case 15:
		if oldResidentID(d) {
			emit(pubMatch{rule: RulePublishID, sev: Warning, i: r.i, j: r.j, masked: maskMiddle(d, 4, 4), replace: maskMiddle(d, 4, 4),
				msg: "疑似 15 位旧式身份证号码 " + maskMiddle(d, 4, 4) + "（地区码和出生日期有效），公开前应删除或隐去"})
			return
		}
	case 11:
		if isMobile(d) {
			mobile(rs, r.i, r.j, d, emit)
			return
		}
	}
	switch {
	case len(d) >= 16 && len(d) <= 19 && d[len(d)-1] != 'X' && luhn(d):
		bankCard(rs, r.i, r.j, d, emit)
	case (len(d) == 11 || len(d) == 12) && d[0] == '0' && d[1] != '0':
		area := 4
		if d[1] == '1' || d[1] == '2' {
			area = 3 // 010 and 02x have three-digit codes
		}
		landline(rs, r.i, r.j, d[:area], d[area:], emit)
	}
}

func isMobile(d string) bool {
	return len(d) == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9'
}

func mobile(rs []rune, i, j int, d string, emit func(pubMatch)) {
	if hasBefore(rs, i, 12, serviceContext...) {
		return
	}
	m := d[:3] + "****" + d[7:]
	// In a 联系方式 block the number may be the office's published contact:
	// then it is for the drafter to decide.
	sev := Error
	if hasBefore(rs, i, 12, "联系人", "联系电话", "联系方式") {
		sev = Warning
	}
	emit(pubMatch{rule: RulePublishPhone, sev: sev, i: i, j: j, masked: m, replace: m,
		msg: "手机号码 " + m + "，公开前应删除或隐去（公布的监督电话、服务热线不在此列）"})
}

func landline(rs []rune, i, j int, area, local string, emit func(pubMatch)) {
	// The party must be named just before the number: "当事人王某电话…";
	// a line that only mentions 群众 elsewhere ("接受群众监督") is an office's.
	if hasBefore(rs, i, 12, serviceContext...) || hasBefore(rs, i, 6, callWords...) || !hasBefore(rs, i, 15, privateContext...) {
		return
	}
	m := area + "-" + stars(len(local)-4) + local[len(local)-4:]
	emit(pubMatch{rule: RulePublishPhone, sev: Warning, i: i, j: j, masked: m, replace: m,
		msg: "疑似私人固定电话 " + m + "（同一段写有当事人、申请人等），公开前应删除或隐去"})
}

func bankCard(rs []rune, i, j int, d string, emit func(pubMatch)) {
	m := maskMiddle(d, 4, 4)
	sev, why := Warning, "通过 Luhn 校验"
	if hasBefore(rs, i, 12, cardContext...) {
		sev, why = Error, "通过 Luhn 校验，前面写有卡号、账号等"
	}
	emit(pubMatch{rule: RulePublishCard, sev: sev, i: i, j: j, masked: m, replace: m,
		msg: "疑似银行卡号 " + m + "（" + why + "），公开前应删除或隐去"})
}

// maskMiddle keeps head and tail characters of d and stars the rest.
func maskMiddle(d string, head, tail int) string {
	if len(d) <= head+tail {
		return stars(len(d))
	}
	return d[:head] + stars(len(d)-head-tail) + d[len(d)-tail:]
}

// Province codes of GB/T 2260, the first two digits of an ID number.
var provinceCodes = map[string]bool{
	"11": true, "12": true, "13": true, "14": true, "15": true,
	"21": true, "22": true, "23": true,
	"31": true, "32": true, "33": true, "34": true, "35": true, "36": true, "37": true,
	"41": true, "42": true, "43": true, "44": true, "45": true, "46": true,
	"50": true, "51": true, "52": true, "53": true, "54": true,
	"61": true, "62": true, "63": true, "64": true, "65": true,
	"71": true, "81": true, "82": true, "83": true,
}

// residentID checks an 18-character ID number (GB 11643-1999): province
// code, birth date and the ISO 7064 MOD 11-2 check character.
func residentID(d string) bool {
	if len(d) != 18 || !provinceCodes[d[:2]] {
		return false
	}
	if !validDate(atoi(d[6:10]), atoi(d[10:12]), atoi(d[12:14])) {
		return false
	}
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	s := 0
	for k := 0; k < 17; k++ {
		if d[k] < '0' || d[k] > '9' {
			return false
		}
		s += int(d[k]-'0') * weights[k]
	}
	return "10X98765432"[s%11] == d[17]
}

// oldResidentID checks a 15-digit ID number of before 1999: province code
// and a 19YYMMDD birth date; it has no check digit.
func oldResidentID(d string) bool {
	return len(d) == 15 && provinceCodes[d[:2]] && validDate(1900+atoi(d[6:8]), atoi(d[8:10]), atoi(d[10:12]))
}

func atoi(s string) int {
	n := 0
	for k := 0; k < len(s); k++ {
		n = n*10 + int(s[k]-'0')
	}
	return n
}

// validDate accepts birth dates from 1900 to 2099.
func validDate(y, m, d int) bool {
	if y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m]
	if m == 2 && (y%4 == 0 && y%100 != 0 || y%400 == 0) {
		days = 29
	}
	return d <= days
}

// luhn checks the Luhn (mod 10) digit that bank card numbers carry.
func luhn(d string) bool {
	s := 0
	for k := 0; k < len(d); k++ {
		c := d[len(d)-1-k]
		if c < '0' || c > '9' {
			return false
		}
		v := int(c - '0')
		if k%2 == 1 {
			if v *= 2; v > 9 {
				v -= 9
			}
		}
		s += v
	}
	return s%10 == 0
}

func isMailLocal(r rune) bool {
	return r < 128 && (isLatinLetter(r) || r >= '0' && r <= '9' || strings.ContainsRune("._%+-", r))
}

func isMailDomain(r rune) bool {
	return r < 128 && (isLatinLetter(r) || r >= '0' && r <= '9' || r == '.' || r == '-')
}

// scanEmails finds name@domain.tld; government mailboxes (.gov.cn) and
// mailboxes published for 监督 or 投稿 are the office's, not a person's.
func scanEmails(rs []rune, emit func(pubMatch)) {
	for a, r := range rs {
		if r != '@' && r != '＠' {
			continue
		}
		i := a
		for i > 0 && isMailLocal(rs[i-1]) {
			i--
		}
		j := a + 1
		for j < len(rs) && isMailDomain(rs[j]) {
			j++
		}
		for j > a+1 && (rs[j-1] == '.' || rs[j-1] == '-') {
			j--
		}
		local, domain := string(rs[i:a]), strings.ToLower(string(rs[a+1:j]))
		dot := strings.LastIndexByte(domain, '.')
		if local == "" || dot <= 0 || len(domain)-dot-1 < 2 || !isLetters(domain[dot+1:]) {
			continue
		}
		if strings.HasSuffix(domain, "gov.cn") || hasBefore(rs, i, 12, serviceContext...) {
			continue
		}
		m := local[:1] + "***@" + string(rs[a+1:j])
		emit(pubMatch{rule: RulePublishEmail, sev: Warning, i: i, j: j, masked: m, replace: m,
			msg: "电子邮箱 " + m + "，如是个人邮箱，公开前应删除或隐去（政府邮箱、公布的监督邮箱不在此列）"})
	}
}

func isLetters(s string) bool {
	for k := 0; k < len(s); k++ {
		if !(s[k] >= 'a' && s[k] <= 'z') {
			return false
		}
	}
	return s != ""
}
