// Package officetest makes .doc, .odt, .rtf and .pdf fixtures at test time
// with LibreOffice, so the repository holds no binary office files and the
// fixtures are whatever the installed converter really writes. Tests skip
// with a message when LibreOffice is not installed.
package officetest

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Filters maps an output extension to LibreOffice's export filter.
var Filters = map[string]string{
	".doc":  "doc:MS Word 97",
	".odt":  "odt:writer8",
	".rtf":  "rtf:Rich Text Format",
	".pdf":  "pdf:writer_pdf_Export",
	".docx": "docx:MS Word 2007 XML",
}

// Soffice returns LibreOffice's path or skips the test.
func Soffice(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("LibreOffice（soffice）未安装：跳过需要它生成测试文件的测试（Debian：apt install libreoffice-writer-nogui）")
	return ""
}

// Convert turns src (a .txt or .docx the test wrote) into ext with
// LibreOffice and returns the bytes.
func Convert(t testing.TB, src, ext string) []byte {
	t.Helper()
	bin := Soffice(t)
	dir := t.TempDir()
	cmd := exec.Command(bin, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--norestore", "--convert-to", Filters[ext], "--outdir", dir, src)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))+ext)
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("soffice wrote no %s: %v", ext, err)
	}
	return data
}

// ConvertText writes text as a UTF-8 .txt and converts it.
func ConvertText(t testing.TB, text, ext string) []byte {
	t.Helper()
	src := filepath.Join(t.TempDir(), "report.txt")
	if err := os.WriteFile(src, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return Convert(t, src, ext)
}

// Unzip reads every entry of a .docx (any zip) as text, by name: what the
// tests of an annotated or exported file look into.
func Unzip(t testing.TB, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = string(b)
	}
	return out
}
