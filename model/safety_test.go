package model

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// crashed is an editor session that no longer runs: a PID above any the
// kernel hands out, on this boot.
var crashed = Session{PID: 2147483000, Start: 12345, Boot: ThisSession().Boot}

// findOne is FindRecoveries for tests that leave at most one file.
func findOne(path string) (*Recovery, error) {
	recs, err := FindRecoveries(path)
	if len(recs) == 0 {
		return nil, err
	}
	return recs[0], err
}

// liveChild starts a process that stays alive until the test ends and
// returns its session as it would record itself.
func liveChild(t *testing.T) (*exec.Cmd, Session) {
	t.Helper()
	cmd := exec.Command("sleep", "60")
	if err := cmd.Start(); err != nil {
		t.Skipf("cannot start a child process: %v", err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	st, ok := readProcStat(cmd.Process.Pid)
	if !ok {
		t.Skip("no /proc")
	}
	exe, _ := os.Readlink("/proc/" + strconv.Itoa(cmd.Process.Pid) + "/exe")
	me := ThisSession()
	return cmd, Session{PID: cmd.Process.Pid, Start: st.start, Boot: me.Boot, Host: me.Host, Exe: exe}
}

func draftFile(t *testing.T, body string, perm os.FileMode) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "d.yaml")
	if err := os.WriteFile(path, []byte(body), perm); err != nil {
		t.Fatal(err)
	}
	os.Chmod(path, perm)
	return path
}

const twoLines = "unit: 甲\nyear: 2025\nsections:\n  measures: 原文。\n"

// TestSessionLiveness: a PID alone does not prove an editor runs. Each
// case is a way a dead editor's PID can still answer signal 0.
func TestSessionLiveness(t *testing.T) {
	_, live := liveChild(t)
	other := ThisSession().Boot + "x"
	cases := []struct {
		name string
		s    Session
		want bool
	}{
		{"the process as recorded", live, true},
		{"this process", ThisSession(), true},
		{"PID reused: another start time", Session{PID: live.PID, Start: live.Start + 1, Boot: live.Boot}, false},
		{"same PID and start, another program", Session{PID: live.PID, Start: live.Start, Boot: live.Boot, Exe: "/usr/bin/nianbao"}, false},
		{"from before the last reboot", Session{PID: live.PID, Start: live.Start, Boot: other}, false},
		{"no such process", crashed, false},
		{"PID 0", Session{}, false},
		{"another host cannot be checked", Session{PID: crashed.PID, Host: ThisSession().Host + "-elsewhere"}, true},
	}
	for _, c := range cases {
		if got := c.s.Alive(); got != c.want {
			t.Errorf("%s: Alive() = %v, want %v", c.name, got, c.want)
		}
	}
	// The id in side-file names carries PID, start and boot.
	back, ok := parseSessionID(live.ID())
	if !ok || back.PID != live.PID || back.Start != live.Start || back.Boot != live.Boot || !back.Alive() {
		t.Errorf("id %q read back as %+v, %v", live.ID(), back, ok)
	}
	for _, bad := range []string{"", "12", "a-1-ff", "1-2-XYZ", "../1-2-3", "0-1-ff"} {
		if _, ok := parseSessionID(bad); ok {
			t.Errorf("parseSessionID(%q) accepted", bad)
		}
	}
}

