package ingest

import (
	"encoding/base64"
	"errors"
	"fmt"
	"mime/quotedprintable"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/internal/officetest"
	"nianbao/model"
)

// intakeReport is long enough that its paragraphs wrap in a PDF, so the
// paragraph rebuilding is exercised.
const intakeReport = `青山县2024年度法治政府建设情况报告

2024年，青山县坚持以习近平法治思想为指导，统筹推进法治政府建设各项工作，依法行政水平持续提升，群众满意度明显提高，现将有关情况报告如下。

一、主要举措和成效
（一）坚持依法科学民主决策
全年开展合法性审查21件，审查规范性文件8件，全部在规定时限内完成，没有发现违法设定行政许可和行政处罚的情形。
（二）化解行政争议
全年收到行政复议申请23件，审结20件，纠错2件，纠错率10%。
二、存在的不足和原因
基层执法人员法治素养有待提高，部分执法文书不够规范。
三、下一年度推进法治政府建设的主要安排
2025年，我们将继续加强执法人员培训。
`

func TestDetectByContent(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want Kind
	}{
		{"ole2 word", append(append([]byte{}, ole2Magic...), containsName("WordDocument")...), KindOLE2},
		{"ole2 excel", append(append([]byte{}, ole2Magic...), containsName("Workbook")...), KindSheet},
		{"encrypted docx", append(append(append([]byte{}, ole2Magic...), containsName("EncryptionInfo")...), containsName("EncryptedPackage")...), KindEncrypted},
		{"rtf", []byte(`{\rtf1\ansi 报告}`), KindRTF},
		{"pdf", []byte("%PDF-1.7\n"), KindPDF},
		{"pdf after bom", []byte("\xEF\xBB\xBF%PDF-1.4"), KindPDF},
		{"odt", []byte("PK\x03\x04" + strings.Repeat("\x00", 26) + "mimetypeapplication/vnd.oasis.opendocument.text"), KindODT},
		{"ods", []byte("PK\x03\x04" + strings.Repeat("\x00", 26) + "mimetypeapplication/vnd.oasis.opendocument.spreadsheet"), KindSheet},
		{"docx", []byte("PK\x03\x04....word/document.xml...."), KindDocx},
		{"xlsx", []byte("PK\x03\x04....xl/workbook.xml...."), KindSheet},
		{"html", []byte("\n<!DOCTYPE html><html><body>报告</body></html>"), KindHTML},
		{"xhtml", []byte("<?xml version=\"1.0\"?>\n<html></html>"), KindHTML},
		{"mhtml", []byte("From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\tboundary=\"x\"\r\n"), KindMHTML},
		{"png", []byte("\x89PNG\r\n\x1a\n"), KindImage},
		{"gzip", []byte{0x1F, 0x8B, 8, 0}, KindArchive},
		{"utf-8 text", []byte(intakeReport), KindText},
		{"text starting BM", []byte("BM 是一个缩写\n"), KindText},
	}
	for _, c := range cases {
		if got := Detect(c.data); got != c.want {
			t.Errorf("%s: Detect = %s, want %s", c.name, got.Label(), c.want.Label())
		}
	}
}

func containsName(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), 0)
	}
	return b
}

// TestReadOfficeFormats: a report saved by LibreOffice as .doc (under a
// lying .docx name), .odt, .rtf and .pdf is read with its title, headings
// and figure sentences intact.
func TestReadOfficeFormats(t *testing.T) {
	for _, ext := range []string{".doc", ".odt", ".rtf", ".pdf"} {
		t.Run(ext, func(t *testing.T) {
			data := officetest.ConvertText(t, intakeReport, ext)
			name := "收到的报告" + ext
			if ext == ".doc" {
				name = "其实是doc.docx"
			}
			doc, err := Read(name, data)
			if err != nil {
				t.Fatal(err)
			}
			text := doc.Text()
			for _, want := range []string{
				"青山县2024年度法治政府建设情况报告\n",
				"\n一、主要举措和成效\n",
				"\n（二）化解行政争议\n",
				"全年收到行政复议申请23件，审结20件，纠错2件，纠错率10%。\n",
				"全年开展合法性审查21件，审查规范性文件8件，全部在规定时限内完成，没有发现违法设定行政许可和行政处罚的情形。\n",
			} {
				if !strings.Contains(text, want) {
					t.Errorf("%s: text lacks %q:\n%s", ext, want, text)
				}
			}
		})
	}
}

