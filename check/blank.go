package check

import "nianbao/internal/zhtext"

// Blank figures written without a space (“共办理件”, “开展检查余次”,
// “审结案件件”), single placeholder marks (“X场”) and enumeration holes
// are decided by a character and a few neighbours, inside the one pass of
// scanRunes. Each test starts with a switch on the current character, so a
// clean report pays almost nothing for them.

// isBlankUnitStart is the first character of a unit a blank figure can end
// in; 次 of 人次 and 场次 is reached through its first character.
func isBlankUnitStart(r rune) bool {
	switch r {
	case '件', '次', '场', '项', '起', '宗', '人', '个', '名', '份', '条', '篇', '卷':
		return true
	}
	return false
}

// countVerbs take a count as their object, and countedNouns are what a
// count counts: a unit right after either, ending its clause, has lost its
// number (“共办理件”, “审结件”, “提案件，”). After a verb, a one-character
// unit followed by the thing counted has lost it too (“分解落实项指标”,
// “召开次会议”).
var countVerbs, countedNouns = map[[2]rune]bool{}, map[[2]rune]bool{}

func init() {
	for _, w := range []string{
		"办理", "受理", "审结", "办结", "审查", "纠错", "调解", "开展", "举办", "组织", "培训", "化解",
		"处理", "接待", "收到", "查处", "出动", "共计", "累计", "合计", "总计", "新收", "收案", "结案",
		"审理", "发放", "排查", "走访", "达到", "超过", "变更", "撤销", "确认", "驳回", "维持", "落实",
		"召开", "印发", "制定", "出台", "清理", "评查", "公布", "公开", "发布", "聘请", "选聘", "培育",
		"完成", "设立", "建立", "建成", "解决", "整改", "办复", "答复", "发挥", "抽取", "抽查", "评选",
		"表彰", "命名", "创建", "打造", "覆盖", "惠及", "挽回", "涉及",
	} {
		rs := []rune(w)
		countVerbs[[2]rune{rs[len(rs)-2], rs[len(rs)-1]}] = true
	}
	for _, w := range []string{
		// Not 信访, 投诉 or 举报: 信访件, 投诉件 are words for the items
		// themselves; not 企业: 企业家 is a word.
		"建议", "提案", "纠纷", "活动", "讲座", "会议", "案卷", "宣讲", "督查", "检查", "矛盾", "咨询",
		"成功", "败诉", "应诉", "处罚", "许可", "积案", "诉讼", "巡查", "抽查", "议题", "律师", "资料",
		"材料", "手册", "合同", "信息", "意见", "短信", "解读", "文章", "群众", "人员", "干部", "学生",
		"职工", "调解员", "公证", "发布会",
	} {
		rs := []rune(w)
		countedNouns[[2]rune{rs[len(rs)-2], rs[len(rs)-1]}] = true
	}
}

// measureBeforeNoun are the one-character units that stand before the
// noun they count (“7项决策”, “3次会议”, “12个乡镇”).
func measureBeforeNoun(r rune) bool {
	switch r {
	case '件', '项', '个', '名', '场', '次', '条', '份', '篇':
		return true
	}
	return false
}

// isCountParticle: 等 and the prepositions and conjunctions a count
// follows (“等7项决策”, “对14个镇街”, “和8个重点单位”).
func isCountParticle(r rune) bool {
	switch r {
	case '等', '对', '和', '及', '与':
		return true
	}
	return false
}

// isDeterminer: a character that may stand before a unit without a
// number (几个, 每次, 各项, 多名, 本条, 首篇, 整场).
func isDeterminer(r rune) bool {
	switch r {
	case '百', '千', '万', '亿', '两', '几', '数', '每', '各', '这', '那', '某', '本', '该', '此', '其', '多',
		'半', '整', '单', '逐', '首', '全', '上', '下', '前', '后', '同', '哪', '另', '余', '末', '次', '历':
		return true
	}
	return isNumeral(r)
}

// unitWord: the unit at rs[i] begins an ordinary word (项目, 次数, 名单).
func (c *collector) unitWord(i int) bool {
	var buf [2]rune
	n := copy(buf[:], c.runes[i:min(i+2, len(c.runes))])
	return zhtext.UnitWordAt(string(buf[:n]))
}

// notBeforeYu are characters that make 余 part of a word (其余, 剩余, 业余,
// 结余) rather than the vague “N余” whose number is missing.
func notBeforeYu(r rune) bool {
	switch r {
	case '其', '剩', '业', '结', '盈', '有', '之', '富', '残', '节', '空', '多', '宽', '课', '茶', '饭', '酒', '工', '年', '月', '零', '两':
		return true
	}
	return isNumeral(r) || r == '百' || r == '千' || r == '万' || r == '亿' || isDigit(r)
}

// blankFigure looks at a unit at rs[i] for a number left out without a
// space. The unit must end its clause (“共办理件，”): after a verb a unit
// character followed by more words is usually a word of its own.
// countedBefore says whether the character at j, a counter before 次
// (家, 户, 辆, 台, 批 …), follows a number: "126家次" counts visits to
// 126 places, and has its number.
func (c *collector) countedBefore(j int) bool {
	if !isHan(c.at(j)) {
		return false
	}
	k := j - 1
	for r := c.at(k); r == '万' || r == '亿' || r == '余' || r == '多'; r = c.at(k) {
		k--
	}
	return isDigit(c.at(k))
}

