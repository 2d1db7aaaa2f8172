package ingest

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/model"
)

// defectReport is a made-up county report with the defects real ones have:
// page leftovers above and below, a duplicated heading number (二 twice), a
// heading written with ASCII brackets, no leadership or other-matters part,
// a blank figure ("办理行政许可 件"), a rate that contradicts its counts
// (540 of 600 stated as 95%), and a target rate in the plans that must not
// be read as a result.
const defectReport = `欢迎访问青山县人民政府网站！
首页 > 政务公开 > 法治政府建设
青山县2024年度法治政府建设情况报告
发布时间：2025-03-10 09:30　来源：县司法局　浏览次数：
【字体：大 中 小】

2024年，青山县围绕建设法治政府的目标，扎实推进依法行政各项工作，现将有关情况报告如下。

一、2024年度推进法治政府建设的主要举措和成效
（一）依法决策水平持续提升。全年开展合法性审查156件，审查县政府拟签订合同41份。向县人大常委会报送备案规范性文件9件。
(二)执法规范化建设不断加强。全年办理行政处罚案件832件，开展执法案卷评查，抽查案卷120卷。全年办理行政许可 件。
（二）矛盾纠纷化解成效明显。全年收到行政复议申请40件，审结36件，纠错4件，纠错率11.11%。各级人民调解组织受理纠纷600件，调解成功540件，调解成功率95%。全年行政应诉案件18件，败诉1件，败诉率5.56%。
（四）普法宣传深入开展。全年组织普法活动120场，覆盖群众3万人次。一是抓好领导干部学法，二是抓好青少年法治教育，三是抓好农村普法。
二、存在的不足和原因
一是乡镇法治力量较弱，专职审查人员少。二是执法人员培训不够系统，案卷质量参差不齐。
三、2025年工作安排
2025年，我县将进一步完善合法性审查机制，力争调解成功率达到98%。
分享到：
扫一扫在手机上查看当前页面
版权所有：青山县人民政府办公室
`

var defectSections = map[string]string{
	"一、2024年度推进法治政府建设的主要举措和成效": "measures",
	"（一）依法决策水平持续提升":            "decisions",
	"(二)执法规范化建设不断加强":           "enforcement",
	"（二）矛盾纠纷化解成效明显":            "disputes",
	"（四）普法宣传深入开展":              "publicity",
	"二、存在的不足和原因":               "shortcomings",
	"三、2025年工作安排":              "plans",
}

var defectFigures = map[string]float64{
	"legality_reviews":           156,
	"normative_docs_filed":       9,
	"penalty_cases":              832,
	"enforcement_files_reviewed": 120,
	"review_received":            40,
	"review_decided":             36,
	"review_corrected":           4,
	"review_correction_rate":     11.11,
	"mediation_received":         600,
	"mediation_succeeded":        540,
	"mediation_success_rate":     95,
	"litigation_cases":           18,
	"litigation_lost":            1,
	"litigation_loss_rate":       5.56,
	"publicity_events":           120,
	"publicity_audience":         30000, // "覆盖群众3万人次" after the events
}

func importString(t *testing.T, name string, data []byte, tplID string) (*Document, *Result) {
	t.Helper()
	doc, err := Read(name, data)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Import(doc, loadTemplate(t, tplID))
	if err != nil {
		t.Fatal(err)
	}
	return doc, res
}

func assertDefectReport(t *testing.T, doc *Document, res *Result) {
	t.Helper()
	r := res.Report
	if r.Unit != "青山县" || r.Year != 2024 || r.Title != "" {
		t.Errorf("metadata: unit %q year %d title override %q", r.Unit, r.Year, r.Title)
	}
	got := map[string]string{}
	for _, m := range res.Mapping {
		for prefix, want := range defectSections {
			if strings.HasPrefix(m.Heading, prefix) {
				got[prefix] = m.Section
				if m.Section != want {
					t.Errorf("heading %q → %q, want %q", prefix, m.Section, want)
				}
			}
		}
	}
	if len(got) != len(defectSections) {
		t.Errorf("headings mapped: %v", got)
	}
	for _, id := range []string{"leadership", "other"} {
		if r.Text(id) != "" {
			t.Errorf("missing part %s got text %q", id, r.Text(id))
		}
	}
	for id, want := range defectFigures {
		n, ok := r.Figures[id]
		if !ok || n.Value != want {
			t.Errorf("figure %s = %v (set %v), want %v", id, n.Value, ok, want)
		}
		if written := strings.TrimSuffix(n.Text, "0000") + "万"; !strings.Contains(r.Sources[id], n.Text) && !strings.Contains(r.Sources[id], written) {
			t.Errorf("source of %s %q does not hold %q", id, r.Sources[id], n.Text)
		}
	}
	for id := range r.Figures {
		if _, ok := defectFigures[id]; !ok {
			t.Errorf("unexpected figure %s = %v from %q", id, r.Figures[id].Value, r.Sources[id])
		}
	}
	if !strings.Contains(r.Text("enforcement"), "办理行政许可 件") {
		t.Error("the blank figure must stay in the prose for the check to see")
	}
	if len(res.Dropped) != 7 {
		t.Errorf("dropped %d pieces, want 7: %+v", len(res.Dropped), res.Dropped)
	}
	if strings.TrimSpace(r.Unmatched) != "" {
		t.Errorf("unmatched: %q", r.Unmatched)
	}
	if res.Items != 5 {
		t.Errorf("一是/二是 items = %d, want 5", res.Items)
	}
	if res.SectionLines["disputes"] != 12 || res.SectionLines["plans"] != 16 || res.SectionLines["measures"] != 7 {
		t.Errorf("section lines %v", res.SectionLines)
	}
	assertNoLoss(t, doc, res)
}

func TestImportDefects(t *testing.T) {
	doc, res := importString(t, "青山县.txt", []byte(defectReport), "standard")
	if doc.Encoding != "UTF-8" {
		t.Errorf("encoding %s", doc.Encoding)
	}
	assertDefectReport(t, doc, res)
	for _, m := range res.Mapping {
		t.Logf("L%d %s %s %q", m.Line, m.How, m.Section, clipRunes(m.Heading, 20))
	}
}

func TestImportEncodings(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(defectReport))
	if err != nil {
		t.Fatal(err)
	}
	crlf := strings.ReplaceAll(defectReport, "\n", "\r\n")
	cases := []struct {
		name string
		data []byte
		enc  string
	}{
		{"gbk.txt", gbk, "GB18030"},
		{"bom.txt", append([]byte{0xEF, 0xBB, 0xBF}, defectReport...), "UTF-8"},
		{"crlf.txt", []byte(crlf), "UTF-8"},
		{"cr.txt", []byte(strings.ReplaceAll(defectReport, "\n", "\r")), "UTF-8"},
		{"gbk-crlf.txt", mustGBK(t, crlf), "GB18030"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, res := importString(t, c.name, c.data, "standard")
			if doc.Encoding != c.enc {
				t.Errorf("encoding %s, want %s", doc.Encoding, c.enc)
			}
			assertDefectReport(t, doc, res)
		})
	}
}

