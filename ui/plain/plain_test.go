package plain

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"nianbao/model"
	"nianbao/ui"
)

// The whole job in one script: report information, a section in Chinese
// with a spaces-only line, figures with a refused value, the check, save
// and quit. The saved YAML holds exactly what was typed.
func TestScriptedSessionWritesSavesAndChecks(t *testing.T) {
	dir := t.TempDir()
	opts := newDraft(t, dir, "草稿.yaml")
	opts.Reason = ReasonDumb
	out, err := script(t, opts, lines(
		"m", "青山县司法局", "2025", "", "2026年3月1日", "",
		"3",
		"t",
		"一是健全重大行政决策程序，全年审查规范性文件12件。",
		"   ",
		"二是落实合法性审查，做到应审必审。",
		".",
		"f",
		"3",
		"十二",
		"12",
		"5",
		"c",
		"s",
		"q",
	))
	if err != nil {
		t.Fatal(err)
	}
	first := strings.SplitN(out, "\n", 2)[0]
	if !strings.Contains(first, "纯文本模式") || !strings.Contains(first, "TERM=dumb") || !strings.Contains(first, "全屏编辑器") {
		t.Errorf("first line does not say the mode, why and how to leave: %q", first)
	}
	mustLine(t, out, "3. （一）推进行政决策科学化、民主化、法治化：未填写")
	mustLine(t, out, "第 3 节：（一）推进行政决策科学化、民主化、法治化。未填写，必填，至少 150 字。")
	mustLine(t, out, "1. 重大行政决策事项：未填写（单位 件）")
	mustLine(t, out, "2. 合法性审查件数：未填写（单位 件，必填）")
	mustLine(t, out, "本节还没有正文，输入的内容就是本节正文。")
	mustLine(t, out, "已记下：重大行政决策事项：3 件。")
	mustLine(t, out, "“十二”不是数字：只能填写阿拉伯数字和小数点。合法性审查件数没有改动，请重新输入；直接回车跳过。")
	mustLine(t, out, "已记下：合法性审查件数：12 件。")
	mustLine(t, out, "已记下：规范性文件备案件数：5 件。")
	if !strings.Contains(out, "检查结果：未通过。") {
		t.Errorf("no verdict read:\n%s", out)
	}
	mustLine(t, out, "已保存到 "+opts.Path+"（09:00:00）。")
	mustLine(t, out, "已退出。")
	// The list of sections is read once at start, not after every answer.
	if n := strings.Count(out, "3. （一）推进行政决策科学化"); n != 1 {
		t.Errorf("section list printed %d times", n)
	}

	r := load(t, opts.Path)
	want := "一是健全重大行政决策程序，全年审查规范性文件12件。\n\n二是落实合法性审查，做到应审必审。"
	if got := r.Text("decisions"); got != want {
		t.Errorf("saved text %q, want %q", got, want)
	}
	if r.Unit != "青山县司法局" || r.Year != 2025 || r.Date != "2026年3月1日" {
		t.Errorf("metadata %q %d %q", r.Unit, r.Year, r.Date)
	}
	for id, v := range map[string]string{"major_decisions": "3", "legality_reviews": "12", "normative_docs_filed": "5"} {
		if n, ok := r.Figure(id); !ok || n.Text != v {
			t.Errorf("figure %s = %+v %v, want %s", id, n, ok, v)
		}
	}
	if exists(model.AutosavePath(opts.Path, testSession)) {
		t.Error("recovery file left after save and quit")
	}
}

