package cli

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"time"

	"github.com/spf13/cobra"

	"nianbao/migrate"
	"nianbao/model"
	"nianbao/templates"
	"nianbao/ui"
)

// startupNoGC is how long the collector stays paused at start-up.
const startupNoGC = 300 * time.Millisecond

type editOptions struct {
	streams  *Streams
	path     string
	template string
	previous string
}

func newEditCmd(s *Streams) *cobra.Command {
	opts := &editOptions{streams: s}
	cmd := &cobra.Command{
		Use:   "edit [草稿.yaml]",
		Short: "打开编辑器起草或修改报告（文件不存在时新建）",
		Example: `  nianbao edit 2024年度报告.yaml
  nianbao edit --template department 部门报告.yaml`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.path = args[0]
			}
			return runEdit(opts)
		},
	}
	cmd.Flags().StringVar(&opts.template, "template", "", "模板 id 或模板文件路径（新建时使用；已有草稿默认用草稿记录的模板）")
	cmd.Flags().StringVar(&opts.previous, "previous", "", previousHelp+"；编辑器中也可按 F7 附上")
	return cmd
}

func runEdit(opts *editOptions) error {
	// Loading a long draft and building the first frame allocate about
	// 10 MB in a few milliseconds; with the collector paused for that
	// moment the first frame comes sooner. It resumes well before the
	// drafter can type.
	gc := debug.SetGCPercent(-1)
	time.AfterFunc(startupNoGC, func() { debug.SetGCPercent(gc) })
	uo := ui.Options{Path: opts.path, Fonts: fontsFromSettings(func(m string) { fmt.Fprintln(os.Stderr, m) })}
	if opts.path != "" {
		if _, statErr := os.Stat(opts.path); statErr == nil {
			if err := loadForEdit(opts, &uo); err != nil {
				return err
			}
		} else if !errors.Is(statErr, os.ErrNotExist) {
			return inputError(fmt.Errorf("%s：无法读取：%s", opts.path, model.OSReason(statErr)))
		}
		recs, err := model.FindRecoveries(opts.path)
		if err != nil {
			// A recovery file that cannot be read may hold the only copy
			// of someone's text; the drafter must look at it first.
			name := ""
			if e := (*model.Error)(nil); errors.As(err, &e) {
				name = " " + e.File
			}
			return inputError(fmt.Errorf("恢复文件%s 无法读取（%v）；请先查看或移走它，再打开草稿", name, err))
		}
		uo.Recoveries = recs
	}
	if uo.Report == nil {
		t, err := newTemplateCache().lookup(opts.template)
		if err != nil {
			return inputError(err)
		}
		uo.Report, uo.Template = model.NewReport(t), t
		if opts.path != "" {
			uo.Report.SetFile(opts.path)
		} else {
			uo.UnnamedPath, uo.Recoveries = unnamedRecovery(opts.streams)
		}
	}
	if err := editPrevious(opts, &uo); err != nil {
		return err
	}
	err := ui.Run(uo)
	var ended *ui.Ended
	if errors.As(err, &ended) {
		return &ExitError{Code: ExitEnded, Err: ended}
	}
	return err
}

// loadForEdit reads an existing draft and its template. Unlike loadDraft it
// accepts a draft written against another template version: the editor
// offers migration instead of refusing.
func loadForEdit(opts *editOptions, uo *ui.Options) error {
	r, t, err := newTemplateCache().readDraft(opts.path, opts.template)
	if err != nil {
		return err
	}
	if migrate.Needed(r, t) {
		// The version the draft names, when it can still be found, lets
		// migration match renamed sections by title, name removed ones
		// and list what changed.
		uo.Previous = templates.Version(r.Template.ID, r.Template.Version, settingsTemplateDirs()...)
	} else if err := r.Validate(t); err != nil {
		return inputError(err)
	}
	r.UseTemplateOrder(t)
	uo.Report, uo.Template = r, t
	return nil
}

// unnamedRecovery picks where a draft without a name autosaves and finds
// the recovery files earlier unnamed drafts left, newest first. Problems
// only cost the autosave of this session, so they are reported, not fatal.
func unnamedRecovery(s *Streams) (string, []*model.Recovery) {
	dir, err := model.UnsavedDir()
	if err != nil {
		fmt.Fprintf(s.Err, "提示：找不到保存恢复文件的目录（%v）；请尽早用 ctrl+s 给草稿命名\n", err)
		return "", nil
	}
	found, errs := model.FindUnsavedRecoveries(dir)
	for _, e := range errs {
		fmt.Fprintf(s.Err, "提示：跳过无法读取的恢复文件：%v\n", e)
	}
	path, err := model.NewUnsavedPath(dir, time.Now())
	if err != nil {
		fmt.Fprintf(s.Err, "提示：无法创建恢复文件目录 %s（%s）；请尽早用 ctrl+s 给草稿命名\n", dir, model.OSReason(err))
		path = ""
	}
	return path, found
}