// TestConversionCached: a second read of the same content needs no
// LibreOffice at all.
func TestConversionCached(t *testing.T) {
	data := officetest.ConvertText(t, intakeReport+"\n缓存测试。\n", ".odt")
	if _, err := Read("a.odt", data); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", t.TempDir())
	doc, err := Read("b.odt", data)
	if err != nil {
		t.Fatalf("cached conversion not used: %v", err)
	}
	if !strings.Contains(doc.Text(), "缓存测试。") {
		t.Errorf("cached text lost content:\n%s", doc.Text())
	}
}

// TestMissingConverter: without LibreOffice or poppler the message names
// the Debian package to install.
func TestMissingConverter(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"a.doc", append(append([]byte{}, ole2Magic...), []byte("missing-converter-doc")...), "libreoffice-writer-nogui"},
		{"a.docx", append(append([]byte{}, ole2Magic...), []byte("missing-converter-lying-name")...), "libreoffice-writer-nogui"},
		{"a.rtf", []byte(`{\rtf1 missing converter}`), "libreoffice-writer-nogui"},
		{"a.pdf", []byte("%PDF-1.4 missing converter"), "poppler-utils"},
	}
	for _, c := range cases {
		_, err := Read(c.name, c.data)
		var me *model.Error
		if !errors.As(err, &me) || me.File != c.name || !strings.Contains(me.Msg, c.want) {
			t.Errorf("%s: error %v, want *model.Error for the file naming %s", c.name, err, c.want)
		}
	}
}

