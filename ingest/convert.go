package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"nianbao/model"
)

// Old Word, WPS, RTF and OpenDocument files are read by converting them to
// .docx with LibreOffice, then reading that .docx as any other: headings
// keep their styles, so the outline survives. Conversions are cached by
// the content's hash: a coordinating office re-checks the same folder many
// times while reports trickle in, and a LibreOffice start costs a second.

// OfficeTimeout bounds one file's conversion. LibreOffice is known to hang
// on some government .wps files; a stalled conversion is killed, the file is
// listed as unread and the rest go on.
var OfficeTimeout = 60 * time.Second

// cacheVersion changes when the conversion changes, so stale results are
// not reused.
const cacheVersion = "1"

// Debian package names in the messages: intranet PCs are often Kylin or
// UOS, which are Debian-based.
const (
	officePackage  = "libreoffice-writer-nogui"
	popplerPackage = "poppler-utils"
)

// failures remembers, for this process, the files a converter could not
// handle, so a batch that already failed one is not retried per reader.
var failures sync.Map // cache key → error

// sofficePath finds LibreOffice. It is looked up on every call (a stat per
// directory in PATH, nothing next to a conversion) so that tests and users
// who install it mid-session are believed.
func sofficePath() (string, bool) {
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, true
		}
	}
	return "", false
}

// cacheKey names a conversion's result: the content's hash, which converter
// and the cache version.
func cacheKey(data []byte, ext string) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:]) + "-" + cacheVersion + ext
}

// cacheDir is the user's cache directory for conversions, or "" when there
// is none (conversions then still work, uncached).
func cacheDir() string {
	base, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(base, "nianbao", "convert")
}

func cached(key string) ([]byte, bool) {
	dir := cacheDir()
	if dir == "" {
		return nil, false
	}
	data, err := os.ReadFile(filepath.Join(dir, key))
	return data, err == nil
}

// store keeps a conversion; failing to cache only costs the next run time.
func store(key string, data []byte) {
	dir := cacheDir()
	if dir == "" || os.MkdirAll(dir, 0o755) != nil {
		return
	}
	_ = model.WriteFileAtomic(filepath.Join(dir, key), data)
}

// officeInputExt is the extension LibreOffice is given: the real format's,
// whatever the file was called.
func officeInputExt(k Kind) string {
	switch k {
	case KindRTF:
		return ".rtf"
	case KindODT:
		return ".odt"
	}
	return ".doc"
}

// readOffice reads a .doc, .wps, .rtf or .odt through its converted .docx.
func readOffice(name string, data []byte, k Kind) (*Document, error) {
	key := cacheKey(data, ".docx")
	docx, ok := cached(key)
	if !ok {
		if e, failed := failures.Load(key); failed {
			return nil, withFile(e.(error), name)
		}
		if err := hungBefore(key); err != nil {
			return nil, withFile(err, name)
		}
		results := convertOffice([]officeJob{{key: key, kind: k, data: data}})
		if err := results[key]; err != nil {
			return nil, withFile(err, name)
		}
		if docx, ok = cached(key); !ok {
			// No cache directory: the conversion is held in memory.
			v, _ := converted.Load(key)
			docx, _ = v.([]byte)
		}
	}
	doc, err := readDocx(name, docx)
	if err != nil {
		return nil, &model.Error{File: name, Msg: "LibreOffice 转换后的文档无法读取：" + reasonOf(err)}
	}
	doc.Format = officeFormat(k)
	return doc, nil
}

// hungKey names the marker of a file that hung this LibreOffice: keyed by
// the converter's own modification time too, so an upgrade tries again.
func hungKey(key, bin string) string {
	stamp := ""
	if st, err := os.Stat(bin); err == nil {
		stamp = st.ModTime().UTC().Format("20060102150405")
	}
	return strings.TrimSuffix(key, ".docx") + "-" + stamp + ".hung"
}

// hungBefore is the error for a file that hung the installed LibreOffice
// in an earlier run, or nil.
func hungBefore(key string) error {
	bin, ok := sofficePath()
	if !ok {
		return nil
	}
	if _, ok := cached(hungKey(key, bin)); !ok {
		return nil
	}
	return &model.Error{Msg: fmt.Sprintf("这个文件上次转换时 LibreOffice 超时（已终止），本次不再重试：请在 WPS 或 Word 中“另存为” .docx 后再检查（如要重试，删除缓存目录 %s）", cacheDir())}
}

// converted holds conversions when there is no cache directory.
var converted sync.Map

