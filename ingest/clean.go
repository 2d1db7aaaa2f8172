package ingest

import (
	"regexp"
	"strings"
	"sync"

	"nianbao/internal/zhtext"
)

// Dropped is a piece of web-page furniture removed from the source.
type Dropped struct {
	Line   int    // source line
	Text   string // exactly what was removed
	Reason string // Chinese, for --verbose
}

// leftoverPattern is one known kind of web-page furniture. Patterns match
// a whole (short) line; strong ones are specific enough to drop anywhere,
// weak ones only above the report's first paragraph or below its last.
type leftoverPattern struct {
	re     *regexp.Regexp
	reason string
	strong bool
}

// leftover is a leftoverPattern with what tells, without the regexp, the
// lines it cannot match.
type leftover struct {
	leftoverPattern
	// starts, for a pattern anchored at the line's start, are the
	// characters a match begins with (nil: any); needs, for another,
	// words one of which a match holds (nil: none known). Set by
	// leftovers.
	starts *startSet
	needs  []string
}

// maxLeftoverRunes keeps the cleaner away from report paragraphs: page
// furniture is a short line, report text is not.
const maxLeftoverRunes = 60

var leftovers = sync.OnceValue(func() []leftover {
	var los []leftover
	for _, p := range leftoverPatterns() {
		lo := leftover{leftoverPattern: p, starts: anchoredStarts(p.re.String())}
		if lo.starts == nil {
			lo.needs = requiredWords(p.re.String())
		}
		los = append(los, lo)
	}
	return los
})

func leftoverPatterns() []leftoverPattern {
	return []leftoverPattern{
		{regexp.MustCompile(`^欢迎(访问|来到|光临).{0,30}(网站|门户|网)[!！。]?$`), "网站欢迎语", true},
		{regexp.MustCompile(`^(?:[•·●\-*|｜]?\s*(?:繁体版|简体版|繁體版|智能问答|无障碍|長輩版|长辈版|关怀版|适老化|English|ENGLISH|移动版|手机版|登录|注册|个人中心|网站支持IPv6|邮箱|微博|微信|RSS)\s*[|｜]?\s*)+$`), "网站导航", true},
		{regexp.MustCompile(`^(?:您的位置|您当前的位置|您现在的位置|当前位置|所在位置)\s*[:：]`), "页面路径", true},
		{regexp.MustCompile(`^【?\s*(?:字号|字体|字体大小|文字大小)\s*[:：]?\s*(?:大\s*中\s*小|[大中小]|默认|T\s*T\s*T)?\s*】?$`), "字号切换", true},
		{regexp.MustCompile(`^【?\s*大 +中 +小\s*】?$`), "字号切换", true},
		{regexp.MustCompile(`^(?:发布时间|发布日期|发文日期|时间|日期|信息来源|来源|作者|浏览次数|点击数|阅读次数)\s*[:：].*(?:浏览|点击|阅读|来源|访问)(?:次数|量)?\s*[:：]?\s*[\dXx×\s次]*$`), "发布信息", true},
		{regexp.MustCompile(`^(?:发布时间|发布日期)\s*[:：]\s*\d{4}[-年/.]\d{1,2}[-月/.]\d{1,2}日?[\d:\s]*$`), "发布信息", true},
		{regexp.MustCompile(`^(?:信息来源|来源)\s*[:：]\s*\S{1,20}$`), "发布信息", false},
		{regexp.MustCompile(`^(?:(?:分享到|分享至)\s*[:：]?|分享\s*[:：])(?:\s*(?:微信|微博|QQ|QQ空间|朋友圈|豆瓣|人人网|腾讯微博|新浪微博)\s*[|｜、]?)*$`), "分享提示", true},
		{regexp.MustCompile(`^(?:扫一扫|扫码|扫描二维码|手机扫描|用手机扫描|用手机).{0,20}(?:本页|当前页|此页|页面|本文|二维码|分享|阅读|浏览)`), "二维码提示", true},
		{regexp.MustCompile(`^[【\[]?\s*(?:打印本页|打印此页|打印文章|关闭窗口|关闭本页|返回顶部|加入收藏|收藏本页|打印|关闭|收藏|返回)\s*[】\]]?(?:\s*[【\[]?\s*(?:打印本页|打印此页|关闭窗口|关闭本页|返回顶部|加入收藏|收藏本页|打印|关闭|收藏|返回)\s*[】\]]?)*$`), "页面按钮", true},
		{regexp.MustCompile(`ICP备|ICP证|公网安备|网站标识码|网站识别码`), "网站备案信息", true},
		{regexp.MustCompile(`^(?:版权所有|主办单位|主办|承办单位|承办|技术支持|运维单位|维护单位|联系我们|网站地图|网站声明|隐私声明|关于我们|联系电话|地址)\s*[:：|｜]?`), "页脚链接", false},
		{regexp.MustCompile(`^(?:Copyright|copyright|©|\(c\))`), "页脚版权", false},
		{regexp.MustCompile(`^(?:上一篇|下一篇|上一条|下一条|相关链接|相关文章|相关阅读|相关稿件|附件下载)\s*[:：]?`), "页面链接", false},
		{regexp.MustCompile(`^(?:网站首页|首页)(?:\s*[>＞»/|｜].*)?$`), "网站导航", false},
		{regexp.MustCompile(`^(?:责任编辑|编辑|审核|校对|审校|核稿|责编)\s*[:：]\s*\S{0,20}$`), "编辑署名", false},
		{regexp.MustCompile(`(?:本网站|本站|本网).{0,30}(?:技术支持|主办|维护|版权|所有)`), "页脚链接", false},
		{regexp.MustCompile(`(?:版权所有|技术支持|网站地图|联系我们)`), "页脚链接", false},
	}
}

