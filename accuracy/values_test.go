package accuracy

import (
	"strconv"
	"strings"
	"testing"

	"nianbao/ingest"
	"nianbao/model"
	"nianbao/templates"
)

var figureIDs = map[string]string{
	"legality":   "legality_reviews",
	"review":     "review_received",
	"penalty":    "penalty_cases",
	"publicity":  "publicity_events",
	"litigation": "litigation_cases",
	"filing":     "normative_docs_filed",
	"mediation":  "mediation_received",
}

// importAsCheckDoes imports a text the way `nianbao check` does: standard
// template, or the department template when ingest says so.
func importAsCheckDoes(t *testing.T, text string) *model.Report {
	t.Helper()
	return importFileAsCheckDoes(t, "r.txt", text)
}

// importFileAsCheckDoes is importAsCheckDoes for a document of any format,
// told by name.
func importFileAsCheckDoes(t *testing.T, name, text string) *model.Report {
	t.Helper()
	doc, err := ingest.Read(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	std, err := templates.Lookup("standard")
	if err != nil {
		t.Fatal(err)
	}
	res, err := ingest.Import(doc, std)
	if err != nil {
		t.Fatal(err)
	}
	if ingest.IsDepartmentReport(res) {
		dep, err := templates.Lookup("department")
		if err != nil {
			t.Fatal(err)
		}
		if res, err = ingest.Import(doc, dep); err != nil {
			t.Fatal(err)
		}
	}
	return res.Report
}

// TestFigurePhrasingValues: silence is not enough for a rephrased figure;
// the number read must be the one the sentence states, or a rate check
// downstream compares the wrong counts.
func TestFigurePhrasingValues(t *testing.T) {
	eachPhrasing(t, phrasings, func(name, fig, p string, a anchor, r *model.Report) {
		want, _ := strconv.ParseFloat(a.n, 64)
		if got, ok := r.Figures[figureIDs[fig]]; !ok || got.Value != want {
			t.Errorf("%s %q: %s = %v (set %v), want %v", name, p, figureIDs[fig], got.Value, ok, want)
		}
	})
}

// eachPhrasing imports each sample report with each figure's anchor
// sentence replaced by each of its phrasings ({N} the anchor's number),
// and hands the report read to f; name is base/figure-index.
func eachPhrasing(t *testing.T, table map[string][]string, f func(name, fig, phrasing string, a anchor, r *model.Report)) {
	t.Helper()
	bases := sampleBases(t)
	for fig, byBase := range figureAnchors {
		for base, a := range byBase {
			for i, p := range table[fig] {
				text := strings.Replace(bases[base], a.text, strings.ReplaceAll(p, "{N}", a.n), 1)
				f(base+"/"+fig+"-"+strconv.Itoa(i+1), fig, p, a, importAsCheckDoes(t, text))
			}
		}
	}
}

// TestFigureTableValues: a figure in a table is read with the report
// year's number, whatever the layout (tableLayouts), and not another
// year's beside it.
func TestFigureTableValues(t *testing.T) {
	bases := sampleBases(t)
	for fig, byBase := range figureAnchors {
		for base, a := range byBase {
			year := baseYear(bases[base])
			for i, l := range tableLayouts {
				table := tableFor(l.rows, tableLabels[fig][i%2], a, year)
				for _, ext := range []string{".html", ".md"} {
					page, err := withTableAs(ext, a.text, table)(bases[base])
					if err != nil {
						t.Fatal(err)
					}
					r := importFileAsCheckDoes(t, "r"+ext, page)
					want, _ := strconv.ParseFloat(a.n, 64)
					if got, ok := r.Figures[figureIDs[fig]]; !ok || got.Value != want {
						t.Errorf("%s/%s-%s%s: %s = %v (set %v), want %v; table %q", base, fig, l.name, ext, figureIDs[fig], got.Value, ok, want, table)
					}
				}
			}
		}
	}
}

// TestFullWidthFigureValues: a report typed with full-width digits gives
// the same figures as typed with ASCII ones, one sentence or all of it.
func TestFullWidthFigureValues(t *testing.T) {
	bases := sampleBases(t)
	for base, text := range bases {
		whole := importAsCheckDoes(t, fullWidth(text))
		for fig, byBase := range figureAnchors {
			a, ok := byBase[base]
			if !ok {
				continue
			}
			want, _ := strconv.ParseFloat(a.n, 64)
			one := importAsCheckDoes(t, strings.Replace(text, a.text, fullWidth(a.text), 1))
			for how, r := range map[string]*model.Report{"whole report": whole, "one sentence": one} {
				if got, ok := r.Figures[figureIDs[fig]]; !ok || got.Value != want {
					t.Errorf("%s/%s, %s full-width: %s = %v (set %v), want %v", base, fig, how, figureIDs[fig], got.Value, ok, want)
				}
			}
		}
	}
}

// rateChanges state the county sample's correction rate (10.4%) beside
// last year's; the rate read must be this year's.
var rateChanges = []string{
	"纠错率由上年的15.2%降至10.4%",
	"纠错率由上年15.2%降至10.4%",
	"纠错率较2023年的15.2%下降至10.4%",
	"纠错率10.4%（上年15.2%）",
	"纠错率从去年同期的15.2%下降到10.4%",
}

func TestRateChangeValues(t *testing.T) {
	base := sampleBases(t)["county"]
	for _, phrase := range rateChanges {
		r := importAsCheckDoes(t, strings.Replace(base, "纠错率10.4%", phrase, 1))
		if got, ok := r.Figures["review_correction_rate"]; !ok || got.Value != 10.4 {
			t.Errorf("%q: review_correction_rate = %v (set %v), want 10.4", phrase, got.Value, ok)
		}
	}
}

// TestComparedWithLastYear: a count stated after last year's, in a
// clause that does not name it ("去年……37件，今年52件"), is read from the
// comparison (comparedFrom); last year's number is never read in its
// place, and a count the clause does name goes to its own figure.
func TestComparedWithLastYear(t *testing.T) {
	base := sampleBases(t)["county"]
	for _, tc := range []struct{ phrase, figure string }{
		{"去年全县收到行政复议申请37件，今年52件", "review_received"},
		{"2023年全县收到行政复议申请37件，今年增至52件", "review_received"},
		{"上年度收到行政复议申请37件，本年度52件", "review_received"},
		{"去年受理37件，今年全县收到行政复议申请52件", "review_received"},
	} {
		r := importAsCheckDoes(t, strings.Replace(base, "全年收到行政复议申请52件", tc.phrase, 1))
		if got, ok := r.Figures[tc.figure]; !ok || got.Value != 52 {
			t.Errorf("%q: %s = %v (set %v), want 52", tc.phrase, tc.figure, got.Value, ok)
		}
	}
	r := importAsCheckDoes(t, strings.Replace(base, "全年收到行政复议申请52件，审结48件", "去年全县收到行政复议申请37件，今年审结48件", 1))
	if got := r.Figures["review_decided"]; got.Value != 48 {
		t.Errorf("今年审结48件 after last year's count: review_decided = %v, want 48", got.Value)
	}
	if got, ok := r.Figures["review_received"]; ok {
		t.Errorf("last year's 37 or this year's 审结 read as review_received = %v", got.Value)
	}
}

// changesOnly state a figure only as a change against last year, or as
// last year's number: the report year's figure is not stated, and neither
// number may be read as it.
var changesOnly = map[string][]string{
	"review":     {"行政复议申请与上年的37件相比增加{N}件", "收到行政复议申请同比增加{N}件"},
	"penalty":    {"行政处罚案件较上年减少{N}件", "办理行政处罚案件比去年同期增加了{N}件"},
	"publicity":  {"开展普法活动与上年的150场相比增加{N}场", "普法活动较上年同期增加{N}场"},
	"litigation": {"行政应诉案件比上年的30件减少{N}件"},
}

// TestChangeIsNotTheFigure: a number that is a change against last year
// (“同比增加12场”) is not the figure: the importer leaves the figure
// unread (figure.not-found's warning) rather than taking the change.
func TestChangeIsNotTheFigure(t *testing.T) {
	eachPhrasing(t, changesOnly, func(name, fig, p string, a anchor, r *model.Report) {
		if got, ok := r.Figures[figureIDs[fig]]; ok && strconv.FormatFloat(got.Value, 'f', -1, 64) == a.n {
			t.Errorf("%s %q: %s read as the change %v", name, p, figureIDs[fig], got.Value)
		}
	})
}

// otherCounts state another count in the figure's own words or with its
// verb, where the section's title would lend the figure's subject ("公平
// 竞争审查" in a section on 合法性审查; a head's 出庭应诉 beside 应诉案件):
// neither is the figure, which stays unread rather than take it.
var otherCounts = map[string][]string{
	"legality": {
		"全年开展公平竞争审查{N}件",
		"对涉及市场主体经济活动的政策措施开展公平竞争审查{N}件",
		"完成增量政策措施公平竞争审查{N}项",
		"全年开展资格审查{N}件",
		"开展公平竞争审查{N}件，未发现排除、限制竞争的内容",
	},
	"litigation": {
		"全年行政机关负责人出庭应诉{N}件",
		"主要负责人出庭应诉{N}件",
	},
}

func TestOtherCountIsNotTheFigure(t *testing.T) {
	eachPhrasing(t, otherCounts, func(name, fig, p string, a anchor, r *model.Report) {
		if got, ok := r.Figures[figureIDs[fig]]; ok && strconv.FormatFloat(got.Value, 'f', -1, 64) == a.n {
			t.Errorf("%s %q: %s read as the other count %v", name, p, figureIDs[fig], got.Value)
		}
	})
}

// TestRunInHeadingKeepsProse: a subheading run into a one-sentence
// paragraph at a comma, a colon or a blank keeps that sentence as the
// section's prose, its figures read; it was once taken for the heading
// and dropped with it.
func TestRunInHeadingKeepsProse(t *testing.T) {
	bases := sampleBases(t)
	countyFirst := "严格执行重大行政决策程序规定，公布年度重大行政决策事项目录，对涉及群众切身利益的决策事项坚持公众参与、专家论证和风险评估。"
	countyFigures := "全年开展合法性审查214件，其中重大行政决策12件，审查县政府拟签订合同37份。"
	for _, sep := range []string{"，", "：", "\u3000", " "} {
		for _, c := range []struct {
			base, section, kept string
			m                   mutation
			figure              string
			want                float64
		}{
			{"county", "decisions", "合法性审查214件",
				rep("（二）推进行政决策科学化、民主化、法治化\n"+countyFirst+countyFigures, "（二）推进依法决策"+sep+countyFigures+"\n"+countyFirst),
				"legality_reviews", 214},
			{"department", "enforcement", "抽查案卷88卷", rep("（三）规范行政执法监督。", "（三）规范行政执法监督"+sep), "", 0},
			{"district", "decisions", "决策后评估工作同步开展",
				chain(rep("决策后评估工作同步开展。全年对区政府", "决策后评估工作同步开展。\n全年对区政府"), rep("（二）推进依法科学民主决策。", "（二）推进依法科学民主决策"+sep)),
				"", 0},
		} {
			text, err := c.m(bases[c.base])
			if err != nil {
				t.Fatal(err)
			}
			r := importAsCheckDoes(t, text)
			if got := r.Text(c.section); !strings.Contains(got, c.kept) {
				t.Errorf("%s, %q: %s = %q, want it to keep %q", c.base, sep, c.section, got, c.kept)
			}
			if c.figure != "" && r.Figures[c.figure].Value != c.want {
				t.Errorf("%s, %q: %s = %v, want %v", c.base, sep, c.figure, r.Figures[c.figure].Value, c.want)
			}
		}
	}
}
