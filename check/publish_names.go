package check

import (
	"strings"

	"nianbao/internal/zhtext"
)

// Names of private parties and their home addresses. A name is looked for
// only where a party stands — right after a party word (申请人, 原告, 村民,
// 群众 …) or on either side of 与/和 in a sentence about a dispute — and
// must start with a common surname, be two to four characters of which
// none is a word-only character (满意度, 代表, 委员会), and end at a word
// boundary. Anonymised forms (王某, 王某某, 王*) pass. Officials named with
// their title (县长张某) are never next to a party word. All name findings
// are warnings: a surname list cannot tell 张庄 the village from 张庄 the man.

// partyWords are the words a private party's name follows.
var partyWords = []string{
	"被申请人", "申请人", "当事人", "第三人", "被上诉人", "上诉人", "被申诉人", "申诉人",
	"投诉人", "举报人", "信访人", "被执行人", "申请执行人", "委托人", "被告人", "犯罪嫌疑人",
	"受害人", "被害人", "起诉人", "借款人", "出借人", "债务人", "债权人", "承包人", "受援人",
	"原告", "被告", "村民", "居民", "群众", "户主", "业主", "房主", "车主",
	"违法行为人", "行为人", "被处罚人", "违法嫌疑人", "嫌疑人", "被侵害人", "被调查人", "来访人", "求助人",
}

// partyWordEndingAt returns the longest party word ending at rune e ("" if
// none): 被申请人 rather than 申请人. 被告 followed by 人 is 被告人, which
// ends one rune later.
func partyWordEndingAt(rs []rune, e int) string {
	if publishTrigger(rs, e) != pubParty {
		return ""
	}
	if rs[e] == '告' && runeAt(rs, e+1) == '人' {
		return ""
	}
	best := -1
	for k, wr := range partyRunes {
		if e+1 < len(wr) || best >= 0 && len(wr) <= len(partyRunes[best]) {
			continue
		}
		if equalRunes(rs[e+1-len(wr):e+1], wr) {
			best = k
		}
	}
	if best < 0 {
		return ""
	}
	return partyWords[best]
}

// partyBeforeRen holds the last-but-one rune of each party word ending
// in 人 (请 of 申请人, 为 of 行为人): publishTrigger calls the name detector
// where one is followed by 人.
var partyBeforeRen = func() *zhtext.RuneSet {
	var b strings.Builder
	for _, w := range partyRunes {
		if n := len(w); n >= 2 && w[n-1] == '人' {
			b.WriteRune(w[n-2])
		}
	}
	return zhtext.NewRuneSet(b.String())
}()

var partyRunes = func() [][]rune {
	out := make([][]rune, len(partyWords))
	for i, w := range partyWords {
		out[i] = []rune(w)
	}
	return out
}()

