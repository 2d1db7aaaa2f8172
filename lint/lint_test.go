package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/model"
	"nianbao/templates"
)

const base = `id: t
version: 1
sections:
  - id: a
    title: 甲
    required: true
    figures:
      - id: recv
        label: 收案
        unit: 件
        kind: count
      - id: done
        label: 审结
        unit: 件
        kind: count
        le: recv
      - id: rate
        label: 纠错率
        unit: '%'
        kind: percent
        rate:
          numerator: done
          denominator: recv
  - id: b
    title: 乙
`

func lintText(t *testing.T, text string) []Finding {
	t.Helper()
	tp, err := model.ParseTemplateLenient("t.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return Template(tp, Options{})
}

func render(fs []Finding) string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule+" "+f.String())
	}
	return strings.Join(out, "\n")
}

func TestCleanTemplates(t *testing.T) {
	if fs := lintText(t, base); len(fs) != 0 {
		t.Fatalf("base template has findings:\n%s", render(fs))
	}
	for _, id := range templates.IDs() {
		tp, err := templates.Embedded(id)
		if err != nil {
			t.Fatal(err)
		}
		if errs, _ := Counts(Template(tp, Options{})); errs != 0 {
			t.Errorf("embedded %s has lint errors:\n%s", id, render(Template(tp, Options{})))
		}
	}
}

// Each case breaks base in one way and names the rule and position that
// must be reported.
func TestRules(t *testing.T) {
	cases := []struct {
		name, from, to, rule, pos string
		sev                       Severity
	}{
		{"duplicate section id", "id: b\n", "id: a\n", "section.id.duplicate", "t.yaml:24:5", Error},
		{"duplicate figure id", "id: done\n", "id: recv\n", "figure.id.duplicate", "t.yaml:12:9", Error},
		{"empty title", "title: 乙", "title: ''", "section.title.empty", "t.yaml:24:5", Error},
		{"missing section id", "  - id: b\n", "  - note: x\n", "section.id.empty", "t.yaml:24:5", Error},
		{"empty label", "label: 审结", "label: ' '", "figure.label.empty", "t.yaml:12:9", Error},
		{"dangling le", "le: recv", "le: nope", "relation.dangling", "t.yaml:12:9", Error},
		{"dangling numerator", "numerator: done", "numerator: gone", "relation.dangling", "t.yaml:17:9", Error},
		{"self le", "le: recv", "le: done", "relation.self", "t.yaml:12:9", Error},
		{"rate of a rate", "numerator: done", "numerator: rate", "relation.self", "t.yaml:17:9", Error},
		{"denominator not a count", "        kind: count\n        le: recv", "        kind: amount\n        le: recv", "rate.operand.kind", "t.yaml:17:9", Error},
		{"rate not percent", "kind: percent", "kind: count", "rate.kind", "t.yaml:17:9", Error},
		{"bounds", "        kind: count\n        le: recv", "        kind: count\n        min: 5\n        max: 1\n        le: recv", "figure.bounds", "t.yaml:12:9", Error},
		{"required figure in optional section", "    required: true\n", "", "figure.required.optional", "", Warning},
		{"le cycle", "        unit: 件\n        kind: count\n      - id: done", "        unit: 件\n        kind: count\n        le: done\n      - id: done", "relation.le.cycle", "", Error},
		{"version zero", "version: 1", "version: 0", "template.version", "t.yaml:1:1", Error},
		{"former id is live", "  - id: b\n    title: 乙\n", "  - id: b\n    formerly: [a]\n    title: 乙\n", "section.formerly.live", "t.yaml:24:5", Error},
		{"former id is its own", "  - id: b\n    title: 乙\n", "  - id: b\n    formerly: [x, b]\n    title: 乙\n", "section.formerly.live", "t.yaml:24:5", Error},
		{"former id claimed twice", "  - id: b\n    title: 乙\n", "  - id: b\n    formerly: [x]\n    title: 乙\n  - id: c\n    formerly: x\n    title: 丙\n", "section.formerly.duplicate", "t.yaml:27:5", Error},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := base
			if c.name == "required figure in optional section" {
				text = strings.Replace(text, "        kind: count\n      - id: done", "        kind: count\n        required: true\n      - id: done", 1)
			}
			if !strings.Contains(text, c.from) {
				t.Fatalf("fixture lacks %q", c.from)
			}
			text = strings.Replace(text, c.from, c.to, 1)
			fs := lintText(t, text)
			for _, f := range fs {
				if f.Rule == c.rule && f.Severity == c.sev && strings.HasPrefix(f.String(), c.pos) {
					return
				}
			}
			t.Fatalf("want %s at %s; got:\n%s", c.rule, c.pos, render(fs))
		})
	}
}

