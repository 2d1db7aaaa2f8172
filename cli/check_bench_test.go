package cli

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"nianbao/check"
	"nianbao/ingest"
)

// benchFolder writes a folder of received reports: drafts and text
// documents, as an office's batch holds.
func benchFolder(b *testing.B, drafts, docs int) string {
	b.Helper()
	t := &testing.T{}
	dir := b.TempDir()
	clean := draftVariant(t, "clean")
	wrong := draftVariant(t, "wrong-rate")
	for i := range drafts {
		data := clean
		if i%5 == 0 {
			data = wrong
		}
		writeFileB(b, filepath.Join(dir, fmt.Sprintf("单位%04d.yaml", i)), data)
	}
	for i := range docs {
		writeFileB(b, filepath.Join(dir, fmt.Sprintf("文档%04d.txt", i)), []byte(officeReport))
	}
	return dir
}

func writeFileB(b *testing.B, path string, data []byte) {
	b.Helper()
	t := &testing.T{}
	writeFile(t, path, data)
	if t.Failed() {
		b.Fatal("cannot write fixture")
	}
}

// BenchmarkCheckFolderParallel checks one folder with one worker and with
// one per core, and reports the ratio: speedup (single ÷ parallel time),
// busy_cores_ratio (speedup ÷ cores) and cpu_busy_ratio (CPU time used ÷
// cores × wall time of the parallel check; 1 means every core was busy).
//
//	go test ./cli/ -run X -bench CheckFolderParallel -benchtime 3x
func BenchmarkCheckFolderParallel(b *testing.B) {
	dir := benchFolder(b, 300, 60)
	s := testStreams(nil, io.Discard, io.Discard)
	var single, multi, multiCPU time.Duration
	cpuKnown := true
	for b.Loop() {
		for _, jobs := range []int{1, 0} {
			start := time.Now()
			cpu0, ok0 := processCPU()
			_ = runCheck(&checkOptions{streams: s, format: "json", jobs: jobs, paths: []string{dir}})
			cpu1, ok1 := processCPU()
			if jobs == 1 {
				single += time.Since(start)
			} else {
				multi += time.Since(start)
				multiCPU += cpu1 - cpu0
				cpuKnown = cpuKnown && ok0 && ok1
			}
		}
	}
	speedup := float64(single) / float64(multi)
	b.ReportMetric(speedup, "speedup")
	b.ReportMetric(speedup/float64(runtime.GOMAXPROCS(0)), "busy_cores_ratio")
	// cpu_busy_ratio is the goal's own measure: the CPU time the parallel
	// check used over what its cores could give in its wall time. The
	// speedup understates it, because a single worker already has the
	// collector running beside it on the other cores.
	if cpuKnown {
		b.ReportMetric(float64(multiCPU)/(float64(multi)*float64(runtime.GOMAXPROCS(0))), "cpu_busy_ratio")
	}
	b.ReportMetric(float64(360*b.N)/multi.Seconds(), "files/s")
}

// TestCheckParallelKeepsOrder: the output of a batch on many workers is
// the output of the same batch on one, byte for byte.
func TestCheckParallelKeepsOrder(t *testing.T) {
	dir := t.TempDir()
	for i := range 40 {
		v := []string{"clean", "wrong-rate", "punct", "empty"}[i%4]
		writeFile(t, filepath.Join(dir, fmt.Sprintf("%02d.yaml", i)), draftVariant(t, v))
	}
	writeFile(t, filepath.Join(dir, "z.txt"), []byte(officeReport))
	var outs [2]string
	for i, jobs := range []int{1, 8} {
		var out strings.Builder
		_ = runCheck(&checkOptions{streams: testStreams(nil, &out, io.Discard), format: "json", jobs: jobs, paths: []string{dir}})
		outs[i] = out.String()
	}
	if outs[0] != outs[1] || !strings.Contains(outs[0], "39.yaml") {
		t.Errorf("parallel output differs from sequential:\n%s\n---\n%s", outs[0], outs[1])
	}
}

// BenchmarkCheckDocumentsOneCore is the rate at which one worker checks
// reports as .txt and as .docx, folder walk and output included:
//   - size=min: exported drafts at the template's minimum lengths (about
//     3,800 characters);
//   - size=real: exported drafts at the length of a long published report
//     (about 13,000 characters of varied prose, a number with a unit every
//     thirty characters or so, as dense as the corpus's county report);
//   - size=published: the reference corpus's published reports, as the
//     office receives a unit's own file: the text as published, and a
//     .docx carrying no nianbao data (skipped when ../shared is absent).
//
// docs/s is wall time with one worker; docs/cpu_s is per CPU-second of
// the whole process, so the garbage collector's share on the other cores
// counts.
//
//	go test ./cli/ -run X -bench CheckDocumentsOneCore -benchtime 3x
func BenchmarkCheckDocumentsOneCore(b *testing.B) {
	for _, size := range []string{"min", "real", "published"} {
		b.Run("size="+size, func(b *testing.B) {
			files := benchDocuments(b, size)
			for _, ext := range []string{".txt", ".docx"} {
				b.Run("format="+ext[1:], func(b *testing.B) { benchCheckOneCore(b, files[ext]) })
			}
		})
	}
}