// A section that has text asks whether to append or replace; both give
// the text the drafter expects, and cancel leaves it alone.
func TestTextAppendReplaceCancel(t *testing.T) {
	dir := t.TempDir()
	opts := newDraft(t, dir, "d.yaml")
	opts.Report.SetText("shortcomings", "原有第一段。")
	out, err := script(t, opts, lines(
		"10", "t", "1", "追加的一段。", ".", "s",
		"t", "3",
		"t", "2", "替换后的唯一一段。", "。", "r", "s", "q"))
	if err != nil {
		t.Fatal(err)
	}
	mustLine(t, out, "本节已有正文 6 字。新输入的内容：")
	mustLine(t, out, "1. 接在原有正文后面（或输入 a）")
	mustLine(t, out, "2. 替换原有正文（或输入 r）")
	mustLine(t, out, "已记下：本节正文追加后共 2 段，13 字（尚未保存，输入 s 保存）。未写完（13 字，至少 100 字）。")
	mustLine(t, out, "正文未改动。")
	mustLine(t, out, "第 1 段：替换后的唯一一段。")
	if got := load(t, opts.Path).Text("shortcomings"); got != "替换后的唯一一段。" {
		t.Errorf("saved %q", got)
	}
}

// Only a line holding "." alone ends a block: a sentence ending in a full
// stop, a "." inside text and a spaces-only line are text.
func TestTerminatorIsOnlyALoneDot(t *testing.T) {
	cases := []struct {
		line string
		ends bool
	}{
		{".", true}, {" . ", true}, {"。", true},
		{"..", false}, {"全年办结.", false}, {"   ", false}, {"", false}, {"1.", false}, {". 一", false},
	}
	for _, c := range cases {
		if got := isTerminator(c.line); got != c.ends {
			t.Errorf("isTerminator(%q) = %v", c.line, got)
		}
	}
}

// Lines of any length are taken whole: bufio.Scanner would stop at 64 KB.
func TestVeryLongLineIsKeptWhole(t *testing.T) {
	dir := t.TempDir()
	opts := newDraft(t, dir, "d.yaml")
	long := strings.Repeat("依法行政，", 40000) // 200,000 characters, 600 KB
	if _, err := script(t, opts, lines("13", "t", long, ".", "s", "q")); err != nil {
		t.Fatal(err)
	}
	if got := load(t, opts.Path).Text("other"); got != long {
		t.Errorf("saved %d characters, typed %d", len([]rune(got)), len([]rune(long)))
	}
}

// A GBK line cannot be stored as text; it is refused in words and the
// lines around it are kept.
func TestNonUTF8LineIsRefusedAndSaid(t *testing.T) {
	dir := t.TempDir()
	opts := newDraft(t, dir, "d.yaml")
	gbk := string([]byte{0xc7, 0xe0, 0xc9, 0xbd}) // 青山 in GBK
	out, err := script(t, opts, lines("13", "t", "第一行。", gbk, "第二行。", ".", "s", "q"))
	if err != nil {
		t.Fatal(err)
	}
	mustLine(t, out, "这一行不是 UTF-8 文字（终端可能在用 GBK 编码），未采用。请把终端设为 UTF-8 后重新输入。")
	if got := load(t, opts.Path).Text("other"); got != "第一行。\n第二行。" {
		t.Errorf("saved %q", got)
	}
}