// fakeSoffice installs a stand-in for soffice that converts by copying a
// .docx, and hangs (with a child process, as soffice.bin is) on any input
// containing HANG. It records the pids it started in dir/pids.
func fakeSoffice(t *testing.T) (pidFile string) {
	t.Helper()
	bin := t.TempDir()
	docx := filepath.Join(bin, "fixture.docx")
	if err := os.WriteFile(docx, buildDocx(t, docxParts(sampleDocumentXML, sampleStylesXML)), 0o644); err != nil {
		t.Fatal(err)
	}
	pidFile = filepath.Join(bin, "pids")
	script := `#!/bin/sh
echo $$ >> '` + pidFile + `'
out=
while [ $# -gt 0 ]; do
  case "$1" in
    --outdir) out="$2"; shift ;;
    -*) ;;
    *) if grep -q HANG "$1"; then sleep 300 & echo $! >> '` + pidFile + `'; wait; fi
       base=$(basename "$1")
       grep -q BAD "$1" || cp '` + docx + `' "$out/${base%.*}.docx" ;;
  esac
  shift
done
`
	if err := os.WriteFile(filepath.Join(bin, "soffice"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	return pidFile
}

// TestHungConversionKilled: a file that makes the converter hang is
// reported as timed out, the converter and its child are killed, a file it
// refused just before is reported as refused, not as the hang, and the
// other files of the same batch are converted.
func TestHungConversionKilled(t *testing.T) {
	if _, err := os.Stat("/bin/sh"); err != nil {
		t.Skip("no /bin/sh for the stand-in converter")
	}
	pidFile := fakeSoffice(t)
	old := OfficeTimeout
	// Long enough that a loaded CI machine (other packages' tests running
	// real LibreOffice beside this one) starting the stand-in shell script
	// and its grep and cp is not taken for a hang: at 300 ms it was, and
	// the first, healthy file came back as timed out.
	OfficeTimeout = 2 * time.Second
	t.Cleanup(func() { OfficeTimeout = old })
	dir := t.TempDir()
	var paths []string
	for i, body := range []string{"first ok", "BAD one", "HANG here", "last ok"} {
		p := filepath.Join(dir, strconv.Itoa(i)+".doc")
		data := append(append([]byte{}, ole2Magic...), []byte(body+" "+t.Name())...)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	Prepare(paths)
	for i, p := range paths {
		_, err := ReadFile(p)
		switch i {
		case 1:
			if err == nil || !strings.Contains(err.Error(), "无法打开") {
				t.Errorf("refused file: error %v, want LibreOffice's refusal", err)
			}
		case 2:
			if err == nil || !strings.Contains(err.Error(), "转换超时") {
				t.Errorf("hung file: error %v, want a timeout", err)
			}
		default:
			if err != nil {
				t.Errorf("%s: %v", p, err)
			}
		}
	}
	raw, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	// The next run does not wait for the hang again: the marker answers.
	failures.Delete(cacheKey(append(append([]byte{}, ole2Magic...), []byte("HANG here "+t.Name())...), ".docx"))
	if _, err := ReadFile(paths[2]); err == nil || !strings.Contains(err.Error(), "本次不再重试") {
		t.Errorf("second run: %v", err)
	}
	if after, _ := os.ReadFile(pidFile); len(after) != len(raw) {
		t.Errorf("LibreOffice started again for a file that hung it")
	}
	for _, f := range strings.Fields(string(raw)) {
		pid, _ := strconv.Atoi(f)
		if alive(pid) {
			t.Errorf("process %d still running after the timeout", pid)
		}
	}
}

// alive says whether pid runs; a zombie (killed, not yet reaped by an init
// that does not reap) counts as dead.
func alive(pid int) bool {
	if syscall.Kill(pid, 0) != nil {
		return false
	}
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return true
	}
	fields := strings.Fields(string(stat))
	return len(fields) < 3 || fields[2] != "Z"
}

func TestPDFParagraphs(t *testing.T) {
	layout := "                 青山县 2024 年度法治政府建设情况报告\n\n" +
		"    2024 年，青山县坚持以习近平法治思想为指导，统筹推进法治政府\n" +
		"建设各项工作，现将有关情况报告如下。\n" +
		"    一、主要举措和成效\n" +
		"    全年收到行政复议申请 23 件，审结 20 件，纠错 2 件，纠错率\n" +
		"10%。\n\n" +
		"                               — 1 —\n\f" +
		"    二、存在的不足和原因\n" +
		"基层执法人员法治素养有待提高。\n" +
		"    三、下一年度的主要安排\n" +
		"    一是加强培训，全年举办执法人员培训班四期，覆盖全部执法人\n" +
		"员。二是推进执法规范化建设，认真做好全县执法案卷评查工作，促进\n\n\n" +
		"                               — 2 —\n\f" +
		"执法水平提升。\n" +
		"表 格 中 的 字 被 拉 得 很 开 的 一 行 比 正 文 宽 很 多 很 多 很 多\n"
	wantPDFParagraphs(t, layout,
		"青山县2024年度法治政府建设情况报告",
		"2024年，青山县坚持以习近平法治思想为指导，统筹推进法治政府建设各项工作，现将有关情况报告如下。",
		"一、主要举措和成效",
		"全年收到行政复议申请23件，审结20件，纠错2件，纠错率10%。",
		"二、存在的不足和原因",
		"基层执法人员法治素养有待提高。",
		"三、下一年度的主要安排",
		"一是加强培训，全年举办执法人员培训班四期，覆盖全部执法人员。二是推进执法规范化建设，认真做好全县执法案卷评查工作，促进执法水平提升。",
		"表格中的字被拉得很开的一行比正文宽很多很多很多",
	)
	if got, _ := pdfParagraphs(" \n\f\n  \f"); got != nil {
		t.Error("a PDF without text must give no paragraphs")
	}
}

// TestPDFLinesShortOfTheMargin: a line laid out a few cells short of the
// margin, as full-width punctuation set narrower than two cells leaves
// it, runs on when it breaks off mid-sentence (a count on the next line);
// a last line ending in a full stop, or a heading on its own line, does
// not.
func TestPDFLinesShortOfTheMargin(t *testing.T) {
	// Full lines are 78 cells; the fourth is 70, the heading 70 and on a
	// line of its own.
	layout := "全区各级人民调解组织调解矛盾纠纷八千余件调解成功八千五百件，调解成功率高达百分\n" +
		"之九十九，一是发挥行政复议主渠道作用，全年收到行政复议申请数量明显较多，同比增\n" +
		"长较快，受理和审结数量均创新高，纠错率保持在合理区间，比上年有所提高。全年开展\n" +
		"宪法宣传周、民法典宣传月等主题普法活动，举办法治讲座和送法下乡活动共计\n" +
		"1320 场，线上线下覆盖群众 120 万人次。\n" +
		"三、2026年度党政主要负责人履行推进法治建设第一责任人职责情况和有关工作\n" +
		"区政府主要负责人认真履行推进法治建设第一责任人职责，全年主持召开常务会议研究法\n" +
		"治政府建设工作四次。\n"
	wantPDFParagraphs(t, layout,
		"全区各级人民调解组织调解矛盾纠纷八千余件调解成功八千五百件，调解成功率高达百分之九十九，一是发挥行政复议主渠道作用，全年收到行政复议申请数量明显较多，同比增长较快，受理和审结数量均创新高，纠错率保持在合理区间，比上年有所提高。全年开展宪法宣传周、民法典宣传月等主题普法活动，举办法治讲座和送法下乡活动共计1320场，线上线下覆盖群众120万人次。",
		"三、2026年度党政主要负责人履行推进法治建设第一责任人职责情况和有关工作",
		"区政府主要负责人认真履行推进法治建设第一责任人职责，全年主持召开常务会议研究法治政府建设工作四次。",
	)
}

// wantPDFParagraphs checks the paragraphs pdfParagraphs makes of a
// pdftotext layout.
func wantPDFParagraphs(t *testing.T, layout string, want ...string) {
	t.Helper()
	if got, _ := pdfParagraphs(layout); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("paragraphs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestScannedPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext 未安装（Debian：apt install poppler-utils）")
	}
	// A page with a filled rectangle and no text, as a scan without OCR.
	_, err := Read("扫描件.pdf", textlessPDF())
	if err == nil || !strings.Contains(err.Error(), "OCR") {
		t.Errorf("scanned PDF: error %v, want the OCR advice", err)
	}
}

// textlessPDF builds a one-page PDF that draws a rectangle, with a correct
// cross-reference table.
func textlessPDF() []byte {
	content := "0 0 0 rg 100 100 200 200 re f"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
		"<< /Length " + strconv.Itoa(len(content)) + " >>\nstream\n" + content + "\nendstream",
	}
	var b strings.Builder
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		b.WriteString(strconv.Itoa(i+1) + " 0 obj\n" + o + "\nendobj\n")
	}
	xref := b.Len()
	b.WriteString("xref\n0 " + strconv.Itoa(len(objs)+1) + "\n0000000000 65535 f \n")
	for _, off := range offsets {
		b.WriteString(fmt.Sprintf("%010d 00000 n \n", off))
	}
	b.WriteString("trailer\n<< /Size " + strconv.Itoa(len(objs)+1) + " /Root 1 0 R >>\nstartxref\n" + strconv.Itoa(xref) + "\n%%EOF\n")
	return []byte(b.String())
}

