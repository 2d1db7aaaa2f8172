package templates

import (
	"strings"
	"testing"

	"nianbao/model"
)

// TestGuidanceAsksForNumbersOnce: figures are read from the prose, so no
// embedded template asks the drafter to type a number a second time, and
// none places the figure fields anywhere but below the prose.
func TestGuidanceAsksForNumbersOnce(t *testing.T) {
	for _, id := range []string{"standard", "department"} {
		tpl, err := Embedded(id)
		if err != nil {
			t.Fatal(err)
		}
		tpl.Walk(func(s *model.Section) bool {
			for _, bad := range []string{"同时填", "右侧", "再填", "也填在"} {
				if strings.Contains(s.Guidance, bad) {
					t.Errorf("%s/%s guidance says %q: %s", id, s.ID, bad, s.Guidance)
				}
			}
			return true
		})
	}
}