// Values that are not numbers are never stored as anything else: the
// reason is said, the figure keeps its old value and the file never sees
// the bad text.
func TestInvalidFigureValuesAreNeverSaved(t *testing.T) {
	dir := t.TempDir()
	opts := newDraft(t, dir, "d.yaml")
	opts.Report.SetFigure("review_received", model.Number{Value: 20, Text: "20"})
	out, err := script(t, opts, lines(
		"5", "f 1", "20件", "", // refused, then kept
		"f 4", "8.5%", "八", "", // refused twice, then skipped
		"f 2", "12a", "abc", "清除", // refused twice; 清除 on an empty figure changes nothing
		"s",
		"f 3", "1,5", // a separator read away is said, not hidden
		"f 6", "１２", // full-width digits
		"s", "q"))
	if err != nil {
		t.Fatal(err)
	}
	mustLine(t, out, "“20件”不是数字：只能填写阿拉伯数字和小数点。行政复议收案数没有改动，请重新输入；直接回车跳过。")
	mustLine(t, out, "请只填数字，不要带“%”：单位由模板给出。行政复议纠错率没有改动，请重新输入；直接回车跳过。")
	mustLine(t, out, "“12a”不是数字：只能填写阿拉伯数字和小数点。行政复议审结数没有改动，请重新输入；直接回车跳过。")
	mustLine(t, out, "已记下：行政复议纠错数：15 件（输入的“1,5”记为 15）。")
	mustLine(t, out, "已记下：行政诉讼败诉数：12 件（输入的“１２”记为 12）。")
	if strings.Count(out, "数字没有变化。") != 3 {
		t.Errorf("each refused walk should end unchanged:\n%s", out)
	}
	data, err := os.ReadFile(opts.Path)
	if err != nil {
		t.Fatal(err)
	}
	r := load(t, opts.Path)
	if n, _ := r.Figure("review_received"); n.Text != "20" {
		t.Errorf("review_received = %+v", n)
	}
	if _, ok := r.Figure("review_correction_rate"); ok {
		t.Error("a refused rate was stored")
	}
	if _, ok := r.Figure("review_decided"); ok {
		t.Error("a refused count was stored")
	}
	for _, bad := range []string{"20件", "8.5%", "八", "12a", "abc"} {
		if strings.Contains(string(data), bad) {
			t.Errorf("file holds %q", bad)
		}
	}
}

// After figures the check's findings about them are read at once: a rate
// that does not match its own counts is heard right away.
func TestFigureFindingsAreReadAfterEntry(t *testing.T) {
	dir := t.TempDir()
	opts := newDraft(t, dir, "d.yaml")
	out, err := script(t, opts, lines("5", "f", "30", "25", "5", "50", "", "", "", "", "", "", "", "", "", "q", "n"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "本节数字检查发现") || !strings.Contains(out, "错误：") || !strings.Contains(out, "行政复议纠错率") {
		t.Errorf("rate mismatch not read out:\n%s", out)
	}
}

// q follows the full editor: nothing unsaved quits at once; otherwise
// s/y saves and quits, n/d quits without saving, c stays.
func TestQuitConfirmSemantics(t *testing.T) {
	for _, c := range []struct {
		answers []string
		saved   bool
	}{
		{[]string{"s"}, true}, {[]string{"y"}, true}, {[]string{"1"}, true}, {[]string{""}, true},
		{[]string{"n"}, false}, {[]string{"d"}, false}, {[]string{"2"}, false},
		{[]string{"c", "q", "d"}, false}, {[]string{"x", "3", "q", "s"}, true},
	} {
		t.Run(strings.Join(c.answers, ","), func(t *testing.T) {
			dir := t.TempDir()
			opts := newDraft(t, dir, "d.yaml")
			in := append([]string{"13", "t", "暂无。", ".", "q"}, c.answers...)
			out, err := script(t, opts, lines(in...))
			if err != nil {
				t.Fatal(err)
			}
			mustLine(t, out, "有尚未保存的修改。")
			if exists(opts.Path) != c.saved {
				t.Errorf("saved = %v, want %v\n%s", exists(opts.Path), c.saved, out)
			}
			if exists(model.AutosavePath(opts.Path, testSession)) {
				t.Error("recovery file left after a chosen quit")
			}
			if !c.saved && !strings.Contains(out, "未保存，已退出。") {
				t.Errorf("quit without saving not said:\n%s", out)
			}
		})
	}
	// Nothing to save: q quits without a question.
	opts := newDraft(t, t.TempDir(), "d.yaml")
	out, err := script(t, opts, lines("q"))
	if err != nil || strings.Contains(out, "有尚未保存的修改") || !hasLine(out, "已退出。") {
		t.Errorf("clean quit: %v\n%s", err, out)
	}
}

// EOF in the middle of a block: the lines typed so far are not dropped.
// They go to the recovery file, the draft is untouched, and the session
// ends saying where they are; the next session offers them back.
func TestEOFMidEntryKeepsTheTypedLines(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "d.yaml")
	base := newDraft(t, dir, "d.yaml")
	base.Report.SetText("other", "暂无。")
	if err := base.Report.Save(path); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)

	opts := openDraft(t, path)
	out, err := script(t, opts, "12\nt\n一是继续完善制度。\n二是加强")
	var ended *ui.Ended
	if !errors.As(err, &ended) {
		t.Fatalf("want *ui.Ended, got %v\n%s", err, out)
	}
	if ended.Recovery != model.AutosavePath(path, testSession) || !strings.Contains(out, "输入结束（EOF）") || !strings.Contains(out, ended.Recovery) {
		t.Errorf("end not said with the recovery file: %+v\n%s", ended, out)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("the draft changed without a save")
	}

	opts = openDraft(t, path)
	if len(opts.Recoveries) == 0 {
		t.Fatal("no recovery offered")
	}
	out, err = script(t, opts, lines("1", "12", "r", "s", "q"))
	if err != nil {
		t.Fatal(err)
	}
	mustLine(t, out, "1. 四、下一年度推进法治政府建设的主要安排：0 → 14 字")
	mustLine(t, out, "第 2 段：二是加强")
	if got := load(t, path).Text("plans"); got != "一是继续完善制度。\n二是加强" {
		t.Errorf("recovered %q", got)
	}
	if exists(model.AutosavePath(path, testSession)) {
		t.Error("recovery file left after saving what it held")
	}
}

