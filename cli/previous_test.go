package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/model"
	"nianbao/ui"
)

const (
	lastYearDoc = "testdata/followup-2023.txt"
	thisYearDoc = "testdata/followup-2024.txt"
)

func TestNewWithPrevious(t *testing.T) {
	out := filepath.Join(t.TempDir(), "2024.yaml")
	code, _, errOut := run(t, "new", "--previous", lastYearDoc, "--unit", "青山县人民政府", "--year", "2024", "-o", out)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	r, err := model.LoadReport(out)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(lastYearDoc)
	sum := sha256.Sum256(data)
	p := r.Previous
	absLast, _ := filepath.Abs(lastYearDoc)
	if p == nil || p.File != absLast || p.SHA256 != hex.EncodeToString(sum[:]) || p.Year != 2023 {
		t.Fatalf("previous = %+v", p)
	}
	if !strings.Contains(p.Plans, "五是开展行政机关负责人出庭应诉专项督查") || !strings.Contains(p.Shortcomings, "乡镇司法所人员配备不足") {
		t.Errorf("plans %q shortcomings %q", p.Plans, p.Shortcomings)
	}
	if p.Figures["review_received"].Value != 120 || r.Hints["review_received"].Value != 120 {
		t.Errorf("figures %v hints %v", p.Figures, r.Hints)
	}
	// The draft checks against the copy it keeps, without the file.
	r.SetText("disputes", "全年受理行政复议申请132件，同比增长50%。")
	r.SetFigure("review_received", model.NumberOf(132))
	if err := r.Save(out); err != nil {
		t.Fatal(err)
	}
	_, stdout, _ := run(t, "check", out)
	for _, want := range []string{"[followup.change]", "(132 − 120) ÷ 120 = 10.0%", "[plans.unfollowed]", "去年工作安排 5 项，今年报告中找到落实 0 项"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("check of the draft lacks %q:\n%s", want, stdout)
		}
	}
}

func TestCheckWithPrevious(t *testing.T) {
	code, out, errOut := run(t, "check", "--previous", lastYearDoc, thisYearDoc)
	if code != ExitOK {
		t.Fatalf("exit %d: %s\n%s", code, errOut, out)
	}
	want := []string{
		"followup-2024.txt:3: [plans.unfollowed] 警告：去年报告的工作安排“建成一批法治文化公园",
		"[plans.unfollowed] 警告：去年报告的工作安排“开展行政机关负责人出庭应诉专项督查",
		"followup-2024.txt:9: [followup.change]",
		"[followup.jump] 警告：数字“普法活动场次”去年为40场，今年为400场",
		"followup-2024.txt:13: [followup.copied] 提示：本节约 100% 的文字",
		"去年工作安排 5 项，今年报告中找到落实 3 项",
		"  ✓ 推行包容审慎监管，制定轻微违法行为不予处罚清单\n      → 出台《市场监管领域轻微违法行为不予处罚清单》",
	}
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	if n := strings.Count(out, "[plans.unfollowed]"); n != 2 {
		t.Errorf("%d unfollowed plans, want 2", n)
	}
	// The correction-rate claim agrees with last year's 9.1%.
	if strings.Contains(out, "纠错率由上年") {
		t.Errorf("a consistent claim was reported:\n%s", out)
	}
	// Without --previous, none of it.
	_, out, _ = run(t, "check", thisYearDoc)
	if strings.Contains(out, "followup.") || strings.Contains(out, "plans.unfollowed") || strings.Contains(out, "去年工作安排") {
		t.Errorf("follow-up without --previous:\n%s", out)
	}
}

func TestPreviousUnreadable(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "空白.txt")
	if err := os.WriteFile(empty, []byte("青山县人民政府\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ path, want string }{
		{filepath.Join(dir, "没有.docx"), "无法读取去年的报告"},
		{empty, "没有找到工作安排"},
	} {
		code, out, errOut := run(t, "check", "--previous", c.path, thisYearDoc)
		if code != ExitInput || !strings.Contains(errOut, c.want) || !strings.Contains(errOut, c.path) || out != "" {
			t.Errorf("%s: exit %d, stderr %q, stdout %q", c.path, code, errOut, out)
		}
		code, _, errOut = run(t, "new", "--previous", c.path, "-o", filepath.Join(dir, "x.yaml"))
		if code != ExitInput || !strings.Contains(errOut, c.want) {
			t.Errorf("new: %s: exit %d, stderr %q", c.path, code, errOut)
		}
	}
}