func (c *collector) blankFigure(i, at int) {
	rs := c.runes
	if isDigit(c.at(i - 1)) {
		// The unit has its number: most units in a report ("37件"), and
		// none of the word lists below pairs a digit with anything.
		return
	}
	r := rs[i]
	ulen := 1
	switch next := c.at(i + 1); {
	case r == '人' && next != '次':
		return // 人 alone is too often a word (办理人, 责任人)
	case r == '人' || r == '场' && next == '次' || r == '件' && next == '次':
		ulen = 2
	case r == '次' && (c.at(i-1) == '人' || c.at(i-1) == '场' || c.at(i-1) == '件'):
		return // the compound was looked at from its first character
	case r == '次' && c.countedBefore(i-1):
		return // “126家次”, “36户次”, “1.2万辆次”: a counter and 次, after their number
	}
	after := c.at(i + ulen)
	p1, p2 := c.at(i-1), c.at(i-2)
	if zhtext.UnitEndsWord(p1, r) && p1 != r {
		// 审结案件，多次，现场: the unit character ends a word. After a
		// counting word the other reading wins (提案件 is 提案 + 件, 印发件
		// is 印发 + 件), except for 案件 after a verb (审结案件).
		noun := countedNouns[[2]rune{p2, p1}]
		if !(countVerbs[[2]rune{p2, p1}] || noun) || p1 == '案' && !noun {
			return
		}
	}
	ends := after == 0 || zhtext.IsSentenceEnd(after) || zhtext.IsClauseBreak(after) || zhtext.NoBreakBefore(after) || zhtext.IsBlank(after)
	blank := false
	switch {
	case !ends:
		// The unit is followed by more words: a blank only where a unit
		// cannot stand without its number — after a verb or 等 (“分解落实
		// 项指标”, “等项决策”) — and when it does not begin a word (项目).
		if ulen == 1 && (measureBeforeNoun(r) || r == '家') && isHan(after) && !c.unitWord(i) &&
			(countVerbs[[2]rune{p2, p1}] || isCountParticle(p1) && r != '次' && r != '篇') {
			blank = true
		}
		if ulen == 1 && measureBeforeNoun(r) && r != '次' && isHan(after) && !c.unitWord(i) &&
			(p1 == 0 || zhtext.IsClauseBreak(p1) || zhtext.IsSentenceEnd(p1)) {
			// A unit opening a clause and followed by what it counts
			// (“，件信访积案得到化解”): doubtful, a warning.
			c.add(Finding{Rule: RuleProseBlankDoubt, Section: c.section, Line: at,
				Message: sprintf("“%s”中“%c”前疑似缺少数字", c.context(i, i+1), r)})
			return
		}
	case p1 == '余' && isHan(p2) && !notBeforeYu(p2):
		blank = true // 开展检查余次
	case p1 == r && unitEndingNouns[[2]rune{p2, p1}]:
		blank = true // 审结案件件, 评查案卷卷: a noun ending in the unit, then the unit
	case p1 == '共' && p2 != '总' && p2 != '一':
		blank = true // 共件
	case countVerbs[[2]rune{p2, p1}] || countedNouns[[2]rune{p2, p1}]:
		blank = true // 共办理件, 审结件, 建议件
	case ulen == 1 && measureBeforeNoun(r) && isHan(p1) && !isDeterminer(p1):
		// Any other word, then a unit ending the clause (“发现问题个。”):
		// most likely a blank, but the word may be one we do not know
		// ends in a unit character, so it is only a warning.
		c.add(Finding{Rule: RuleProseBlankDoubt, Section: c.section, Line: at,
			Message: sprintf("“%s”中“%c”前疑似缺少数字", c.context(i, i+1), r)})
		return
	}
	if !blank {
		return
	}
	u := string(rs[i : i+ulen])
	c.add(Finding{Rule: RuleProseBlank, Section: c.section, Line: at,
		Message: sprintf("“%s”中“%s”前缺少数字", c.context(i, i+ulen), u)})
}

// placeholderMark reports a single X, Ｘ or × standing where a number
// belongs: before a unit or %, or as the month or day of a date. Runs (XX,
// ××) are placeholders of their own (placeholderIn); a letter inside a
// Latin word or a product name (X光, 3×4) is not one.
func (c *collector) placeholderMark(i, at int) {
	r := c.runes[i]
	prev, next := c.at(i-1), c.at(i+1)
	if prev == r || next == r || next == 'X' || next == 'x' || isASCIILetterRune(prev) || isASCIILetterRune(next) ||
		isDigit(prev) || isDigit(next) {
		return
	}
	if r == 'x' && !isHan(prev) {
		return // a lower-case x outside Chinese prose is a variable or a size
	}
	k := i + 1
	if n := c.at(k); n == '余' || n == '多' || n == '万' {
		k++
	}
	ok := false
	switch n := c.at(k); {
	case n == '%' || n == '％':
		ok = true
	case (n == '月' || n == '日') && (prev == '年' || prev == '月'):
		ok = true
	default:
		var buf [2]rune
		m := copy(buf[:], c.runes[k:min(k+2, len(c.runes))])
		s := string(buf[:m])
		ok = zhtext.CountUnitAt(s) != "" && !zhtext.UnitWordAt(s)
	}
	if !ok {
		return
	}
	c.add(Finding{Rule: RulePlaceholderMark, Section: c.section, Line: at,
		Message: sprintf("“%s”中数字的位置上是占位记号“%c”，请填写实际数字", c.context(i, k+1), r)})
}