// TestZombieIsNotALiveEditor: an editor killed a moment ago whose parent
// has not reaped it still has a PID that signal 0 finds.
func TestZombieIsNotALiveEditor(t *testing.T) {
	cmd, s := liveChild(t)
	cmd.Process.Signal(syscall.SIGKILL)
	deadline := time.Now().Add(5 * time.Second)
	for {
		st, ok := readProcStat(s.PID)
		if ok && st.state == 'Z' {
			break
		}
		if time.Now().After(deadline) {
			t.Skip("the child never showed as a zombie")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if syscall.Kill(s.PID, 0) != nil {
		t.Skip("signal 0 already fails; nothing to show")
	}
	if s.Alive() {
		t.Fatal("a zombie counts as a live editor")
	}
	path := draftFile(t, twoLines, 0o644)
	os.WriteFile(LockPath(path, s), []byte(strconv.Itoa(s.PID)+"\n"+s.Host+"\n"+time.Now().Format(time.RFC3339)+"\n"), 0o600)
	_, others, err := AcquireLock(path, ThisSession())
	if err != nil || len(others) != 0 {
		t.Fatalf("zombie's lock reported as a holder: %v %v", others, err)
	}
}

// TestLegacyLocksJudgedByProcessStart: locks of older versions name only
// a PID and a time; a process that started after that time did not write
// it.
func TestLegacyLocksJudgedByProcessStart(t *testing.T) {
	host, _ := os.Hostname()
	cases := []struct {
		name, body string
		live       bool
	}{
		{"PID 1 from 2020", "1\n" + host + "\n2020-03-01T10:00:00+08:00\n", false},
		{"PID 1 written now", "1\n" + host + "\n" + time.Now().Format(time.RFC3339) + "\n", true},
		{"no such PID", "2147483000\n" + host + "\n" + time.Now().Format(time.RFC3339) + "\n", false},
		{"another host", "1\nelsewhere-" + host + "\n2020-03-01T10:00:00+08:00\n", true},
		{"not a lock", "hello\n", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := draftFile(t, twoLines, 0o644)
			os.WriteFile(filepath.Join(filepath.Dir(path), ".d.yaml.lock"), []byte(c.body), 0o644)
			l, others, err := AcquireLock(path, ThisSession())
			if err != nil || l == nil {
				t.Fatalf("acquire: %v", err)
			}
			defer l.Release()
			if got := len(others) == 1; got != c.live {
				t.Errorf("reported as holder = %v, want %v (%v)", got, c.live, others)
			}
		})
	}
}

// TestEveryEditorRegisters: the second editor (opened with 仍然打开) holds
// a lock too, so a third one sees both; each releases only its own.
func TestEveryEditorRegisters(t *testing.T) {
	path := draftFile(t, twoLines, 0o644)
	_, a := liveChild(t)
	_, b := liveChild(t)
	la, others, err := AcquireLock(path, a)
	if err != nil || len(others) != 0 {
		t.Fatalf("first: %v %v", others, err)
	}
	lb, others, err := AcquireLock(path, b)
	if err != nil || len(others) != 1 || others[0].PID != a.PID {
		t.Fatalf("second sees %v, %v", others, err)
	}
	lc, others, err := AcquireLock(path, ThisSession())
	if err != nil || len(others) != 2 {
		t.Fatalf("third sees %v, %v", others, err)
	}
	if st, err := os.Stat(LockPath(path, a)); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("lock mode: %v %v", st, err)
	}
	lb.Release()
	if files := LockFiles(path); len(files) != 2 {
		t.Errorf("releasing one lock touched another: %v", files)
	}
	la.Release()
	lc.Release()
	if files := LockFiles(path); len(files) != 0 {
		t.Errorf("left: %v", files)
	}
}

// TestLockRefusesPlantedFile: something planted at this session's own
// lock name is not written through or taken as ours.
func TestLockRefusesPlantedFile(t *testing.T) {
	path := draftFile(t, twoLines, 0o644)
	victim := filepath.Join(t.TempDir(), "victim")
	os.WriteFile(victim, []byte("keep"), 0o644)
	os.Symlink(victim, LockPath(path, ThisSession()))
	if l, _, err := AcquireLock(path, ThisSession()); err == nil || l != nil {
		t.Fatalf("lock through a planted symlink: %v %v", l, err)
	}
	if got, _ := os.ReadFile(victim); string(got) != "keep" {
		t.Fatal("the link's target was written")
	}
}

// TestTwoEditorsKeepSeparateRecoveryFiles: each editor writes its own
// file; a running editor's file is never offered, a crashed one's is.
func TestTwoEditorsKeepSeparateRecoveryFiles(t *testing.T) {
	path := draftFile(t, twoLines, 0o644)
	r, err := LoadReport(path)
	if err != nil {
		t.Fatal(err)
	}
	_, live := liveChild(t)
	a, b := r.Snapshot(), r.Snapshot()
	a.SetText("measures", "甲编辑器写的。")
	b.SetText("measures", "乙编辑器写的。")
	pa, err := a.WriteAutosave(path, live)
	if err != nil {
		t.Fatal(err)
	}
	pb, err := b.WriteAutosave(path, crashed)
	if err != nil || pa == pb {
		t.Fatalf("shared or failed: %s %s %v", pa, pb, err)
	}
	recs, err := FindRecoveries(path)
	if err != nil || len(recs) != 1 || recs[0].Path != pb || recs[0].Report.Text("measures") != "乙编辑器写的。" {
		t.Fatalf("offered %v, %v; want only the crashed editor's", recs, err)
	}
	if got := len(RecoveryFiles(path)); got != 2 {
		t.Errorf("RecoveryFiles = %d, want 2", got)
	}
	// Once the first editor is gone too, both are offered.
	other := crashed
	other.PID++
	os.Rename(pa, AutosavePath(path, other))
	recs, _ = FindRecoveries(path)
	if len(recs) != 2 {
		t.Fatalf("after both crashed: %d offered", len(recs))
	}
}

