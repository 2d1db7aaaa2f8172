package exportdata

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"nianbao/model"
)

func samplePayload(unit string) *Payload {
	r := &model.Report{
		Template: model.TemplateRef{ID: "standard", Version: 3},
		Unit:     unit, Year: 2025, Title: "", Date: "2026-03-02",
		Contact:  "县司法局 王芳 0571-66001234",
		Sections: map[string]string{"measures": "第一段。\n\n　　第二段。", "digital": ""},
		Figures: map[string]model.Number{
			"review_received":        mustNumber("96"),
			"review_correction_rate": mustNumber("12.50"),
		},
	}
	return New(r, r.Date, Shown{Title: unit + "2025年度法治政府建设情况报告", Signature: unit, Date: "2026年3月2日"})
}

func mustNumber(s string) model.Number {
	n, err := model.ParseNumber(s)
	if err != nil {
		panic(err)
	}
	return n
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	// Units chosen to trip a careless encoder: YAML booleans and numbers,
	// quotes and colons, a line break, markup that closes a script.
	for _, unit := range []string{"青禾县人民政府", "yes", "012", `某县"政府": 办公室`, "两行\n单位", `</script><script>alert(1)</script>`, "---"} {
		p := samplePayload(unit)
		data, err := p.Encode()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte("nianbao: 1\n")) {
			t.Errorf("payload does not start with its version: %q", data[:min(len(data), 30)])
		}
		back, err := Decode(data)
		if err != nil {
			t.Fatalf("%q: %v\n%s", unit, err, data)
		}
		d := back.Draft
		if d.Unit != unit || d.Year != 2025 || d.Date != "2026-03-02" || d.Contact != p.Draft.Contact || d.Template != p.Draft.Template {
			t.Errorf("%q: draft fields came back as %q %d %q %q %+v", unit, d.Unit, d.Year, d.Date, d.Contact, d.Template)
		}
		if n := d.Figures["review_correction_rate"]; n.Text != "12.50" || n.Value != 12.5 {
			t.Errorf("rate came back as %+v", n)
		}
		if back.Shown != p.Shown {
			t.Errorf("shown %+v, want %+v", back.Shown, p.Shown)
		}
		if len(back.Digests) != 1 || back.Digests["measures"] != Digest("第一段。\n第二段。") {
			t.Errorf("digests %v", back.Digests)
		}
		if len(d.Sections) != 0 {
			t.Errorf("sections carried: %v", d.Sections)
		}
	}
}

func TestPayloadCarriesNothingUnprinted(t *testing.T) {
	r := &model.Report{Unit: "某县", Year: 2025, Cursor: "plans",
		Sections:  map[string]string{"measures": "正文。"},
		Hints:     map[string]model.Number{"review_received": mustNumber("80")},
		Sources:   map[string]string{"review_received": "内部来源句"},
		Reference: map[string]string{"measures": "去年的安排原文"},
		Unmatched: "未归类的内部说明",
		Removed:   []model.RemovedSection{{ID: "old", Title: "旧章节", Text: "已移除的内部文字"}},
	}
	data, err := New(r, "", Shown{}).Encode()
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"plans", "80", "内部来源句", "去年的安排原文", "未归类的内部说明", "已移除的内部文字", "正文。"} {
		if strings.Contains(string(data), secret) {
			t.Errorf("payload carries %q:\n%s", secret, data)
		}
	}
}

func TestDigestIgnoresLayoutOnly(t *testing.T) {
	a := Digest("全年受理96件。\n\n　　办结90件。")
	if a != Digest("全年受理96件。办结90件。") || a != Digest(`全年受理96件。\ 办结90件。`) {
		t.Error("white space or escaping changed the digest")
	}
	if a == Digest("全年受理97件。办结90件。") {
		t.Error("a changed number kept the digest")
	}
	if Digest(" \n\u3000") != "" {
		t.Error("blank text has a digest")
	}
}

func TestDecodeRefusesHostileInput(t *testing.T) {
	bomb := "nianbao: 1\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
	cases := map[string]string{
		"too large":     "nianbao: 1\nunit: " + strings.Repeat("县", MaxSize/3+10) + "\n",
		"no version":    "unit: 某县\n",
		"newer version": "nianbao: 9\nunit: 某县\n",
		"bad version":   "nianbao: -1\n",
		"not a mapping": "- nianbao\n- 1\n",
		"figures list":  "nianbao: 1\nfigures: [1, 2]\n",
		"bad figure":    "nianbao: 1\nfigures:\n  a: 一百\n",
		"bad shown":     "nianbao: 1\nshown: [1]\n",
		"deep":          "nianbao: 1\nx: " + strings.Repeat("[", 5000) + "\n",
		"alias bomb":    bomb,
		"invalid utf8":  "nianbao: 1\nunit: \xff\xfe\n",
		"binary":        "\x00\x01\x02PK\x03\x04",
		"empty":         "",
	}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			p, err := Decode([]byte(in))
			var e *Error
			if err == nil || !errors.As(err, &e) || p != nil {
				t.Fatalf("Decode accepted it: %v %v", p, err)
			}
			if !strings.HasPrefix(err.Error(), "附带的草稿数据无法使用：") || strings.Contains(e.Reason, "\n") {
				t.Errorf("message %q", err)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	data, _ := samplePayload("某县").Encode()
	f.Add(data)
	f.Add([]byte("nianbao: 1\nfigures: {a: 1}\ndigests: {m: x}\n"))
	f.Add([]byte("nianbao: 1\nshown: {title: [}\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		p, err := Decode(in)
		if (p == nil) == (err == nil) {
			t.Fatalf("Decode returned %v and %v", p, err)
		}
	})
}