func isASCIILetterRune(r rune) bool { return r < 0x80 && isASCIILetter(byte(r)) }

// unitEndingNouns end in a count unit; the unit again right after one
// (“案件件”, “案卷卷”) has lost the number between them.
var unitEndingNouns = map[[2]rune]bool{
	{'案', '件'}: true, {'文', '件'}: true, {'案', '卷'}: true, {'事', '项'}: true,
}

// enumWordBefore are characters that make a following 一是/二是 part of a
// word (统一是, 唯一是, 之一是, 第二是, 不二是), not an enumerated point.
func enumWordBefore(r rune) bool {
	switch r {
	case '统', '唯', '同', '单', '之', '万', '专', '划', '合', '第', '不', '其', '归', '逐', '初', '均', '周', '星', '期':
		return true
	}
	return false
}

// enumStart decides whether the numeral starting at rs[i] opens an
// enumerated point. After punctuation or a blank of any kind it does; after
// a Chinese character only when it continues the running list (a 。 left
// out, “健全制度二是强化监督”) and that character does not make a word with
// the numeral.
func (c *collector) enumStart(i, n, prev int) bool {
	b := c.at(i - 1)
	if enumBoundary(b) {
		return true
	}
	if n == 1 && prev == 0 && isHan(b) && !enumWordBefore(b) {
		// “着力做到一是抓学习、二是抓落实”: a list opened inside a clause
		// is one when its 二是 follows in the same paragraph.
		return c.secondPointFollows(i + 2)
	}
	return prev > 0 && n == prev+1 && isHan(b) && !enumWordBefore(b)
}

// secondPointFollows looks ahead from i, within the paragraph and 120
// characters, for a 二是.
func (c *collector) secondPointFollows(i int) bool {
	for j := i; j < len(c.runes)-1 && j < i+120; j++ {
		switch c.runes[j] {
		case '\n':
			return false
		case '二':
			if c.runes[j+1] == '是' && !enumWordBefore(c.at(j-1)) {
				return true
			}
		}
	}
	return false
}

// enumVerbs open an enumerated point; “三是……。四加强……” has lost its 是
// when the next numeral is followed by one of them.
var enumVerbs = map[[2]rune]bool{}

func init() {
	for _, w := range []string{
		"加强", "强化", "深化", "健全", "完善", "推进", "推动", "提升", "提高", "落实", "严格", "规范", "坚持",
		"持续", "全面", "创新", "开展", "建立", "狠抓", "抓好", "注重", "突出", "聚焦", "优化", "拓展", "做好",
		"扎实", "着力", "大力", "积极", "不断", "切实", "进一", "依法", "筑牢", "压实", "夯实", "构建", "打造",
		"围绕", "紧扣", "强调", "统筹", "深入", "主动", "有序", "稳步", "加快", "加大", "用好", "建好", "管好",
		"严把", "把好", "抓实", "做实", "推行", "实施", "实行", "探索", "组织", "建设", "推广", "畅通", "着眼",
		"坚决", "认真", "全力", "努力", "广泛", "精心", "细化", "明确", "创建", "打好", "守牢", "守好", "办好",
		"发挥", "拓宽", "搭建", "建强", "配强", "织密", "有效", "强力", "抓住", "深挖", "压紧", "健全",
	} {
		rs := []rune(w)
		enumVerbs[[2]rune{rs[0], rs[1]}] = true
	}
}

// enumVerbRune are one-character verbs that open points in the terse style
// (“一是抓关键，二是强队伍”).
func enumVerbRune(r rune) bool {
	switch r {
	case '抓', '强', '优', '严', '促', '建', '提', '重':
		return true
	}
	return false
}

// enumHole reports “四加强” after “三是”: the numeral that continues the list
// followed by a verb that opens a point, with 是 left out. It says whether
// it reported, so the list goes on from the hole.
func (c *collector) enumHole(i, prev, at int) bool {
	if !enumVerbs[[2]rune{c.at(i + 1), c.at(i + 2)}] && !enumVerbRune(c.at(i+1)) {
		return false
	}
	n := prev + 1
	c.add(Finding{Rule: RuleEnum, Section: c.section, Line: at,
		Message: sprintf("“%s”前面已有“%s是”，这里疑漏了“是”（“%s是”）", c.context(i, i+3), numeral(prev), numeral(n))})
	return true
}