func mustGBK(t *testing.T, s string) []byte {
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestImportMarkdown(t *testing.T) {
	md := "# 青山县2024年度法治政府建设情况报告\n\n" +
		"2024年，青山县围绕建设法治政府的目标，扎实推进依法行政各项工作。\n\n" +
		"## 一、主要举措和成效\n\n" +
		"### （一）依法决策\n\n**全年开展合法性审查156件**，向县人大常委会报送备案规范性文件9件。\n\n" +
		"- 建立重大决策目录\n- 落实法律顾问制度\n\n" +
		"## 二、存在的问题\n\n> 乡镇法治力量较弱。\n\n---\n\n## 三、下一步工作打算\n\n继续完善审查机制。\n"
	doc, res := importString(t, "报告.md", []byte(md), "standard")
	r := res.Report
	if doc.Format != FormatMarkdown || res.Title != "青山县2024年度法治政府建设情况报告" {
		t.Errorf("format %s title %q", doc.Format, res.Title)
	}
	if !strings.HasPrefix(r.Text("decisions"), "全年开展合法性审查156件，") || strings.Contains(r.Text("decisions"), "*") {
		t.Errorf("decisions %q", r.Text("decisions"))
	}
	if !strings.Contains(r.Text("decisions"), "建立重大决策目录\n落实法律顾问制度") {
		t.Errorf("bullets: %q", r.Text("decisions"))
	}
	if r.Text("shortcomings") != "乡镇法治力量较弱。" || r.Text("plans") != "继续完善审查机制。" {
		t.Errorf("shortcomings %q plans %q", r.Text("shortcomings"), r.Text("plans"))
	}
	if r.Figures["legality_reviews"].Value != 156 || r.Figures["normative_docs_filed"].Value != 9 {
		t.Errorf("figures %v", r.Figures)
	}
	assertNoLoss(t, doc, res)
}

// TestUnitFromTitle: the unit is read from the title's common forms,
// without the 关于 that stands before the year ("…人民政府关于2025年度…").
func TestUnitFromTitle(t *testing.T) {
	for title, want := range map[string]string{
		"青川县人民政府关于2025年度法治政府建设情况的报告": "青川县人民政府",
		"关于青川县2025年度法治政府建设情况的报告":     "青川县",
		"青川县2025年度法治政府建设工作报告":        "青川县",
		"县市场监管局关于2025年法治政府建设工作情况的报告": "县市场监管局",
		"2025年度青川县法治政府建设情况报告":        "青川县",
	} {
		text := title + "\n一、2025年度推进法治政府建设的主要举措和成效\n全年依法行政。\n"
		_, res := importString(t, "r.txt", []byte(text), "standard")
		if r := res.Report; r.Unit != want || r.Year != 2025 {
			t.Errorf("%s: unit %q year %d, want %q 2025", title, r.Unit, r.Year, want)
		}
	}
}

func TestImportDepartmentLeadershipInside(t *testing.T) {
	// A department report that folds leadership duties into its first part.
	text := "县市场监管局2024年度法治政府建设情况报告\n" +
		"一、基本情况\n（一）加强组织领导。局党组主要负责人履行第一责任人职责，全年专题研究法治工作4次。\n" +
		"（二）严格规范执法。全年办理行政处罚案件210件。\n二、存在的问题\n执法力量不足。\n三、下一步工作打算\n加强执法培训。\n"
	_, res := importString(t, "局.txt", []byte(text), "department")
	r := res.Report
	if r.Unit != "县市场监管局" {
		t.Errorf("unit %q", r.Unit)
	}
	if !strings.HasPrefix(r.Text("leadership"), "加强组织领导。") || !strings.HasPrefix(r.Text("enforcement"), "严格规范执法。") {
		t.Errorf("leadership %q enforcement %q", r.Text("leadership"), r.Text("enforcement"))
	}
	if r.Figures["penalty_cases"].Value != 210 {
		t.Errorf("penalty %v", r.Figures)
	}
	// Against the standard template leadership is a top-level part; a
	// heading saying only "加强组织领导" is too weak to move the text out of
	// measures, so it stays there with its heading.
	_, res = importString(t, "局.txt", []byte(text), "standard")
	if res.Report.Text("leadership") != "" || !strings.Contains(res.Report.Text("measures"), "（一）加强组织领导。") {
		t.Errorf("standard: leadership %q measures %q", res.Report.Text("leadership"), res.Report.Text("measures"))
	}
}

func TestImportUnmatchedKept(t *testing.T) {
	text := "某县2024年度法治政府建设情况报告\n一、主要举措和成效\n做了很多工作。\n二、附件说明\n本报告附有统计表两张。\n三、存在的不足\n力量不足。\n"
	doc, res := importString(t, "x.txt", []byte(text), "standard")
	if res.Report.Unmatched != "二、附件说明\n本报告附有统计表两张。" {
		t.Errorf("unmatched %q", res.Report.Unmatched)
	}
	assertNoLoss(t, doc, res)
}

func TestCleanKeepsReportText(t *testing.T) {
	// Lines that look a little like page furniture but are report text.
	text := "某县2024年度法治政府建设情况报告\n一、主要举措和成效\n（一）推行扫码亮证执法\n首页面向群众公开办事指南。\n来源：本县统计年鉴。\n大中小学法治教育全覆盖。\n二、存在的不足\n分享经验不够。\n"
	_, res := importString(t, "x.txt", []byte(text), "standard")
	if len(res.Dropped) != 0 {
		t.Errorf("dropped report text: %+v", res.Dropped)
	}
}

func TestCarryOver(t *testing.T) {
	tpl := loadTemplate(t, "standard")
	_, res := importString(t, "青山县.txt", []byte(defectReport), "standard")
	last := res.Report
	last.Title = "青山县2024年度法治政府建设工作报告"
	r := CarryOver(last, tpl)
	if r.Year != 2025 || r.Unit != "青山县" || r.Title != "青山县2025年度法治政府建设工作报告" {
		t.Errorf("year %d unit %q title %q", r.Year, r.Unit, r.Title)
	}
	if len(r.Figures) != 0 || len(r.Sources) != 0 {
		t.Errorf("figures %v sources %v must start empty", r.Figures, r.Sources)
	}
	if r.Hints["review_received"].Value != 40 || len(r.Hints) != len(last.Figures) {
		t.Errorf("hints %v", r.Hints)
	}
	if r.Reference["measures"] != last.Text("plans") || r.Text("decisions") != last.Text("decisions") {
		t.Errorf("reference %q", r.Reference)
	}
}

func TestHostileInputs(t *testing.T) {
	valid := buildDocx(t, docxParts(sampleDocumentXML, sampleStylesXML))
	manyEntries := map[string][]byte{"word/document.xml": []byte(sampleDocumentXML)}
	for i := 0; i < maxZipEntries+1; i++ {
		manyEntries["x/"+itoa(i)] = nil
	}
	deep := strings.Repeat("<w:r>", 100000) + strings.Repeat("</w:r>", 100000)
	cases := []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"many entries", "a.docx", buildDocx(t, manyEntries), "条目过多"},
		{"bomb", "a.docx", buildDocx(t, map[string][]byte{"word/document.xml": bytes.Repeat([]byte("a"), maxEntrySize+1024)}), "压缩炸弹"},
		{"truncated", "a.docx", valid[:len(valid)/2], "zip"},
		{"invalid xml", "a.docx", buildDocx(t, docxParts(`<w:document xmlns:w="`+wordNS+`"><w:body><w:p><w:r><w:t>文字</w:p></w:body>`, "")), "不是有效的 XML"},
		{"unclosed xml", "a.docx", buildDocx(t, docxParts(`<w:document xmlns:w="`+wordNS+`"><w:body><w:p>`, "")), "不完整"},
		{"deep xml", "a.docx", buildDocx(t, docxParts(`<w:document xmlns:w="`+wordNS+`"><w:body><w:p>`+deep+`</w:p></w:body></w:document>`, "")), "嵌套过深"},
		{"not word", "a.docx", buildDocx(t, map[string][]byte{"hello.txt": []byte("hi")}), "缺少 word/document.xml"},
		{"not zip", "a.docx", []byte("这不是压缩文件"), "不是有效的 .docx"},
		{"binary", "a.txt", []byte{0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x13, 0x88}, "不是文本文件"},
		{"bad encoding", "a.txt", []byte{0x81, 0x20, 0x81, 0x20, 0xff, 0xff, 0xff}, "无法识别文件编码"},
		{"old word", "a.doc", append([]byte{0xD0, 0xCF, 0x11, 0xE0}, make([]byte, 100)...), ".docx"},
		{"pdf", "a.pdf", []byte("%PDF-1.7 ..."), "PDF"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read(c.file, c.data)
			var me *model.Error
			if !errors.As(err, &me) {
				t.Fatalf("want *model.Error, got %v", err)
			}
			if me.File != c.file || !strings.Contains(me.Msg, c.want) {
				t.Errorf("error %q, want it to mention %q", err, c.want)
			}
		})
	}
}

// TestReadFileTestdata reads the checked-in copies of the defect report:
// UTF-8 and GBK with CRLF line ends, as a Windows editor saves it.
func TestReadFileTestdata(t *testing.T) {
	for _, name := range []string{"testdata/defects.txt", "testdata/defects-gbk.txt"} {
		doc, err := ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Text() != defectReport+"\n" {
			t.Errorf("%s differs from defectReport", name)
		}
		res, err := Import(doc, loadTemplate(t, "standard"))
		if err != nil {
			t.Fatal(err)
		}
		assertDefectReport(t, doc, res)
	}
	if _, err := ReadFile("testdata/no-such-file.txt"); err == nil || !strings.Contains(err.Error(), "文件不存在") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := ReadFile("testdata"); err == nil || !strings.Contains(err.Error(), "目录") {
		t.Errorf("directory: %v", err)
	}
}

func TestImportWithoutHeadings(t *testing.T) {
	text := "某县2024年度法治政府建设情况报告\n全年开展合法性审查30件。\n存在一些不足。\n"
	doc, res := importString(t, "x.txt", []byte(text), "standard")
	if res.Report.Unmatched != "全年开展合法性审查30件。\n存在一些不足。" || res.Report.Text("measures") != "" {
		t.Errorf("unmatched %q measures %q", res.Report.Unmatched, res.Report.Text("measures"))
	}
	assertNoLoss(t, doc, res)
}