// TestRecoveryOlderThanDraft: the offer knows the draft was written later.
func TestRecoveryOlderThanDraft(t *testing.T) {
	path := draftFile(t, twoLines, 0o644)
	r, _ := LoadReport(path)
	r.SetText("measures", "恢复文件里的。")
	p, _ := r.WriteAutosave(path, crashed)
	old := time.Now().Add(-time.Hour)
	os.Chtimes(p, old, old)
	rec, err := findOne(path)
	if err != nil || rec == nil || !rec.DraftNewer() {
		t.Fatalf("rec %+v, %v", rec, err)
	}
	os.Chtimes(path, old.Add(-time.Hour), old.Add(-time.Hour))
	if rec, _ := findOne(path); rec.DraftNewer() {
		t.Error("an older draft called newer")
	}
}

// TestSideFilesKeepPrivacyAndRefusePlants: a 0600 draft's recovery file,
// backup and dump are 0600; planted links and FIFOs at side-file names
// are not followed, and a FIFO never blocks.
func TestSideFilesKeepPrivacyAndRefusePlants(t *testing.T) {
	path := draftFile(t, twoLines, 0o600)
	dir := filepath.Dir(path)
	r, _ := LoadReport(path)
	r.SetText("measures", "私密的字。")
	victim := filepath.Join(t.TempDir(), "victim")
	os.WriteFile(victim, []byte("keep"), 0o644)
	ap := AutosavePath(path, ThisSession())
	os.Symlink(victim, ap)
	if _, err := r.WriteAutosave(path, ThisSession()); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(victim); string(got) != "keep" {
		t.Fatal("autosave wrote through a planted symlink")
	}
	st, _ := os.Lstat(ap)
	if !st.Mode().IsRegular() || st.Mode().Perm() != 0o600 {
		t.Errorf("autosave is %v", st.Mode())
	}
	os.Symlink(victim, path+".bak")
	bak, err := BackupFile(path)
	if err != nil || bak != path+".bak2" {
		t.Fatalf("backup %s, %v", bak, err)
	}
	if st, _ := os.Lstat(bak); st.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v", st.Mode().Perm())
	}
	if got, _ := os.ReadFile(victim); string(got) != "keep" {
		t.Fatal("backup wrote through a planted symlink")
	}

	// A FIFO and a symlink at crashed editors' recovery names.
	fifo := AutosavePath(path, crashed)
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	other := crashed
	other.PID++
	os.Symlink(victim, AutosavePath(path, other))
	done := make(chan error, 1)
	go func() { _, err := FindRecoveries(path); done <- err }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "命名管道") || !strings.Contains(err.Error(), "符号链接") {
			t.Errorf("planted files not reported: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("FindRecoveries blocked on a FIFO")
	}
	if err := RemoveRecovery(AutosavePath(path, other)); err == nil {
		t.Error("removed a symlink as if it were a recovery file")
	}
	// A FIFO as the draft itself: refused, not waited on.
	dfifo := filepath.Join(dir, "fifo.yaml")
	syscall.Mkfifo(dfifo, 0o600)
	go func() { _, err := ReadDiskState(dfifo); done <- err }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "不是普通文件") {
			t.Errorf("FIFO draft: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("ReadDiskState blocked on a FIFO")
	}
	if err := WriteFileAtomic(dfifo, []byte("x")); err == nil {
		t.Error("saved over a FIFO")
	}
}

func TestWriteDumpIsPrivateInStateDir(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	p1, err := WriteDump([]byte("最后的文字"))
	if err != nil {
		t.Fatal(err)
	}
	state, _ := StateDir()
	if !strings.HasPrefix(p1, state) {
		t.Errorf("dump %s outside %s", p1, state)
	}
	if st, _ := os.Lstat(p1); st.Mode().Perm() != 0o600 {
		t.Errorf("dump mode %v", st.Mode().Perm())
	}
	if got, _ := os.ReadFile(p1); string(got) != "最后的文字" {
		t.Errorf("dump holds %q", got)
	}
}

