package zhtext

import "strings"

// Verbs a report counts by, which the importer's figure reading and the
// check's rate rules both look for.

// ChangeWords are the verbs of a change between two periods: a number
// after one ("同比下降5%", "比上年增加20件") is the change, not a level.
// The importer's figure reading and the check's rate rules both start
// from them.
var ChangeWords = []string{"增长", "增加", "减少", "下降", "上升", "提高", "降低", "提升"}

// IntakeWords are the verbs by which a report says it took cases in
// (受理信访事项120件, 调处矛盾纠纷860件): the importer reads them as the
// 受理 keyword, the check takes a count they name for a rate's whole.
var IntakeWords = []string{"受理", "调处", "收到", "收案", "新收", "接收"}

// RaisesOpinion says whether the words after a count say an opinion or
// a suggestion was raised on what it counts ("其中12件提出合法性审查意见",
// "其中对12件提出修改建议"): 提出 or 出具, then 意见 or 建议. Such a count is
// the part of a whole that drew one, not a count of the work named.
func RaisesOpinion(after string) bool {
	for _, v := range []string{"提出", "出具"} {
		if i := strings.Index(after, v); i >= 0 {
			rest := after[i+len(v):]
			return strings.Contains(rest, "意见") || strings.Contains(rest, "建议")
		}
	}
	return false
}
