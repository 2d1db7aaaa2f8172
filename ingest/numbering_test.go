package ingest

import (
	"strings"
	"testing"
)

// listNumbering defines two lists: 0, the headings of an official
// document (一、 （一） 1. and a bare decimal level 3 with a space after
// it), and 1, bullets. Instances 1 and 2 share list 0; instance 3 restarts
// its first level; 4 is the bullets.
const listNumbering = `<?xml version="1.0" encoding="UTF-8"?><w:numbering ` + wordNSDecl + `>` +
	`<w:abstractNum w:abstractNumId="0">` +
	`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>` +
	`<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="nothing"/></w:lvl>` +
	`<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3.%4"/></w:lvl>` +
	`</w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl></w:abstractNum>` +
	`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
	`<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>` +
	`<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` +
	`<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>` +
	`</w:numbering>`

// listStyles gives Heading1 the first level of instance 1, as Word's
// multilevel heading lists do.
const listStyles = `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + wordNSDecl + `>` +
	`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="MyHeading"><w:name w:val="我的标题"/><w:basedOn w:val="Heading1"/></w:style>` +
	`</w:styles>`

func listPara(num, level, text string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + level + `"/><w:numId w:val="` + num + `"/></w:numPr></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

func styledPara(style, text string) string {
	return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

// Headings numbered by Word's lists carry their numbers into the text, as
// Word shows them: levels restart under a higher one, instances of one
// list go on counting, a start override restarts, a style's list numbers
// its paragraphs (through basedOn), numId 0 and bullets give no number.
func TestDocxListNumbering(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wordNSDecl + `><w:body>` +
		`<w:p><w:r><w:t>某县2024年度法治政府建设情况报告</w:t></w:r></w:p>` +
		styledPara("Heading1", "主要举措和成效") +
		listPara("1", "1", "依法全面履行政府职能") +
		listPara("1", "2", "持续深化改革。") +
		listPara("1", "2", "优化营商环境。") +
		listPara("1", "3", "2024年新增事项12项。") +
		listPara("2", "1", "推进依法决策") +
		`<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>不编号的标题</w:t></w:r></w:p>` +
		styledPara("MyHeading", "存在的不足和原因") +
		listPara("1", "1", "乡镇力量薄弱") +
		listPara("4", "0", "要点一") +
		listPara("3", "0", "另一份清单重新编号") +
		listPara("9", "0", "未定义的清单") +
		`</w:body></w:document>`
	parts := docxParts(doc, listStyles)
	parts["word/numbering.xml"] = []byte(listNumbering)
	d, err := Read("编号.docx", buildDocx(t, parts))
	if err != nil {
		t.Fatal(err)
	}
	wantLines(t, d,
		"某县2024年度法治政府建设情况报告",
		"一、主要举措和成效",
		"（一）依法全面履行政府职能",
		"1.持续深化改革。",
		"2.优化营商环境。",
		"2.1 2024年新增事项12项。",
		"（二）推进依法决策",
		"不编号的标题",
		"二、存在的不足和原因",
		"（一）乡镇力量薄弱",
		"要点一",
		"一、另一份清单重新编号",
		"未定义的清单",
	)
}

func TestFormatListNumber(t *testing.T) {
	for _, c := range []struct {
		n      int
		format string
		want   string
	}{
		{3, "decimal", "3"}, {12, "chineseCounting", "十二"}, {21, "chineseCountingThousand", "二十一"},
		{2, "ideographTraditional", "乙"}, {3, "decimalEnclosedCircle", "③"}, {12, "decimalFullWidth", "１２"},
		{5, "decimalZero", "05"}, {28, "upperLetter", "BB"}, {4, "lowerRoman", "iv"}, {7, "cardinalText", "7"},
		{1 << 20, "upperLetter", "1048576"}, {5000, "upperRoman", "5000"},
	} {
		if got := formatListNumber(c.n, c.format); got != c.want {
			t.Errorf("%d %s = %q, want %q", c.n, c.format, got, c.want)
		}
	}
}

// A table of contents Word generated repeats every heading with its page
// number; its entries (styles "toc 1", or based on one; LibreOffice's
// "Contents 1"; TOC2 without styles.xml) are dropped as such, and the
// body's headings are the only ones.
func TestDocxTableOfContentsDropped(t *testing.T) {
	styles := `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + wordNSDecl + `>` +
		`<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="目录 2"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="MyToc"><w:name w:val="我的目录"/><w:basedOn w:val="TOC1"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Contents3"><w:name w:val="Contents 3"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="TableOfFigures"><w:name w:val="table of figures"/></w:style>` +
		`</w:styles>`
	entry := func(style, text string) string {
		return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr><w:r><w:t>` + text + `</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>1</w:t></w:r></w:p>`
	}
	doc := `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wordNSDecl + `><w:body>` +
		`<w:p><w:r><w:t>某县2024年度法治政府建设情况报告</w:t></w:r></w:p>` +
		entry("TOC1", "一、主要举措和成效") + entry("a5", "（一）依法行政") + entry("MyToc", "二、存在的不足") +
		entry("Contents3", "1.乡镇") + entry("TOC2", "三、下一步安排") +
		`<w:p><w:r><w:t>一、主要举措和成效</w:t></w:r></w:p>` +
		entry("TableOfFigures", "表1 主要数据") +
		`</w:body></w:document>`
	d, err := Read("目录.docx", buildDocx(t, docxParts(doc, styles)))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Import(d, loadTemplate(t, "standard"))
	if err != nil {
		t.Fatal(err)
	}
	var dropped []string
	for _, x := range res.Dropped {
		if x.Reason == "目录（Word 自动生成）" {
			dropped = append(dropped, strings.SplitN(x.Text, "\t", 2)[0])
		}
	}
	if got := strings.Join(dropped, "|"); got != "一、主要举措和成效|（一）依法行政|二、存在的不足|1.乡镇|三、下一步安排" {
		t.Errorf("dropped %s", got)
	}
	if !strings.Contains(res.Text, "表1 主要数据") || strings.Count(res.Text, "主要举措和成效") != 1 {
		t.Errorf("text:\n%s", res.Text)
	}
}

// A level text longer than any Word writes gives no number: it would be
// copied into every paragraph of the list.
func TestListLabelBounded(t *testing.T) {
	levels := map[int]numLevel{0: {start: 1, format: "decimal", text: "%1" + strings.Repeat("、", 40)}}
	var value [maxListLevel + 1]int
	var used [maxListLevel + 1]bool
	if got := listLabel(levels[0], levels, value, used, 0); got != "" {
		t.Errorf("label of %d bytes", len(got))
	}
	levels[0] = numLevel{start: 1, format: "decimal", text: "第%1章"}
	if got := listLabel(levels[0], levels, value, used, 0); got != "第1章" {
		t.Errorf("label %q", got)
	}
}