// A title exported with a typed break reads back as one heading line.
func TestMarkdownTitleBreak(t *testing.T) {
	for _, in := range []string{"# 示例县人民政府<br>2024年度法治政府建设情况报告", "# 示例县人民政府<BR/>2024年度法治政府建设情况报告", "# 示例县人民政府<br />2024年度法治政府建设情况报告"} {
		lines, _, _, _ := markdownLines(in)
		if len(lines) != 1 || lines[0].Text != "示例县人民政府2024年度法治政府建设情况报告" || lines[0].Level != 1 {
			t.Errorf("%q read as %+v", in, lines)
		}
	}
}

// TestMajorDecisionsInItems: major decisions are counted in 项 as often as
// in 件 (“全年作出重大行政决策8项”); a 项 count of another thing beside
// them is not read as theirs.
func TestMajorDecisionsInItems(t *testing.T) {
	for _, c := range []struct {
		text string
		want float64
	}{
		{"全年作出重大行政决策8项，均履行法定程序。", 8},
		{"全年重大行政决策事项8项，全部经过合法性审查。", 8},
		{"全年作出重大行政决策8件。", 8},
		{"修订重大行政决策程序规定，配套制度3项。", 0},
	} {
		text := "青山县2026年度法治政府建设情况报告\n\n一、2026年度推进法治政府建设的主要举措和成效\n（一）推进行政决策科学化、民主化、法治化\n" + c.text + "\n"
		_, res := importString(t, "r.txt", []byte(text), "standard")
		got := res.Report.Figures["major_decisions"]
		if got.Value != c.want {
			t.Errorf("%q: major_decisions = %v, want %v", c.text, got.Value, c.want)
		}
	}
}

// TestAppearanceIsNotTheCaseCount: heads "appearing in court to respond"
// (出庭应诉) are counted apart from the cases responded to (应诉案件);
// an appearance count is never read as the number of cases.
func TestAppearanceIsNotTheCaseCount(t *testing.T) {
	for _, c := range []struct {
		text               string
		cases, appearances float64
	}{
		{"行政机关负责人出庭应诉率达100%，全年出庭应诉46件。", 0, 46},
		{"全年行政机关负责人出庭应诉46件，出庭应诉率95.8%。", 0, 46},
		{"全年共办理行政应诉案件48件，负责人出庭应诉46件。", 48, 46},
		{"全年办理行政诉讼案件48件，行政机关负责人到庭应诉45件。", 48, 45},
		{"全年行政应诉案件48件，行政机关负责人全部出庭应诉。", 48, 0},
		{"负责人出庭应诉制度全面落实，全年应诉案件48件。", 48, 0},
		// Another appearance than a head's is neither.
		{"行政机关负责人出庭应诉率100%，法律顾问代理出庭12件。", 0, 0},
	} {
		res := importDisputes(t, c.text)
		for _, f := range []struct {
			id   string
			want float64
		}{{"litigation_cases", c.cases}, {"head_appearances", c.appearances}} {
			got, ok := res.Report.Figures[f.id]
			if ok != (f.want != 0) || got.Value != f.want {
				t.Errorf("%q: %s = %v (set %v), want %v", c.text, f.id, got.Value, ok, f.want)
			}
		}
	}
}

// TestHeadAppearancesByRole: a sentence that counts the heads'
// appearances head by head gives their sum; a count of the heads in
// general, before or after the particular ones, or a 其中, makes the
// others its parts.
func TestHeadAppearancesByRole(t *testing.T) {
	for _, c := range []struct {
		text  string
		want  float64
		parts string
	}{
		{"全年行政应诉案件20件，主要负责人出庭应诉5件，其他负责人出庭15件。", 20, "主要负责人出庭应诉5件+其他负责人出庭15件"},
		{"全年行政应诉案件31件，主要负责人出庭12件，分管负责人出庭应诉19件，出庭应诉率100%。", 31, "主要负责人出庭12件+分管负责人出庭应诉19件"},
		{"全年行政应诉案件31件，县政府负责人出庭8件，部门负责人到庭23件。", 31, "县政府负责人出庭8件+部门负责人到庭23件"},
		{"主要负责人出庭应诉5件，全年行政应诉案件20件，其他负责人出庭15件。", 20, "主要负责人出庭应诉5件+其他负责人出庭15件"},
		{"全年行政应诉案件31件，县长出庭应诉3件，副县长出庭应诉5件，部门负责人出庭应诉23件。", 31, "县长出庭应诉3件+副县长出庭应诉5件+部门负责人出庭应诉23件"},
		{"局长出庭应诉2件，分管副局长出庭应诉2件，负责人出庭应诉率100%。", 4, "局长出庭应诉2件+分管副局长出庭应诉2件"},
		{"全年行政应诉案件3件，镇长出庭应诉3件。", 3, ""},
		// The heads in general are the whole.
		{"全年行政应诉案件31件，行政机关负责人出庭应诉31件，主要负责人出庭12件。", 31, ""},
		{"全年行政应诉案件31件，主要负责人出庭12件，负责人出庭应诉共31件。", 31, ""},
		{"全年行政应诉案件31件，负责人出庭应诉31件，其中主要负责人出庭12件、分管负责人出庭19件。", 31, ""},
		{"全年行政应诉案件31件，主要负责人出庭12件，其中县长出庭5件。", 12, ""},
		// More appearances than cases: overlapping, or by hearing; no sum.
		{"全年行政应诉案件20件，主要负责人出庭应诉12件，其他负责人出庭应诉15件。", 12, ""},
		// One head only.
		{"全年行政应诉案件31件，主要负责人出庭应诉12件。", 12, ""},
	} {
		res := importDisputes(t, c.text)
		got, ok := res.Report.Figures["head_appearances"]
		if !ok || got.Value != c.want {
			t.Errorf("%q: head_appearances = %v (set %v), want %v", c.text, got.Value, ok, c.want)
		}
		if p := res.FigureReading.figures["head_appearances"].Parts; p != c.parts {
			t.Errorf("%q: parts %q, want %q", c.text, p, c.parts)
		}
	}
}

// TestRespectiveListsReadInOrder: the values of a list stated with 分别
// go to the items in order; the value nearest a rate's word is not its
// value when the list says otherwise.
func TestRespectiveListsReadInOrder(t *testing.T) {
	for _, c := range []struct {
		text string
		want map[string]float64
	}{
		{"行政复议案件审结率、纠错率分别为92.3%和10.4%，受理52件，审结48件，纠错5件。",
			map[string]float64{"review_correction_rate": 10.4, "review_received": 52, "review_decided": 48}},
		{"受理、审结行政复议案件分别为52件和48件，纠错5件。",
			map[string]float64{"review_received": 52, "review_decided": 48, "review_corrected": 5}},
		{"行政诉讼败诉率和负责人出庭应诉率分别为6.45%和100%。",
			map[string]float64{"litigation_loss_rate": 6.45, "head_appearance_rate": 100}},
		// Not a list the reader can pair: the nearest value stands.
		{"全年行政复议纠错率10.4%，审结率、纠错率分别较上年提高2个和3个百分点。",
			map[string]float64{"review_correction_rate": 10.4}},
	} {
		res := importDisputes(t, c.text)
		for id, want := range c.want {
			if got, ok := res.Report.Figures[id]; !ok || got.Value != want {
				t.Errorf("%q: %s = %v (set %v), want %v", c.text, id, got.Value, ok, want)
			}
		}
	}
}

// TestSubsetIsNotTheWhole: a count found among a figure's cases (“案件中
// 涉及市场监管领域的有18件”) is a part of them, not their number; an office
// named after the subject (行政复议中心) still names it.
func TestSubsetIsNotTheWhole(t *testing.T) {
	for _, c := range []struct {
		text string
		want map[string]float64
	}{
		{"行政复议案件中涉及市场监管领域的有18件，全年收到行政复议申请52件。", map[string]float64{"review_received": 52}},
		{"行政复议申请中，属于政府信息公开类的有9件，全年收到行政复议申请52件。", map[string]float64{"review_received": 52}},
		{"全年行政应诉案件当中，涉及征收拆迁的12件，全年行政应诉案件31件。", map[string]float64{"litigation_cases": 31}},
		{"县行政复议中心全年受理52件。", map[string]float64{"review_received": 52}},
		{"县司法局代理县政府行政应诉案件12件，全年行政应诉案件31件。", map[string]float64{"litigation_cases": 31}},
		{"法律顾问代理行政诉讼案件9件，全年发生行政诉讼案件31件。", map[string]float64{"litigation_cases": 31}},
		{"在行政复议中，纠错15件，全年收到行政复议申请52件。", map[string]float64{"review_received": 52, "review_corrected": 15}},
	} {
		res := importDisputes(t, c.text)
		for id, want := range c.want {
			if got, ok := res.Report.Figures[id]; !ok || got.Value != want {
				t.Errorf("%q: %s = %v (set %v), want %v", c.text, id, got.Value, ok, want)
			}
		}
	}
}

