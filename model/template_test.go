package model

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

func TestTemplateStructure(t *testing.T) {
	tpl := mustTemplate(t)
	if tpl.ID != "t1" || tpl.Version != 2 {
		t.Errorf("id/version = %s/%d", tpl.ID, tpl.Version)
	}
	flat := tpl.Flatten()
	if len(flat) != 3 || flat[1].ID != "decisions" || flat[1].Level != 2 {
		t.Fatalf("flatten = %v", flat)
	}
	nums := tpl.Numbers()
	if nums["measures"] != "一、" || nums["decisions"] != "（一）" || nums["plans"] != "二、" {
		t.Errorf("numbers = %v", nums)
	}
	f, sec := tpl.Figure("loss_rate")
	if f == nil || sec.ID != "measures" || f.Rate.Numerator != "lost" || f.Rate.Denominators[0] != "cases" {
		t.Errorf("figure lookup: %+v in %v", f, sec)
	}
	if f.Rate.EffectiveTolerance() != DefaultRateTolerance {
		t.Errorf("tolerance default not applied")
	}
	if p := tpl.Parent("decisions"); p == nil || p.ID != "measures" {
		t.Errorf("parent = %v", p)
	}
	if tpl.Parent("measures") != nil {
		t.Error("top-level section has a parent")
	}
}

func TestTemplateRoundTripKeepsUnknownKeys(t *testing.T) {
	in := minimalTemplate + "owner: 县依法治县办\n"
	tpl, err := ParseTemplate("t.yaml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	out, _ := tpl.Marshal()
	if string(out) != in {
		t.Errorf("unchanged template rewritten:\n%s", out)
	}
	tpl.Version = 3
	tpl.Sections[1].Title = "下一年度工作安排"
	out, _ = tpl.Marshal()
	for _, want := range []string{"owner: 县依法治县办", "version: 3", "title: 下一年度工作安排", "numerator: lost"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("lost %q:\n%s", want, out)
		}
	}
	if _, err := ParseTemplate("t.yaml", out); err != nil {
		t.Errorf("edited template does not load back: %v", err)
	}
}

func TestMalformedTemplates(t *testing.T) {
	cases := []struct{ name, in, msg string }{
		{"no id", "version: 1\nsections:\n  - id: a\n    title: 甲\n", "缺少 id"},
		{"version text", "id: x\nversion: 一\nsections:\n  - id: a\n    title: 甲\n", "整数"},
		{"no sections", "id: x\nversion: 1\n", "缺少章节"},
		{"duplicate section id", "id: x\nversion: 1\nsections:\n  - id: a\n    title: 甲\n  - id: a\n    title: 乙\n", "章节 id“a”重复"},
		{"dangling rate", "id: x\nversion: 1\nsections:\n  - id: a\n    title: 甲\n    figures:\n      - id: r\n        label: 率\n        kind: percent\n        rate: {numerator: n, denominator: d}\n", "不存在的数字“n”"},
		{"bad kind", "id: x\nversion: 1\nsections:\n  - id: a\n    title: 甲\n    figures:\n      - id: f\n        label: 数\n        kind: money\n", "数字类型“money”无效"},
		{"bad rule level", "id: x\nversion: 1\nrules: {figure.rate: loud}\nsections:\n  - id: a\n    title: 甲\n", "级别“loud”无效"},
		{"section without title", "id: x\nversion: 1\nsections:\n  - id: a\n", "缺少标题"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseTemplate("tpl.yaml", []byte(c.in))
			if err == nil {
				t.Fatal("expected an error")
			}
			if !strings.Contains(err.Error(), c.msg) {
				t.Errorf("error %q lacks %q", err, c.msg)
			}
			var e *Error
			if !errors.As(err, &e) || e.Line == 0 || e.File != "tpl.yaml" {
				t.Errorf("error not located: %v", err)
			}
		})
	}
}