const portalPage = `<!DOCTYPE html>
<html><head><meta charset="%s"><title>青山县2024年度法治政府建设情况报告_青山县人民政府</title>
<script>var x = "不应出现";</script><style>p{}</style></head>
<body>
<div class="top"><a href="/">网站首页</a> <a href="/a">政务公开</a> <a href="/b">政务服务</a> <a href="/c">互动交流</a></div>
<nav><ul><li><a href="/1">机构设置</a></li><li><a href="/2">政策文件</a></li></ul></nav>
<div class="crumb">您现在的位置：<a href="/">首页</a> &gt; <a href="/x">法治政府建设</a></div>
<div class="main">
<h1>青山县2024年度法治政府建设情况报告</h1>
<div class="info">发布时间：2025-03-20 来源：县司法局 【字号：大 中 小】</div>
<div class="content">
<p>2024年，青山县坚持以习近平法治思想为指导，统筹推进法治政府建设各项工作。</p>
<p><strong>一、主要举措和成效</strong></p>
<p>　　全年收到行政复议申请23件，
审结20件，纠错2件，纠错率10%。</p>
<p>二、存在的不足和原因</p>
<p>基层执法人员法治素养有待提高。</p>
</div>
<div class="share">分享到：<a>微信</a> <a>微博</a></div>
</div>
<div class="footer"><p>版权所有：青山县人民政府 <a href="/m">网站地图</a></p><p>皖ICP备12345678号</p></div>
</body></html>`