// importDisputes imports a report whose disputes part is text alone.
func importDisputes(t *testing.T, text string) *Result {
	t.Helper()
	doc := "青山县2026年度法治政府建设情况报告\n\n一、2026年度推进法治政府建设的主要举措和成效\n（三）有效预防调处化解社会矛盾纠纷\n" + text + "\n"
	_, res := importString(t, "r.txt", []byte(doc), "standard")
	return res
}

// TestMediationIntake: disputes taken into mediation (“共调解矛盾纠纷860
// 件”, “开展人民调解860件”) are the mediation intake; the successful ones
// (“成功调解矛盾纠纷842件”) are not, even when no intake is stated.
func TestMediationIntake(t *testing.T) {
	for _, c := range []struct {
		text               string
		received, succeded float64
	}{
		{"各级人民调解组织共调解矛盾纠纷860件，成功调解矛盾纠纷842件，调解成功率97.9%。", 860, 842},
		{"全年共开展人民调解860件，调解成功842件。", 860, 842},
		{"全年人民调解组织调解纠纷860件，其中调解成功842件。", 860, 842},
		{"全年成功调解矛盾纠纷842件。", 0, 842},
		{"调解成功纠纷842件，调解成功率97.9%。", 0, 842},
	} {
		res := importDisputes(t, c.text)
		got, ok := res.Report.Figures["mediation_received"]
		if c.received == 0 && ok || got.Value != c.received {
			t.Errorf("%q: mediation_received = %v (set %v), want %v", c.text, got.Value, ok, c.received)
		}
		if s := res.Report.Figures["mediation_succeeded"]; s.Value != c.succeded {
			t.Errorf("%q: mediation_succeeded = %v, want %v", c.text, s.Value, c.succeded)
		}
	}
}

// TestClauseAboutAllCounted: a clause that says what was done with all of
// the things just counted ("审核各类文件86件，均出具合法性审查意见") names the
// count; one that says what did not happen, or states its own number, or
// names a subject the count is not of, does not.
func TestClauseAboutAllCounted(t *testing.T) {
	for _, c := range []struct {
		section, text string
		want          map[string]float64
	}{
		{"（二）推进行政决策科学化、民主化、法治化", "全年审核各类文件86件，均出具合法性审查意见。",
			map[string]float64{"legality_reviews": 86}},
		{"（二）推进行政决策科学化、民主化、法治化", "县司法局审查合同和议题53件，全部经过合法性审查。",
			map[string]float64{"legality_reviews": 53}},
		{"（二）推进行政决策科学化、民主化、法治化", "制定出台行政规范性文件12件，全部按规定报送备案。",
			map[string]float64{"normative_docs_filed": 12}},
		{"（二）推进行政决策科学化、民主化、法治化", "出台规范性文件9件，均按时报送县人大常委会备案。",
			map[string]float64{"normative_docs_filed": 9}},
		{"（四）有效预防调处化解社会矛盾纠纷", "调处矛盾纠纷860件，均调解成功。",
			map[string]float64{"mediation_received": 860, "mediation_succeeded": 860}},
		// A count its own clause names is that figure's, and the clause
		// about all of them gives a figure of the same section no number
		// states (allOfCounts, TestAllOfACount).
		{"（四）有效预防调处化解社会矛盾纠纷", "全年受理行政复议申请52件，均已依法审结。",
			map[string]float64{"review_received": 52, "review_decided": 52}},
		{"（四）有效预防调处化解社会矛盾纠纷", "全年行政应诉案件31件，均由行政机关负责人出庭应诉。",
			map[string]float64{"litigation_cases": 31, "head_appearances": 31}},
		// Not about the count: a negation, a number of its own, no
		// keyword, or a clause not about all of them.
		{"（三）坚持严格规范公正文明执法", "全年办理行政处罚案件926件，均未引发行政复议和行政诉讼。",
			map[string]float64{"penalty_cases": 926, "review_received": 0, "litigation_cases": 0}},
		{"（二）推进行政决策科学化、民主化、法治化", "全年审核各类文件86件，均有5名律师参与合法性审查。",
			map[string]float64{"legality_reviews": 0}},
		// A time limit says when all of them were done: no count of
		// its own.
		{"（二）推进行政决策科学化、民主化、法治化", "全年审核各类文件86件，均在3个工作日内完成合法性审查。",
			map[string]float64{"legality_reviews": 86}},
		{"（二）推进行政决策科学化、民主化、法治化", "全年制定行政规范性文件12件，全部在30日内报送市政府和区人大常委会备案。",
			map[string]float64{"normative_docs_filed": 12}},
		{"（二）推进行政决策科学化、民主化、法治化", "出台规范性文件9件，均于15天内报备。",
			map[string]float64{"normative_docs_filed": 9}},
		{"（二）推进行政决策科学化、民主化、法治化", "出台规范性文件9件，均在15日内由3名工作人员报送备案。",
			map[string]float64{"normative_docs_filed": 0}},
		{"（二）推进行政决策科学化、民主化、法治化", "出台规范性文件9件，均在印发后30日内报送备案。",
			map[string]float64{"normative_docs_filed": 9}},
		// 3个工作日 is a duration, never a count of reviews.
		{"（二）推进行政决策科学化、民主化、法治化", "合法性审查一般在3个工作日内完成，全年审查议题41个。",
			map[string]float64{"legality_reviews": 41}},
		{"（二）推进行政决策科学化、民主化、法治化", "全年审核各类文件86件，大部分出具合法性审查意见。",
			map[string]float64{"legality_reviews": 0}},
		{"（五）深入推进法治宣传教育", "全年开展普法活动136场，全部免费向群众开放。",
			map[string]float64{"publicity_events": 136, "legality_reviews": 0}},
		{"（二）推进行政决策科学化、民主化、法治化", "全年审核各类文件86件。均出具合法性审查意见。",
			map[string]float64{"legality_reviews": 0}},
		// A rate of 100% of them is about all of them too.
		{"（二）推进行政决策科学化、民主化、法治化", "全年审查上会议题86个，合法性审查覆盖率100%。",
			map[string]float64{"legality_reviews": 86}},
		{"（二）推进行政决策科学化、民主化、法治化", "制定行政规范性文件7件，备案率达100%。",
			map[string]float64{"normative_docs_filed": 7}},
		{"（二）推进行政决策科学化、民主化、法治化", "全年审查上会议题86个，合法性审查覆盖率98%。",
			map[string]float64{"legality_reviews": 0}},
		{"（二）推进行政决策科学化、民主化、法治化", "制定行政规范性文件7件，备案率未达100%。",
			map[string]float64{"normative_docs_filed": 0}},
		// After a list the clause is about all of it, not its last item.
		{"（二）推进行政决策科学化、民主化、法治化", "全年审查规范性文件3件、合同28件，均出具合法性审查意见。",
			map[string]float64{"legality_reviews": 0}},
		{"（二）推进行政决策科学化、民主化、法治化", "全年审查各类文件、合同47件，其中规范性文件3件、合同28件、其他文件16件，合法性审查率达100%。",
			map[string]float64{"legality_reviews": 0}},
	} {
		wantSectionFigures(t, c.section, c.text, c.want)
	}
}

