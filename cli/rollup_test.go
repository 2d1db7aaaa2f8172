package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestRollupFolder: a folder of drafts and documents becomes a workbook
// with a row per unit and a totals row; the roster names who is missing.
func TestRollupFolder(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "收到")
	writeFile(t, filepath.Join(in, "a.yaml"), draftVariant(t, "clean"))
	writeFile(t, filepath.Join(in, "b.yaml"), draftVariant(t, "wrong-rate"))
	writeFile(t, filepath.Join(in, "县司法局.txt"), []byte(officeReport))
	writeFile(t, filepath.Join(in, "坏.docx"), []byte("PK\x03\x04broken"))
	roster := writeFile(t, filepath.Join(dir, "名单.csv"), []byte("单位,截止日期\n青山县人民政府,2099-01-01\n县司法局\n县教育局\n"))
	out := filepath.Join(dir, "汇总.xlsx")
	code, _, errOut := run(t, "rollup", "--roster", roster, "-o", out, in)
	if code != ExitInput || !strings.Contains(errOut, "坏.docx") || !strings.Contains(errOut, "未报送 1 个单位：县教育局") ||
		!strings.Contains(errOut, "已生成汇总 "+out+"：4 份报告，来自 3 个单位") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("汇总")
	if len(rows) != 6 || rows[5][1] != "合计" {
		t.Fatalf("rows: %v", rows)
	}
	units := map[string]string{}
	for _, r := range rows[1:5] {
		units[r[1]] = r[4]
	}
	if units["青山县司法局"] == "" || units["坏"] != "无法读取" {
		t.Errorf("units %v", units)
	}
	roster2, _ := f.GetRows("报送情况")
	if len(roster2) < 2 || roster2[1][0] != "县教育局" || roster2[1][1] != "未报送" {
		t.Errorf("roster sheet %v", roster2)
	}
	if code, _, errOut := run(t, "rollup", "-o", filepath.Join(dir, "x.pdf"), in); code != ExitInput || !strings.Contains(errOut, ".xlsx") {
		t.Errorf("bad output format: %d %s", code, errOut)
	}
}

func TestRollupCSVToStdout(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.yaml"), draftVariant(t, "clean"))
	code, out, errOut := run(t, "rollup", dir)
	if code != 0 || !strings.HasPrefix(out, "\ufeff名次,单位,") || !strings.Contains(out, ",合计,") {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
}

// BenchmarkRollupVsCheck reports what a roll-up of 1,000 reports (800
// drafts, 200 text documents) costs over a check of the same folder
// (rollup_over_check; the goal is at most 1.2).
//
//	go test ./cli/ -run X -bench RollupVsCheck -benchtime 3x
func BenchmarkRollupVsCheck(b *testing.B) {
	dir := benchFolder(b, 800, 200)
	s := testStreams(nil, io.Discard, io.Discard)
	var checkTime, rollupTime time.Duration
	for b.Loop() {
		start := time.Now()
		_ = runCheck(&checkOptions{streams: s, format: "text", paths: []string{dir}})
		checkTime += time.Since(start)
		start = time.Now()
		_ = runRollup(&rollupOptions{streams: testStreams(nil, &bytes.Buffer{}, io.Discard), paths: []string{dir}, output: filepath.Join(os.TempDir(), "nianbao-bench-rollup.xlsx")})
		rollupTime += time.Since(start)
	}
	_ = os.Remove(filepath.Join(os.TempDir(), "nianbao-bench-rollup.xlsx"))
	b.ReportMetric(float64(rollupTime)/float64(checkTime), "rollup_over_check")
}

// TestRollupSaysWhoIsLate: with a roster, the late units and the units
// not on it are named on stderr, once each, whatever the output format (a
// .csv has no roster sheet).
func TestRollupSaysWhoIsLate(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "收到")
	a := writeFile(t, filepath.Join(in, "a.yaml"), draftVariant(t, "clean"))
	b := writeFile(t, filepath.Join(in, "b.yaml"), draftVariant(t, "wrong-rate"))
	writeFile(t, filepath.Join(in, "县司法局.txt"), []byte(officeReport))
	past := time.Date(2026, 4, 5, 9, 0, 0, 0, time.Local)
	for _, p := range []string{a, b} {
		if err := os.Chtimes(p, past, past); err != nil {
			t.Fatal(err)
		}
	}
	roster := writeFile(t, filepath.Join(dir, "名单.csv"), []byte("单位,截止日期\n青山县人民政府,2026-03-31\n县教育局,2026-03-31\n"))
	_, _, errOut := run(t, "rollup", "--roster", roster, "-o", filepath.Join(dir, "汇总.csv"), in)
	for _, want := range []string{"未报送 1 个单位：县教育局", "逾期报送 1 个单位：青山县人民政府\n", "不在名单中 1 个单位：青山县司法局"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
}
