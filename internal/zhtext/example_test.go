package zhtext_test

import (
	"fmt"

	"nianbao/internal/zhtext"
)

// Reading the counts of a sentence with their labels, the way the checker
// pairs a rate with its numerator and base.
func ExampleNextNumber() {
	s := "全年受理纠纷１２０件，调解成功110件，成功率约91%，涉及群众300余人。"
	for n, ok := zhtext.NextNumber(s, 0); ok; n, ok = zhtext.NextNumber(s, n.End) {
		label := s[zhtext.ClauseStart(s, n.QualStart):n.QualStart]
		fmt.Printf("%s %s%s %s\n", label, n.Text, n.Unit, n.Qualifier)
	}
	// Output:
	// 全年受理纠纷 120件 exact
	// 调解成功 110件 exact
	// 成功率 91% about
	// 涉及群众 300人 over
}
