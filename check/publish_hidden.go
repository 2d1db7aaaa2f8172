package check

import (
	"strconv"
	"strings"
)

// Hidden Word content: what a .docx carries besides the text a reader sees
// on the page. When the office posts the Word file itself, comments,
// tracked deletions and hidden text go with it; headers and footers are
// not imported, so nothing else checks them.

// HiddenKind says what kind of hidden content a .docx holds.
type HiddenKind string

// Kinds of hidden content.
const (
	HiddenComment HiddenKind = "comment" // a comment (word/comments.xml)
	HiddenInsert  HiddenKind = "insert"  // a tracked insertion not yet accepted (w:ins); its text is in the document text
	HiddenDelete  HiddenKind = "delete"  // a tracked deletion not yet accepted (w:del); its text is not
	HiddenVanish  HiddenKind = "vanish"  // text formatted as hidden (w:vanish); its text is in the document text
	HiddenHeader  HiddenKind = "header"  // text in a page header
	HiddenFooter  HiddenKind = "footer"  // text in a page footer, other than page numbers
)

// HiddenContent is one piece of hidden content the importer found.
type HiddenContent struct {
	Kind HiddenKind
	// Line is the document line the content belongs to (the paragraph a
	// comment or revision is in); 0 for headers, footers and unanchored
	// comments.
	Line int
	// Text is the hidden text. It is scanned by the publish detectors and
	// never printed in full.
	Text string
}

var hiddenLabels = map[HiddenKind]string{
	HiddenComment: "批注", HiddenInsert: "未接受的修订（插入）", HiddenDelete: "未接受的修订（删除）",
	HiddenVanish: "隐藏文字", HiddenHeader: "页眉", HiddenFooter: "页脚",
}

var hiddenAdvice = map[HiddenKind]string{
	HiddenComment: "直接公开这份 Word 文件会带出批注，请删除全部批注后再公开",
	HiddenInsert:  "请在 Word 中接受或拒绝全部修订后再公开",
	HiddenDelete:  "删除的文字仍留在文件中，请在 Word 中接受或拒绝全部修订后再公开",
	HiddenVanish:  "Word 中看不见，但文字仍在文件中（导入时已读入正文），请删除或取消隐藏后核对",
	HiddenHeader:  "导入时不读入页眉页脚，请确认其中没有不宜公开的内容",
	HiddenFooter:  "导入时不读入页眉页脚，请确认其中没有不宜公开的内容",
}

var publishRules = []RuleInfo{
	{RulePublishID, Error, false, "公开版中有公民身份号码：18 位号码须地区码、出生日期和 GB 11643 校验位都有效（错误）；15 位旧号码须地区码和出生日期有效（警告）。统一社会信用代码（含字母）、文号、金额不在此列。提示中只显示遮盖后的号码。"},
	{RulePublishPhone, Error, false, "公开版中有手机号码（1[3-9] 开头的 11 位，错误；写在“联系人”“联系电话”后时可能是单位公布的联系方式，为警告），或紧跟在当事人、申请人、村民等之后的固定电话（警告）。12345、12348、110 等公共服务号码，写明“监督电话”“咨询电话”“热线”的号码，以及“可拨打”“致电”的固定电话不在此列。"},
	{RulePublishCard, Warning, false, "公开版中有通过 Luhn 校验的 16–19 位号码，疑似银行卡号；前面写有卡号、账号、开户行等时为错误。"},
	{RulePublishEmail, Warning, false, "公开版中有电子邮箱地址；政府邮箱（gov.cn）和写明“监督邮箱”“投稿邮箱”等的邮箱不在此列。"},
	{RulePublishName, Warning, false, "公开版中疑似有纠纷、案件当事人的真实姓名：紧跟“申请人”“被申请人”“当事人”“第三人”“原告”“被告”“村民”“群众”“户主”“业主”“借款人”等，或在纠纷句中“某与某”的两边。“王某”“王某某”等隐名写法、带职务的领导姓名、地名和单位名称不在此列；以常见姓氏判断，“张庄与李庄”一类地名可能误报，故为警告。"},
	{RulePublishAddress, Warning, false, "公开版中疑似有个人住址：写有家住、住址、户籍等时路、街、村以下的门牌号，或写有当事人等时的楼栋、单元、室号（如“幸福路8号3栋2单元”）。办公地址不在此列。"},
	{RulePublishSecret, Error, false, "公开版中有密级标志（绝密、机密、秘密加★和保密期限，“密级：秘密”），或单独成行、标在标题后的“工作秘密”“内部资料”“内部文件”“内部使用”“注意保密”“不宜公开”“此件不公开”等标志。句中提到这些词不算。"},
	{RulePublishDraft, Warning, false, "公开版中有稿本标识：标题中或单独成行的“征求意见稿”“讨论稿”“送审稿”“初稿”“修改稿”“草稿”。标题中的为错误；《》内引用的文件名、句中提到的不算。"},
	{RulePublishHidden, Error, false, "导入的 Word 文件中有隐藏内容：批注、未接受的修订（插入、删除）、隐藏文字（错误），页眉页脚中的文字（警告）。其中的文字同样检查个人信息和密级标志。"},
}