func officeFormat(k Kind) Format {
	switch k {
	case KindRTF:
		return FormatRTF
	case KindODT:
		return FormatODT
	}
	return FormatDoc
}

// withFile puts the file name on a conversion error made without one.
func withFile(err error, name string) error {
	var me *model.Error
	if errors.As(err, &me) && me.File == "" {
		c := *me
		c.File = name
		return &c
	}
	return err
}

func missingOffice(k Kind) error {
	return &model.Error{Msg: fmt.Sprintf("这是%s，需要 LibreOffice 转换后才能读取，但没有找到 soffice：请安装 LibreOffice（Debian/Ubuntu/麒麟/统信：sudo apt install %s），或在 Word/WPS 中“另存为” .docx", k.Label(), officePackage)}
}

// Prepare converts, in as few LibreOffice runs as possible, every file
// among paths that needs LibreOffice and is not cached yet, so a folder of
// forty .doc files costs one start instead of forty. Files it cannot read
// are left for ReadFile to report; Prepare itself never fails.
func Prepare(paths []string) {
	if _, ok := sofficePath(); !ok {
		return
	}
	var jobs []officeJob
	seen := map[string]bool{}
	for _, p := range paths {
		// The kinds LibreOffice reads are known from the first bytes; only
		// those files are read whole (to hash them).
		if !Detect(readHead(p)).NeedsOffice() {
			continue
		}
		data, err := readLimited(p)
		if err != nil {
			continue
		}
		k := Detect(data)
		if !k.NeedsOffice() {
			continue // the whole file tells otherwise (an encrypted package)
		}
		key := cacheKey(data, ".docx")
		if seen[key] {
			continue
		}
		seen[key] = true
		if _, ok := cached(key); ok {
			continue
		}
		if hungBefore(key) != nil {
			continue
		}
		jobs = append(jobs, officeJob{key: key, kind: k, data: data})
	}
	if len(jobs) > 0 {
		convertOffice(jobs)
	}
}

// readHead reads the start of a file, enough for Detect to tell the
// formats LibreOffice reads.
func readHead(path string) []byte {
	f, _, err := model.OpenRegular(path) // a FIFO is not waited on
	if err != nil {
		return nil
	}
	defer f.Close()
	buf := make([]byte, 512)
	n, _ := io.ReadFull(f, buf)
	return buf[:n]
}

// readLimited reads a file up to MaxInputSize.
func readLimited(path string) ([]byte, error) {
	f, st, err := model.OpenRegular(path) // a FIFO is not waited on
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st.IsDir() || st.Size() > MaxInputSize {
		return nil, errors.New("skip")
	}
	return io.ReadAll(io.LimitReader(f, MaxInputSize))
}

type officeJob struct {
	key  string
	kind Kind
	data []byte
}