// TestSaveThroughSymlinkKeepsLink: the edits reach the real file, the
// link stays a link, and its target keeps its mode.
func TestSaveThroughSymlinkKeepsLink(t *testing.T) {
	real := draftFile(t, twoLines, 0o640)
	link := filepath.Join(t.TempDir(), "link.yaml")
	os.Symlink(real, link)
	r, err := LoadReport(link)
	if err != nil {
		t.Fatal(err)
	}
	r.SetText("measures", "经链接保存。")
	if err := r.SaveChecked(link); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Fatal("the symlink was replaced by a file")
	}
	data, _ := os.ReadFile(real)
	if !strings.Contains(string(data), "经链接保存。") {
		t.Fatalf("target lacks the edit:\n%s", data)
	}
	if st, _ := os.Stat(real); st.Mode().Perm() != 0o640 {
		t.Errorf("target mode %v", st.Mode().Perm())
	}
	// A second save still checks and goes through.
	r.SetText("measures", "第二次。")
	if err := r.SaveChecked(link); err != nil {
		t.Fatal(err)
	}
	dangling := filepath.Join(t.TempDir(), "dangling.yaml")
	os.Symlink(filepath.Join(t.TempDir(), "gone", "x.yaml"), dangling)
	if err := r.Save(dangling); err == nil || !strings.Contains(err.Error(), "符号链接") {
		t.Errorf("dangling link: %v", err)
	}
}

