package check

import "testing"

// 卷 counts case files (案卷); a number lost before it is a blank, while
// words that hold 卷 (问卷, 卷宗, 试卷, 卷入, a closing 案卷) are not.
func TestBlankBeforeJuan(t *testing.T) {
	for _, s := range []string{"全年评查案卷卷，发现问题。", "组织评查案卷卷。"} {
		if len(findRule(Text(s), RuleProseBlank)) != 1 {
			t.Errorf("%q: blank before 卷 not found: %v", s, Text(s))
		}
	}
	for _, s := range []string{"发放调查问卷。", "抽查案卷240卷。", "调阅卷宗。", "组织试卷评阅。", "被卷入纠纷。", "形成案卷。", "卷面整洁。"} {
		if fs := Text(s); len(fs) != 0 {
			t.Errorf("%q: false alarm %v", s, fs)
		}
	}
}