func equalRunes(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// surnames are common single-character surnames, leaving out those that
// mostly start ordinary words after a party word (安全, 关心, 和解, 金额,
// 管理, 符合, 纪律, 项目 …).
const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范石廖贾夏韦付邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾郝龚邵钱武戴莫孔汤葛邢乔伍庞颜倪庄聂鲁岳翟殷詹欧耿兰焦俞左柳苗谷翁冉骆靳柴鲍祁蒲滕饶牟覃邝樊"

var compoundSurnames = []string{"欧阳", "司马", "诸葛", "上官", "皇甫", "令狐", "慕容", "东方", "夏侯", "尉迟", "长孙", "宇文", "司徒", "公孙", "端木", "独孤"}

// notInNames are characters that occur in words but hardly ever in a given
// name; a candidate containing one is a word (群众满意度, 村民代表).
const notInNames = "们的了是有都也就等数度性率感化内外案件次会局委办处部院所站队组村镇乡县市区省街路号面意益求访众体事务见议理解决调诉讼请申提出参与和及身户员家工作业利权责活动者自治表合满法律序问题纠纷人门口心需要政府机关单位其他各个在对向于为以将被已并且或因把由从到给让使令称说讲示确认定项目类种样些每该此这那哪谁何什么呢吗吧啊系间前后年月日时期季周场地点置式规章制条款例则通知批复函报告册本证卡码书份页列栏遍回趟量额费款价值钱元角百千万亿多少余半整总共计统均最低爷娘妈姐哥叔婶伯奶婆嫂师傅老"

// wordsNotNames start with a surname but are words.
var wordsNotNames = []string{"许可", "曾经", "杜绝", "陆续", "范围", "付出", "付款", "任务", "任何", "程序", "程度", "顾问", "周边", "周围", "周末", "马上", "陈述", "黎明", "石油", "白天", "江河", "夏季", "段落", "雷同", "武器", "叶片", "林业", "林地", "田地", "郑重", "谢谢", "胡同", "孙子", "董事", "杨柳", "苏醒", "龙头", "钱财", "葛藤", "钱袋", "龙舟",
	"陶冶", "钱财", "乔迁", "庄稼", "殷切", "焦虑", "焦点", "左右", "苗头", "田间", "张贴", "周知", "陈列", "罗列",
	"胡乱", "唐突", "庞大", "柴米", "黄金", "黄牛", "王牌", "张罗", "雷厉", "贺喜", "汤圆", "石头", "程式", "孔道"}

// maskChars stand for hidden characters in an anonymised name.
const maskChars = "某*＊×XxＸ○〇◯□■△"

// nameEnd are the characters a name is followed by: punctuation, verbs and
// prepositions, and the nouns that follow a person (身份证, 家中, 电话, 父亲).
const nameEnd = "与和跟同及、，,。；;：:）)（(因诉不向对等称于在之系为被提申将到来的均也已就经把从 \u3000“”\"等两双间发反当自主多拒签以要请认表承曾先后一身家电手户住父母妻夫儿女名所"

var (
	surnameSet      = zhtext.NewRuneSet(surnames)
	compoundFirst   = zhtext.NewRuneSet(strings.Join(compoundSurnames, ""))
	notInNamesSet   = zhtext.NewRuneSet(notInNames)
	maskSet         = zhtext.NewRuneSet(maskChars)
	nameEndSet      = zhtext.NewRuneSet(nameEnd)
	compoundSurRune = func() [][]rune {
		out := make([][]rune, len(compoundSurnames))
		for i, c := range compoundSurnames {
			out[i] = []rune(c)
		}
		return out
	}()
)

// surnameAt returns the length of the surname starting at p, 0 if none.
func surnameAt(rs []rune, p int) int {
	if p >= len(rs) {
		return 0
	}
	if compoundFirst.Has(rs[p]) {
		for _, cr := range compoundSurRune {
			if p+len(cr) <= len(rs) && equalRunes(rs[p:p+len(cr)], cr) {
				return len(cr)
			}
		}
	}
	if surnameSet.Has(rs[p]) {
		return 1
	}
	return 0
}

// nameAt reads a name starting at p: n runes, masked when anonymised. ok
// is false when there is no name there.
func nameAt(rs []rune, p int) (n int, masked bool, ok bool) {
	return nameAtIn(rs, p, false)
}

// nameAtIn is nameAt; afterParty relaxes the end: right after a party
// word a full three-character name may be followed by anything (申请人谢明亮获得…).
func nameAtIn(rs []rune, p int, afterParty bool) (n int, masked bool, ok bool) {
	sl := surnameAt(rs, p)
	if sl == 0 {
		return 0, false, false
	}
	q := p + sl
	m := 0
	for q+m < len(rs) && m < 3 && maskSet.Has(rs[q+m]) {
		m++
	}
	if m > 0 {
		return sl + m, true, true
	}
	for g := 2; g >= 1; g-- {
		end := q + g
		if end > len(rs) {
			continue
		}
		if end < len(rs) && !nameEndSet.Has(rs[end]) && !(afterParty && g == 2) {
			continue
		}
		good := true
		for _, r := range rs[q:end] {
			if !isHan(r) || notInNamesSet.Has(r) || maskSet.Has(r) {
				good = false
				break
			}
		}
		if !good {
			continue
		}
		w := string(rs[p:end])
		for _, x := range wordsNotNames {
			if strings.HasPrefix(w, x) {
				good = false
				break
			}
		}
		if good {
			return sl + g, false, true
		}
	}
	return 0, false, false
}

// leftBoundary tells whether a name may start at p: at the start, after
// punctuation, or after a word that takes the parties as its object.
func leftBoundary(rs []rune, p int) bool {
	if p == 0 || !isHan(rs[p-1]) {
		return true
	}
	if strings.ContainsRune("对将经把由因为在是帮就让使与和及跟同", rs[p-1]) {
		return true
	}
	return hasBefore(rs, p, 2, "调解", "化解", "处理", "协调", "帮助", "引导", "组织", "促成", "指导")
}

func scanNames(rs []rune, dispute bool, pos []int, emit func(pubMatch)) {
	var done map[int]bool
	flag := func(p, n int, why string) {
		if done[p] {
			return
		}
		if done == nil {
			done = map[int]bool{}
		}
		done[p] = true
		sl := surnameAt(rs, p)
		sur := string(rs[p : p+sl])
		g := n - sl
		masked := sur + stars(g)
		replace := sur + "某"
		if g > 1 {
			replace = sur + "某某"
		}
		emit(pubMatch{rule: RulePublishName, sev: Warning, i: p, j: p + n, masked: masked, replace: replace,
			msg: "疑似当事人姓名“" + masked + "”（" + why + "），公开前应隐名处理，如写作“" + replace + "”"})
	}
	// At each place the trigger pass noted: names right after a party word
	// (and the names listed with them), and in a dispute the two sides of
	// 与/和.
	for _, e := range pos {
		switch rs[e] {
		case '与', '和':
			if dispute {
				disputeParties(rs, e, flag)
			}
		case '人', '告', '民', '众', '主':
			if w := partyWordEndingAt(rs, e); w != "" {
				namesAfter(rs, e+1, w, flag)
			}
		}
	}
}

// namesAfter flags the names following party word w, which ends before p:
// 申请人张建国、李明华与….
func namesAfter(rs []rune, p int, w string, flag func(p, n int, why string)) {
	if p < len(rs) && strings.ContainsRune("：: （(", rs[p]) {
		p++
	}
	for p < len(rs) {
		n, masked, ok := nameAtIn(rs, p, true)
		if !ok {
			return
		}
		if !masked {
			flag(p, n, "在“"+w+"”之后")
		}
		p += n
		if p >= len(rs) || !strings.ContainsRune("、与和及同跟", rs[p]) {
			return
		}
		p++
	}
}

// disputeParties flags the names on both sides of the 与/和 at a in a
// sentence about a dispute (张建国与李明华因宅基地纠纷…), unless both are
// anonymised.
func disputeParties(rs []rune, a int, flag func(p, n int, why string)) {
	start, leftMasked, leftOK := -1, false, false
	for l := 4; l >= 2; l-- {
		p := a - l
		if p < 0 {
			continue
		}
		if n, m, ok := nameAt(rs, p); ok && n == l && leftBoundary(rs, p) {
			start, leftMasked, leftOK = p, m, true
			break
		}
	}
	if !leftOK {
		return
	}
	n, rightMasked, ok := nameAt(rs, a+1)
	if !ok || leftMasked && rightMasked {
		return
	}
	if !leftMasked {
		flag(start, a-start, "纠纷的一方")
	}
	if !rightMasked {
		flag(a+1, n, "纠纷的一方")
	}
}

// Addresses: a house number below township level (路/街/村 … 号), or a
// building, unit and room (8栋2单元302室), where a person lives. An
// office's address in a 联系方式 block has no private context and is left
// alone.
var residenceWords = []string{"家住", "住址", "住所", "居住", "户籍", "现住", "住在", "住于", "寄至"}

// addressUnits follow a number in an address; the ones below a house
// number make it a flat.
var addressUnits = []struct {
	w    string
	flat bool
}{{"号楼", true}, {"单元", true}, {"栋", true}, {"幢", true}, {"室", true}, {"户", true}, {"楼", true}, {"号", false}, {"组", false}}

// addressUnitAt returns the length of the address unit at q and whether it
// is below a house number; 0 when there is none.
func addressUnitAt(rs []rune, q int) (int, bool) {
	for _, u := range addressUnits {
		ur := []rune(u.w)
		if q+len(ur) <= len(rs) && equalRunes(rs[q:q+len(ur)], ur) {
			return len(ur), u.flat
		}
	}
	return 0, false
}

func scanAddresses(rs []rune, emit func(pubMatch)) {
	resid := lineHas(rs, residenceWords...)
	if !resid && !lineHas(rs, privateContext...) {
		return
	}
	for i := 0; i < len(rs); i++ {
		if !zhtext.IsDigit(rs[i]) || i > 0 && zhtext.IsDigit(rs[i-1]) {
			continue
		}
		// A chain of number + unit: 88号3栋2单元501室.
		j, parts, flat, house := i, 0, false, false
		for {
			q := j
			for q < len(rs) && zhtext.IsDigit(rs[q]) {
				q++
			}
			if q == j {
				break
			}
			n, f := addressUnitAt(rs, q)
			if n == 0 {
				break
			}
			parts++
			flat = flat || f
			house = house || rs[q] == '号' && n == 1
			j = q + n
		}
		if parts == 0 {
			continue
		}
		street := house && hasBefore(rs, i, 8, "路", "街", "巷", "弄", "道", "村", "组", "社区", "小区", "里")
		// Where a person lives, a street number or a flat; beside a party
		// word only, a flat (an office gives no room number).
		if !(resid && (street || flat && parts >= 2) || flat && parts >= 2 && house) {
			i = j - 1
			continue
		}
		var m strings.Builder
		for _, c := range rs[i:j] {
			if zhtext.IsDigit(c) {
				c = '*'
			}
			m.WriteRune(c)
		}
		emit(pubMatch{rule: RulePublishAddress, sev: Warning, i: i, j: j, masked: m.String(), replace: m.String(),
			msg: "疑似个人住址的门牌号“" + m.String() + "”，公开前应删除或隐去"})
		i = j - 1
	}
}
