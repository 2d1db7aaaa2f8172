package plain

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"nianbao/model"
	"nianbao/templates"
)

func standard(t *testing.T) *model.Template {
	t.Helper()
	tm, err := templates.Embedded(templates.Default)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

// fixedNow keeps the default year (and so prompts) stable.
func fixedNow() time.Time { return time.Date(2026, 2, 10, 9, 0, 0, 0, time.UTC) }

// newDraft is an unsaved new draft that will be saved at dir/name.
func newDraft(t *testing.T, dir, name string) Options {
	t.Helper()
	tm := standard(t)
	r := model.NewReport(tm)
	path := filepath.Join(dir, name)
	r.SetFile(path)
	return Options{Report: r, Template: tm, Path: path, Now: fixedNow, NoLock: true, autosavePause: -1, session: testSession}
}

// openDraft loads a draft file the way cli does, with its recovery file.
func openDraft(t *testing.T, path string) Options {
	t.Helper()
	tm := standard(t)
	r, err := model.LoadReport(path)
	if err != nil {
		t.Fatal(err)
	}
	r.UseTemplateOrder(tm)
	rec, err := findRecovery(path)
	if err != nil {
		t.Fatal(err)
	}
	return Options{Report: r, Template: tm, Path: path, Recoveries: recoveries(rec), Now: fixedNow, NoLock: true, autosavePause: -1, session: testSession}
}

// script runs a session on typed input and returns everything it wrote.
func script(t *testing.T, opts Options, input string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	opts.In, opts.Out = strings.NewReader(input), &out
	err := Run(opts)
	assertPlainText(t, out.String())
	return out.String(), err
}

// lines joins typed lines with the line breaks a terminal sends.
func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

// assertPlainText fails on anything a screen reader or dumb terminal
// cannot take: escape sequences, other control characters, box drawing.
func assertPlainText(t *testing.T, out string) {
	t.Helper()
	for i, r := range out {
		switch {
		case r == '\n' || r == '\t':
		case r == 0x1b:
			t.Fatalf("escape sequence at byte %d: %q", i, out[max(0, i-20):min(len(out), i+20)])
		case unicode.IsControl(r):
			t.Fatalf("control character %U at byte %d", r, i)
		case r >= 0x2500 && r <= 0x259F:
			t.Fatalf("box-drawing character %c at byte %d", r, i)
		}
	}
}

// hasLine reports whether out has a line equal to want. Without a
// terminal nothing echoes the answer, so a line may also start with the
// prompt it answered (text ending in "：").
func hasLine(out, want string) bool {
	for l := range strings.SplitSeq(out, "\n") {
		if l == want {
			return true
		}
		if before, ok := strings.CutSuffix(l, want); ok && strings.HasSuffix(before, "：") {
			return true
		}
	}
	return false
}

func mustLine(t *testing.T, out, want string) {
	t.Helper()
	if !hasLine(out, want) {
		t.Errorf("output lacks the line %q:\n%s", want, out)
	}
}

func load(t *testing.T, path string) *model.Report {
	t.Helper()
	r, err := model.LoadReport(path)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// stepReader hands out input chunk by chunk and says when the session
// waits for more, so a test can look at the files at exactly that pause.
type stepReader struct {
	chunks  chan string
	waiting chan struct{}
	buf     string
}

func newStepReader() *stepReader {
	return &stepReader{chunks: make(chan string), waiting: make(chan struct{})}
}

func (r *stepReader) Read(p []byte) (int, error) {
	if r.buf == "" {
		r.waiting <- struct{}{}
		c, ok := <-r.chunks
		if !ok {
			return 0, io.EOF
		}
		r.buf = c
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

// send gives the session a chunk after it asked for input.
func (r *stepReader) send(s string) {
	<-r.waiting
	r.chunks <- s
}

// testSession is a dead editor's identity: what a test session leaves
// behind is found at the next start, as a crashed editor's would be.
var testSession = model.Session{PID: 2147483100, Start: 1, Boot: model.ThisSession().Boot}

// findRecovery is the newest recovery file of path, or nil.
func findRecovery(path string) (*model.Recovery, error) {
	recs, err := model.FindRecoveries(path)
	if len(recs) == 0 {
		return nil, err
	}
	return recs[0], err
}

func recoveries(rec *model.Recovery) []*model.Recovery {
	if rec == nil {
		return nil
	}
	return []*model.Recovery{rec}
}
