package zhtext

import (
	"fmt"
	"strings"
	"testing"
)

// TestRespectivePairs: each item before 分别 goes with the value in its
// place after it; a list whose items and values do not pair up yields
// nothing.
func TestRespectivePairs(t *testing.T) {
	for _, c := range []struct {
		s    string
		want string // item=value, …
	}{
		{"行政复议案件审结率、纠错率分别为92.3%和10.4%，受理52件", "行政复议案件审结率=92.3 纠错率=10.4"},
		{"受理52件，审结率、纠错率分别为92.3%、10.4%。", "审结率=92.3 纠错率=10.4"},
		{"审结率和纠错率分别达到92.3%和10.4%", "审结率=92.3 纠错率=10.4"},
		{"受理、审结行政复议案件分别为52件和48件", "受理=52 审结行政复议案件=48"},
		{"办理人大代表建议和政协提案分别为45件和62件", "办理人大代表建议=45 政协提案=62"},
		{"办复率、满意率、按期办结率分别为100%、98.5%、99%", "办复率=100 满意率=98.5 按期办结率=99"},
		// Not a pairing: one item, counts that differ, no values.
		{"纠错率分别为10%和12%", ""},
		{"审结率、纠错率分别为92.3%", ""},
		{"审结率、纠错率分别较上年提高2个和3个百分点", ""},
		{"各乡镇分别召开会议", ""},
		{"审结率、纠错率、满意率分别为92.3%和10.4%", ""},
	} {
		var got []string
		for _, p := range RespectivePairs(c.s) {
			got = append(got, fmt.Sprintf("%s=%s", c.s[p.SubjectStart:p.SubjectEnd], p.Value.Text))
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("%q: %q, want %q", c.s, g, c.want)
		}
	}
}