func TestEditPrevious(t *testing.T) {
	var uo ui.Options
	if err := editPrevious(&editOptions{previous: lastYearDoc}, &uo); err != nil {
		t.Fatal(err)
	}
	if uo.Attach == nil || uo.Attach.Year != 2023 || uo.LoadPrevious == nil {
		t.Fatalf("options %+v", uo)
	}
	// F7 reads through the same loader; its error is one plain message.
	if _, err := uo.LoadPrevious("没有这个文件.docx"); err == nil || !strings.HasPrefix(err.Error(), "没有这个文件.docx") {
		t.Errorf("error %v", err)
	}
	if err := editPrevious(&editOptions{previous: "没有这个文件.docx"}, &ui.Options{}); err == nil {
		t.Error("an unreadable --previous must stop edit")
	}
}

func TestPreviousFileChangedSinceAttached(t *testing.T) {
	dir := t.TempDir()
	last := filepath.Join(dir, "2023.txt")
	data, _ := os.ReadFile(lastYearDoc)
	if err := os.WriteFile(last, data, 0o644); err != nil {
		t.Fatal(err)
	}
	// The draft in a sibling folder names the file by its absolute path.
	draftPath := filepath.Join(dir, "2024", "2024.yaml")
	if err := os.Mkdir(filepath.Dir(draftPath), 0o755); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run(t, "new", "--previous", last, "--unit", "青山县人民政府", "--year", "2024", "-o", draftPath); code != ExitOK {
		t.Fatal(errOut)
	}
	_, out, _ := run(t, "check", draftPath)
	if strings.Contains(out, "改动过") {
		t.Errorf("unchanged file reported changed:\n%s", out)
	}
	if err := os.WriteFile(last, append(data, "补充说明。\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, _ = run(t, "check", draftPath)
	if !strings.Contains(out, "2023.txt 在附上之后改动过") {
		t.Errorf("changed file not noticed:\n%s", out)
	}
	// Gone: the copy in the draft is enough.
	os.Remove(last)
	_, out, _ = run(t, "check", draftPath)
	if strings.Contains(out, "改动过") || !strings.Contains(out, "[plans.unfollowed]") {
		t.Errorf("without the file:\n%s", out)
	}
}

// A department's pair (three-part layout, numbered plans): the plans taken
// up in other words pass, the three left out are named, the wrong count
// and the percent written for percentage points are reported, the correct
// 同比增长 claims are not, and the copied shortcomings are noticed.
func TestCheckWithPreviousDepartment(t *testing.T) {
	_, out, errOut := run(t, "check", "--previous", "testdata/followup-dept-2023.txt", "testdata/followup-dept-2024.txt")
	if errOut != "" {
		t.Fatalf("stderr: %s", errOut)
	}
	var unfollowed []string
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "[plans.unfollowed]") {
			unfollowed = append(unfollowed, l)
		}
	}
	want := []string{"守底线、查隐患、保安全", "企业信用修复工作机制", "旁听庭审"}
	if len(unfollowed) != len(want) {
		t.Fatalf("unfollowed %q, want %q", unfollowed, want)
	}
	for i, w := range want {
		if !strings.Contains(unfollowed[i], w) {
			t.Errorf("unfollowed plan %d = %q, want %q", i, unfollowed[i], w)
		}
	}
	for _, w := range []string{
		"[followup.change] 警告：“较上年增加36件”与去年报告的数字不符：行政处罚案件数去年为260件、今年为286件，286 − 260 = 26件",
		"是下降2个百分点，不是下降2%",
		"[followup.copied] 提示：本节约 100% 的文字",
		"去年工作安排 6 项，今年报告中找到落实 3 项",
		"✓ 发挥法律顾问作用，重大执法决定法制审核率达到100%",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	if n := strings.Count(out, "[followup.change]"); n != 2 {
		t.Errorf("%d change findings, want 2 (同比增长20%% and 50%% agree):\n%s", n, out)
	}
}

func TestRecordedPath(t *testing.T) {
	dir := t.TempDir()
	draft := filepath.Join(dir, "2024", "草稿.yaml")
	for _, c := range []struct{ prev, want string }{
		{filepath.Join(dir, "2024", "去年.docx"), "去年.docx"},
		{filepath.Join(dir, "2024", "旧", "去年.docx"), filepath.Join("旧", "去年.docx")},
		{filepath.Join(dir, "2023", "去年.docx"), filepath.Join(dir, "2023", "去年.docx")},
	} {
		if got := recordedPath(c.prev, draft); got != c.want {
			t.Errorf("recordedPath(%s) = %s, want %s", c.prev, got, c.want)
		}
	}
	if got := recordedPath("a/去年.docx", "-"); got != "a/去年.docx" {
		t.Errorf("to stdout: %s", got)
	}
}