// TestPartThatDrewAnOpinion: a 其中 count that says an opinion was raised
// on it ("其中12件提出合法性审查意见") is the part of the whole that drew one;
// the figure its words name is the whole's. A 其中 clause that names its
// own figure, states no opinion, or has no larger whole in its unit keeps
// its number.
func TestPartThatDrewAnOpinion(t *testing.T) {
	const decisions = "（二）推进行政决策科学化、民主化、法治化"
	for _, c := range []struct {
		section, text string
		want          map[string]float64
	}{
		{decisions, "全年审核各类文件86件，其中12件提出合法性审查意见。", map[string]float64{"legality_reviews": 86}},
		{decisions, "全年共审核各类文件86件，其中对12件提出合法性审查修改意见。", map[string]float64{"legality_reviews": 86}},
		{decisions, "全年审查行政规范性文件和合同86件，其中12件经合法性审查后提出修改意见。", map[string]float64{"legality_reviews": 86}},
		{decisions, "县司法局全年审核文件、合同86件，其中有12件出具合法性审查书面意见。", map[string]float64{"legality_reviews": 86}},
		{decisions, "全年审核县政府文件86件，其中 12件提出合法性审查建议，均被采纳。", map[string]float64{"legality_reviews": 86}},
		{decisions, "全年审核各类文件86件，其中12件提出合法性审查意见，5件建议暂缓出台。", map[string]float64{"legality_reviews": 86}},
		// The 其中 clause names its own figure before the number.
		{decisions, "全年审核各类文件86件，其中合法性审查12件，均提出书面意见。", map[string]float64{"legality_reviews": 12}},
		{decisions, "全年出具法律意见书200份，其中合法性审查意见书86份。", map[string]float64{"legality_reviews": 86}},
		// No opinion raised: an ordinary part.
		{"（四）有效预防调处化解社会矛盾纠纷", "全年办理行政复议案件52件，其中纠错8件。",
			map[string]float64{"review_received": 52, "review_corrected": 8}},
		{decisions, "全年完成合法性审查86件，其中重大行政决策12件。",
			map[string]float64{"legality_reviews": 86, "major_decisions": 12}},
		// No larger whole in the part's unit.
		{decisions, "全年召开政府常务会议20次，其中12件议题提出合法性审查意见。", map[string]float64{"legality_reviews": 12}},
		// A negated part states nothing.
		{decisions, "全年审核各类文件86件，其中未提出合法性审查意见的0件。", map[string]float64{"legality_reviews": 0}},
	} {
		wantSectionFigures(t, c.section, c.text, c.want)
	}
}

// wantSectionFigures imports text under section heading of a standard
// report and checks the figures read (0: not read).
func wantSectionFigures(t *testing.T, section, text string, want map[string]float64) {
	t.Helper()
	doc := "青山县2026年度法治政府建设情况报告\n\n一、2026年度推进法治政府建设的主要举措和成效\n" + section + "\n" + text + "\n"
	_, res := importString(t, "r.txt", []byte(doc), "standard")
	for id, w := range want {
		got, ok := res.Report.Figures[id]
		if ok != (w != 0) || got.Value != w {
			t.Errorf("%q: %s = %v (set %v), want %v", text, id, got.Value, ok, w)
		}
	}
}

// TestCorrectedByOutcomes: a 纠错 count no sentence states is the sum of the
// correcting decisions a 复议 sentence lists one by one, when the list is
// the whole breakdown (a 维持/驳回/终止 or the 纠错率 beside it); examples,
// lawsuits, and a stated 纠错 count are left as they are.
func TestCorrectedByOutcomes(t *testing.T) {
	for _, c := range []struct {
		text string
		want float64 // 0: not read
	}{
		{"全年收到行政复议申请52件，审结48件，其中维持36件、撤销5件、确认违法2件、责令履行1件。", 8},
		{"全年受理行政复议案件60件，审结55件，其中维持40件，驳回7件，撤销4件，变更2件，确认违法2件。", 8},
		{"行政复议审结48件，撤销5件、确认违法3件，综合纠错率16.7%。", 8},
		{"审结行政复议案件30件，其中驳回申请20件、撤销6件、责令履行4件。", 10},
		{"全年办结行政复议案件41件（维持29件、撤销8件、确认违法4件）。", 12},
		{"全年审结行政复议案件48件，其中撤销5件、确认违法2件，其余均予维持。", 7},
		{"行政复议决定撤销3件、责令限期履行2件、变更1件，纠错率12.5%。", 6},
		// A stated 纠错 count is the figure, not a sum.
		{"行政复议审结48件，其中维持36件、撤销5件、确认违法2件，纠错7件。", 7},
		// Two examples, not the breakdown.
		{"全年审结行政复议案件48件，对撤销5件、确认违法2件的案件逐一开展回访。", 0},
		{"全年审结行政复议案件48件，对撤销5件、确认违法2件的案件逐一开展回访，行政复议决定维持率有所提升。", 0},
		// 复议 in the sentence before; the reader splits at ；.
		{"全年收到行政复议申请52件，审结48件。其中维持36件；撤销5件、确认违法2件、责令履行1件，综合纠错率16.7%。", 8},
		// Court decisions a paragraph about 复议 goes on to.
		{"全年审结行政复议案件48件，维持40件。行政诉讼一审判决撤销2件、确认违法1件，败诉率9.7%，其余维持。", 0},
		{"全年审结行政复议案件48件。败诉案件中撤销2件、确认违法1件，其余维持。", 0},
		// One correcting outcome only.
		{"全年审结行政复议案件48件，其中维持43件、撤销5件。", 0},
		// Court judgments are lost cases, not corrections.
		{"全年行政诉讼案件审结31件，法院判决维持20件、撤销2件、确认违法1件，行政复议后起诉的4件。", 0},
		{"复议后起诉的案件中，判决维持12件、撤销2件、确认违法1件。", 0},
		// No 复议 in the sentence.
		{"全年审结48件，其中维持36件、撤销5件、确认违法2件。", 0},
		// Cases not yet decided are no corrections.
		{"全年受理行政复议案件53件，其中维持40件、确认违法2件、责令履行1件，尚未审结5件。", 3},
	} {
		res := importDisputes(t, c.text)
		got, ok := res.Report.Figures["review_corrected"]
		if ok != (c.want != 0) || got.Value != c.want {
			t.Errorf("%q: review_corrected = %v (set %v), want %v", c.text, got.Value, ok, c.want)
		}
	}
}

// TestTitleRunIntoProse: a heading line that is the template's own title
// run straight into a sentence, with no stop between (as a PDF line joins
// its heading), keeps the sentence; a heading that is only the title,
// with or without closing punctuation or more words of a title, keeps
// nothing but the title.
func TestTitleRunIntoProse(t *testing.T) {
	const head = "青山县2026年度法治政府建设情况报告\n\n一、2026年度推进法治政府建设的主要举措和成效\n"
	for _, c := range []struct{ heading, want string }{
		{"（三）坚持严格规范公正文明执法全县主要执法数据如下。", "全县主要执法数据如下。\n全年办理行政处罚案件926件。"},
		{"（三）坚持严格规范公正文明执法 全年共开展执法检查300次。", "全年共开展执法检查300次。\n全年办理行政处罚案件926件。"},
		{"（三）坚持严格规范公正文明执法。", "全年办理行政处罚案件926件。"},
		{"（三）坚持严格规范公正文明执法", "全年办理行政处罚案件926件。"},
		{"（三）坚持严格规范公正文明执法工作情况", "全年办理行政处罚案件926件。"},
	} {
		_, res := importString(t, "r.txt", []byte(head+c.heading+"\n全年办理行政处罚案件926件。\n"), "standard")
		if got := res.Report.Text("enforcement"); got != c.want {
			t.Errorf("%q: enforcement = %q, want %q", c.heading, got, c.want)
		}
	}
}

// TestSubjectInSectionTitle: in its own section a figure's subject may
// stand in the section's title alone, so the verb of the clause names it
// ("依法决策和合法性审查情况" over "审查各类文件、合同47件"); a title that
// does not name it, or another section, does not.
func TestSubjectInSectionTitle(t *testing.T) {
	const dept = "青山县市场监督管理局2026年度法治政府建设情况报告\n\n一、2026年度推进法治政府建设的主要举措和成效\n"
	for _, c := range []struct {
		template, heading, text string
		want                    float64 // 0: not read
	}{
		{"department", "（二）依法决策和合法性审查情况", "局法律顾问全年审查各类文件、合同47件。", 47},
		{"department", "（二）依法决策和合法性审查情况", "全年共审核合同和文件36件，提出意见52条。", 36},
		{"standard", "（二）推进行政决策科学化、民主化、法治化", "局法律顾问全年审查各类文件、合同47件。", 0},
		{"department", "（三）严格规范公正文明执法", "全年审查执法文书47件。", 0},
	} {
		_, res := importString(t, "r.txt", []byte(dept+c.heading+"\n"+c.text+"\n"), c.template)
		got, ok := res.Report.Figures["legality_reviews"]
		if ok != (c.want != 0) || got.Value != c.want {
			t.Errorf("%s %q: legality_reviews = %v (set %v), want %v", c.template, c.text, got.Value, ok, c.want)
		}
	}
}