// convertOffice converts jobs with LibreOffice and returns, per cache key,
// nil for a conversion now cached (or held) and the error otherwise.
func convertOffice(jobs []officeJob) map[string]error {
	out := map[string]error{}
	bin, ok := sofficePath()
	if !ok {
		for _, j := range jobs {
			out[j.key] = missingOffice(j.kind)
		}
		return out
	}
	work, err := os.MkdirTemp("", "nianbao-lo-")
	if err != nil {
		for _, j := range jobs {
			out[j.key] = &model.Error{Msg: "无法创建临时目录来转换文档：" + model.OSReason(err)}
		}
		return out
	}
	defer os.RemoveAll(work)
	inDir, outDir := filepath.Join(work, "in"), filepath.Join(work, "out")
	// Failing to make them shows as every input failing to be written.
	_ = os.Mkdir(inDir, 0o700)
	_ = os.Mkdir(outDir, 0o700)
	inputs := make([]string, len(jobs))
	for i, j := range jobs {
		inputs[i] = filepath.Join(inDir, strings.TrimSuffix(j.key, ".docx")+officeInputExt(j.kind))
		if err := os.WriteFile(inputs[i], j.data, 0o600); err != nil {
			out[j.key] = &model.Error{Msg: "无法写入临时文件来转换文档：" + model.OSReason(err)}
		}
	}
	// The profile is private to this run: with the user's own profile, a
	// LibreOffice window already open makes a headless conversion exit at
	// once without converting anything.
	profile := filepath.Join(work, "profile")
	pending := make([]int, 0, len(jobs))
	for i, j := range jobs {
		if out[j.key] == nil {
			pending = append(pending, i)
		}
	}
	// collect caches job i's output; false when there is none.
	collect := func(i int) bool {
		data, err := os.ReadFile(outputPath(outDir, inputs[i]))
		if err != nil || len(data) == 0 {
			return false
		}
		store(jobs[i].key, data)
		if _, ok := cached(jobs[i].key); !ok {
			converted.Store(jobs[i].key, data)
		}
		out[jobs[i].key] = nil
		return true
	}
	refused := func(i int) {
		out[jobs[i].key] = &model.Error{Msg: fmt.Sprintf("LibreOffice 无法打开这个%s，文件可能已损坏或加密：请在 Word 或 WPS 中打开后“另存为” .docx 再检查", jobs[i].kind.Label())}
	}
	hung := func(i int) {
		// Remembered on disk: a file that hangs LibreOffice would cost the
		// timeout again on every check of the folder.
		store(hungKey(jobs[i].key, bin), []byte("hung"))
		out[jobs[i].key] = &model.Error{Msg: fmt.Sprintf("LibreOffice 转换超时（%s 内没有完成，已终止）：文件可能已损坏；请在 WPS 或 Word 中“另存为” .docx 后再检查", OfficeTimeout)}
	}
	for len(pending) > 0 {
		files := make([]string, len(pending))
		for n, i := range pending {
			files[n] = inputs[i]
		}
		stalled, err := runSoffice(bin, profile, outDir, files)
		if err != nil {
			for _, i := range pending {
				out[jobs[i].key] = &model.Error{Msg: fmt.Sprintf("无法启动 LibreOffice（%s）：%v", bin, err)}
			}
			break
		}
		var rest []int
		for n, i := range pending {
			switch {
			case collect(i):
			case stalled < 0 || n < stalled:
				refused(i) // processed, and LibreOffice could not load it
			case n == stalled:
				// LibreOffice stuck here, or refused this one and stuck on
				// the next: converting it alone says which.
				alone := 0
				if len(pending) > 1 {
					alone, _ = runSoffice(bin, profile, outDir, files[n:n+1])
				}
				switch {
				case collect(i):
				case alone >= 0:
					hung(i)
				default:
					refused(i)
				}
			default:
				rest = append(rest, i)
			}
		}
		pending = rest
	}
	for _, j := range jobs {
		if out[j.key] != nil {
			failures.Store(j.key, out[j.key])
		}
	}
	return out
}

// runSoffice runs one batch conversion. It returns -1 when LibreOffice
// exited, or the index of the first file that has no output when it
// stopped making progress for OfficeTimeout and was killed. Progress is
// the output directory growing: LibreOffice converts the files in order.
func runSoffice(bin, profile, outDir string, files []string) (int, error) {
	args := []string{"-env:UserInstallation=" + fileURL(profile), "--headless", "--invisible", "--nologo",
		"--nodefault", "--norestore", "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML", "--outdir", outDir}
	cmd := exec.Command(bin, append(args, files...)...)
	// HOME is kept: LibreOffice reads fonts through fontconfig, which
	// looks there. The private profile is what keeps the user's settings
	// and running instance out.
	ownProcessGroup(cmd)
	if err := cmd.Start(); err != nil {
		return -1, err
	}
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	// Progress is any new output; the blame at a stall goes to the first
	// file without one (a file LibreOffice refused earlier is sorted out
	// by converting it alone).
	outputs := func() (int, int) {
		n, first := 0, -1
		for i, f := range files {
			if _, err := os.Stat(outputPath(outDir, f)); err == nil {
				n++
			} else if first < 0 {
				first = i
			}
		}
		return n, first
	}
	last, lastChange := 0, time.Now()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-done:
			return -1, nil
		case <-tick.C:
			if n, _ := outputs(); n != last {
				last, lastChange = n, time.Now()
			}
			if time.Since(lastChange) > OfficeTimeout {
				killProcessGroup(cmd)
				<-done
				_, first := outputs()
				return max(first, 0), nil
			}
		}
	}
}

// outputPath is where LibreOffice writes the .docx of input.
func outputPath(outDir, input string) string {
	return filepath.Join(outDir, strings.TrimSuffix(filepath.Base(input), filepath.Ext(input))+".docx")
}

// fileURL turns an absolute path into the file: URL LibreOffice wants.
func fileURL(p string) string {
	p = filepath.ToSlash(p)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return "file://" + p
}

// reasonOf is an error's message without its file prefix.
func reasonOf(err error) string {
	var me *model.Error
	if errors.As(err, &me) {
		return me.Msg
	}
	return err.Error()
}
