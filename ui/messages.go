package ui

import tea "github.com/charmbracelet/bubbletea"

// rootMsg is a message the program sends itself: a finished command (a
// save, a check, a backup), a timer, or a child's request (a jump, a
// mask). Each says which root method takes it, so Update dispatches
// them with one case and this file reads as the table of them.
type rootMsg interface {
	update(a *App) tea.Cmd
}

func (m checkTickMsg) update(a *App) tea.Cmd {
	if m.seq != a.live.seq {
		return nil // a newer edit will start its own check
	}
	a.syncProse()
	return a.env.runCheck(a.c.tmpl, a.c.report, m.seq)
}

func (m checkDoneMsg) update(a *App) tea.Cmd {
	if m.fault != "" {
		// A check that failed says so and changes nothing: the draft's
		// text is untouched, and the next edit checks again.
		a.status.fail("检查时出现内部错误（" + m.fault + "），检查结果未更新；可继续编辑，文字不受影响")
		return nil
	}
	a.applyResult(m.res)
	return a.followUpCmd()
}

func (m followUpMsg) update(a *App) tea.Cmd { a.applyFollowUp(m); return nil }

func (m previousLoadedMsg) update(a *App) tea.Cmd { return a.previousLoaded(m) }

func (m savedMsg) update(a *App) tea.Cmd { return a.saved(m) }

func (m autosaveTickMsg) update(a *App) tea.Cmd {
	if m.seq != a.autosave.seq {
		return nil
	}
	return a.autosaveNow()
}

func (m autosavedMsg) update(a *App) tea.Cmd { return a.autosaved(m) }

func (m recoveryRemovedMsg) update(a *App) tea.Cmd { a.recoveryRemoved(m); return nil }

func (m restoreBackedUpMsg) update(a *App) tea.Cmd { return a.restoreBackedUp(m) }

func (m migrationBackedUpMsg) update(a *App) tea.Cmd { return a.migrationBackedUp(m) }

func (m reloadedMsg) update(a *App) tea.Cmd { return a.reloaded(m) }

func (m saveAsCheckedMsg) update(a *App) tea.Cmd { return a.saveAsChecked(m) }

func (m lockMovedMsg) update(a *App) tea.Cmd { return a.lockMoved(m) }

func (m exportedMsg) update(a *App) tea.Cmd { a.exported(m); return nil }

func (m externalReadyMsg) update(a *App) tea.Cmd { return a.externalReady(m) }

func (m externalDoneMsg) update(a *App) tea.Cmd { return a.externalDone(m) }

func (m externalReadMsg) update(a *App) tea.Cmd { return a.externalRead(m) }

func (m jumpMsg) update(a *App) tea.Cmd { return a.jump(m) }

func (m maskMsg) update(a *App) tea.Cmd { return a.mask(m) }

func (metaDoneMsg) update(a *App) tea.Cmd { return a.openSection(a.cur, focusProse) }
