package cli

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

// export --format pdf goes through LibreOffice and writes a PDF holding
// the whole text; the contact line is in it only with --with-contact.
func TestExportPDF(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped with -short: LibreOffice conversion takes seconds")
	}
	_, errSoffice := exec.LookPath("soffice")
	pdftotext, errText := exec.LookPath("pdftotext")
	if errSoffice != nil || errText != nil {
		t.Skip("needs soffice and pdftotext: apt-get install libreoffice-writer-nogui poppler-utils")
	}
	draft := exportDraft(t)
	for _, withContact := range []bool{false, true} {
		args := []string{"export", "--format", "pdf", "--force"}
		if withContact {
			args = append(args, "--with-contact")
		}
		code, out, errOut := run(t, append(args, draft)...)
		pdf := strings.TrimSuffix(draft, ".yaml") + ".pdf"
		if code != ExitOK || out != "" || !strings.Contains(errOut, "已导出："+pdf+"（PDF）") {
			t.Fatalf("exit %d, stdout %q, stderr %s", code, out, errOut)
		}
		data, err := os.ReadFile(pdf)
		if err != nil || !strings.HasPrefix(string(data), "%PDF-") {
			t.Fatalf("%s is not a PDF: %v", pdf, err)
		}
		txt, err := exec.Command(pdftotext, pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		flat := strings.Join(strings.Fields(string(txt)), "")
		for _, want := range []string{"示例县人民政府2024年度", "法治政府建设情况报告", "一、上一年度推进法治政府建设的主要举措和成效",
			"调解成功率98.18%。", "（六）加快推进数字法治政府建设", "五、其他需要报告的情况", "暂无。", "示例县人民政府2025年3月1日"} {
			if !strings.Contains(flat, want) {
				t.Errorf("PDF text lacks %q", want)
			}
		}
		if got := strings.Contains(flat, "联系人：县司法局王明"); got != withContact {
			t.Errorf("--with-contact %v: contact printed %v", withContact, got)
		}
	}
}

// Without LibreOffice the PDF export stops before doing anything, with a
// message that names the package to install, and writes no file.
func TestExportPDFWithoutLibreOffice(t *testing.T) {
	draft := exportDraft(t)
	t.Setenv("PATH", t.TempDir())
	t.Setenv("NIANBAO_SOFFICE", "")
	code, _, errOut := run(t, "export", "--format", "pdf", draft)
	if code != ExitInput || !strings.Contains(errOut, "libreoffice-writer-nogui") || !strings.Contains(errOut, "LibreOffice") {
		t.Errorf("exit %d, stderr %s", code, errOut)
	}
	if _, err := os.Stat(strings.TrimSuffix(draft, ".yaml") + ".pdf"); err == nil {
		t.Error("a PDF was written without LibreOffice")
	}
	t.Setenv("NIANBAO_SOFFICE", filepath.Join(t.TempDir(), "soffice"))
	code, _, errOut = run(t, "export", "-o", filepath.Join(filepath.Dir(draft), "r.pdf"), draft)
	if code != ExitInput || !strings.Contains(errOut, "不存在") {
		t.Errorf("NIANBAO_SOFFICE pointing nowhere: exit %d, stderr %s", code, errOut)
	}
}

// fakeFontconfig puts fc-list and fc-match scripts that know the given
// families first on PATH.
func fakeFontconfig(t *testing.T, families ...string) {
	t.Helper()
	dir := t.TempDir()
	list := "#!/bin/sh\nprintf '%s\\n' " + "'" + strings.Join(families, "' '") + "'\n"
	match := "#!/bin/sh\nprintf 'Noto Serif CJK SC,Noto Serif CJK SC Regular'\n"
	for name, body := range map[string]string{"fc-list": list, "fc-match": match} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
}

