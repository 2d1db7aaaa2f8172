package zhtext

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
