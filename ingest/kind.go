package ingest

import (
	"strings"

	"nianbao/internal/zhtext"
)

// Whether a document is a department report (部门年度报告) rather than a
// government's. Department reports follow the department template
// (基本情况 / 存在的问题 / 下一步打算); checking one against the
// government's five parts reports parts it was never meant to have. The
// decision weighs two pieces of evidence, the reporting unit's name and
// the document's top-level parts, because either alone misleads: a
// 司法局 may write the five national parts, and a title may not name the
// unit at all.

// departmentSuffixes end the names of government departments (司法局,
// 发展和改革委员会, 县政府办公室, 政务服务中心).
var departmentSuffixes = []string{"局", "委员会", "委", "办公室", "办", "中心", "厅", "署", "站", "所"}

// governmentSuffixes end the names of governments: "绩溪县", "东昌府区",
// "××市人民政府".
var governmentSuffixes = []string{"人民政府", "政府", "县", "区", "市", "州", "旗", "盟", "镇", "乡", "街道", "自治县", "省"}

// Top-level heading words of the two layouts. Government-only words name
// parts the national rule requires of governments and department reports
// leave out; department words name the three-part layout.
var (
	governmentParts = []string{"举措和成效", "不足和原因", "第一责任人", "其他需要报告", "主要安排", "下一年度"}
	departmentParts = []string{"基本情况", "工作情况", "主要做法", "工作开展情况", "存在的问题", "问题和不足", "存在问题", "下一步", "工作打算", "工作思路"}
)

// unitVote is +1 for a department's name, -1 for a government's, 0 when
// the name says neither (or is unknown).
func unitVote(unit string) int {
	unit = strings.TrimSpace(unit)
	if unit == "" {
		return 0
	}
	for _, s := range []string{"人民政府", "政府"} {
		if strings.HasSuffix(unit, s) {
			return -1
		}
	}
	for _, s := range departmentSuffixes {
		if strings.HasSuffix(unit, s) {
			return 1
		}
	}
	for _, s := range governmentSuffixes {
		if strings.HasSuffix(unit, s) {
			return -1
		}
	}
	return 0
}

// structureVote is +1 when the top-level parts are the department layout,
// -1 when at least two name parts only a government report has, 0 when the
// parts say neither.
func structureVote(hs []Heading) int {
	gov, dep := 0, 0
	for _, h := range hs {
		if h.Level != 1 {
			continue
		}
		t := normalizeHeading(h.Text)
		switch {
		case zhtext.ContainsAnyWord(t, governmentParts):
			gov++
		case zhtext.ContainsAnyWord(t, departmentParts):
			dep++
		}
	}
	switch {
	case gov >= 2:
		return -1
	case dep >= 2 && gov == 0:
		return 1
	}
	return 0
}

// IsDepartmentReport says whether an imported document is a department
// report: the unit's name and the layout together must point that way,
// and neither may point the other way (a department name with a neutral
// layout is enough; a 司法局 writing the five national parts is not).
func IsDepartmentReport(res *Result) bool {
	if res == nil || res.Report == nil {
		return false
	}
	return isDepartment(res.Report.Unit, res.Headings)
}

// isDepartment is IsDepartmentReport's decision from the unit's name and
// the document's headings.
func isDepartment(unit string, hs []Heading) bool {
	u, s := unitVote(unit), structureVote(hs)
	if u < 0 || s < 0 {
		return false
	}
	return u+s > 0
}