func TestReadWebPage(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(strings.Replace(portalPage, "%s", "gb2312", 1))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"utf8.html":   []byte(strings.Replace(portalPage, "%s", "utf-8", 1)),
		"gbk.htm":     []byte(gbk),
		"假装是.docx":    []byte(strings.Replace(portalPage, "%s", "utf-8", 1)),
		"saved.mhtml": mhtml(strings.Replace(portalPage, "%s", "utf-8", 1)),
		"qp.mht":      mhtmlQP(strings.Replace(portalPage, "%s", "utf-8", 1)),
		"nometa.htm":  []byte(gbkNoMeta(t)),
	} {
		doc, err := Read(name, data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		text := doc.Text()
		for _, want := range []string{"青山县2024年度法治政府建设情况报告\n", "\n一、主要举措和成效\n",
			"全年收到行政复议申请23件，审结20件，纠错2件，纠错率10%。\n", "\n基层执法人员法治素养有待提高。\n"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: lacks %q:\n%s", name, want, text)
			}
		}
		for _, gone := range []string{"不应出现", "政务服务", "机构设置", "网站地图", "ICP备"} {
			if strings.Contains(text, gone) {
				t.Errorf("%s: kept page furniture %q:\n%s", name, gone, text)
			}
		}
	}
}

func mhtml(page string) []byte {
	return []byte("From: <Saved by Blink>\r\nSubject: report\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----b\"\r\n\r\n" +
		"------b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
		wrap64(page) + "\r\n------b--\r\n")
}

func wrap64(s string) string {
	enc := base64.StdEncoding.EncodeToString([]byte(s))
	var b strings.Builder
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	b.WriteString(enc)
	return b.String()
}

// TestHostileWebPages: a deeply nested page or one with no text gets a
// clear message; a page nested as deep as the parser allows is read.
func TestHostileWebPages(t *testing.T) {
	nested := func(n int) []byte {
		return []byte("<!DOCTYPE html><html><body>" + strings.Repeat("<div>", n) + "青山县2024年度法治政府建设情况报告" + strings.Repeat("</div>", n) + "</body></html>")
	}
	if doc, err := Read("deep.html", nested(500)); err != nil || !strings.Contains(doc.Text(), "青山县2024年度") {
		t.Errorf("page 500 deep: %v", err)
	}
	var me *model.Error
	if _, err := Read("deeper.html", nested(100000)); !errors.As(err, &me) || !strings.Contains(me.Msg, "嵌套过深") {
		t.Errorf("page 100000 deep: %v", err)
	}
	if _, err := Read("empty.html", []byte("<!DOCTYPE html><html><body><nav><a>首页</a></nav></body></html>")); !errors.As(err, &me) || !strings.Contains(me.Msg, "没有正文") {
		t.Errorf("empty page: %v", err)
	}
}

func mhtmlQP(page string) []byte {
	var b strings.Builder
	w := quotedprintable.NewWriter(&b)
	_, _ = w.Write([]byte(page))
	_ = w.Close()
	return []byte("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n" +
		"--b\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
		b.String() + "\r\n--b--\r\n")
}

// gbkNoMeta is a GBK page that does not declare its charset, as old
// portal pages saved from IE often are.
func gbkNoMeta(t *testing.T) string {
	page := strings.Replace(portalPage, `<meta charset="%s">`, "", 1)
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(page)
	if err != nil {
		t.Fatal(err)
	}
	return gbk
}
