package check

import (
	"go/ast"
	"go/parser"
	"go/token"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Every character scanRunes names in a case or a comparison is in
// scannedExplicit, so the quiet bitmap never skips a rune a case would
// take. Read from the source, so a case added to the switch and not to
// the list fails here.
func TestScannedExplicitNamesEveryCase(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "scan.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var body *ast.BlockStmt
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Name.Name == "scanRunes" {
			body = fn.Body
		}
	}
	if body == nil {
		t.Fatal("scanRunes not found in scan.go")
	}
	// The rune literals compared with r directly (case 'x', r == 'x');
	// those compared with neighbours (c.at(i+1) == '是') are not r.
	found := 0
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CaseClause:
			for _, e := range n.List {
				if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.CHAR {
					found++
					check(t, lit)
				}
			}
		case *ast.BinaryExpr:
			if id, ok := n.X.(*ast.Ident); ok && id.Name == "r" && n.Op == token.EQL {
				if lit, ok := n.Y.(*ast.BasicLit); ok && lit.Kind == token.CHAR {
					found++
					check(t, lit)
				}
			}
		}
		return true
	})
	if found < 20 {
		t.Fatalf("found only %d rune literals in scanRunes; the test no longer reads it", found)
	}
}

func check(t *testing.T, lit *ast.BasicLit) {
	t.Helper()
	r, _, _, err := strconv.UnquoteChar(lit.Value[1:len(lit.Value)-1], '\'')
	if err != nil {
		t.Fatal(err)
	}
	if !strings.ContainsRune(scannedExplicit, r) && !scannedRune(r) {
		t.Errorf("scanRunes takes %s, which scannedRune calls quiet", lit.Value)
	}
}

// scannedRune says whether any case of scanRunes can fire on r: the
// definition the bitmap is built to.
func scannedRune(r rune) bool {
	return strings.ContainsRune(scannedExplicit, r) || scannedByClass(r)
}

// The bitmap marks exactly the runes scannedRune leaves out.
func TestQuietRunesBitmap(t *testing.T) {
	q := quietRunes()
	for r := rune(0); r < 0x10000; r++ {
		quiet := q[r>>6]&(1<<(r&63)) != 0
		if quiet == scannedRune(r) {
			t.Errorf("%q: quiet %v but scannedRune %v", r, quiet, scannedRune(r))
		}
	}
}

// placeholderIn's case for repeated marks takes exactly placeholderMarks
// beyond ASCII: read from the source, as above.
func TestPlaceholderStartsNameEveryCase(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "chars.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[rune]bool{}
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Name.Name != "placeholderIn" {
			continue
		}
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			if cc, ok := n.(*ast.CaseClause); ok {
				for _, e := range cc.List {
					if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.CHAR {
						r, _, _, err := strconv.UnquoteChar(lit.Value[1:len(lit.Value)-1], '\'')
						if err != nil {
							t.Fatal(err)
						}
						if r >= 0x80 {
							cases[r] = true
						}
					}
				}
			}
			return true
		})
	}
	if len(cases) < 3 {
		t.Fatalf("found only %d characters in placeholderIn's cases; the test no longer reads it", len(cases))
	}
	for r := range cases {
		if !strings.ContainsRune(placeholderMarks, r) {
			t.Errorf("placeholderIn takes %q, which placeholderMarks leaves out", r)
		}
	}
	for _, r := range placeholderMarks {
		if !cases[r] {
			t.Errorf("placeholderMarks holds %q, which no case of placeholderIn takes", r)
		}
	}
}

// Every line placeholderIn finds a placeholder in has a character that
// mayStartPlaceholder lets through, so the line scan's gate never hides
// one: on random lines of prompts, marks, letters and prose, and on the
// fixtures' and the corpus's lines.
func TestPlaceholderGateNeverHidesOne(t *testing.T) {
	alphabet := []string{"X", "x", "_", "T", "O", "D", "C", "Click here to enter", "×", "Ｘ", "○", "＿", "□", "待", "补充", "填写",
		"此处", "请", "在此处", "内容", "单", "击", "单击此处输入", "键入", "[", "［", "有", "位", "县", "张", "，", "。", " ", "1"}
	rng := rand.New(rand.NewPCG(51, 52))
	var lines []string
	for range 50000 {
		lines = append(lines, randomLine(rng, alphabet, rng.IntN(8)+1))
	}
	for _, dir := range []string{filepath.Join("..", "..", "shared", "corpus"), filepath.Join("..", "accuracy", "testdata")} {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, f := range files {
			if b, err := os.ReadFile(f); err == nil {
				lines = append(lines, strings.Split(string(b), "\n")...)
			}
		}
	}
	found := 0
	for _, s := range lines {
		p := placeholderIn(s)
		if p == "" {
			continue
		}
		found++
		rs := []rune(s)
		gate := false
		for i, r := range rs {
			next := rune(0)
			if i+1 < len(rs) {
				next = rs[i+1]
			}
			if mayStartPlaceholder(r, next) {
				gate = true
				break
			}
		}
		if !gate {
			t.Fatalf("placeholderIn(%q) = %q, but no character opens the gate", s, p)
		}
	}
	if found < 1000 {
		t.Fatalf("only %d lines with a placeholder: the test no longer reaches them", found)
	}
}

func randomLine(rng *rand.Rand, alphabet []string, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(alphabet[rng.IntN(len(alphabet))])
	}
	return b.String()
}