// footerLabelRe finds the labelled fields of a site footer. One line with
// two or more of them ("主办单位：… 技术支持：… 联系电话：…") is a footer at
// any length, often long and full of the template's XXX, and never report
// text. Generic labels count only with their colon, and a line with
// sentence punctuation is prose ("公布联系电话和地址：…，…。").
var footerLabelRe = lazyRegexp(`(?:(?:版权所有|主办单位|主办|承办单位|承办|协办单位|协办|技术支持|运维单位|维护单位|联系电话|联系方式|电话|传真|地址|邮编|邮政编码|电子邮箱|网站标识码|网站识别码)\s*[:：])|ICP备|公网安备|版权所有`)

// footerBareLabels are footerLabelRe's labels that need no colon.
var footerBareLabels = []string{"ICP备", "公网安备", "版权所有"}

// maxFooterRunes bounds a footer line; longer lines are report text
// whatever they contain.
const maxFooterRunes = 400

// isFooter says whether a line is a site footer by its labelled fields.
func isFooter(t string) bool {
	// Sentence punctuation first: it settles most lines of a report, and
	// three substring searches for characters that are rare bytes cost
	// less than counting the line's characters (or ContainsAny's per
	// character search of a non-ASCII set).
	if zhtext.ContainsWide(t, "，") || zhtext.ContainsWide(t, "。") || zhtext.ContainsWide(t, "；") || longerThan(t, maxFooterRunes) {
		return false
	}
	// Every label ends with a colon but the three bare ones, and the
	// regexp's matches do not overlap: each field found takes a colon of
	// its own or is a bare label. A line with fewer than two of those
	// (most headings and table rows) cannot name two fields, and needs
	// no regexp.
	fields := strings.Count(t, ":") + strings.Count(t, "：")
	for _, b := range footerBareLabels {
		if fields < 2 && strings.Contains(t, b) {
			fields++
		}
	}
	if fields < 2 {
		return false
	}
	seen := map[string]bool{}
	for _, m := range footerLabelRe().FindAllString(t, -1) {
		seen[strings.TrimRight(m, " \t:：")] = true
	}
	return len(seen) >= 2
}

