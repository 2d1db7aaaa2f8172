package migrate

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"nianbao/model"
	"nianbao/templates"
)

func standard(t *testing.T) *model.Template {
	t.Helper()
	tp, err := templates.Embedded("standard")
	if err != nil {
		t.Fatal(err)
	}
	return tp
}

func TestDraftMovesTextAndKeepsRemoved(t *testing.T) {
	old := standard(t)
	r := model.NewReport(old)
	r.SetText("decisions", "决策文字")
	r.SetText("functions", "职能文字")
	r.SetText("other", "暂无")
	r.SetFigure("legality_reviews", model.NumberOf(12))
	r.SetFigure("major_decisions", model.NumberOf(3))
	r.Hints = map[string]model.Number{"major_decisions": model.NumberOf(2)}
	r.Sources = map[string]string{"major_decisions": "全年作出重大行政决策3件。"}

	nt := old.Clone()
	nt.Version = 2
	if _, _, err := nt.DeleteSection("functions"); err != nil {
		t.Fatal(err)
	}
	// "other" is re-created under a new id with the same title: its text
	// follows the title.
	o := nt.Section("other")
	if _, _, err := nt.DeleteSection("other"); err != nil {
		t.Fatal(err)
	}
	if _, err := nt.AddSection("", false, "other_matters", o.Title); err != nil {
		t.Fatal(err)
	}
	if _, err := nt.RemoveFigure("major_decisions"); err != nil {
		t.Fatal(err)
	}

	res := Draft(r, old, nt)
	if r.Template.Version != 2 || r.Template.ID != "standard" {
		t.Fatalf("template ref %+v", r.Template)
	}
	if r.Text("decisions") != "决策文字" || r.Text("other_matters") != "暂无" {
		t.Fatalf("sections %v", r.Sections)
	}
	if _, ok := r.Sections["functions"]; ok {
		t.Fatal("removed section still among sections")
	}
	if len(r.Removed) != 2 || r.Removed[0].Title != "依法全面履行政府职能" || r.Removed[0].Text != "职能文字" {
		t.Fatalf("removed %+v", r.Removed)
	}
	fig := r.Removed[1].Text
	for _, want := range []string{"重大行政决策事项", "3件", "上年：2件", "全年作出重大行政决策3件。"} {
		if !strings.Contains(fig, want) {
			t.Fatalf("removed figures %q lacks %q", fig, want)
		}
	}
	if len(res.Renamed) != 1 || res.Renamed[0] != [2]string{"other", "other_matters"} {
		t.Fatalf("renamed %v", res.Renamed)
	}
	if err := r.Validate(nt); err != nil {
		t.Fatalf("migrated draft does not fit the new template: %v", err)
	}
	data, err := r.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	back, err := model.ParseReport("d.yaml", data)
	if err != nil || len(back.Removed) != 2 {
		t.Fatalf("round trip: %v %+v", err, back)
	}
}

func TestDraftWithoutOldTemplateMatchesByIDOnly(t *testing.T) {
	old := standard(t)
	r := model.NewReport(old)
	r.SetText("functions", "职能文字")
	nt := old.Clone()
	if _, _, err := nt.DeleteSection("functions"); err != nil {
		t.Fatal(err)
	}
	Draft(r, nil, nt)
	if len(r.Removed) != 1 || r.Removed[0].Title != "functions" || r.Removed[0].Text != "职能文字" {
		t.Fatalf("%+v", r.Removed)
	}
}

var hanzi = []rune("法治政府建设年度报告依法行政复议应诉调解普法执法决策审查规范性文件备案件数成效不足原因安排其他情况一二三是")

