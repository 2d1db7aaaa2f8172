package check

import (
	"go/ast"
	"go/parser"
	"go/token"
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

// placeholderIn passes over a character beyond ASCII unless it is in
// placeholderWideText, so that list holds exactly the characters its
// switch takes: read from the source, as above.
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
	if len(cases) < 8 {
		t.Fatalf("found only %d characters in placeholderIn's cases; the test no longer reads it", len(cases))
	}
	for r := range cases {
		if !strings.ContainsRune(placeholderWideText, r) {
			t.Errorf("placeholderIn takes %q, which placeholderWideText leaves out", r)
		}
	}
	for _, r := range placeholderWideText {
		if !cases[r] {
			t.Errorf("placeholderWideText holds %q, which no case of placeholderIn takes", r)
		}
	}
}