func TestHeadingNumber(t *testing.T) {
	cases := map[[2]int]string{{1, 1}: "一、", {1, 10}: "十、", {1, 11}: "十一、", {1, 21}: "二十一、", {2, 3}: "（三）", {3, 2}: "2.", {4, 5}: "（5）"}
	for in, want := range cases {
		if got := HeadingNumber(in[0], in[1]); got != want {
			t.Errorf("HeadingNumber%v = %q, want %q", in, got, want)
		}
	}
}

func TestTemplateSourceOnlyWhileNamedAsLoaded(t *testing.T) {
	src := []byte("id: x\nversion: 3\nsections:\n  - id: a\n    title: 甲\n")
	tp, err := ParseTemplate("x.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	if string(tp.Source()) != string(src) {
		t.Fatal("a fresh template does not give its source")
	}
	if m, _ := tp.Marshal(); string(m) != string(tp.Source()) {
		t.Fatal("Source differs from Marshal of an unchanged template")
	}
	tp.Version = 4
	if tp.Source() != nil {
		t.Fatal("Source after the version changed")
	}
}

// TestTitleFillsAsReplacer: the title pattern is filled as a
// strings.Replacer fills it, in one pass, whatever braces the pattern,
// the unit or the year hold.
func TestTitleFillsAsReplacer(t *testing.T) {
	patterns := []string{"", "{unit}{year}年度报告", "{year}年{unit}", "无占位", "{", "}{", "{{unit}}",
		"{un{year}it}", "{ye{unit}ar}", "{unit}{unit}", "{yea", "报告{year", "{unit}}{{year}"}
	units := []string{"", "青山县", "{year}局", "{unit}", "{"}
	for _, p := range patterns {
		for _, u := range units {
			for _, year := range []int{0, 2025} {
				y := ""
				if year > 0 {
					y = strconv.Itoa(year)
				}
				pattern := p
				if pattern == "" {
					pattern = "{unit}{year}年度法治政府建设情况报告"
				}
				want := strings.NewReplacer("{unit}", u, "{year}", y).Replace(pattern)
				tpl := &Template{TitlePattern: p}
				if got := tpl.Title(u, year); got != want {
					t.Errorf("pattern %q, unit %q, year %d: %q, want %q", p, u, year, got, want)
				}
			}
		}
	}
}

// TestPrintedNumbers: numbering runs over the sections that print, at
// every level; an optional part prints when a subsection is written or
// required; text of blanks and invisible marks is not written.
func TestPrintedNumbers(t *testing.T) {
	tpl := &Template{Sections: []*Section{
		{ID: "a", Required: true, Sections: []*Section{
			{ID: "a1"}, {ID: "a2", Required: true}, {ID: "a3"}, {ID: "a4"},
		}},
		{ID: "b"}, // optional, empty
		{ID: "c", Sections: []*Section{{ID: "c1"}}},                 // optional, a subsection written
		{ID: "d", Sections: []*Section{{ID: "d1", Required: true}}}, // optional, a required subsection
		{ID: "e", Required: true},
	}}
	r := &Report{Sections: map[string]string{"a3": "写了。", "a4": " \u3000\u200b\n", "c1": "写了。"}}
	got := tpl.PrintedNumbers(r.Written)
	want := map[string]string{"a": "一、", "a2": "（一）", "a3": "（二）", "c": "二、", "c1": "（一）", "d": "三、", "d1": "（一）", "e": "四、"}
	if len(got) != len(want) {
		t.Errorf("numbers %v, want %v", got, want)
	}
	for id, n := range want {
		if got[id] != n {
			t.Errorf("%s = %q, want %q (all: %v)", id, got[id], n, got)
		}
	}
	if tpl.PrintedNumber("b", r) != "" || tpl.PrintedNumber("b", r, &Report{Sections: map[string]string{"b": "有"}}) != "二、" {
		t.Error("PrintedNumber does not take the first report that prints the section")
	}
	var none *Report
	if none.Written("a") || !r.Written("a3") || r.Written("a4") {
		t.Error("Written")
	}
}
