package plain

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"nianbao/model"
)

func (s *session) dirty() bool {
	return s.editGen != s.savedGen || s.pending != nil && s.pending.typed()
}

// edited records a finished change and runs the check again, so the
// section list and findings always describe what is there now.
func (s *session) edited() {
	s.touch()
	s.recheck()
}

// touch records a change at once, before the rest of a multi-prompt edit
// (figures, report information): if input ends half-way, what was
// already answered counts as unsaved and goes to the recovery file.
func (s *session) touch() {
	s.editGen++
	s.changes++
}

func (s *session) recheck() { s.result = s.check(s.tmpl, s.report.Snapshot()) }

// autosaveTarget is the draft path whose recovery file this session
// writes: the draft, or the stand-in path of an unnamed draft.
func (s *session) autosaveTarget() string {
	if s.path != "" {
		return s.path
	}
	return s.unnamed
}

// current is the draft as the recovery file must hold it: the report with
// the block being typed put in.
func (s *session) current() *model.Report {
	snap := s.report.Snapshot()
	if s.pending != nil && s.pending.typed() {
		s.pending.applyTo(snap)
	}
	return snap
}

// autosave writes the recovery file when something changed since it was
// last written. A failure is said once and tried again at the next pause.
func (s *session) autosave() {
	target := s.autosaveTarget()
	if target == "" || !s.dirty() {
		return
	}
	mark := s.changes
	if mark == s.autosaveGen {
		return
	}
	file, err := s.current().WriteAutosave(target, s.sess)
	if err != nil {
		// Said once until a write succeeds, not at every pause: a screen
		// reader would read it again and again.
		if !s.autosaveFailed {
			s.say("自动保存失败：" + err.Error() + "。请尽早输入 s 保存。")
			s.autosaveFailed = true
		}
		return
	}
	s.autosaveFailed = false
	s.autosaveGen = mark
	s.written[target] = file
}

// writeRecovery writes the recovery file now: the session is ending and
// there is no later.
func (s *session) writeRecovery() (string, error) {
	target := s.autosaveTarget()
	if target == "" {
		return "", errors.New("没有可写恢复文件的位置")
	}
	file, err := s.current().WriteAutosave(target, s.sess)
	if err != nil {
		return "", err
	}
	s.written[target] = file
	return file, nil
}

// discardRecovery removes this session's recovery files after a save that
// left nothing unsaved or a clean quit. A recovery file found at start
// that the drafter has not decided on is never touched.
func (s *session) discardRecovery() {
	for _, file := range s.written {
		_ = model.RemoveRecovery(file)
	}
	clear(s.written)
}

// save writes the draft, asking for a file name the first time and what
// to do when the file changed on disk. It reports whether it saved.
func (s *session) save() (bool, error) {
	if s.path == "" {
		return s.saveAs(s.defaultFileName())
	}
	return s.write(false)
}

// saveAs asks for a file name and saves there. An existing file the
// drafter agreed to replace is not asked about a second time.
func (s *session) saveAs(suggest string) (bool, error) {
	p, replace, ok, err := s.askFileName(suggest)
	if err != nil || !ok {
		return false, err
	}
	s.path = p
	return s.write(replace)
}

func (s *session) write(overwrite bool) (bool, error) {
	snap := s.report.Snapshot()
	var err error
	if overwrite {
		err = snap.Save(s.path)
	} else {
		err = snap.SaveChecked(s.path)
	}
	var conflict *model.ConflictError
	if errors.As(err, &conflict) {
		return s.conflict(conflict)
	}
	if err != nil {
		s.say("保存失败：" + err.Error() + "。修改仍在。")
		n, err := s.choose("", []option{{label: "另存为其他文件", keys: []string{"a"}}, {label: "暂不保存", keys: []string{"c"}}}, -1)
		if err != nil || n == 1 {
			return false, err
		}
		return s.saveAs(model.CopyName(s.path))
	}
	s.report.AdoptSaved(snap)
	if s.path != s.lockedPath && !s.opts.NoLock {
		_ = s.lock.Release()
		s.lock, _, _ = model.AcquireLock(s.path, s.sess)
		s.lockedPath = s.path
	}
	s.savedGen = s.editGen
	if file, ok := s.written[s.unnamed]; s.unnamed != "" && ok {
		// The draft has a name now; its recovery file moves with it.
		_ = model.RemoveRecovery(file)
		delete(s.written, s.unnamed)
	}
	s.discardRecovery()
	s.say("已保存到 " + s.path + "（" + s.now().Format("15:04:05") + "）。")
	return true, nil
}

