package cli

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"nianbao/migrate"
	"nianbao/model"
	"nianbao/templates"
	"nianbao/ui"
	"nianbao/ui/plain"
)

// startupNoGC is how long the collector stays paused at start-up.
const startupNoGC = 300 * time.Millisecond

type editOptions struct {
	streams  *Streams
	path     string
	template string
	previous string
	plain    bool
	getenv   func(string) string // os.Getenv; tests pass their own
	// cursor says whether a terminal type can move the cursor
	// (plain.CursorAddressing; tests pass their own).
	cursor func(term string) (can, known bool)
	goos   string // runtime.GOOS when empty; tests pass their own
}

func newEditCmd(s *Streams) *cobra.Command {
	opts := &editOptions{streams: s, getenv: os.Getenv}
	cmd := &cobra.Command{
		Use:   "edit [草稿.yaml]",
		Short: "打开编辑器起草或修改报告（文件不存在时新建）",
		Long: `打开编辑器起草或修改报告（文件不存在时新建）。

加 --plain、设置 NIANBAO_ACCESSIBLE=1、TERM=dumb 或终端不能定位光标时，
改用纯文本模式：逐行问答，不重绘屏幕、不移动光标、不用颜色和框线，
适合读屏软件（NVDA、Orca）和串口、网页控制台。`,
		Example: `  nianbao edit 2024年度报告.yaml
  nianbao edit --template department 部门报告.yaml
  nianbao edit --plain 2024年度报告.yaml`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.path = args[0]
			}
			return runEdit(opts)
		},
	}
	addEditFlags(cmd, opts)
	return cmd
}

// addEditFlags gives a command the editor's flags: edit's, and the root
// command's, since "nianbao 草稿.yaml" is "nianbao edit 草稿.yaml".
func addEditFlags(cmd *cobra.Command, opts *editOptions) {
	cmd.Flags().StringVar(&opts.template, "template", "", "模板 id 或模板文件路径（新建时使用；已有草稿默认用草稿记录的模板）")
	cmd.Flags().StringVar(&opts.previous, "previous", "", previousHelp+"；编辑器中也可按 F7 附上")
	cmd.Flags().BoolVar(&opts.plain, "plain", false, "纯文本模式：逐行问答，适合读屏软件和简单终端")
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
			uo.UnnamedPath, uo.Recoveries = unnamedRecovery(opts.streams, saveKey(opts))
		}
	}
	if err := editPrevious(opts, &uo); err != nil {
		return err
	}
	if reason, ok := plainReason(opts); ok {
		return runPlain(opts, uo, reason)
	}
	err := ui.Run(uo)
	var ended *ui.Ended
	if errors.As(err, &ended) {
		return &ExitError{Code: ExitEnded, Err: ended}
	}
	return err
}

// plainReason decides whether edit runs in plain mode, and why: asked for
// (--plain, NIANBAO_ACCESSIBLE), or the full-screen editor could not draw
// (TERM=dumb, no TERM, output not a terminal, a terminal type without
// cursor addressing).
func plainReason(opts *editOptions) (plain.Reason, bool) {
	getenv := opts.env()
	cursor := opts.cursor
	if cursor == nil {
		cursor = plain.CursorAddressing
	}
	term := getenv("TERM")
	switch {
	case opts.plain:
		return plain.ReasonFlag, true
	case accessibleOn(getenv("NIANBAO_ACCESSIBLE")):
		return plain.ReasonAccessible, true
	case term == "dumb":
		return plain.ReasonDumb, true
	case !opts.streams.OutTerminal:
		return plain.ReasonNoCursor, true
	case term == "" && opts.os() != "windows":
		// Windows consoles set no TERM and still draw the full editor.
		return plain.ReasonNoCursor, true
	}
	// A terminal type whose terminfo entry has no cursor addressing (a
	// glass tty, a printer) cannot show the full-screen editor either. An
	// unknown type is given the benefit of the doubt, as bubbletea does.
	if can, known := cursor(term); known && !can {
		return plain.ReasonNoCursor, true
	}
	return 0, false
}

// saveKey names how the drafter saves in the mode edit will run in.
func saveKey(opts *editOptions) string {
	if _, ok := plainReason(opts); ok {
		return "命令 s"
	}
	return "ctrl+s"
}

// env is the environment lookup; the root command (nianbao without a
// subcommand) builds its options without one.
func (opts *editOptions) env() func(string) string {
	if opts.getenv == nil {
		return os.Getenv
	}
	return opts.getenv
}

func (opts *editOptions) os() string {
	if opts.goos == "" {
		return runtime.GOOS
	}
	return opts.goos
}

// accessibleOn reads NIANBAO_ACCESSIBLE as a switch: unset, 0 and false
// leave it off.
func accessibleOn(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "", "0", "false", "no", "off":
		return false
	}
	return true
}

// runPlain runs the line-oriented session on the same draft, template and
// recovery file the full editor would have opened.
func runPlain(opts *editOptions, uo ui.Options, reason plain.Reason) error {
	s := opts.streams
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT)
	defer signal.Stop(sigs)
	po := plain.Options{
		Report: uo.Report, Template: uo.Template, Path: uo.Path,
		Previous: uo.Previous, Recoveries: uo.Recoveries, UnnamedPath: uo.UnnamedPath, Attach: uo.Attach,
		Reason: reason, In: s.In, Out: s.Out, Signals: sigs,
		External: externalEditor(opts.env()),
	}
	err := plain.Run(po)
	var ended *ui.Ended
	if errors.As(err, &ended) {
		// The session already said what happened and where the text is.
		return &ExitError{Code: ExitEnded, Err: ended, Shown: true}
	}
	return err
}

// externalEditor runs $VISUAL or $EDITOR on a file, on this terminal; nil
// when neither is set (plain mode then says so instead of guessing vi).
func externalEditor(getenv func(string) string) func(string) error {
	editor := getenv("VISUAL")
	if editor == "" {
		editor = getenv("EDITOR")
	}
	args := strings.Fields(editor)
	if len(args) == 0 {
		return nil
	}
	return func(file string) error {
		cmd := exec.Command(args[0], append(args[1:], file)...)
		cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
		return cmd.Run()
	}
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
func unnamedRecovery(s *Streams, save string) (string, []*model.Recovery) {
	dir, err := model.UnsavedDir()
	if err != nil {
		fmt.Fprintf(s.Err, "提示：找不到保存恢复文件的目录（%v）；请尽早用 %s 给草稿命名\n", err, save)
		return "", nil
	}
	found, errs := model.FindUnsavedRecoveries(dir)
	for _, e := range errs {
		fmt.Fprintf(s.Err, "提示：跳过无法读取的恢复文件：%v\n", e)
	}
	path, err := model.NewUnsavedPath(dir, time.Now())
	if err != nil {
		fmt.Fprintf(s.Err, "提示：无法创建恢复文件目录 %s（%s）；请尽早用 %s 给草稿命名\n", dir, model.OSReason(err), save)
		path = ""
	}
	return path, found
}
