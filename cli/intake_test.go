package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/internal/officetest"
	"nianbao/render"
)

// officeReport is a received report in the shape units send.
const officeReport = `青山县司法局2024年度法治政府建设情况报告

2024年，县司法局坚持以习近平法治思想为指导，统筹推进法治政府建设各项工作，现将有关情况报告如下。

一、主要举措和成效
（一）依法决策
全年开展合法性审查21件，审查规范性文件8件，全部在规定时限内完成。
（二）化解矛盾纠纷
全年受理矛盾纠纷120件，调解成功110件，调解成功率91.67%。
二、存在的不足和原因
基层执法人员法治素养有待提高，部分执法文书不够规范。
三、下一年度推进法治政府建设的主要安排
2025年，我们将继续加强执法人员培训。
`

// TestCheckFolderReadsEveryFormat: a folder as an office receives it is
// read whole — a draft, a .docx, a .doc renamed .docx, a PDF, a saved web
// page and GBK text — and what is not a report is listed with its reason.
func TestCheckFolderReadsEveryFormat(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	draft := writeFile(t, filepath.Join(dir, "a-草稿.yaml"), draftVariant(t, "clean"))
	if code, _, errOut := run(t, "export", "-o", filepath.Join(dir, "b-导出.docx"), draft); code != 0 {
		t.Fatalf("export: %s", errOut)
	}
	doc := officetest.ConvertText(t, officeReport, ".doc")
	writeFile(t, filepath.Join(dir, "c-其实是doc.docx"), doc)
	writeFile(t, filepath.Join(dir, "h-WPS.wps"), doc)
	if code, _, errOut := run(t, "export", "-o", filepath.Join(dir, "i-导出.html"), draft); code != 0 {
		t.Fatalf("export html: %s", errOut)
	}
	writeFile(t, filepath.Join(dir, "d-扫描前.pdf"), officetest.ConvertText(t, officeReport, ".pdf"))
	page := "<!DOCTYPE html><html><head><meta charset=utf-8><title>报告</title></head><body><nav><a href=/>首页</a></nav><article>" +
		"<p>" + strings.ReplaceAll(strings.TrimSpace(officeReport), "\n", "</p><p>") + "</p></article></body></html>"
	writeFile(t, filepath.Join(dir, "e-网页.html"), []byte(page))
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(officeReport)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "f-GBK.txt"), []byte(gbk))
	scan := writeFile(t, filepath.Join(dir, "g-扫描件.jpg"), []byte("\xFF\xD8\xFF\xE0\x00\x10JFIF"))
	writeFile(t, filepath.Join(dir, "README.md"), []byte("说明"))
	writeFile(t, filepath.Join(dir, "名单.csv"), []byte("单位\n"))
	writeFile(t, filepath.Join(dir, "~$c-其实是doc.docx"), []byte("owner"))

	code, out, errOut := run(t, "check", dir)
	if code != ExitInput {
		t.Errorf("exit %d, want 2 for the unreadable scan", code)
	}
	for _, name := range []string{"a-草稿.yaml", "b-导出.docx", "c-其实是doc.docx", "d-扫描前.pdf", "e-网页.html", "f-GBK.txt", "h-WPS.wps", "i-导出.html"} {
		re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(filepath.Join(dir, name)) + `: (通过|未通过)  完整度`)
		if !re.MatchString(out) {
			t.Errorf("%s was not read:\n%s\n%s", name, out, errOut)
		}
	}
	if !strings.Contains(out, scan+": 无法读取：这是图片") || !strings.Contains(errOut, "OCR") {
		t.Errorf("scan not listed with its reason:\n%s\n%s", out, errOut)
	}
	for _, name := range []string{"README.md", "名单.csv", "~$c-其实是doc.docx"} {
		if !strings.Contains(errOut, filepath.Join(dir, name)+": 未检查：") {
			t.Errorf("%s skipped silently:\n%s", name, errOut)
		}
	}
	if !strings.Contains(out, "共 9 个文件") {
		t.Errorf("summary does not count every file:\n%s", out)
	}
	_, jsonOut, _ := run(t, "check", "--format", "json", dir)
	var rep checkReport
	if err := json.Unmarshal([]byte(jsonOut), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Files)+len(rep.Skipped) != 12 || len(rep.Skipped) != 3 {
		t.Errorf("json: %d files and %d skipped, want 9 and 3: %+v", len(rep.Files), len(rep.Skipped), rep.Skipped)
	}
	// The figures of the converted documents are read, so findings are
	// about the content, not about an empty file.
	if strings.Contains(out, filepath.Join(dir, "c-其实是doc.docx")+`: [section.empty] 错误：必填章节“（二）`) {
		t.Errorf(".doc content lost:\n%s", out)
	}
}

// TestCheckMissingConverter: without LibreOffice a .doc is listed as
// unread with the package to install, and the exit code is 2.
func TestCheckMissingConverter(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	doc := writeFile(t, filepath.Join(dir, "报告.doc"), officetest.ConvertText(t, officeReport+"\n缺少转换器。\n", ".doc"))
	good := writeFile(t, filepath.Join(dir, "a.yaml"), draftVariant(t, "clean"))
	t.Setenv("PATH", t.TempDir())
	code, out, errOut := run(t, "check", dir)
	if code != ExitInput || !strings.Contains(errOut, doc+": ") || !strings.Contains(errOut, "libreoffice-writer-nogui") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(out, doc+": 无法读取：") || !strings.Contains(out, good+": 通过") {
		t.Errorf("output:\n%s", out)
	}
}