// The export names each missing font and its stand-in; fonts that are
// installed (under either name) are not mentioned.
func TestExportWarnsAboutMissingFonts(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("needs sh for the fake fontconfig")
	}
	draft := exportDraft(t)
	fakeFontconfig(t, "SimHei,黑体", "宋体,SimSun", "Noto Serif CJK SC")
	code, _, errOut := run(t, "export", "--force", draft)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"本机没有安装字体“仿宋_GB2312”（正文）", "“方正小标宋简体”（标题）", "“楷体_GB2312”（二级标题）", "将以“Noto Serif CJK SC”代替", "正文和各级标题将看不出区别", "--fonts windows"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	for _, installed := range []string{"“黑体”", "“宋体”"} {
		if strings.Contains(errOut, installed) {
			t.Errorf("installed font %s reported missing:\n%s", installed, errOut)
		}
	}

	// With the Windows names and those fonts present, nothing to say; text
	// formats name no fonts at all.
	fakeFontconfig(t, "FangSong,仿宋", "KaiTi,楷体", "SimHei,黑体", "SimSun,宋体")
	if code, _, errOut := run(t, "export", "--force", "--fonts", "windows", draft); code != ExitOK || strings.Contains(errOut, "字体") {
		t.Errorf("--fonts windows: exit %d, stderr %s", code, errOut)
	}
	if code, _, errOut := run(t, "export", "--force", "--format", "md", draft); code != ExitOK || strings.Contains(errOut, "字体") {
		t.Errorf("md export warned about fonts: %d %s", code, errOut)
	}
	code, _, errOut = run(t, "export", "--fonts", "fancy", draft)
	if code != ExitInput || !strings.Contains(errOut, "字体名称“fancy”无效") {
		t.Errorf("bad --fonts: %d %s", code, errOut)
	}
}

func TestExportWithContactOnlyForPagedFormats(t *testing.T) {
	draft := exportDraft(t)
	// Plain text prints no contact on the page; the copy sent up still
	// carries it in the trailer nianbao check and import read.
	code, out, errOut := run(t, "export", "--format", "txt", "-o", "-", "--with-contact", draft)
	page, trailer, _ := strings.Cut(out, "=====")
	if code != ExitOK || strings.Contains(page, "王明") || !strings.Contains(trailer, "王明") || !strings.Contains(errOut, "--with-contact 只对 Word 和 PDF 印出联系人") {
		t.Errorf("exit %d, stdout %q, stderr %s", code, out, errOut)
	}
}

// fonts: windows in the settings file sets the Word file's font names;
// --fonts wins over it, and a bad value is reported and ignored.
func TestExportFontsFromSettings(t *testing.T) {
	draft := exportDraft(t)
	dir := filepath.Dir(draft)
	settings := filepath.Join(dir, "settings.yaml")
	t.Setenv("NIANBAO_CONFIG", settings)
	fakeFontconfig(t) // no fonts: the warnings are not what this test reads
	bodyFont := func() string {
		t.Helper()
		data, err := os.ReadFile(strings.TrimSuffix(draft, ".yaml") + ".docx")
		if err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			if f.Name == "word/styles.xml" {
				rc, _ := f.Open()
				b, _ := io.ReadAll(rc)
				rc.Close()
				s := string(b)
				i := strings.Index(s, `w:eastAsia="`) + len(`w:eastAsia="`)
				return s[i : i+strings.Index(s[i:], `"`)]
			}
		}
		t.Fatal("no styles.xml")
		return ""
	}
	for _, c := range []struct{ setting, flag, want, warn string }{
		{"", "", "仿宋_GB2312", ""},
		{"fonts: windows\n", "", "仿宋", ""},
		{"fonts: windows\n", "gb2312", "仿宋_GB2312", ""},
		{"fonts: fancy\n", "", "仿宋_GB2312", "fonts 应当是 gb2312 或 windows"},
	} {
		if err := os.WriteFile(settings, []byte(c.setting), 0o644); err != nil {
			t.Fatal(err)
		}
		args := []string{"export", "--force"}
		if c.flag != "" {
			args = append(args, "--fonts", c.flag)
		}
		code, _, errOut := run(t, append(args, draft)...)
		if code != ExitOK {
			t.Fatalf("%q: exit %d %s", c.setting, code, errOut)
		}
		if got := bodyFont(); got != c.want {
			t.Errorf("settings %q, --fonts %q: body font %s, want %s", c.setting, c.flag, got, c.want)
		}
		if c.warn != "" && !strings.Contains(errOut, c.warn) {
			t.Errorf("settings %q: stderr lacks %q: %s", c.setting, c.warn, errOut)
		}
	}
}