// EOF with nothing unsaved is an ordinary quit.
func TestEOFWithNothingUnsavedQuits(t *testing.T) {
	opts := newDraft(t, t.TempDir(), "d.yaml")
	out, err := script(t, opts, "1\nr\n")
	if err != nil {
		t.Fatal(err)
	}
	mustLine(t, out, "输入已结束，没有未保存的修改，已退出。")
}

// While the drafter pauses the recovery file already holds the block
// being typed, so a kill -9 loses nothing; a signal then ends the session
// the way a closed terminal does.
func TestPauseWritesRecoveryAndSignalEnds(t *testing.T) {
	dir := t.TempDir()
	opts := newDraft(t, dir, "d.yaml")
	in := newStepReader()
	sigs := make(chan os.Signal, 1)
	var out strings.Builder
	opts.In, opts.Out, opts.Signals = in, &out, sigs
	done := make(chan error)
	go func() { done <- Run(opts) }()
	in.send("11\nt\n主要负责人带头学法。\n")
	<-in.waiting // the session waits for the next line
	rec, err := findRecovery(opts.Path)
	if err != nil || rec == nil {
		t.Fatalf("no recovery file at the pause: %v", err)
	}
	if got := rec.Report.Text("leadership"); got != "主要负责人带头学法。" {
		t.Errorf("recovery holds %q", got)
	}
	sigs <- syscall.SIGTERM
	err = <-done
	var ended *ui.Ended
	if !errors.As(err, &ended) || ended.Cause != "收到 SIGTERM 信号" {
		t.Fatalf("got %v", err)
	}
	assertPlainText(t, out.String())
	if exists(opts.Path) {
		t.Error("the draft was written without a save")
	}
}