// TestOutputNeverWritesThroughPlantedLink: other outputs (export, new,
// import) replace a symlink planted at their name instead of writing to
// its target, and do not take the target's mode.
func TestOutputNeverWritesThroughPlantedLink(t *testing.T) {
	victim := filepath.Join(t.TempDir(), "victim")
	os.WriteFile(victim, []byte("keep"), 0o666)
	os.Chmod(victim, 0o666)
	out := filepath.Join(t.TempDir(), "报告.docx")
	os.Symlink(victim, out)
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	if err := WriteFileAtomic(out, []byte("导出")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(victim); string(got) != "keep" {
		t.Fatal("wrote through the planted link")
	}
	st, _ := os.Lstat(out)
	if !st.Mode().IsRegular() || st.Mode().Perm() != 0o644 {
		t.Errorf("output is %v", st.Mode())
	}
}

// TestNewFileHonoursUmask: a new draft gets what the umask allows, like
// any other program's file.
func TestNewFileHonoursUmask(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	path := filepath.Join(t.TempDir(), "new.yaml")
	if err := WriteFileAtomic(path, []byte("unit: 甲\n")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("new file mode %v under umask 077", st.Mode().Perm())
	}
}

// TestSaveCleansCrashedTemps: temporary files a killed save left behind
// go on the next save; a running editor's (maybe mid-save) stay.
func TestSaveCleansCrashedTemps(t *testing.T) {
	path := draftFile(t, twoLines, 0o644)
	dir := filepath.Dir(path)
	_, live := liveChild(t)
	deadTemp := filepath.Join(dir, tempPrefix("d.yaml")+crashed.ID()+"-0123456789ab")
	deadSide := filepath.Join(dir, tempPrefix(".d.yaml."+crashed.ID()+".autosave")+crashed.ID()+"-0123456789ab")
	liveTemp := filepath.Join(dir, tempPrefix("d.yaml")+live.ID()+"-0123456789ab")
	oldLegacy := filepath.Join(dir, ".d.yaml.tmp-123456789")
	newLegacy := filepath.Join(dir, ".d.yaml.tmp-987654321")
	unrelated := filepath.Join(dir, ".other.yaml.tmp-"+crashed.ID()+"-0123456789ab")
	for _, p := range []string{deadTemp, deadSide, liveTemp, oldLegacy, newLegacy, unrelated} {
		os.WriteFile(p, []byte("half a draft"), 0o600)
	}
	long := time.Now().Add(-2 * staleTempAge)
	os.Chtimes(oldLegacy, long, long)
	if err := WriteFileAtomic(path, []byte(twoLines)); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{deadTemp: false, deadSide: false, oldLegacy: false, liveTemp: true, newLegacy: true, unrelated: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s exists = %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}

// TestOSReasonsInChinese: the disk errors a drafter meets are explained,
// not shown as the kernel's English.
func TestOSReasonsInChinese(t *testing.T) {
	for err, want := range map[error]string{
		&os.PathError{Op: "write", Path: "d.yaml", Err: syscall.ENOSPC}: "磁盘空间已满",
		&os.PathError{Op: "open", Path: "d.yaml", Err: syscall.EROFS}:   "只读",
		&os.LinkError{Op: "rename", Err: syscall.EDQUOT}:                "配额",
		&os.PathError{Op: "open", Path: "d.yaml", Err: syscall.ELOOP}:   "符号链接",
	} {
		if got := OSReason(err); !strings.Contains(got, want) {
			t.Errorf("OSReason(%v) = %q, want %q", err, got, want)
		}
	}
}

// TestFIFODraftRefusedAtOnce: a draft or template path that is a FIFO is
// refused with a clear message instead of waiting for a writer.
func TestFIFODraftRefusedAtOnce(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "d.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan error, 2)
	go func() { _, err := LoadReport(fifo); done <- err }()
	go func() { _, err := LoadTemplate(fifo); done <- err }()
	for range 2 {
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), "命名管道") {
				t.Errorf("FIFO: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("reading a FIFO blocked")
		}
	}
}

// TestAutosaveFallsBackToStateDir: a draft in a folder that cannot be
// written still gets a recovery file, in the state directory, and the
// next start finds it there.
func TestAutosaveFallsBackToStateDir(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	path := draftFile(t, twoLines, 0o644)
	dir := filepath.Dir(path)
	os.Chmod(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	if f, err := os.Create(filepath.Join(dir, "probe")); err == nil {
		// Root writes anywhere: block the name with a directory instead.
		f.Close()
		os.Mkdir(AutosavePath(path, crashed), 0o700)
	}
	r, _ := LoadReport(path)
	r.SetText("measures", "只读目录里的草稿。")
	p, err := r.WriteAutosave(path, crashed)
	state, _ := StateDir()
	if err != nil || !strings.HasPrefix(p, state) {
		t.Fatalf("WriteAutosave = %q, %v", p, err)
	}
	var rec *Recovery
	recs, _ := FindRecoveries(path) // a blocking directory is reported too
	for _, r := range recs {
		if r.Path == p {
			rec = r
		}
	}
	if rec == nil || rec.Report.Text("measures") != "只读目录里的草稿。" || rec.Report.File() != path {
		t.Fatalf("fallback recovery not found among %v", recs)
	}
	// A draft of the same name in another folder does not see it.
	other := draftFile(t, twoLines, 0o644)
	if recs, _ := FindRecoveries(other); len(recs) != 0 {
		t.Fatalf("another folder's draft offered %v", recs)
	}
	if paths := AutosavePaths(path, crashed); len(paths) != 2 || paths[1] != p {
		t.Errorf("AutosavePaths = %v", paths)
	}
}

// TestSaveKeepsCRLFAndBOM: a draft written on Windows (CRLF, often with a
// BOM) keeps both when one section changes, so a diff shows one change,
// not every line.
func TestSaveKeepsCRLFAndBOM(t *testing.T) {
	for name, c := range map[string]struct{ bom, crlf bool }{
		"CRLF and BOM": {true, true}, "CRLF": {false, true}, "BOM": {true, false}, "neither": {false, false},
	} {
		t.Run(name, func(t *testing.T) {
			body := "unit: 甲\nyear: 2025\n# 备注\nsections:\n  measures: |-\n    第一段。\n    第二段。\n  plans: 明年。\n"
			if c.crlf {
				body = strings.ReplaceAll(body, "\n", "\r\n")
			}
			if c.bom {
				body = "\ufeff" + body
			}
			path := draftFile(t, body, 0o644)
			r, err := LoadReport(path)
			if err != nil {
				t.Fatal(err)
			}
			r.SetText("plans", "明年的安排。\n分两行。")
			if err := r.Save(path); err != nil {
				t.Fatal(err)
			}
			got, _ := os.ReadFile(path)
			s := string(got)
			if strings.HasPrefix(s, "\ufeff") != c.bom {
				t.Errorf("BOM kept = %v, want %v", !c.bom, c.bom)
			}
			lf := strings.Count(s, "\n")
			crlf := strings.Count(s, "\r\n")
			if c.crlf && crlf != lf || !c.crlf && crlf != 0 {
				t.Errorf("%d of %d line ends are CRLF:\n%q", crlf, lf, s)
			}
			back, err := LoadReport(path)
			if err != nil || back.Text("plans") != "明年的安排。\n分两行。" || back.Text("measures") != "第一段。\n第二段。" {
				t.Fatalf("read back %q %q, %v", back.Text("plans"), back.Text("measures"), err)
			}
		})
	}
}
