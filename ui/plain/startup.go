package plain

import (
	"fmt"

	"nianbao/migrate"
	"nianbao/model"
)

// startupQuestions asks what the full editor asks before typing starts, in
// the same order: someone else has the draft open, a recovery file holds
// unsaved work, the template has a newer version.
func (s *session) startupQuestions() error {
	for _, h := range s.holders {
		n, err := s.choose("此草稿已在另一个 nianbao 中打开，打开者："+h.String()+"。两处同时编辑时，后保存的一方会被告知文件已被修改并自行选择，不会悄悄覆盖。",
			[]option{{label: "仍然打开", keys: []string{"o"}}, {label: "退出", keys: []string{"q"}}}, 0)
		if err != nil {
			return err
		}
		if n == 1 {
			s.say("已退出。")
			return errQuit
		}
	}
	// Each recovery file no running editor owns is offered in turn, as
	// the full editor does; after one is restored the others wait for
	// the next start.
	for i, rec := range s.opts.Recoveries {
		if len(s.opts.Recoveries) > 1 {
			s.sayf("发现未保存的内容（%d/%d）。", i+1, len(s.opts.Recoveries))
		}
		restored, err := s.recoveryQuestion(rec)
		if err != nil {
			return err
		}
		if restored {
			if rest := len(s.opts.Recoveries) - i - 1; rest > 0 {
				s.sayf("另有 %d 个恢复文件保留，下次打开时再问。", rest)
			}
			break
		}
	}
	return s.migrationQuestion()
}

// recoveryQuestion offers the recovery file found at start. Nothing is
// deleted unless the drafter picks 丢弃 and confirms it.
func (s *session) recoveryQuestion(rec *model.Recovery) (restored bool, err error) {
	unnamed := s.path == ""
	when := rec.ModTime.Format("2006-01-02 15:04:05")
	if unnamed {
		s.say("上次编辑的未命名草稿没有保存就结束了。恢复文件写于 " + when + "。")
	} else {
		s.say("上次编辑没有正常结束，恢复文件（写于 " + when + "）中有草稿里没有的内容。")
	}
	changes := model.CompareSections(s.tmpl, s.report, rec.Report)
	s.sayf("有差别的部分共 %d 处（草稿字数 → 恢复文件字数）：", len(changes))
	for i, c := range changes {
		s.sayf("%d. %s%s", i+1, s.tmpl.PrintedNumber(c.ID, rec.Report, s.report)+c.Title, c.Amount())
	}
	s.say("恢复文件：" + rec.Path)
	later := option{label: "退出，暂不决定（恢复文件保留）", keys: []string{"q"}}
	if unnamed {
		later = option{label: "新建草稿，下次再问", keys: []string{"n"}}
	}
	for {
		n, err := s.choose("如何处理？", []option{{label: "恢复这些内容", keys: []string{"r"}}, {label: "丢弃恢复文件", keys: []string{"d"}}, later}, 0)
		if err != nil {
			return false, err
		}
		switch n {
		case 0:
			if !unnamed && rec.DraftNewer() {
				// The draft holds text written after the recovery file:
				// it is kept as a backup before the older text replaces it.
				bak, err := model.BackupFile(s.path)
				if err != nil {
					s.say("草稿比恢复文件新，但无法先备份草稿（" + err.Error() + "），没有恢复。")
					continue
				}
				s.say("注意：草稿比恢复文件新；草稿已先备份为 " + bak + "。")
			}
			s.restore(rec, unnamed)
			return true, nil
		case 1:
			c, err := s.choose("恢复文件中未保存的内容将被删除，无法找回。确定丢弃吗？", []option{{label: "确定丢弃", keys: []string{"y"}}, {label: "返回", keys: []string{"n"}}}, -1)
			if err != nil {
				return false, err
			}
			if c == 1 {
				continue
			}
			if err := model.RemoveRecovery(rec.Path); err != nil {
				s.say("无法删除恢复文件：" + err.Error())
			} else {
				s.say("已丢弃恢复文件。")
			}
			return false, nil
		}
		if unnamed {
			s.say("新建草稿；那份恢复文件留到下次再问。")
			return false, nil
		}
		s.say("已退出，恢复文件保留。")
		return false, errQuit
	}
}

// restore makes the recovered text the draft being edited. It stays
// unsaved; the recovery file stays until the drafter saves or quits.
func (s *session) restore(rec *model.Recovery, unnamed bool) {
	r := rec.Report
	target := r.File()
	if unnamed {
		r.SetFile("")
		s.unnamed = target
	}
	s.written[target] = rec.Path
	s.report = r
	s.editGen++
	s.changes++
	s.autosaveGen = s.changes // the recovery file holds exactly this
	s.say("已恢复未保存的内容，请检查后输入 s 保存。")
}

// migrationQuestion offers to carry the draft over to a newer template.
func (s *session) migrationQuestion() error {
	r, t := s.report, s.tmpl
	if !migrate.Needed(r, t) {
		return nil
	}
	old := s.opts.Previous
	s.sayf("草稿是按模板“%s”第 %d 版起草的，现在的模板是“%s”第 %d 版。", r.Template.ID, r.Template.Version, t.ID, t.Version)
	if old != nil {
		changes := migrate.Diff(old, t)
		s.sayf("模板的变化共 %d 处：", len(changes))
		for i, c := range changes {
			s.sayf("%d. %s", i+1, c.Text)
		}
	} else {
		s.say("找不到草稿原用的那一版模板，章节按 id 对应。")
	}
	s.say("迁移后，仍然存在的章节内容原样保留；新模板已没有的章节，内容放入“已移除章节”，不会丢失。原文件先备份为 .bak，保存前草稿文件不变。")
	opts := []option{{label: "迁移", keys: []string{"m"}}}
	keep := -1
	switch {
	case old != nil:
		keep = len(opts)
		opts = append(opts, option{label: fmt.Sprintf("暂不迁移，按第 %d 版编辑", old.Version), keys: []string{"k"}})
	case r.Validate(t) == nil:
		keep = len(opts)
		opts = append(opts, option{label: "暂不迁移", keys: []string{"k"}})
	default:
		s.say("草稿中有新模板没有的章节或数字，不迁移就无法按新模板编辑。")
	}
	opts = append(opts, option{label: "退出", keys: []string{"q"}})
	n, err := s.choose("", opts, 0)
	if err != nil {
		return err
	}
	switch {
	case n == 0:
		return s.migrate(old)
	case n == keep:
		if old != nil {
			s.setTemplate(old)
		}
		return nil
	}
	s.say("已退出，草稿未改动。")
	return errQuit
}

func (s *session) migrate(old *model.Template) error {
	bak := ""
	if s.path != "" {
		if st, err := model.ReadDiskState(s.path); err == nil && st.Exists {
			if bak, err = model.BackupFile(s.path); err != nil {
				s.say("迁移前无法备份草稿，未迁移，已退出：" + err.Error())
				return errQuit
			}
		}
	}
	res := migrate.Draft(s.report, old, s.tmpl)
	s.editGen++
	s.changes++
	msg := fmt.Sprintf("已迁移到第 %d 版", s.tmpl.Version)
	if n := len(res.Removed) + len(res.Figures); n > 0 {
		msg += fmt.Sprintf("；%d 处内容在“已移除章节”", n)
	}
	if bak != "" {
		msg += "；原文件备份为 " + bak
	}
	s.say(msg + "。请输入 s 保存。")
	return nil
}