// glued is furniture a scraper pasted onto the front of the first
// paragraph ("大 中 小2023年，…"): only the prefix is removed.
var glued = lazyRegexp(`^(?:【?\s*(?:字号|字体|字体大小)\s*[:：]?\s*)?大 +中 +小\s*】?`)

// clean drops known web-page leftovers and returns the remaining lines and
// a record of every removed piece. It is conservative: a line goes only
// when a pattern matches it whole and it is short (or it is a footer of
// labelled fields), and the looser patterns apply only outside the report
// body, so report text is never dropped.
func clean(lines []Line) ([]Line, []Dropped) {
	first, last, footers := bodyBounds(lines)
	var out []Line
	var dropped []Dropped
	for i, l := range lines {
		t := strings.TrimSpace(l.Text)
		t = zhtext.TrimBlank(t)
		if t == "" {
			out = append(out, l)
			continue
		}
		if l.Contents {
			dropped = append(dropped, Dropped{Line: l.No, Text: l.Text, Reason: "目录（Word 自动生成）"})
			continue
		}
		outside := i < first || i > last
		// bodyBounds has told footers for the line trimmed its way; the
		// regexp behind isFooter is the costliest test here.
		footer := footers[i]
		if t != zhtext.TrimBlank(l.Text) {
			footer = isFooter(t)
		}
		if reason, ok := isLeftover(t, outside, footer); ok {
			dropped = append(dropped, Dropped{Line: l.No, Text: l.Text, Reason: reason})
			continue
		}
		if i <= first+1 {
			if m := glued().FindString(l.Text); m != "" && len(m) < len(l.Text) {
				dropped = append(dropped, Dropped{Line: l.No, Text: m, Reason: "字号切换（粘连在正文开头）"})
				l.Text = l.Text[len(m):]
			}
		}
		out = append(out, l)
	}
	return out, dropped
}

// mayMatch is false for a line lo's pattern cannot match, told without
// the regexp.
func (lo *leftover) mayMatch(t string) bool {
	switch {
	case lo.starts != nil:
		return lo.starts.mayStart(t)
	case lo.needs != nil:
		return zhtext.ContainsAnyWord(t, lo.needs)
	}
	return true
}

func isLeftover(t string, outside, footer bool) (string, bool) {
	if isHeadingLine(t) {
		return "", false
	}
	if footer {
		return "网站页脚", true
	}
	if longerThan(t, maxLeftoverRunes) {
		return "", false
	}
	for _, lo := range leftovers() {
		if (lo.strong || outside) && lo.mayMatch(t) && lo.re.MatchString(t) {
			return lo.reason, true
		}
	}
	return "", false
}

// bodyBounds finds the report body: from the first line that reads like
// report text (a long paragraph or a numbered heading) to the last line
// that does or that ends a sentence ("暂无。"). footers tells which lines,
// blanks trimmed (zhtext.TrimBlank), are site footers (isFooter).
func bodyBounds(lines []Line) (first, last int, footers []bool) {
	first, last = len(lines), -1
	footers = make([]bool, len(lines))
	for i, l := range lines {
		t := zhtext.TrimBlank(l.Text)
		if t == "" {
			continue
		}
		if isFooter(t) {
			footers[i] = true
			continue // a long footer is not the report's last paragraph
		}
		body := longerThan(t, maxLeftoverRunes) || isHeadingLine(t) || l.Level > 0
		if body && i < first {
			first = i
		}
		if body || strings.HasSuffix(t, "。") {
			last = i
		}
	}
	return first, last, footers
}

// lazyRegexp compiles pattern on first use. Every nianbao command links
// this package, and compiling its ~35 patterns at init cost 3 ms of each
// start-up, including the editor's.
func lazyRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