// TestBracketInsideClause: a bracket closed before a number qualifies the
// words before it, whose clause runs on to the number ("行政处罚案件（含简易
// 程序，普通程序）926件", a table row's label); a number inside an open bracket
// still has its clause from the bracket.
func TestBracketInsideClause(t *testing.T) {
	const enforcement = "（三）坚持严格规范公正文明执法"
	for _, c := range []struct {
		text string
		want map[string]float64
	}{
		{"全年办理行政处罚案件（含简易程序案件）926件。", map[string]float64{"penalty_cases": 926}},
		{"全年办理行政处罚案件（含简易程序，普通程序）926件。", map[string]float64{"penalty_cases": 926}},
		{"全县办理行政处罚案件数量（含简易程序案件和普通程序案件）　2025年度850件　2026年度926件", map[string]float64{"penalty_cases": 926}},
		{"全年开展执法检查1200次（其中行政处罚立案926件）。", map[string]float64{"penalty_cases": 926}},
		{"全年开展执法检查（含行政处罚案件）1200次。", map[string]float64{"penalty_cases": 0}},
	} {
		wantSectionFigures(t, enforcement, c.text, c.want)
	}
}

// TestSubjectInForce: a sentence that names only a figure's own count
// ("审结19件") takes the subject several figures share (行政复议) from the
// paragraph before it, when that subject is the last one the paragraph
// named; a sentence naming anything else, or after another subject, does
// not (0: not read).
func TestSubjectInForce(t *testing.T) {
	const disputes = "（四）有效预防调处化解社会矛盾纠纷"
	for _, c := range []struct {
		text string
		want map[string]float64
	}{
		// The subject a sentence (or a ；) before.
		{"全年共收到行政复议申请23件。审结19件，其中维持14件，撤销2件，确认违法1件，驳回2件，纠错率15.8%。",
			map[string]float64{"review_received": 23, "review_decided": 19, "review_correction_rate": 15.8}},
		{"全年共收到行政复议申请23件，较上年下降17.9%；依法受理21件，不予受理2件。审结19件，纠错3件。",
			map[string]float64{"review_received": 23, "review_decided": 19}},
		{"县政府全年收到行政复议申请40件。全年依法审结案件36件，综合纠错率13.9%。",
			map[string]float64{"review_received": 40, "review_decided": 36, "review_correction_rate": 13.9}},
		{"行政复议主渠道作用进一步发挥，全年收到申请40件；已审结36件；纠错率13.9%。",
			map[string]float64{"review_decided": 36, "review_correction_rate": 13.9}},
		{"全年办理行政复议案件40件。在审结的案件中，纠错率13.9%。",
			map[string]float64{"review_received": 40, "review_correction_rate": 13.9}},
		{"全县人民调解组织排查矛盾纠纷900余次。开展人民调解工作，各级调解组织受理860件，调解成功842件。",
			map[string]float64{"mediation_received": 860, "mediation_succeeded": 842}},
		// Another subject named after it, or in the sentence itself.
		{"全年收到行政复议申请23件。全年发生行政应诉案件31件。审结19件。",
			map[string]float64{"review_received": 23, "litigation_cases": 31, "review_decided": 0}},
		{"全年收到行政复议申请23件。法院审结19件，败诉2件。",
			map[string]float64{"review_received": 23, "review_decided": 0}},
		{"全年收到行政复议申请23件。受理信访事项120件，办结118件。",
			map[string]float64{"review_received": 23, "review_decided": 0}},
		{"全年收到行政复议申请23件。办理法律援助案件247件。",
			map[string]float64{"review_received": 23}},
		{"全年收到行政复议申请23件。受理群众诉求3456件，办结3420件。",
			map[string]float64{"review_received": 23, "review_decided": 0}},
		{"全年收到行政复议申请23件。劳动人事争议仲裁委员会审结劳动争议案件56件。",
			map[string]float64{"review_received": 23, "review_decided": 0}},
		{"全年收到行政复议申请23件。12345热线受理群众来电5200件，按时办结5100件。",
			map[string]float64{"review_received": 23, "review_decided": 0}},
		{"全年新收行政复议案件312件。在审结案件中，作出撤销、变更、确认违法等纠错决定41件，纠错率13.8%。",
			map[string]float64{"review_received": 312, "review_corrected": 41, "review_correction_rate": 13.8}},
		{"全年办理一审行政应诉案件156件，行政机关负责人出庭应诉153件，出庭率98.1%。",
			map[string]float64{"litigation_cases": 156, "head_appearances": 153, "head_appearance_rate": 98.1}},
		// Not in a later paragraph: the subject is the paragraph's.
		{"全年收到行政复议申请23件。\n审结19件。", map[string]float64{"review_received": 23, "review_decided": 0}},
	} {
		wantSectionFigures(t, disputes, c.text, c.want)
	}
}

// TestDeeperExactTitleBeatsTopKeyword: a top-level heading that is the
// exact title of a section the template nests ("六、普法工作情况" in the
// department template, under 基本情况) goes to that section, not to the
// top-level one whose keyword (工作情况) it also holds.
func TestDeeperExactTitleBeatsTopKeyword(t *testing.T) {
	doc := "县司法局2026年度法治政府建设情况报告\n\n一、基本情况\n我局内设机构7个。\n" +
		"五、行政复议、行政应诉和矛盾纠纷化解情况\n全年行政应诉案件47件。\n" +
		"六、普法工作情况\n全年开展主题普法宣传活动142场。\n七、存在的问题和不足\n人手不足。\n"
	_, res := importString(t, "r.txt", []byte(doc), "department")
	if got := res.Report.Text("publicity"); !strings.Contains(got, "142场") {
		t.Errorf("publicity = %q", got)
	}
	if got := res.Report.Text("measures"); strings.Contains(got, "普法") {
		t.Errorf("measures took the publicity part: %q", got)
	}
	if got := res.Report.Figures["publicity_events"]; got.Value != 142 {
		t.Errorf("publicity_events = %v", got.Value)
	}
}

// TestDecimalSubheadings: a report numbered the Western way ("1." parts,
// "1.1" subsections) has its subsections found, their headings kept out of
// the body; a line opening with an amount ("1.5万人次…", "1.2 亿元…") is
// body text.
func TestDecimalSubheadings(t *testing.T) {
	doc := "西山县2026年度法治政府建设情况报告\n\n1. 2026年度推进法治政府建设的主要举措和成效\n" +
		"1.1 依法全面履行政府职能\n全年办理政务服务事项42.6万件。\n" +
		"1.2推进行政决策科学化、民主化、法治化\n全年开展合法性审查216件。\n" +
		"1.5万人次参加了线上学法考试。\n" +
		"1.3 坚持严格规范公正文明执法\n全年办理行政处罚案件3126件。\n" +
		"1.2 亿元财政资金用于执法装备。\n12.4国家宪法日期间，开展宪法宣传活动36场。\n3.15消费者权益日当天开展集中宣传。\n" +
		"6.1儿童节期间，开展送法进校园活动12场。\n5.1劳动节前夕，开展劳动法宣传。\n3.5学雷锋日，组织法律服务志愿活动。\n8.1建军节当天走访退役军人。\n" +
		"1.4 依法化解矛盾纠纷。全年收到行政复议申请52件。\n" +
		"2. 2026年度推进法治政府建设存在的不足和原因\n基层力量薄弱。\n"
	_, res := importString(t, "r.txt", []byte(doc), "standard")
	for id, want := range map[string]string{"functions": "42.6万件", "decisions": "216件", "enforcement": "3126件", "shortcomings": "基层力量薄弱"} {
		if got := res.Report.Text(id); !strings.Contains(got, want) {
			t.Errorf("%s = %q, want it to hold %q", id, got, want)
		}
	}
	if got := res.Report.Text("functions"); strings.Contains(got, "1.1") {
		t.Errorf("the heading stayed in the body: %q", got)
	}
	if got := res.Report.Text("decisions"); !strings.Contains(got, "1.5万人次参加") {
		t.Errorf("an amount opening a line was taken for a heading: %q", got)
	}
	if got := res.Report.Text("enforcement"); !strings.Contains(got, "1.2 亿元财政资金") {
		t.Errorf("an amount with a space was taken for a heading: %q", got)
	}
	if got := res.Report.Text("disputes"); !strings.Contains(got, "52件") {
		t.Errorf("a run-in decimal subheading was not found: disputes = %q", got)
	}
	if got := res.Report.Text("enforcement"); !strings.Contains(got, "12.4国家宪法日期间") || !strings.Contains(got, "3.15消费者权益日") {
		t.Errorf("a date opening a sentence was taken for a heading: %q", got)
	}
	for _, day := range []string{"6.1儿童节期间", "5.1劳动节前夕", "3.5学雷锋日", "8.1建军节当天"} {
		if got := res.Report.Text("enforcement"); !strings.Contains(got, day) {
			t.Errorf("%s… was not kept in the body: %q", day, got)
		}
	}
	for _, m := range res.Mapping {
		if strings.HasPrefix(m.Heading, "12.4") || strings.HasPrefix(m.Heading, "3.15") || strings.HasPrefix(m.Heading, "1.5万") ||
			strings.HasPrefix(m.Heading, "6.1") || strings.HasPrefix(m.Heading, "5.1") || strings.HasPrefix(m.Heading, "3.5") || strings.HasPrefix(m.Heading, "8.1") {
			t.Errorf("mapped as a heading: %+v", m)
		}
	}
	if got := res.Report.Figures["legality_reviews"]; got.Value != 216 {
		t.Errorf("legality_reviews = %v", got.Value)
	}
}