func TestVersionBump(t *testing.T) {
	prev, err := model.ParseTemplate("old.yaml", []byte(base))
	if err != nil {
		t.Fatal(err)
	}
	cur := prev.Clone()
	if _, err := cur.AddSection("b", false, "c", "丙"); err != nil {
		t.Fatal(err)
	}
	fs := Template(cur, Options{Previous: prev})
	if len(fs) != 1 || fs[0].Rule != "template.version.bump" || !strings.Contains(fs[0].Message, "新增选填章节“丙”") {
		t.Fatalf("got:\n%s", render(fs))
	}
	cur.Version = 2
	if fs := Template(cur, Options{Previous: prev}); len(fs) != 0 {
		t.Fatalf("bumped version still reported:\n%s", render(fs))
	}
	text := prev.Clone()
	_ = text.SetGuidance("a", "只改说明")
	if fs := Template(text, Options{Previous: prev}); len(fs) != 0 {
		t.Fatalf("guidance change needs no bump:\n%s", render(fs))
	}
	text.Version = -1
	if fs := Template(text, Options{Previous: prev}); len(fs) == 0 {
		t.Fatal("lower version not reported")
	}
}

func TestRuleSettings(t *testing.T) {
	tp, err := model.ParseTemplate("t.yaml", []byte(base))
	if err != nil {
		t.Fatal(err)
	}
	tp.Rules = map[string]string{"figure.rate": "warning"}
	if fs := Template(tp, Options{}); len(fs) != 0 {
		t.Fatalf("known rule reported:\n%s", render(fs))
	}
	tp.Rules = map[string]string{"figure.rates": "loud"}
	got := render(Template(tp, Options{}))
	if !strings.Contains(got, "template.rule.level") || !strings.Contains(got, "template.rule.unknown") {
		t.Fatalf("got:\n%s", got)
	}
}

func TestFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "t.yaml")
	if err := os.WriteFile(p, []byte(strings.Replace(base, "id: b\n", "id: a\n", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	fs, err := File(p, Options{})
	if err != nil || len(fs) != 1 || !strings.HasPrefix(fs[0].String(), p+":24:5: 错误：章节 id“a”重复（第 4 行已使用）") {
		t.Fatalf("%v\n%s", err, render(fs))
	}
	if _, err := File(filepath.Join(dir, "none.yaml"), Options{}); err == nil {
		t.Fatal("missing file gave no error")
	}
	bad := filepath.Join(dir, "bad.yaml")
	_ = os.WriteFile(bad, []byte("id: [\n"), 0o644)
	if _, err := File(bad, Options{}); err == nil {
		t.Fatal("syntax error gave no error")
	}
}

func TestFormerIDs(t *testing.T) {
	clean := strings.Replace(base, "  - id: b\n    title: 乙\n", "  - id: b\n    formerly: [old_b, older_b]\n    title: 乙\n", 1)
	if fs := lintText(t, clean); len(fs) != 0 {
		t.Fatalf("distinct former ids reported:\n%s", render(fs))
	}
	// The editor's rename never produces a collision; a hand edit that
	// gives the old id to another section does.
	tp, err := model.ParseTemplate("t.yaml", []byte(base))
	if err != nil {
		t.Fatal(err)
	}
	if err := tp.RenameSectionID("b", "second"); err != nil {
		t.Fatal(err)
	}
	if fs := Template(tp, Options{}); len(fs) != 0 {
		t.Fatalf("rename reported:\n%s", render(fs))
	}
	// Drafts keep text by id, so a rename needs a new version like a move.
	prev, _ := model.ParseTemplate("t.yaml", []byte(base))
	fs := Template(tp, Options{Previous: prev})
	if len(fs) != 1 || fs[0].Rule != "template.version.bump" || !strings.Contains(fs[0].Message, "id 由“b”改为“second”") {
		t.Fatalf("rename without a new version:\n%s", render(fs))
	}
	tp.Section("a").ID = "b"
	fs = Template(tp, Options{})
	if len(fs) != 1 || fs[0].Rule != "section.formerly.live" || !strings.Contains(fs[0].Message, "章节“乙”的旧 id“b”与章节“甲”的 id 相同") {
		t.Fatalf("got:\n%s", render(fs))
	}
}
