package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"nianbao/check"
	"nianbao/followup"
	"nianbao/ingest"
	"nianbao/model"
	"nianbao/ui"
)

// previousHelp is the flag text shared by new, check and edit.
const previousHelp = "附上去年的报告（草稿 .yaml，或 import 能读的任何文档）：核对去年工作安排的落实、同比说法和重复的文字"

// loadPrevious reads last year's report — a draft, or any document import
// reads — and makes the copy this year's draft keeps (path, content hash,
// plans, shortcomings, figures). ref is the template to read a document
// against ("" lets the document decide, as import does).
func loadPrevious(path, ref string) (*model.Previous, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, inputError(&model.Error{File: path, Msg: "无法读取去年的报告：" + model.OSReason(err)})
	}
	var (
		last *model.Report
		t    *model.Template
	)
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		last, t, err = loadDraft(path, "")
		if err != nil {
			return nil, err
		}
	default:
		doc, err := ingest.ReadFile(path)
		if err != nil {
			return nil, inputError(err)
		}
		res, rt, err := importDocument(doc, ref, newTemplateCache())
		if err != nil {
			return nil, err
		}
		last, t = res.Report, rt
	}
	p := followup.Attach(last, t, path, data)
	if strings.TrimSpace(p.Plans) == "" && strings.TrimSpace(p.Shortcomings) == "" && len(p.Figures) == 0 {
		return nil, inputError(&model.Error{File: path, Msg: "去年的报告中没有找到工作安排、存在的不足或数字，无法用于比对；请确认给出的是去年的年度报告"})
	}
	return p, nil
}

// recordedPath is how a draft at draftPath names last year's file: relative
// to the draft's folder when the file is in it or below (so the pair can be
// moved together), absolute otherwise; as given when there is no draft file.
func recordedPath(prevPath, draftPath string) string {
	if draftPath == "" || draftPath == "-" {
		return prevPath
	}
	abs, err1 := filepath.Abs(prevPath)
	dir, err2 := filepath.Abs(filepath.Dir(draftPath))
	if err1 != nil || err2 != nil {
		return prevPath
	}
	if rel, err := filepath.Rel(dir, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return rel
	}
	return abs
}

// checkPrevious loads --previous for check, once for all files.
func checkPrevious(opts *checkOptions) (*model.Previous, error) {
	if opts.previous == "" {
		return nil, nil
	}
	return loadPrevious(opts.previous, opts.template)
}

// usePrevious attaches --previous to a file being checked (replacing a
// previous report the draft carries) and prepares the follow-up listing.
func usePrevious(fc *fileCheck, r *model.Report, t *model.Template, prev *model.Previous) {
	var b strings.Builder
	if prev != nil {
		r.Previous = prev
	} else if note := previousChanged(r, fc.path); note != "" {
		fmt.Fprintf(&b, "%s: 提示：%s\n", fc.path, note)
	}
	printFollowUp(&b, fc.path, t, r)
	fc.followUp = b.String()
}

// previousChanged says when the file last year's report was attached from
// now has other content than the copy the draft keeps. A file that is gone
// says nothing: the draft keeps the copy so it is not needed. The path is
// tried as given and beside the draft.
func previousChanged(r *model.Report, draftPath string) string {
	p := r.Previous
	if p == nil || p.File == "" || p.SHA256 == "" {
		return ""
	}
	paths := []string{filepath.Join(filepath.Dir(draftPath), p.File), p.File}
	if filepath.IsAbs(p.File) {
		paths = []string{p.File}
	}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		sum := sha256.Sum256(data)
		if hex.EncodeToString(sum[:]) == p.SHA256 {
			return ""
		}
		return "去年的报告 " + p.File + " 在附上之后改动过，核对用的是附上时的内容；如需按现在的内容核对，请用 --previous 重新附上"
	}
	return ""
}

// printFollowUp lists, after check's findings, last year's plans and the
// sentence that follows up each one; plans without trace are already
// findings (plans.unfollowed).
func printFollowUp(w io.Writer, path string, t *model.Template, r *model.Report) {
	sts := check.FollowUp(t, r)
	if len(sts) == 0 {
		return
	}
	done := 0
	for _, st := range sts {
		if st.Followed {
			done++
		}
	}
	fmt.Fprintf(w, "%s: 去年工作安排 %d 项，今年报告中找到落实 %d 项\n", path, len(sts), done)
	for _, st := range sts {
		if st.Followed {
			fmt.Fprintf(w, "  ✓ %s\n      → %s\n", st.Plan.Name(), model.Printable(followup.Shorten(st.Match.Sentence.Text, 60)))
		} else {
			fmt.Fprintf(w, "  ○ %s（未见落实）\n", st.Plan.Name())
		}
	}
}

// editPrevious gives the editor its way to read last year's report (F7)
// and, with --previous, the report to attach at start. It is read before
// the editor starts so an unreadable file is an error on the command line,
// not a surprise inside the editor.
func editPrevious(opts *editOptions, uo *ui.Options) error {
	uo.LoadPrevious = func(path string) (*model.Previous, error) {
		p, err := loadPrevious(path, "")
		if err != nil {
			return nil, errors.New(errorText(err))
		}
		p.File = recordedPath(path, opts.path)
		return p, nil
	}
	if opts.previous == "" {
		return nil
	}
	p, err := loadPrevious(opts.previous, "")
	if err != nil {
		return err
	}
	p.File = recordedPath(opts.previous, opts.path)
	uo.Attach = p
	return nil
}