// conflict asks what to do when the draft changed on disk since it was
// loaded: nothing is overwritten unless the drafter says so.
func (s *session) conflict(c *model.ConflictError) (bool, error) {
	s.say(c.Error()+"（可能是另一个编辑器、另一个 nianbao 或同步软件）。", "直接保存会覆盖那边的修改。你的修改仍在，请选择：")
	overwrite := "覆盖磁盘上的版本"
	if c.Removed {
		overwrite = "按原路径重新写入"
	}
	opts := []option{{label: "另存为其他文件", keys: []string{"a"}}, {label: overwrite, keys: []string{"o"}}, {label: "暂不保存", keys: []string{"c"}}}
	if !c.Removed {
		opts = append(opts, option{label: "载入磁盘上的版本（放弃本次修改）", keys: []string{"r"}})
	}
	n, err := s.choose("", opts, -1)
	if err != nil {
		return false, err
	}
	switch n {
	case 0:
		return s.saveAs(model.CopyName(c.Path))
	case 1:
		return s.write(true)
	case 2:
		s.say("未保存：磁盘上的文件已被修改。")
		return false, nil
	}
	return false, s.reload()
}

// reload replaces the draft with the file on disk, after a second yes.
func (s *session) reload() error {
	n, err := s.choose("载入 "+s.path+" 会丢弃本次尚未保存的修改，确定吗？", []option{{label: "放弃修改并载入", keys: []string{"y"}}, {label: "返回，不载入", keys: []string{"n"}}}, -1)
	if err != nil || n == 1 {
		if err == nil {
			s.say("未载入，修改仍在，尚未保存。")
		}
		return err
	}
	r, err := model.LoadReport(s.path)
	if err == nil {
		err = r.Validate(s.tmpl)
	}
	if err != nil {
		s.say("无法载入磁盘上的版本：" + err.Error())
		return nil
	}
	r.UseTemplateOrder(s.tmpl)
	s.report = r
	s.editGen++
	s.changes++
	s.savedGen = s.editGen
	s.discardRecovery()
	s.recheck()
	s.say("已载入磁盘上的版本。")
	return nil
}

// askFileName asks where to save. replace says the drafter agreed to
// replace an existing file; ok is false when they gave up.
func (s *session) askFileName(suggest string) (path string, replace, ok bool, err error) {
	for {
		ans, err := s.ask("保存为哪个文件？直接回车用“" + suggest + "”，输入 c 取消：")
		if err != nil {
			return "", false, false, err
		}
		p := strings.TrimSpace(ans)
		switch p {
		case "":
			p = suggest
		case "c", "C":
			s.say("未保存。")
			return "", false, false, nil
		}
		if filepath.Ext(p) == "" {
			p += ".yaml"
		}
		if _, err := os.Stat(p); err == nil {
			n, err := s.choose("文件 "+p+" 已存在。", []option{{label: "覆盖它", keys: []string{"y"}}, {label: "换个名字", keys: []string{"n"}}}, -1)
			if err != nil {
				return "", false, false, err
			}
			if n == 1 {
				continue
			}
			return p, true, true, nil
		}
		return p, false, true, nil
	}
}

// defaultFileName is the report's title, as the full editor suggests.
func (s *session) defaultFileName() string { return model.DraftFileName(s.tmpl, s.report) }

// quit ends the session, asking about unsaved changes with the full
// editor's answers: s/y save and quit, n/d quit without saving.
func (s *session) quit() error {
	if !s.dirty() {
		s.discardRecovery()
		s.say("已退出。")
		return errQuit
	}
	n, err := s.choose("有尚未保存的修改。", []option{
		{label: "保存并退出", keys: []string{"s", "y"}},
		{label: "不保存，直接退出（本次修改将丢弃）", keys: []string{"n", "d"}},
		{label: "返回继续编辑", keys: []string{"c"}},
	}, 0)
	if err != nil {
		return err
	}
	switch n {
	case 0:
		saved, err := s.save()
		if err != nil {
			return err
		}
		if !saved || s.dirty() {
			s.say("尚未保存，没有退出。")
			return nil
		}
		s.say("已退出。")
		return errQuit
	case 1:
		s.discardRecovery()
		s.say("未保存，已退出。")
		return errQuit
	}
	s.say("继续编辑。")
	return nil
}
