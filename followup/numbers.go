package followup

// Number helpers of the change check: whether a stated value is a computed
// one as offices write it (truncated or rounded). How precise a written
// number is (zhtext.Step) and full-width digits (zhtext.FoldDigits) come
// from the shared Chinese-text package.

import (
	"math"
	"strconv"
	"strings"

	"nianbao/internal/zhtext"
	"nianbao/model"
)

// matches says a stated value is the computed one truncated or rounded to
// the digits written ([s − step/2, s + step)), give or take slack: the
// error the inputs carry when they were rounded themselves. A stated change
// in the wrong direction never matches.
func matches(stated float64, text string, computed, slack float64) bool {
	if stated != 0 && math.Abs(computed) > slack && (stated > 0) != (computed > 0) {
		return false
	}
	step := zhtext.Step(text)
	s, a := math.Abs(stated), math.Abs(computed)
	return a >= s-step/2-slack-1e-9 && a < s+step+slack+1e-9
}

// inputErr is how far a figure may be from its true value: rates and
// decimals are rounded when written; counts are exact.
func inputErr(n model.Number, percent bool) float64 {
	if percent || strings.Contains(n.Text, ".") {
		return zhtext.Step(n.Text) / 2
	}
	return 0
}

// fmtNum writes a computed value with at most two decimals, no trailing
// zeros: 4.9, 12, 0.33.
func fmtNum(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		return "0"
	}
	return s
}

// agrees is matches with the qualifier a claim may carry: 约/近 allow a
// tenth either way, 超过/逾 say "at least".
func agrees(qual string, stated float64, text string, computed, slack float64) bool {
	switch qual {
	case "约", "近":
		if stated != 0 && (stated > 0) != (computed > 0) {
			return false
		}
		return math.Abs(math.Abs(computed)-math.Abs(stated)) <= math.Max(zhtext.Step(text), math.Abs(stated)/10)+slack+1e-9
	case "超过", "逾":
		if stated != 0 && (stated > 0) != (computed > 0) {
			return false
		}
		return math.Abs(computed)+slack+1e-9 >= math.Abs(stated)
	}
	return matches(stated, text, computed, slack)
}
