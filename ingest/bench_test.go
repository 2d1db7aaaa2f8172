package ingest

import (
	"fmt"
	"strings"
	"testing"
)

// publishedLength builds a report of about 15,000 Chinese characters, the
// length of a long published county report, from sentences of our own.
func publishedLength() string {
	var b strings.Builder
	b.WriteString("欢迎访问青山县人民政府网站！\n当前位置：首页 > 法治政府建设\n青山县2024年度法治政府建设情况报告\n【字体：大 中 小】\n")
	b.WriteString("2024年，青山县坚持把法治政府建设作为全局性工作来抓，围绕决策、执法、复议、普法等环节持续用力，现将有关情况报告如下。\n")
	sentences := []string{
		"县司法局对拟出台的政策文件开展合法性审查%d件，提出修改意见%d条，做到应审尽审。",
		"全年办理行政处罚案件%d件，对首次轻微违法行为依法不予处罚的案件%d件。",
		"全年收到行政复议申请%d件，审结%d件，纠错%d件。",
		"各级人民调解组织受理纠纷%d件，调解成功%d件。",
		"组织各类普法活动%d场，覆盖群众%d人次，新建法治文化阵地%d个。",
		"推动乡镇综合行政执法改革，明确%d项执法事项清单，组织执法人员培训%d期。",
		"深化政务公开，主动公开政府信息%d条，依申请公开按期答复率保持在较高水平。",
	}
	subs := []string{"依法全面履行政府职能", "推进行政决策科学化、民主化、法治化", "坚持严格规范公正文明执法", "有效预防调处化解社会矛盾纠纷", "深入推进法治宣传教育", "健全行政权力制约和监督体系"}
	b.WriteString("一、上一年度推进法治政府建设的主要举措和成效\n")
	n := 7
	for i, s := range subs {
		fmt.Fprintf(&b, "（%s）%s。", []string{"一", "二", "三", "四", "五", "六"}[i], s)
		for p := 0; p < 10; p++ {
			for k := 0; k < 8; k++ {
				n = n*31%997 + 3
				s := sentences[(i+p+k)%len(sentences)]
				args := []any{n, n/2 + 1, n/7 + 1}[:strings.Count(s, "%d")]
				fmt.Fprintf(&b, s, args...)
			}
			b.WriteString("\n")
		}
	}
	b.WriteString("二、上一年度推进法治政府建设存在的不足和原因\n")
	for k := 0; k < 20; k++ {
		b.WriteString("一是部分乡镇法治力量依然薄弱，专职审查人员偏少。二是执法文书制作不够规范，说理不充分。")
	}
	b.WriteString("\n三、2025年度推进法治政府建设的主要安排\n")
	for k := 0; k < 20; k++ {
		b.WriteString("一是加强审查队伍建设，提升审查质量。二是开展执法质量提升行动，推动文书规范化。")
	}
	b.WriteString("\n四、其他需要报告的情况\n暂无。\n扫一扫在手机打开当前页\n")
	return b.String()
}

func TestPublishedLengthFixture(t *testing.T) {
	text := publishedLength()
	n := 0
	for _, r := range text {
		if r >= 0x4e00 && r <= 0x9fff {
			n++
		}
	}
	t.Logf("fixture: %d Chinese characters, %d bytes", n, len(text))
	if n < 13000 || n > 18000 {
		t.Errorf("fixture has %d Chinese characters, want about 15,000", n)
	}
	doc, res := importString(t, "long.txt", []byte(text), "standard")
	assertNoLoss(t, doc, res)
	for _, id := range []string{"measures", "functions", "decisions", "enforcement", "disputes", "publicity", "supervision", "shortcomings", "plans", "other"} {
		if res.Report.Text(id) == "" {
			t.Errorf("section %s empty", id)
		}
	}
}

// BenchmarkImport reads, cleans, maps and extracts figures from a
// published-length report (goal: under 20 ms).
func BenchmarkImport(b *testing.B) {
	data := []byte(publishedLength())
	tpl := loadTemplate(b, "standard")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		doc, err := Read("long.txt", data)
		if err != nil {
			b.Fatal(err)
		}
		res, err := Import(doc, tpl)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := res.Report.Marshal(); err != nil {
			b.Fatal(err)
		}
	}
}