// TestRunInHeadingAtABreak: a heading run into one sentence of prose at a
// comma, a colon or a blank, or with a count and no break at all, keeps the
// prose as the section's; a title with a second phrase stays a title.
func TestRunInHeadingAtABreak(t *testing.T) {
	for _, c := range []struct {
		line, section, kept string
	}{
		{"（二）推进依法决策，全年开展合法性审查216件。", "decisions", "合法性审查216件"},
		{"（二）推进依法决策：全年开展合法性审查216件", "decisions", "合法性审查216件"},
		{"（二）推进依法决策　全年开展合法性审查216件。", "decisions", "合法性审查216件"},
		{"（二）推进依法决策 全年开展合法性审查216件。", "decisions", "合法性审查216件"},
		{"（二）推进依法决策，严格执行重大行政决策程序规定并公开征求意见和专家论证。", "decisions", "严格执行重大行政决策程序规定"},
		{"（二）全年开展合法性审查216件", "decisions", "合法性审查216件"},
	} {
		doc := "青山县2026年度法治政府建设情况报告\n\n一、2026年度推进法治政府建设的主要举措和成效\n" + c.line + "\n（三）坚持严格规范公正文明执法\n全年办理行政处罚案件926件。\n"
		_, res := importString(t, "r.txt", []byte(doc), "standard")
		if got := res.Report.Text(c.section); !strings.Contains(got, c.kept) {
			t.Errorf("%q: %s = %q", c.line, c.section, got)
		}
	}
	md := "# 青山县2026年度法治政府建设情况报告\n\n## 一、2026年度推进法治政府建设的主要举措和成效\n\n### 推进依法决策，全年开展合法性审查216件。\n\n### 坚持严格规范公正文明执法\n\n全年办理行政处罚案件926件。\n"
	if _, res := importString(t, "r.md", []byte(md), "standard"); !strings.Contains(res.Report.Text("decisions"), "合法性审查216件") {
		t.Errorf("a markup heading run into prose lost it: decisions = %q", res.Report.Text("decisions"))
	}
	for _, title := range []string{
		"（一）加强组织领导，压实第一责任人职责",
		"（二）推进行政决策科学化、民主化、法治化",
		"（四）深化“放管服”改革，优化营商环境",
		"（四）坚持和发展新时代“枫桥经验”，有效预防调处化解社会矛盾纠纷工作取得明显成效",
	} {
		h := title[len("（一）"):]
		if text, runIn := splitHeading(h); runIn || text != h {
			t.Errorf("%q: split as %q, run in %v", title, text, runIn)
		}
	}
	if text, runIn := splitHeading("2026年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况"); runIn || !strings.HasSuffix(text, "有关情况") {
		t.Errorf("a long two-phrase title: %q, run in %v", text, runIn)
	}
}

// TestSignatureBeforeAfterMatter: the signature, date and contact note
// are found when 抄送 lines, a page number or an attachment follow them;
// those lines are kept, and a document number above the title is neither
// the title nor the unit.
func TestSignatureBeforeAfterMatter(t *testing.T) {
	head := "附件1\n青政发〔2027〕3号\n青山县人民政府2026年法治政府建设年度报告\n\n一、2026年度推进法治政府建设的主要举措和成效\n全年办理行政处罚案件926件。\n五、其他需要报告的情况\n无。\n\n青山县人民政府\n2027年3月1日\n"
	for _, tail := range []string{
		"",
		"（联系人：张三，电话：0571-88001234）\n",
		"（联系人：张三，电话：0571-88001234）\n抄送：市司法局。\n",
		"抄送：市司法局。\n青山县人民政府办公室 2027年3月1日印发\n",
		"- 3 -\n",
		"附：2026年度主要数据统计表\n行政复议收案 52件\n",
	} {
		_, res := importString(t, "r.txt", []byte(head+tail), "standard")
		r := res.Report
		if r.Unit != "青山县人民政府" || r.Date != "2027年3月1日" {
			t.Errorf("tail %q: unit %q, date %q", tail, r.Unit, r.Date)
		}
		if strings.Contains(r.Text("other"), "2027年3月1日") && !strings.Contains(tail, "印发") {
			t.Errorf("tail %q: the date stayed in the text: %q", tail, r.Text("other"))
		}
		for _, l := range strings.Split(strings.TrimSpace(tail), "\n") {
			if l == "" || strings.HasPrefix(l, "（联系人") {
				continue
			}
			if !strings.Contains(r.Text("other")+res.Report.Unmatched, l) {
				t.Errorf("tail %q: line %q lost", tail, l)
			}
			// Only an attachment is printed after the text; 抄送, 印发 and
			// page numbers are set aside among the unclassified lines.
			if inText := strings.Contains(r.Text("other"), l); inText != strings.HasPrefix(tail, "附") {
				t.Errorf("tail %q: line %q in the text: %v", tail, l, inText)
			}
		}
		if strings.Contains(tail, "联系人") && r.Contact != "张三，电话：0571-88001234" {
			t.Errorf("tail %q: contact %q", tail, r.Contact)
		}
		if !strings.Contains(r.Unmatched, "青政发〔2027〕3号") || strings.Contains(r.Title, "青政发") {
			t.Errorf("tail %q: document number: unmatched %q, title %q", tail, r.Unmatched, r.Title)
		}
	}
}

// TestWrittenZeros: a count stated as none in words is 0; a rate of none,
// a first instance alone, another subject's, or a count a number states
// is not read from the words.
func TestWrittenZeros(t *testing.T) {
	for _, c := range []struct {
		text string
		id   string
		want float64
		set  bool
	}{
		{"全年行政应诉案件57件，无败诉案件。", "litigation_lost", 0, true},
		{"全年行政应诉案件57件，全年零败诉。", "litigation_lost", 0, true},
		{"全年行政应诉案件57件，未发生败诉案件。", "litigation_lost", 0, true},
		{"全年审结行政复议案件48件，未发生被纠错案件。", "review_corrected", 0, true},
		{"全年审结行政复议案件48件，无一被纠错。", "review_corrected", 0, true},
		{"全年审结行政复议案件48件，复议决定零纠错。", "review_corrected", 0, true},
		// Not a count of none.
		{"全年行政应诉案件57件，败诉率为零。", "litigation_lost", 0, false},
		{"全年行政应诉案件57件，一审零败诉。", "litigation_lost", 0, false},
		{"全年法院审结案件中无纠错。", "review_corrected", 0, false},
		{"全年行政应诉案件57件，败诉3件，二审无败诉。", "litigation_lost", 3, true},
	} {
		res := importDisputes(t, c.text)
		got, ok := res.Report.Figures[c.id]
		if ok != c.set || got.Value != c.want {
			t.Errorf("%q: %s = %v (set %v), want %v (set %v)", c.text, c.id, got.Value, ok, c.want, c.set)
		}
	}
}

// TestSummaryTableUnderOneSection: a table of the year's figures placed
// under one section gives the figures of every section its rows name.
func TestSummaryTableUnderOneSection(t *testing.T) {
	doc := "# 青山县2026年度法治政府建设情况报告\n\n## 一、2026年度推进法治政府建设的主要举措和成效\n\n### （二）推进行政决策科学化、民主化、法治化\n\n严格落实重大行政决策程序。\n\n" +
		"| 项目 | 2025年 | 2026年 |\n| --- | --- | --- |\n| 合法性审查（件） | 180 | 214 |\n| 行政处罚案件（件） | 850 | 926 |\n| 行政复议收案（件） | 45 | 52 |\n| 普法活动（场） | 120 | 136 |\n\n" +
		"## 二、2026年度推进法治政府建设存在的不足和原因\n\n基层力量薄弱，全年办理行政处罚案件的执法人员不足。\n"
	_, res := importString(t, "r.md", []byte(doc), "standard")
	for id, want := range map[string]float64{"legality_reviews": 214, "penalty_cases": 926, "review_received": 52, "publicity_events": 136} {
		if got := res.Report.Figures[id]; got.Value != want {
			t.Errorf("%s = %v, want %v", id, got.Value, want)
		}
	}
}

