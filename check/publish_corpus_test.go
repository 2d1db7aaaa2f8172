package check

import (
	"strings"
	"testing"
)

// Real published reports must come out of the publish group clean; with
// personal data, markings and draft labels injected every one is found;
// with public hotlines, anonymised parties, credit codes and case numbers
// injected nothing new is.

// corpusLeaks are sentences appended to paragraphs of a real report, each
// with the rule that must find it and the value no message may repeat.
var corpusLeaks = []publishCase{
	{"申请人赵志刚与被申请人某公司因劳动报酬纠纷申请调解。", RulePublishName, "赵志刚"},
	{"当事人联系电话13956781234。", RulePublishPhone, "13956781234"},
	{"经核实，申请人身份证号为330106199001014414。", RulePublishID, "330106199001014414"},
	{"补助资金已打入其银行卡号6217001234567890122。", RulePublishCard, "6217001234567890122"},
	{"相关材料请发送至wanglei_2023@163.com。", RulePublishEmail, "wanglei_2023@163.com"},
	{"当事人家住城南路18号2栋301室。", RulePublishAddress, "18号2栋"},
}

var corpusSafe = []string{
	"群众可拨打12345政务服务便民热线或12348公共法律服务热线反映诉求。",
	"申请人刘某某与被申请人县某局因政府信息公开纠纷申请行政复议。",
	"某公司（统一社会信用代码91341824MA2N8K5L3X）被依法查处。",
	"县人民法院（2023）皖1824行初45号判决驳回原告王某的诉讼请求。",
	"监督电话：0563-8123456，投稿邮箱：sfj@xuancheng.gov.cn。",
	"全年累计投入法治建设资金1234567890元。",
}

func TestPublishCorpus(t *testing.T) {
	for _, name := range []string{"dongchangfu-sfj-2023.txt", "jixi-county-2023.txt"} {
		t.Run(name, func(t *testing.T) {
			doc := readCorpus(t, name)
			if fs := PublishOnly(Text(doc)); len(fs) > 0 {
				for _, f := range fs {
					t.Errorf("published report flagged at line %d: [%s] %s", f.Line, f.Rule, f.Message)
				}
			}
			lines := strings.Split(doc, "\n")
			long := longLines(lines)
			if len(long) < len(corpusLeaks)+len(corpusSafe) {
				t.Fatalf("only %d long paragraphs", len(long))
			}

			// Safe additions: nothing new.
			safe := append([]string(nil), lines...)
			for i, s := range corpusSafe {
				safe[long[i]] += s
			}
			if fs := PublishOnly(Text(strings.Join(safe, "\n"))); len(fs) > 0 {
				for _, f := range fs {
					t.Errorf("safe addition flagged at line %d: [%s] %s", f.Line, f.Rule, f.Message)
				}
			}

			// Leaks: each found on its own line, none repeated in full.
			leaky := append([]string(nil), lines...)
			want := map[int]publishCase{}
			for i, c := range corpusLeaks {
				l := long[len(corpusSafe)+i]
				leaky[l] += c.text
				want[l+1] = c
			}
			title := corpusTitleLine(leaky)
			leaky[title] += "（征求意见稿）"
			leaky = append([]string{"秘密★1年"}, leaky...)
			fs := PublishOnly(Text(strings.Join(leaky, "\n")))
			found := map[int]map[string]bool{}
			for _, f := range fs {
				if found[f.Line-1] == nil {
					found[f.Line-1] = map[string]bool{}
				}
				found[f.Line-1][f.Rule] = true
				for _, c := range corpusLeaks {
					if strings.Contains(f.Message, c.secret) {
						t.Errorf("message repeats %q: %s", c.secret, f.Message)
					}
				}
			}
			for l, c := range want {
				if !found[l][c.rule] {
					t.Errorf("%s not found in injected %q (line %d: %v)", c.rule, c.text, l+1, found[l])
				}
			}
			if !found[0][RulePublishSecret] {
				t.Errorf("secrecy marking not found: %v", found[0])
			}
			if !found[title+1][RulePublishDraft] {
				t.Errorf("draft label in the title %q not found: %v", leaky[title+1], found[title+1])
			}
			if n := len(fs); n != len(corpusLeaks)+2 {
				for _, f := range fs {
					t.Logf("%d: [%s] %s", f.Line, f.Rule, f.Message)
				}
				t.Errorf("%d findings, want %d (one per injection)", n, len(corpusLeaks)+2)
			}
		})
	}
}

// longLines are the indices of paragraphs (over 80 characters), spread
// through the report.
func longLines(lines []string) []int {
	var out []int
	for i, l := range lines {
		if len([]rune(l)) > 80 {
			out = append(out, i)
		}
	}
	return out
}

// corpusTitleLine is the index of the report's title line.
func corpusTitleLine(lines []string) int {
	for i, l := range lines {
		if strings.Contains(l, "报告") && strings.Contains(l, "法治") && !strings.Contains(l, ">") && len([]rune(l)) < 60 {
			return i
		}
	}
	return 0
}
