package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"nianbao/model"
)

// PDF is made from the .docx by LibreOffice, the one free converter that
// lays out Word files faithfully on a machine without Word (DESIGN.md:
// optional external converters, headless, a private profile, a timeout).

// DefaultPDFTimeout bounds one conversion; LibreOffice's first start on a
// fresh profile takes a few seconds, a report a second more.
const DefaultPDFTimeout = 2 * time.Minute

// LibreOffice runs soffice to convert documents.
type LibreOffice struct {
	Path    string        // soffice binary; "" looks on PATH
	Timeout time.Duration // 0 means DefaultPDFTimeout
	Env     []string      // added to the environment (tests pin fonts with FONTCONFIG_FILE)
}

// ErrNoLibreOffice is returned when soffice cannot be found.
var ErrNoLibreOffice = errors.New("导出 PDF 需要 LibreOffice，但本机没有找到 soffice 命令。请安装 LibreOffice（Debian/Ubuntu：sudo apt-get install libreoffice-writer-nogui），或先导出 Word 文档，在 Word/WPS 中另存为 PDF")

// installPaths are where the LibreOffice installers put soffice when it is
// not on PATH (Windows, macOS).
var installPaths = []string{
	`C:\Program Files\LibreOffice\program\soffice.exe`,
	`C:\Program Files (x86)\LibreOffice\program\soffice.exe`,
	"/Applications/LibreOffice.app/Contents/MacOS/soffice",
}

// Find returns the soffice binary to run: Path, else $NIANBAO_SOFFICE,
// else soffice or libreoffice on PATH, else the usual install places.
func (lo LibreOffice) Find() (string, error) {
	p := lo.Path
	if p == "" {
		p = os.Getenv("NIANBAO_SOFFICE")
	}
	if p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("%w（%s 不存在）", ErrNoLibreOffice, p)
		}
		return p, nil
	}
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	for _, p := range installPaths {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", ErrNoLibreOffice
}

// PDF writes the report as PDF: the .docx converted by LibreOffice.
func PDF(w io.Writer, t *model.Template, r *model.Report, opts Options) error {
	var docx bytes.Buffer
	if err := DOCX(&docx, t, r, opts); err != nil {
		return err
	}
	pdf, err := opts.LibreOffice.Convert(docx.Bytes(), "docx", "pdf")
	if err != nil {
		return err
	}
	_, err = w.Write(pdf)
	return err
}

// Convert converts a document (its bytes, with the extension LibreOffice
// should read it by) to format to, in a temporary directory with its own
// profile, so a LibreOffice the user has open neither blocks the
// conversion nor sees it.
func (lo LibreOffice) Convert(data []byte, ext, to string) ([]byte, error) {
	soffice, err := lo.Find()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "nianbao-lo-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "report."+ext)
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return nil, err
	}
	timeout := lo.Timeout
	if timeout <= 0 {
		timeout = DefaultPDFTimeout
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "--headless", "--norestore", "--nologo", "--nolockcheck",
		"-env:UserInstallation="+fileURL(filepath.Join(dir, "profile")),
		"--convert-to", to, "--outdir", dir, in)
	cmd.Env = append(os.Environ(), lo.Env...)
	ownGroup(cmd)
	// Output pipes held open by a stray child must not block the return.
	cmd.WaitDelay = 5 * time.Second
	out, err := cmd.CombinedOutput()
	if ctx.Err() == context.DeadlineExceeded {
		return nil, fmt.Errorf("LibreOffice 转换超时（%s），已中止；可稍后重试，或先导出 Word 文档再另存为 PDF", timeout)
	}
	result := strings.TrimSuffix(in, filepath.Ext(in)) + "." + to
	pdf, rerr := os.ReadFile(result)
	if err != nil || rerr != nil || len(pdf) == 0 {
		msg := strings.TrimSpace(string(out))
		if err == nil {
			err = errors.New("没有生成输出文件")
		}
		if msg != "" {
			return nil, fmt.Errorf("LibreOffice 转换失败：%v：%s", err, msg)
		}
		return nil, fmt.Errorf("LibreOffice 转换失败：%v", err)
	}
	return pdf, nil
}

// fileURL is a file:// URL for an absolute path, as -env:UserInstallation
// wants it.
func fileURL(p string) string {
	p = filepath.ToSlash(p)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/Users/… on Windows
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