// With the real pause, lines arriving together (a paste) are not written
// one by one: nothing is written while they come, and the end of the
// session still writes them all.
func TestPasteIsNotAutosavedLineByLine(t *testing.T) {
	opts := newDraft(t, t.TempDir(), "d.yaml")
	opts.autosavePause = time.Hour // the drafter never pauses
	in := newStepReader()
	sigs := make(chan os.Signal, 1)
	var out strings.Builder
	opts.In, opts.Out, opts.Signals = in, &out, sigs
	done := make(chan error)
	go func() { done <- Run(opts) }()
	in.send("11\nt\n第一段。\n第二段。\n第三段。\n")
	<-in.waiting
	if exists(model.AutosavePath(opts.Path, testSession)) {
		t.Error("recovery written before the drafter paused")
	}
	sigs <- syscall.SIGHUP
	var ended *ui.Ended
	if err := <-done; !errors.As(err, &ended) || ended.Cause != "终端已关闭（SIGHUP）" {
		t.Fatalf("got %v", err)
	}
	rec, err := findRecovery(opts.Path)
	if err != nil || rec == nil || rec.Report.Text("leadership") != "第一段。\n第二段。\n第三段。" {
		t.Fatalf("recovery after SIGHUP: %v %+v", err, rec)
	}
}

// When input stops for the pause, the recovery file is written without
// waiting for the next line.
func TestPauseInTypingWritesRecovery(t *testing.T) {
	opts := newDraft(t, t.TempDir(), "d.yaml")
	opts.autosavePause = time.Millisecond
	in := newStepReader()
	sigs := make(chan os.Signal, 1)
	var out strings.Builder
	opts.In, opts.Out, opts.Signals = in, &out, sigs
	done := make(chan error)
	go func() { done <- Run(opts) }()
	in.send("11\nt\n主要负责人带头学法。\n")
	<-in.waiting
	// Waits for the write, however slow the machine; asserts no duration.
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		if rec, _ := findRecovery(opts.Path); rec != nil && rec.Report.Text("leadership") == "主要负责人带头学法。" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("recovery file never written during the pause")
		}
	}
	sigs <- syscall.SIGTERM
	<-done
}

// Discarding a recovery file takes a second yes; going back offers it
// again.
func TestRecoveryDiscardNeedsConfirmation(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "d.yaml")
	o := newDraft(t, dir, "d.yaml")
	if err := o.Report.Save(path); err != nil {
		t.Fatal(err)
	}
	o.Report.SetText("other", "恢复文件里的字。")
	if _, err := o.Report.WriteAutosave(path, testSession); err != nil {
		t.Fatal(err)
	}
	out, err := script(t, openDraft(t, path), lines("d", "n", "2", "y", "13", "q"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(out, "如何处理？") != 2 {
		t.Errorf("going back should ask again:\n%s", out)
	}
	mustLine(t, out, "已丢弃恢复文件。")
	mustLine(t, out, "正文：空。")
	if exists(model.AutosavePath(path, testSession)) {
		t.Error("recovery file still there")
	}
}

// Choosing to decide later keeps the recovery file and ends the session.
func TestRecoveryLaterKeepsFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "d.yaml")
	o := newDraft(t, dir, "d.yaml")
	if err := o.Report.Save(path); err != nil {
		t.Fatal(err)
	}
	o.Report.SetText("other", "恢复文件里的字。")
	if _, err := o.Report.WriteAutosave(path, testSession); err != nil {
		t.Fatal(err)
	}
	out, err := script(t, openDraft(t, path), lines("q"))
	if err != nil {
		t.Fatal(err)
	}
	mustLine(t, out, "已退出，恢复文件保留。")
	if !exists(model.AutosavePath(path, testSession)) {
		t.Error("recovery file removed")
	}
}

// A replacing block cut off before its "." does not cost the old text:
// the recovery file holds the old text and the new lines after it.
func TestUnfinishedReplaceKeepsOldText(t *testing.T) {
	opts := newDraft(t, t.TempDir(), "d.yaml")
	opts.Report.SetText("plans", "还没保存的原有安排。")
	out, err := script(t, opts, "12\nt\n2\n新的安排第一段。  \n")
	var ended *ui.Ended
	if !errors.As(err, &ended) {
		t.Fatalf("got %v", err)
	}
	mustLine(t, out, "本节正文的替换没有完成（没有输入“.”）：恢复文件中保留了原有正文，新输入的内容接在后面。")
	rec, err := findRecovery(opts.Path)
	if err != nil || rec == nil {
		t.Fatal("no recovery file", err)
	}
	if got := rec.Report.Text("plans"); got != "还没保存的原有安排。\n新的安排第一段。" {
		t.Errorf("recovery holds %q", got)
	}
}