// benchDocuments gives the reports of one size of
// BenchmarkCheckDocumentsOneCore by extension.
func benchDocuments(b *testing.B, size string) map[string][][]byte {
	t := &testing.T{}
	src := b.TempDir()
	var drafts []string
	switch size {
	case "min", "real":
		variant := map[string]string{"min": "clean", "real": "real-size"}[size]
		drafts = append(drafts, writeFile(t, filepath.Join(src, "a.yaml"), draftVariant(t, variant)))
	case "published":
		dir := filepath.Join("..", "..", "shared", "corpus")
		names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		if len(names) == 0 {
			b.Skip("corpus absent: ", dir)
		}
		for i, name := range names {
			draft := filepath.Join(src, fmt.Sprintf("%d.yaml", i))
			if code := Run([]string{"import", "-o", draft, name}, testStreams(nil, io.Discard, io.Discard)); code != 0 {
				b.Fatal("import failed: ", name)
			}
			drafts = append(drafts, draft)
		}
		files := map[string][][]byte{}
		for _, name := range names {
			files[".txt"] = append(files[".txt"], readFileB(b, name))
		}
		for _, d := range drafts {
			files[".docx"] = append(files[".docx"], withoutCarriedData(b, exportB(b, d, ".docx")))
		}
		return files
	}
	files := map[string][][]byte{}
	for _, d := range drafts {
		for _, ext := range []string{".txt", ".docx"} {
			files[ext] = append(files[ext], exportB(b, d, ext))
		}
	}
	return files
}

func exportB(b *testing.B, draft, ext string) []byte {
	b.Helper()
	out := strings.TrimSuffix(draft, filepath.Ext(draft)) + ext
	if code := Run([]string{"export", "-o", out, draft}, testStreams(nil, io.Discard, io.Discard)); code != 0 {
		b.Fatal("export failed: ", out)
	}
	return readFileB(b, out)
}

func readFileB(b *testing.B, path string) []byte {
	b.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// withoutCarriedData rewrites an exported .docx without its custom
// properties part, where the draft data travels: a Word file as a unit
// writes it without nianbao.
func withoutCarriedData(b *testing.B, docx []byte) []byte {
	b.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		b.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if f.Name == "docProps/custom.xml" {
			continue
		}
		if err := zw.Copy(f); err != nil {
			b.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		b.Fatal(err)
	}
	return out.Bytes()
}

// benchCheckOneCore checks a folder of 200 files, the given ones in turn,
// with one worker.
func benchCheckOneCore(b *testing.B, files [][]byte) {
	dir := b.TempDir()
	for i := range 200 {
		writeFileB(b, filepath.Join(dir, fmt.Sprintf("文档%04d%s", i, ".file")), files[i%len(files)])
	}
	// The extension is the content's: sniffed, but named as sent.
	ext := ".txt"
	if bytes.HasPrefix(files[0], []byte("PK")) {
		ext = ".docx"
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "*.file"))
	for _, m := range matches {
		if err := os.Rename(m, strings.TrimSuffix(m, ".file")+ext); err != nil {
			b.Fatal(err)
		}
	}
	s := testStreams(nil, io.Discard, io.Discard)
	var spent, cpu time.Duration
	cpuKnown := true
	for b.Loop() {
		start := time.Now()
		cpu0, ok0 := processCPU()
		_ = runCheck(&checkOptions{streams: s, format: "json", jobs: 1, paths: []string{dir}})
		cpu1, ok1 := processCPU()
		spent += time.Since(start)
		cpu += cpu1 - cpu0
		cpuKnown = cpuKnown && ok0 && ok1
	}
	b.ReportMetric(float64(200*b.N)/spent.Seconds(), "docs/s")
	// docs/cpu_s charges the collector's work on the other cores too:
	// the honest "per core" rate.
	if cpuKnown && cpu > 0 {
		b.ReportMetric(float64(200*b.N)/cpu.Seconds(), "docs/cpu_s")
	}
}

// BenchmarkCheckStages splits the check of one report into its stages,
// measured in the same run: read (the file's bytes to paragraphs:
// unzipping and XML for a .docx, decoding for text), import (the outline,
// the sections, the figures read from the prose and, for a nianbao
// export, the carried draft's reconciliation) and rules (check.Document).
// Each stage is reported as µs/doc and as its share of the whole, so a
// speed goal can be weighed against what each stage costs.
//
//	go test ./cli/ -run X -bench CheckStages -benchtime 200x
func BenchmarkCheckStages(b *testing.B) {
	for _, size := range []string{"real", "published"} {
		b.Run("size="+size, func(b *testing.B) {
			files := benchDocuments(b, size)
			for _, ext := range []string{".txt", ".docx"} {
				b.Run("format="+ext[1:], func(b *testing.B) { benchStages(b, ext, files[ext]) })
			}
		})
	}
}

func benchStages(b *testing.B, ext string, files [][]byte) {
	cache := newTemplateCache()
	var read, imp, rules time.Duration
	docs := 0
	for b.Loop() {
		for _, data := range files {
			start := time.Now()
			doc, err := ingest.Read("报告"+ext, data)
			if err != nil {
				b.Fatal(err)
			}
			readDone := time.Now()
			res, rt, err := importDocument(doc, "", cache)
			if err != nil {
				b.Fatal(err)
			}
			importDone := time.Now()
			_ = check.Document(rt, res.Report, check.DocLines{Text: res.Text, Sections: res.SectionLines,
				Figures: res.FigureLines, Carried: doc.Carried != nil, Edits: res.Edits, FigureReading: res.FigureReading})
			read += readDone.Sub(start)
			imp += importDone.Sub(readDone)
			rules += time.Since(importDone)
			docs++
		}
	}
	total := read + imp + rules
	for _, s := range []struct {
		name string
		d    time.Duration
	}{{"read", read}, {"import", imp}, {"rules", rules}} {
		b.ReportMetric(float64(s.d.Microseconds())/float64(docs), s.name+"_µs/doc")
		b.ReportMetric(float64(s.d)/float64(total), s.name+"_share")
	}
	b.ReportMetric(float64(docs)/total.Seconds(), "docs/s")
}
