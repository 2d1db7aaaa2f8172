package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// Site footers carry the site template's XXX; they are page furniture and
// must not reach the check as report text.
func TestCleanDropsFootersWithPlaceholders(t *testing.T) {
	body := "青山县2024年度法治政府建设情况报告\n一、主要举措和成效\n" +
		"全年推进依法行政，设立法律服务热线，向社会公布联系电话和地址：城关镇人民路一号，方便群众咨询，并为企业提供技术支持和法律服务，取得明显成效。\n" +
		"二、其他需要报告的情况\n暂无。\n"
	footers := []string{
		"主办单位：XX县人民政府办公室　承办单位：XX县政务公开办公室　技术支持：XXX网络科技有限公司　地址：XX县XX路XX号　邮编：XXXXXX　联系电话：XXXX-XXXXXXX",
		"网站标识码：XXXXXXXXXX　X公网安备XXXXXXXXXXXXXX号",
		"责任编辑：XXX",
		"本网站由XXX提供技术支持",
		"版权所有 © XX县人民政府",
		"网站地图 | 联系我们",
	}
	for _, f := range footers {
		_, res := importString(t, "r.txt", []byte(body+f+"\n"), "standard")
		if len(res.Dropped) != 1 || strings.TrimSpace(res.Dropped[0].Text) != f {
			t.Errorf("footer %q: dropped %+v", f, res.Dropped)
		}
		if strings.Contains(res.Text, "XX") {
			t.Errorf("footer %q reached the checked text", f)
		}
	}
	// Report prose with the same words is kept.
	_, res := importString(t, "r.txt", []byte(body), "standard")
	if len(res.Dropped) != 0 || !strings.Contains(res.Report.Text("measures"), "公布联系电话和地址：") {
		t.Errorf("prose dropped: %+v", res.Dropped)
	}
	// A placeholder in the report's own text stays for the check to find.
	_, res = importString(t, "r.txt", []byte(strings.Replace(body, "城关镇人民路一号", "XX路XX号", 1)), "standard")
	if !strings.Contains(res.Report.Text("measures"), "XX路XX号") {
		t.Error("a placeholder in the body was dropped")
	}
}

// isFooter decides as its definition does (no sentence punctuation, at
// most maxFooterRunes characters, two distinct labelled fields found by
// footerLabelRe) on the corpus's lines, our fixtures' and random lines
// made of labels, colons and words: its shortcuts only skip lines the
// regexp would not pass.
func TestIsFooterMatchesDefinition(t *testing.T) {
	byRegexp := func(s string) bool {
		if strings.ContainsAny(s, "，。；") || utf8.RuneCountInString(s) > maxFooterRunes {
			return false
		}
		seen := map[string]bool{}
		for _, m := range footerLabelRe().FindAllString(s, -1) {
			seen[strings.TrimRight(m, " \t:：")] = true
		}
		return len(seen) >= 2
	}
	lines := textLinesForTests()
	alphabet := []string{"主办单位", "主办", "技术支持", "联系电话", "电话", "地址", "ICP备", "公网安备", "版权所有", "网站标识码",
		"：", ":", " ", "县人民政府", "12345", "，", "|"}
	rng := rand.New(rand.NewPCG(21, 22))
	for range 20000 {
		lines = append(lines, randomText(rng, alphabet, rng.IntN(8)+1))
	}
	footers := 0
	for _, s := range lines {
		got, want := isFooter(s), byRegexp(s)
		if got != want {
			t.Fatalf("isFooter(%q) = %v, want %v", s, got, want)
		}
		if got {
			footers++
		}
	}
	if footers < 100 {
		t.Fatalf("only %d footers among %d lines: the test no longer reaches the regexp", footers, len(lines))
	}
}