// TestCheckProgressOnTerminal: progress goes to stderr only when it is a
// terminal, and is erased at the end.
func TestCheckProgressOnTerminal(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a", "b", "c"} {
		writeFile(t, filepath.Join(dir, n+".yaml"), draftVariant(t, "clean"))
	}
	for _, term := range []bool{true, false} {
		var out, errOut strings.Builder
		s := testStreams(nil, &out, &errOut)
		s.ErrTerminal = term
		_ = runCheck(&checkOptions{streams: s, format: "text", paths: []string{dir}})
		shown := strings.Contains(errOut.String(), "\r正在检查 3/3") && strings.HasSuffix(errOut.String(), "\r\x1b[K")
		if shown != term || strings.Contains(out.String(), "正在检查") {
			t.Errorf("terminal %v: stderr %q", term, errOut.String())
		}
	}
}

// TestPDFOfExportChecksLikeTheDocx: a report printed to PDF (paragraphs
// wrapped, pages broken mid-paragraph, page numbers in the footer) gives
// the verdict and findings of the Word file it was printed from.
func TestPDFOfExportChecksLikeTheDocx(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	draft := writeFile(t, filepath.Join(dir, "a.yaml"), draftVariant(t, "wrong-rate"))
	docx := filepath.Join(dir, "报告.docx")
	if code, _, errOut := run(t, "export", "-o", docx, draft); code != 0 {
		t.Fatalf("export: %s", errOut)
	}
	pdf := writeFile(t, filepath.Join(dir, "pdf", "报告.pdf"), officetest.Convert(t, docx, ".pdf"))
	// A PDF carries no draft data, so it is compared with the Word file
	// read by its text alone.
	data, err := os.ReadFile(docx)
	if err != nil {
		t.Fatal(err)
	}
	docx = writeFile(t, filepath.Join(dir, "text-only", "报告.docx"), stripCarried(t, render.FormatDOCX, data))
	summary := func(path string) string {
		_, out, _ := run(t, "check", path)
		line := strings.SplitN(out, "\n", 2)[0]
		return line[strings.Index(line, ": ")+2:]
	}
	if d, p := summary(docx), summary(pdf); d != p {
		_, dout, _ := run(t, "check", docx)
		_, pout, _ := run(t, "check", pdf)
		t.Errorf("docx: %s\npdf:  %s\n--- docx\n%s--- pdf\n%s", d, p, dout, pout)
	}
}

// TestEncryptedDocxNamed: a .docx saved with an open password (a compound
// file holding the encrypted package) is listed as unread with that
// reason, not sent to LibreOffice or called broken, and the rest of the
// folder is checked.
func TestEncryptedDocxNamed(t *testing.T) {
	dir := t.TempDir()
	utf16 := func(s string) []byte {
		var b []byte
		for _, r := range s {
			b = append(b, byte(r), 0)
		}
		return append(b, 0, 0)
	}
	blob := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 1016)...)
	blob = append(append(append(blob, utf16("EncryptionInfo")...), make([]byte, 98)...), utf16("EncryptedPackage")...)
	locked := writeFile(t, filepath.Join(dir, "加密的报告.docx"), append(blob, make([]byte, 4096)...))
	writeFile(t, filepath.Join(dir, "报告.txt"), []byte(officeReport))
	code, out, errOut := run(t, "check", dir)
	if code != ExitInput {
		t.Errorf("exit %d, want 2 for the unreadable file", code)
	}
	if !strings.Contains(out, locked+": 无法读取：这个 Office 文档设置了打开密码") || !strings.Contains(out+errOut, "未加密的版本") {
		t.Errorf("the encrypted file is not named with its reason:\n%s\n%s", out, errOut)
	}
	if !strings.Contains(out, filepath.Join(dir, "报告.txt")+": 通过") && !strings.Contains(out, filepath.Join(dir, "报告.txt")+": 未通过") {
		t.Errorf("the readable report was not checked:\n%s", out)
	}
}

// TestLinksInAFolder: a link to a folder inside the folder checked (here
// back to the folder itself) is listed with its reason, not followed and
// not reported as a directory that cannot be read; a link to a report is
// read like the report.
func TestLinksInAFolder(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), []byte(officeReport))
	if err := os.Symlink(dir, filepath.Join(dir, "回到本目录")); err != nil {
		t.Skip("no symlinks here: ", err)
	}
	if err := os.Symlink(filepath.Join(dir, "a.txt"), filepath.Join(dir, "b-链接.txt")); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "check", dir)
	if code == ExitInput || strings.Contains(out, "无法读取：") {
		t.Errorf("exit %d; a link was reported unreadable:\n%s\n%s", code, out, errOut)
	}
	if !strings.Contains(errOut, filepath.Join(dir, "回到本目录")+": 未检查：指向目录的链接") {
		t.Errorf("the folder link is not listed with its reason:\n%s", errOut)
	}
	if !strings.Contains(out, filepath.Join(dir, "b-链接.txt")+": ") {
		t.Errorf("the link to a report was not read:\n%s", out)
	}
}