// Spaces at line ends are not text; leading full-width indents are.
func TestComposeText(t *testing.T) {
	for _, c := range []struct {
		old    string
		lines  []string
		append bool
		want   string
	}{
		{"", []string{"　　第一段。", "   ", "第二段。 \t", "", "  "}, false, "　　第一段。\n\n第二段。"},
		{"原有。", []string{"追加。"}, true, "原有。\n追加。"},
		{"原有。\n", []string{"追加。"}, true, "原有。\n追加。"},
		{"原有。", []string{"替换。"}, false, "替换。"},
		{"  ", []string{"新。"}, true, "新。"},
		{"原有。", []string{"", " "}, true, "原有。"},
	} {
		if got := composeText(c.old, c.lines, c.append); got != c.want {
			t.Errorf("composeText(%q, %q, %v) = %q, want %q", c.old, c.lines, c.append, got, c.want)
		}
	}
}

// TestFiguresInTheTextCountAsGiven: a section whose text states its
// required figures and is long enough is 已完成, as the full editor's
// outline marks it; plain mode once asked for the figures to be typed
// into their fields as well.
func TestFiguresInTheTextCountAsGiven(t *testing.T) {
	dir := t.TempDir()
	opts := newDraft(t, dir, "d.yaml")
	text := "全年提交县政府常务会议审议的议题全部经过合法性审查，全年开展合法性审查156件，提出修改意见260条，" +
		"向县人大常委会报送备案规范性文件12件，报备率、及时率均为100%。严格落实重大行政决策程序，全年作出重大行政决策6项，" +
		"均履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序。组织清理规范性文件58件，废止9件、修改4件，" +
		"法律顾问参与重大事项研究论证37次。"
	opts.Report.SetFigure("normative_docs_filed", model.Number{Value: 11, Text: "11"})
	out, err := script(t, opts, lines("3", "t", text, ".", "s", "3", "q"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "字（尚未保存，输入 s 保存）。有错误。") && !strings.Contains(out, "字（尚未保存，输入 s 保存）。已完成。") {
		t.Errorf("the section is not done though its text states its figures:\n%s", out)
	}
	// The figures are read with what the text states, as the editor's
	// figure panel shows it.
	mustLine(t, out, "2. 合法性审查件数：数字栏未填，文中写的是 156 件（“"+strings.SplitAfter(text, "。")[0]+"”），按文中计")
	if !strings.Contains(out, "3. 规范性文件备案件数：11 件，与文中的 12 件不符") {
		t.Errorf("a typed value that disagrees with the text is not said:\n%s", out)
	}
}

// TestUnfinishedSaysWhatIsMissing: 未写完 says what the section lacks
// (its figures stated, its text short), and 有错误 how many errors the
// check found in it (a required figure neither typed nor stated is one).
func TestUnfinishedSaysWhatIsMissing(t *testing.T) {
	dir := t.TempDir()
	opts := newDraft(t, dir, "d.yaml")
	out, err := script(t, opts, lines("3", "t", "全年开展合法性审查156件，报送备案规范性文件12件。", ".",
		"t", "r", "全年开展合法性审查156件。", ".", "s", "q"))
	if err != nil {
		t.Fatal(err)
	}
	mustLine(t, out, "已记下：本节正文替换为 1 段，27 字（尚未保存，输入 s 保存）。未写完（27 字，至少 150 字）。")
	mustLine(t, out, "已记下：本节正文替换为 1 段，14 字（尚未保存，输入 s 保存）。有错误（1 条，输入 c 检查全文读出）。")
}