func randomText(rng *rand.Rand) string {
	n := rng.Intn(40)
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteRune(hanzi[rng.Intn(len(hanzi))])
		if rng.Intn(15) == 0 {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// randomEdit applies one random edit; impossible ones (indenting the first
// section) just fail, as they would in the editor.
func randomEdit(rng *rand.Rand, tp *model.Template, n int) {
	secs := tp.Flatten()
	if len(secs) == 0 {
		_, _ = tp.AddSection("", false, "", "新章节")
		return
	}
	s := secs[rng.Intn(len(secs))]
	switch rng.Intn(10) {
	case 0:
		_, _ = tp.AddSection(s.ID, rng.Intn(2) == 0, "", fmt.Sprintf("新章节%d", n))
	case 1:
		_ = tp.RenameSection(s.ID, s.Title+"（改）")
	case 2:
		_ = tp.MoveSection(s.ID, rng.Intn(3)-1)
	case 3:
		_ = tp.IndentSection(s.ID)
	case 4:
		_ = tp.OutdentSection(s.ID)
	case 5:
		if len(secs) > 1 {
			_, _, _ = tp.DeleteSection(s.ID)
		}
	case 6:
		// Delete and re-create under a new id: text must follow the title.
		title := s.Title
		if len(s.Sections) == 0 && len(secs) > 1 {
			_, _, _ = tp.DeleteSection(s.ID)
			_, _ = tp.AddSection("", false, "", title)
		}
	case 7:
		if figs := tp.Figures(); len(figs) > 0 {
			_, _ = tp.RemoveFigure(figs[rng.Intn(len(figs))].ID)
		}
	case 8:
		_, _ = tp.AddFigure(s.ID, model.Figure{Label: fmt.Sprintf("数字%d", n), Unit: "件"})
	case 9:
		// A new id, or sometimes back to one the section had before.
		id := fmt.Sprintf("renamed_%d", n)
		if len(s.Formerly) > 0 && rng.Intn(3) == 0 {
			id = s.Formerly[rng.Intn(len(s.Formerly))]
		}
		_ = tp.RenameSectionID(s.ID, id)
	}
}

// TestPropertyNothingLost: any sequence of template edits followed by a
// migration keeps every drafted text, figure value, hint and source
// somewhere in the migrated draft (its sections or the 已移除章节 part).
func TestPropertyNothingLost(t *testing.T) {
	for seed := int64(1); seed <= 200; seed++ {
		rng := rand.New(rand.NewSource(seed))
		old := standard(t)
		r := model.NewReport(old)
		var texts []string
		for _, s := range old.Flatten() {
			if rng.Intn(4) > 0 {
				txt := randomText(rng)
				r.SetText(s.ID, txt)
				texts = append(texts, txt)
			}
		}
		r.Hints, r.Sources = map[string]model.Number{}, map[string]string{}
		for i, f := range old.Figures() {
			if rng.Intn(2) == 0 {
				r.SetFigure(f.ID, model.NumberOf(float64(1000+i)))
			}
			if rng.Intn(3) == 0 {
				r.Hints[f.ID] = model.NumberOf(float64(2000 + i))
			}
			if rng.Intn(3) == 0 {
				src := randomText(rng) + fmt.Sprint(i)
				r.Sources[f.ID] = src
				texts = append(texts, src)
			}
		}
		values := map[string]string{}
		for id, v := range r.Figures {
			values[id] = v.Text
		}
		nt := old.Clone()
		nt.Version++
		edits := 1 + rng.Intn(25)
		for i := 0; i < edits; i++ {
			randomEdit(rng, nt, i)
		}
		renamed := map[string]string{} // old id → id after the edits
		for _, s := range nt.Flatten() {
			for _, f := range s.Formerly {
				if old.Section(f) != nil {
					renamed[f] = s.ID
				}
			}
		}
		withOld := rng.Intn(4) > 0
		o := old
		if !withOld {
			o = nil
		}
		before := map[string]string{}
		for id, v := range r.Sections {
			before[id] = v
		}
		Draft(r, o, nt)
		// Text under a renamed id follows the section, not just survives.
		for from, to := range renamed {
			if txt := strings.TrimSpace(before[from]); txt != "" && !strings.Contains(r.Sections[to], txt) {
				t.Fatalf("seed %d: text of %s did not follow its rename to %s", seed, from, to)
			}
		}

		data, err := r.Marshal()
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		back, err := model.ParseReport("d.yaml", data)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if err := back.Validate(nt); err != nil {
			t.Fatalf("seed %d: migrated draft does not fit: %v", seed, err)
		}
		var all strings.Builder
		for _, v := range back.Sections {
			all.WriteString(v + "\n")
		}
		for _, v := range back.Sources {
			all.WriteString(v + "\n")
		}
		for _, rs := range back.Removed {
			all.WriteString(rs.Text + "\n")
		}
		everything := all.String()
		for _, txt := range texts {
			if !strings.Contains(everything, strings.TrimSpace(txt)) {
				t.Fatalf("seed %d (%d edits): text %q lost", seed, edits, txt)
			}
		}
		for id, v := range values {
			if got, ok := back.Figures[id]; ok {
				if got.Text != v {
					t.Fatalf("seed %d: figure %s changed %s → %s", seed, id, v, got.Text)
				}
			} else if !strings.Contains(everything, "（"+id+"）”："+v) && !strings.Contains(everything, "“"+id+"”："+v) {
				t.Fatalf("seed %d: value of figure %s lost", seed, id)
			}
		}
	}
}

func TestDraftFollowsRenamedIDs(t *testing.T) {
	v1 := standard(t)
	r := model.NewReport(v1)
	r.SetText("functions", "职能文字")
	r.SetText("decisions", "决策文字")
	r.Reference = map[string]string{"functions": "去年的职能部分"}
	r.Cursor = "functions"

	// Version 2 renames functions; version 3 renames it again and renames
	// decisions' parent. A draft of version 1 goes straight to version 3.
	v2 := v1.Clone()
	v2.Version = 2
	if err := v2.RenameSectionID("functions", "gov_functions"); err != nil {
		t.Fatal(err)
	}
	v3 := v2.Clone()
	v3.Version = 3
	if err := v3.RenameSectionID("gov_functions", "duties"); err != nil {
		t.Fatal(err)
	}
	if err := v3.RenameSectionID("measures", "main_measures"); err != nil {
		t.Fatal(err)
	}
	res := Draft(r, v1, v3)
	if r.Text("duties") != "职能文字" || r.Text("decisions") != "决策文字" {
		t.Fatalf("sections %v", r.Sections)
	}
	if len(r.Removed) != 0 {
		t.Fatalf("renamed text set aside: %+v", r.Removed)
	}
	if r.Reference["duties"] != "去年的职能部分" || r.Cursor != "duties" {
		t.Fatalf("reference %v cursor %q", r.Reference, r.Cursor)
	}
	if fmt.Sprint(res.Moved) != "[[measures main_measures] [functions duties]]" || len(res.Renamed) != 0 || !res.Changed {
		t.Fatalf("result %+v", res)
	}
	if err := r.Validate(v3); err != nil {
		t.Fatal(err)
	}
}

// TestRemovedFigureKeepsInvalidText: text typed wrong in a figure the new
// template drops is kept with the removed figures, never lost.
func TestRemovedFigureKeepsInvalidText(t *testing.T) {
	old := standard(t)
	r := model.NewReport(old)
	r.SetInvalidFigure("major_decisions", "1e20")
	nt := old.Clone()
	nt.Version = 2
	if _, err := nt.RemoveFigure("major_decisions"); err != nil {
		t.Fatal(err)
	}
	Draft(r, old, nt)
	if len(r.Invalid) != 0 || len(r.Removed) != 1 || !strings.Contains(r.Removed[0].Text, "填写为“1e20”") {
		t.Fatalf("invalid %v removed %+v", r.Invalid, r.Removed)
	}
	if err := r.Validate(nt); err != nil {
		t.Fatalf("migrated draft does not fit the new template: %v", err)
	}
}