func TestHoldsCount(t *testing.T) {
	for s, want := range map[string]bool{
		"全年开展合法性审查216件": true, "办结率98%": true, "覆盖3.2万人次": true, "罚没款120万元": true,
		"2026年度推进法治政府建设": false, "12345热线": false, "“八五”普法": false, "优化营商环境": false,
	} {
		if got := holdsCount(s); got != want {
			t.Errorf("holdsCount(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestAllOfACount: a count whose next clause says all of them went
// through another figure's work gives that figure too; a clause that
// denies it, leaves some out or is a rate does not.
func TestAllOfACount(t *testing.T) {
	for _, c := range []struct {
		text string
		id   string
		want float64
		set  bool
	}{
		{"全年受理行政复议案件52件，均已审结。", "review_decided", 52, true},
		{"全年受理行政复议案件52件，已全部审结，纠错5件。", "review_decided", 52, true},
		{"收到行政复议申请52件，全部依法审结。", "review_decided", 52, true},
		{"收到行政复议申请52件，均在法定期限内审结。", "review_decided", 52, true},
		{"调解矛盾纠纷930件，全部调解成功。", "mediation_succeeded", 930, true},
		{"发生行政应诉案件23件，均由行政机关负责人出庭应诉。", "head_appearances", 23, true},
		{"发生行政应诉案件23件，全部由负责人出庭应诉。", "head_appearances", 23, true},
		// A count stated outright wins.
		{"受理行政复议申请55件，均已审结。全年审结行政复议案件58件（含上年结转3件）。", "review_decided", 58, true},
		{"受理行政复议申请55件，审结50件，均已送达。", "review_decided", 50, true},
		// Not all of them.
		{"受理行政复议申请55件，除3件正在审理外，均已审结。", "review_decided", 0, false},
		{"受理行政复议申请55件，均未审结。", "review_decided", 0, false},
		{"受理行政复议申请55件，上年结转3件，均已审结。", "review_decided", 0, false},
		{"受理行政复议申请55件，均依法受理。", "review_decided", 0, false},
		{"发生行政应诉案件23件，均无败诉。", "litigation_lost", 0, true},
		{"发生行政应诉案件23件，全部零败诉。", "litigation_lost", 0, true},
		{"发生行政应诉案件23件，均不存在败诉情形。", "litigation_lost", 0, false},
		{"发生行政应诉案件23件，负责人出庭应诉率100%。", "head_appearances", 0, false},
		{"调解矛盾纠纷930件，均录入信息系统。", "mediation_succeeded", 0, false},
	} {
		res := importDisputes(t, c.text)
		got, ok := res.Report.Figures[c.id]
		if ok != c.set || got.Value != c.want {
			t.Errorf("%q: %s = %v (set %v), want %v (set %v)", c.text, c.id, got.Value, ok, c.want, c.set)
		}
	}
	// Some of what another figure counts, not the same things further
	// along: no figure from them.
	decisions := "（二）推进行政决策科学化、民主化、法治化"
	wantSectionFigures(t, decisions, "全年提请政府常务会议审议的重大行政决策事项12件，均经过合法性审查。",
		map[string]float64{"major_decisions": 12, "legality_reviews": 0})
	wantSectionFigures(t, decisions, "全年出台行政规范性文件19件，全部经过合法性审查。",
		map[string]float64{"legality_reviews": 0})
	wantSectionFigures(t, decisions, "全年出台行政规范性文件19件，全部报送备案并经过合法性审查。",
		map[string]float64{"normative_docs_filed": 19, "legality_reviews": 0})
	wantSectionFigures(t, decisions, "全年审核各类文件86件，均出具合法性审查意见。",
		map[string]float64{"legality_reviews": 86})
}

// TestMergedPartSplitBySubsections: a part holding the shortcomings and
// the plans one subsection each gives both; subsections of a part that
// names one of them only stay with it.
func TestMergedPartSplitBySubsections(t *testing.T) {
	head := "青山县2026年度法治政府建设情况报告\n\n一、2026年度推进法治政府建设的主要举措和成效\n全年开展合法性审查216件。\n"
	for _, c := range []struct {
		body       string
		short, pln string // text each must hold, "" for empty
	}{
		{"二、存在的问题和下一步工作打算\n（一）存在的问题\n基层力量薄弱。\n（二）下一步工作打算\n充实基层力量。\n", "基层力量薄弱", "充实基层力量"},
		{"二、下一步工作打算和存在的不足\n（一）存在的不足\n基层力量薄弱。\n（二）工作打算\n充实基层力量。\n", "基层力量薄弱", "充实基层力量"},
		{"二、存在的问题及2027年工作安排\n（一）主要问题。基层力量薄弱。\n（二）2027年工作安排。充实基层力量。\n", "基层力量薄弱", "充实基层力量"},
		// One part named: its subsections stay.
		{"二、存在的不足和原因\n（一）存在的不足\n基层力量薄弱。\n（二）原因分析\n培训不够。\n", "培训不够", ""},
		{"二、下一步工作打算\n（一）充实基层力量\n增加编制。\n（二）着力解决存在的问题\n加强培训。\n", "", "加强培训"},
	} {
		_, res := importString(t, "r.txt", []byte(head+c.body), "standard")
		for id, want := range map[string]string{"shortcomings": c.short, "plans": c.pln} {
			got := res.Report.Text(id)
			if want == "" && got != "" || want != "" && !strings.Contains(got, want) {
				t.Errorf("%q: %s = %q, want it to hold %q", c.body, id, got, want)
			}
		}
	}
}

// TestNoCases: a report that says it had no cases of a kind states the
// count of them as 0, wherever it says so but in its plans; a sentence
// about something else of those cases, another year's, or a count stated
// outright leaves it.
func TestNoCases(t *testing.T) {
	for _, c := range []struct {
		text string
		id   string
		want float64
		set  bool
	}{
		{"全年办理行政处罚案件46件，无行政复议和行政诉讼案件。", "review_received", 0, true},
		{"全年办理行政处罚案件46件，无行政复议和行政诉讼案件。", "litigation_cases", 0, true},
		{"全年未发生行政复议、行政应诉案件。", "litigation_cases", 0, true},
		{"全年未收到行政复议申请。", "review_received", 0, true},
		{"全年无新增行政诉讼案件，信访形势平稳。", "litigation_cases", 0, true},
		{"本年度没有发生行政复议案件。", "review_received", 0, true},
		// Not none of the cases.
		{"全年无行政复议案件被纠错。", "review_received", 0, false},
		{"全年未发生行政诉讼案件败诉。", "litigation_cases", 0, false},
		{"全年无行政复议纠错案件。", "review_received", 0, false},
		{"对无行政复议案件的乡镇开展督导。", "review_received", 0, false},
		{"2025年无行政诉讼案件，今年发生3件。", "litigation_cases", 3, true},
		{"无锡市行政复议案件办理经验值得学习。", "review_received", 0, false},
		{"全年无行政复议案件。全年收到行政复议申请2件。", "review_received", 2, true},
		{"全年未发生群体性事件，无刑事案件。", "litigation_cases", 0, false},
	} {
		res := importDisputes(t, c.text)
		got, ok := res.Report.Figures[c.id]
		if ok != c.set || got.Value != c.want {
			t.Errorf("%q: %s = %v (set %v), want %v (set %v)", c.text, c.id, got.Value, ok, c.want, c.set)
		}
	}
	// In another part (the enforcement one), not in the plans.
	doc := "青山县2026年度法治政府建设情况报告\n\n一、2026年度推进法治政府建设的主要举措和成效\n（三）坚持严格规范公正文明执法\n全年办理行政处罚案件46件，无行政复议和行政诉讼案件。\n"
	if _, res := importString(t, "r.txt", []byte(doc), "standard"); res.Report.Figures["litigation_cases"].Value != 0 || !hasFigure(res, "litigation_cases") {
		t.Errorf("a statement of none in another part was not read: %v", res.Report.Figures)
	}
	plans := "青山县2026年度法治政府建设情况报告\n\n一、2026年度推进法治政府建设的主要举措和成效\n全年开展合法性审查216件。\n四、2027年度推进法治政府建设的主要安排\n力争全年无行政诉讼案件。\n"
	if _, res := importString(t, "r.txt", []byte(plans), "standard"); hasFigure(res, "litigation_cases") {
		t.Errorf("a target in the plans was read as the year's count: %v", res.Report.Figures)
	}
}

func hasFigure(res *Result, id string) bool {
	_, ok := res.Report.Figures[id]
	return ok
}