// publishHidden reports a .docx's hidden content: one finding per kind,
// with the lines it is on, and whatever the detectors find in the hidden
// text itself.
func (c *collector) publishHidden(hidden []HiddenContent, starts []sectionStart) {
	if len(hidden) == 0 {
		return
	}
	type group struct {
		count int
		lines []int
		runes int
		found bool
		text  string
	}
	groups := map[HiddenKind]*group{}
	var order []HiddenKind
	for _, h := range hidden {
		g := groups[h.Kind]
		if g == nil {
			g = &group{}
			groups[h.Kind] = g
			order = append(order, h.Kind)
		}
		g.count++
		g.runes += len([]rune(h.Text))
		if h.Line > 0 && len(g.lines) < summaryExampleLines && (len(g.lines) == 0 || g.lines[len(g.lines)-1] != h.Line) {
			g.lines = append(g.lines, h.Line)
		}
		if h.Kind == HiddenInsert || h.Kind == HiddenVanish {
			continue // its text is in the document text, which is scanned already
		}
		c.section, c.sec = sectionAt(starts, h.Line), -1
		if i, ok := c.secIndex[c.section]; ok {
			c.sec = i
		}
		for line := range strings.Lines(h.Text) {
			rs := appendRunes(nil, strings.TrimRight(line, "\r\n"))
			scanPublish(rs, func(m pubMatch) {
				g.found = true
				m.msg = hiddenLabels[h.Kind] + "中" + m.msg
				c.addPublish(m, h.Line)
			})
		}
		if g.text == "" {
			g.text = strings.TrimSpace(h.Text)
		}
	}
	for _, k := range order {
		g := groups[k]
		var b strings.Builder
		b.WriteString("Word 文件中有" + hiddenLabels[k])
		if k == HiddenHeader || k == HiddenFooter {
			// The excerpt helps find it; it is left out when the detectors
			// found personal data in it.
			if !g.found && g.text != "" {
				b.WriteString("“" + clipRunes(strings.Join(strings.Fields(g.text), " "), 20) + "”")
			}
		} else {
			b.WriteString(" " + strconv.Itoa(g.count) + " 处")
			if g.runes > 0 {
				b.WriteString("（共 " + strconv.Itoa(g.runes) + " 字）")
			}
		}
		if len(g.lines) > 0 {
			b.WriteString("，在第 ")
			for i, l := range g.lines {
				if i > 0 {
					b.WriteString("、")
				}
				b.WriteString(strconv.Itoa(l))
			}
			b.WriteString(" 行")
			if g.count > len(g.lines) {
				b.WriteString("等处")
			}
		}
		b.WriteString("：" + hiddenAdvice[k])
		line := 0
		if len(g.lines) > 0 {
			line = g.lines[0]
		}
		c.section, c.sec = sectionAt(starts, line), -1
		if i, ok := c.secIndex[c.section]; ok {
			c.sec = i
		}
		sev := Error
		if k == HiddenHeader || k == HiddenFooter {
			sev = Warning
		}
		c.addPublish(pubMatch{rule: RulePublishHidden, sev: sev, msg: b.String(), i: -1}, line)
		if n := len(c.items); n > 0 && c.items[n-1].f.Rule == RulePublishHidden {
			c.items[n-1].f.Count = g.count
			c.items[n-1].f.Lines = append([]int(nil), g.lines...)
		}
	}
	c.section, c.sec = "", -1
}

// sectionAt is the section a document line belongs to; "" before the first.
func sectionAt(starts []sectionStart, line int) string {
	id := ""
	if line <= 0 {
		return id
	}
	for _, s := range starts {
		if s.line > line {
			break
		}
		id = s.id
	}
	return id
}
