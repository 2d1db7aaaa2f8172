package model

import (
	"strings"
	"testing"
)

func TestReportSignatureAndAddressee(t *testing.T) {
	in := "template: {id: standard, version: 1}\nunit: 示例县人民政府\nsignature: 不加盖印章\naddressee: 市人民政府\nlocal_note: 保留\nsections: {}\n"
	r, err := ParseReport("d.yaml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if r.Signature != SignatureUnsealed || r.Addressee != "市人民政府" {
		t.Fatalf("signature %q addressee %q", r.Signature, r.Addressee)
	}
	r.Signature, r.Addressee = SignatureSealed, ""
	out, err := r.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	if !strings.Contains(s, "signature: sealed") || strings.Contains(s, "addressee") || !strings.Contains(s, "local_note: 保留") {
		t.Errorf("saved draft:\n%s", s)
	}

	_, err = ParseReport("d.yaml", []byte("unit: x\nsignature: stamped\n"))
	if err == nil || !strings.Contains(err.Error(), "d.yaml:2") || !strings.Contains(err.Error(), "sealed（加盖印章）或 unsealed") {
		t.Errorf("bad signature error = %v", err)
	}
}

func TestTemplateSignatureAndFonts(t *testing.T) {
	base := "id: t\nversion: 1\nsections:\n  - id: a\n    title: 甲\n"
	tpl, err := ParseTemplate("t.yaml", []byte(base+"signature: unsealed\nfonts: windows\n"))
	if err != nil {
		t.Fatal(err)
	}
	if tpl.Signature != SignatureUnsealed || tpl.Fonts != FontsWindows {
		t.Fatalf("signature %q fonts %q", tpl.Signature, tpl.Fonts)
	}
	tpl.Fonts = FontsGB2312
	out, err := tpl.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "fonts: gb2312") || !strings.Contains(string(out), "signature: unsealed") {
		t.Errorf("saved template:\n%s", out)
	}
	if _, err := ParseTemplate("t.yaml", []byte(base+"fonts: comic\n")); err == nil || !strings.Contains(err.Error(), "t.yaml:6") {
		t.Errorf("bad fonts error = %v", err)
	}

	// The draft's choice wins over the template's; sealed when neither says.
	r := &Report{}
	if EffectiveSignature(nil, r) != SignatureSealed || EffectiveSignature(tpl, r) != SignatureUnsealed {
		t.Error("template signature not used")
	}
	r.Signature = SignatureSealed
	if EffectiveSignature(tpl, r) != SignatureSealed {
		t.Error("draft signature should override the template")
	}
}
