package followup

import (
	"testing"
)

const lastShortcomings = `一是部分行政执法人员法治意识有待提升，执法不规范的问题仍然存在。二是法治宣传教育的针对性和实效性还不够强，群众参与度不高。三是基层法治建设力量薄弱，乡镇司法所人员配备不足。`

func TestCopiedLabelled(t *testing.T) {
	cases := []struct {
		name     string
		this     string
		repeated bool
	}{
		{"copied verbatim", lastShortcomings, true},
		{"copied with years and a word changed", `一是部分行政执法人员法治意识仍有待提升，执法不规范的问题依然存在。二是法治宣传教育的针对性和实效性还不够强，群众参与度不高。三是基层法治建设力量薄弱，乡镇司法所人员配备不足。`, true},
		{"copied with numbers and punctuation changed", `1.部分行政执法人员法治意识有待提升,执法不规范的问题仍然存在;2.法治宣传教育的针对性和实效性还不够强,群众参与度不高;3.基层法治建设力量薄弱,乡镇司法所人员配备不足.`, true},
		{"rewritten on the same topics", `一是个别执法单位案卷制作质量不高，证据收集和文书说理仍有欠缺。二是普法活动形式较为单一，线上宣传覆盖面有限。三是司法所专职人员流动较大，业务骨干培养周期长。`, false},
		{"one sentence kept, two new", `一是部分行政执法人员法治意识有待提升，执法不规范的问题仍然存在。二是行政复议应诉能力与案件增长不相适应，专业人员短缺。三是数字政府建设的数据共享仍有壁垒，部门系统互不联通。四是重大行政决策公众参与渠道不多，意见采纳反馈不及时。`, false},
		{"short answers", `暂无。`, false},
		{"same sentences in another order", `三是基层法治建设力量薄弱，乡镇司法所人员配备不足。一是部分行政执法人员法治意识有待提升，执法不规范的问题仍然存在。二是法治宣传教育的针对性和实效性还不够强，群众参与度不高。`, true},
		{"last year's text inside a longer new section", lastShortcomings + `四是行政复议应诉能力与案件增长不相适应，专业人员短缺。五是数字政府建设的数据共享仍有壁垒，部门系统互不联通。六是重大行政决策公众参与渠道不多。`, true},
		{"same opening words, new content", `一是部分行政执法人员对新修订的行政处罚法理解不深，说理式执法推进较慢。二是法治宣传教育的载体较为传统，新媒体普法作品偏少。三是基层法治建设经费保障不足，村级法律顾问服务频次偏低。`, false},
	}
	var found, missed, alarms, quiet int
	for _, c := range cases {
		got := Copied(lastShortcomings, c.this)
		switch {
		case c.repeated && got.Repeated():
			found++
		case c.repeated:
			missed++
			t.Errorf("%s: not noticed (share %.2f, chars %d)", c.name, got.Share, got.Chars)
		case got.Repeated():
			alarms++
			t.Errorf("%s: reported as copied (share %.2f, chars %d)", c.name, got.Share, got.Chars)
		default:
			quiet++
		}
	}
	t.Logf("followup.copied: recall %d/%d, false alarms %d/%d", found, found+missed, alarms, alarms+quiet)
}

func TestJumps(t *testing.T) {
	figs := []FigureInfo{{ID: "a", Unit: "件"}, {ID: "b", Unit: "件"}, {ID: "c", Unit: "件"}, {ID: "d", Percent: true}, {ID: "e", Unit: "万元"}, {ID: "f", Unit: "件"}}
	prev := numbers(map[string]float64{"a": 120, "b": 2, "c": 100, "d": 2, "e": 300, "f": 50})
	cur := numbers(map[string]float64{"a": 1320, "b": 5, "c": 150, "d": 9, "e": 30, "f": 149})
	got := Jumps(figs, cur, prev)
	want := []string{"a", "e"} // b is small, c and f under ×3, d a rate
	if len(got) != len(want) {
		t.Fatalf("got %+v, want %v", got, want)
	}
	for i, id := range want {
		if got[i].Figure != id {
			t.Errorf("jump %d = %s, want %s", i, got[i].Figure, id)
		}
	}
}
