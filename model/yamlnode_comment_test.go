package model

import (
	"strings"
	"testing"
)

// A comment yaml.v3 would write where it cannot be read back ("0: ! #000"
// re-encoded as "figures: #000" over a bare "{}") is written on its own
// line instead: the saved draft opens again, the comment kept.
func TestMarshalKeepsDraftReadable(t *testing.T) {
	r, err := ParseReport("d.yaml", []byte("sections:\n 0: ! #000"))
	if err != nil {
		t.Fatal(err)
	}
	r.SetText("measures", "改动")
	out, err := r.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseReport("again.yaml", out)
	if err != nil {
		t.Fatalf("saved draft does not open: %v\n%s", err, out)
	}
	if back.Text("measures") != "改动" || !strings.Contains(string(out), "#000") {
		t.Errorf("edit or comment lost:\n%s", out)
	}
}
