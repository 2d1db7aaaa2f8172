package ingest

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"

	"nianbao/internal/zhtext"
	"nianbao/model"
)

// Saved web pages are read natively: a portal's article page wraps the
// report in navigation, a breadcrumb, share buttons and a footer. The
// article is the element that holds most of the page's non-link text;
// cleaning then drops what furniture is left inside it ("字号 大 中 小").

// skipped elements never hold report text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Iframe: true,
	atom.Nav: true, atom.Form: true, atom.Select: true, atom.Button: true, atom.Svg: true, atom.Head: true,
}

// blocks start a new paragraph.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Li: true, atom.Tr: true, atom.Br: true, atom.Section: true, atom.Article: true,
	atom.Table: true, atom.Blockquote: true, atom.Pre: true, atom.Footer: true, atom.Header: true,
	atom.Center: true, atom.Ul: true, atom.Ol: true, atom.Dd: true, atom.Dt: true, atom.Main: true, atom.Td: true,
}

func readWebPage(name string, data []byte) (*Document, error) {
	if len(data) > MaxTextSize {
		return nil, &model.Error{File: name, Msg: fmt.Sprintf("网页过大（%d 字节，上限 %d 字节），不像是一份年度报告", len(data), MaxTextSize)}
	}
	text, enc, err := decodeHTML(data)
	if err != nil {
		return nil, &model.Error{File: name, Msg: "网页无法解码：" + err.Error()}
	}
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		if strings.Contains(err.Error(), "exceeds") {
			return nil, &model.Error{File: name, Msg: "网页的元素嵌套过深（超过 512 层），不像是正常的网页"}
		}
		return nil, &model.Error{File: name, Msg: "网页无法解析：" + err.Error()}
	}
	body := find(root, atom.Body)
	if body == nil {
		body = root
	}
	article := articleOf(body, countText(body))
	var paras []string
	tables := 0
	var cur strings.Builder
	flush := func() {
		if s := zhtext.TrimBlank(collapse(cur.String())); s != "" {
			paras = append(paras, s)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if skipped[n.DataAtom] {
				return
			}
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Table {
			if cells := htmlTableCells(n); isDataTable(cells) {
				flush()
				tables++
				for _, line := range tableLines(joinCells(cells)) {
					if line != "" {
						paras = append(paras, line)
					}
				}
				return
			}
		}
		isBlock := n.Type == html.ElementNode && blocks[n.DataAtom]
		if isBlock {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if isBlock {
			flush()
		}
	}
	walk(article)
	flush()
	// The title is often above the article container (an <h1> in the page
	// header, or only the <title>): the importer needs it for the unit and
	// year.
	if t := pageTitle(root, body, article); t != "" && (len(paras) == 0 || !strings.Contains(paras[0], t)) {
		paras = append([]string{t}, paras...)
	}
	if len(paras) == 0 {
		return nil, &model.Error{File: name, Msg: "网页中没有正文文字"}
	}
	if len(paras) > MaxLines {
		return nil, tooManyLines(name, len(paras))
	}
	doc := &Document{Name: name, Format: FormatHTML, Encoding: enc, Tables: tables}
	for i, p := range paras {
		doc.Lines = append(doc.Lines, Line{No: i + 1, Text: p})
	}
	return doc, nil
}

// decodeHTML turns a page into UTF-8 by its BOM, its <meta charset> or, for
// the GBK pages many portals still serve, by trying UTF-8 first.
func decodeHTML(data []byte) (string, string, error) {
	if _, name, certain := charset.DetermineEncoding(data, ""); certain || declaresCharset(data) {
		enc, _ := charset.Lookup(name)
		if enc != nil {
			out, _, err := transform.Bytes(enc.NewDecoder(), data)
			if err != nil {
				return "", "", err
			}
			return string(out), strings.ToUpper(name), nil
		}
	}
	text, enc, err := decodeText("", data)
	if err != nil {
		return "", "", err
	}
	return text, enc, nil
}

func declaresCharset(data []byte) bool {
	head := bytes.ToLower(data[:min(len(data), 2048)])
	return bytes.Contains(head, []byte("charset"))
}

func find(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, a); f != nil {
			return f
		}
	}
	return nil
}

// articleOf descends from body into the child holding most of the text for
// as long as one child holds nearly all of it; an <article> or <main>
// element, when there is one with text, is taken as the author marked it.
func articleOf(body *html.Node, size map[*html.Node]int) *html.Node {
	total := size[body]
	for _, a := range []atom.Atom{atom.Article, atom.Main} {
		if n := find(body, a); n != nil && size[n]*2 > total {
			return n
		}
	}
	n := body
	for {
		var best *html.Node
		bestSize := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipped[c.DataAtom] {
				continue
			}
			if s := size[c]; s > bestSize {
				best, bestSize = c, s
			}
		}
		if best == nil || bestSize*10 < size[n]*8 {
			return tableOf(n)
		}
		n = best
	}
}

// tableOf is the data table a part of its structure (a tbody, a row)
// belongs to, so that the table is read as one; any other node is itself.
// A cell is not climbed out of, nor a layout table's row: the rows around
// the article there are the site's banner and footer.
func tableOf(n *html.Node) *html.Node {
	p := n
	for p != nil && (p.DataAtom == atom.Tbody || p.DataAtom == atom.Thead || p.DataAtom == atom.Tfoot || p.DataAtom == atom.Tr) {
		p = p.Parent
	}
	if p != nil && p != n && p.DataAtom == atom.Table && isDataTable(htmlTableCells(p)) {
		return p
	}
	return n
}

// countText counts, for every node under n, the characters a reader sees
// outside links and skipped elements (navigation is mostly links, an
// article mostly not), in one pass: counting again at every level of a
// deeply nested page would take quadratic time.
func countText(n *html.Node) map[*html.Node]int {
	size := map[*html.Node]int{}
	var count func(n *html.Node) int
	count = func(n *html.Node) int {
		s := 0
		switch {
		case n.Type == html.TextNode:
			s = len([]rune(zhtext.TrimBlank(n.Data)))
		case n.Type == html.ElementNode && (skipped[n.DataAtom] || n.DataAtom == atom.A):
			// Links and skipped elements count nothing, but their
			// children still get entries.
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				count(c)
			}
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				s += count(c)
			}
		}
		size[n] = s
		return s
	}
	count(n)
	return size
}

// pageTitle is the first <h1> outside the article, or the <title> without
// the site name portals append ("…报告_青山县人民政府").
func pageTitle(root, body, article *html.Node) string {
	if article != body {
		if h := find(body, atom.H1); h != nil && !inside(h, article) {
			if t := zhtext.TrimBlank(collapse(textOf(h))); t != "" {
				return t
			}
		}
	}
	if h := find(root, atom.Title); h != nil {
		t := zhtext.TrimBlank(collapse(textOf(h)))
		for _, sep := range []string{"_", " - ", "－", "|", "｜", "—"} {
			if i := strings.Index(t, sep); i > 0 {
				t = zhtext.TrimBlank(t[:i])
			}
		}
		if strings.Contains(t, "报告") {
			return t
		}
	}
	return ""
}

func inside(n, ancestor *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == ancestor {
			return true
		}
	}
	return false
}

// textOf is the text under n; scripts, styles and the other skipped
// elements give none.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return
		}
		if n.Type == html.ElementNode && skipped[n.DataAtom] {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// collapse joins the white space HTML source wraps lines with.
func collapse(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return squeezeSpaces(b.String())
}

// readMHTML takes the HTML part of a page saved as one file.
func readMHTML(name string, data []byte) (*Document, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		return nil, &model.Error{File: name, Msg: "单文件网页（.mht）无法解析：" + err.Error()}
	}
	_, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || params["boundary"] == "" {
		return nil, &model.Error{File: name, Msg: "单文件网页（.mht）缺少分段信息，文件可能不完整"}
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for {
		part, err := mr.NextRawPart()
		if err != nil {
			break
		}
		ct, ps, _ := mime.ParseMediaType(part.Header.Get("Content-Type"))
		if ct != "text/html" {
			continue
		}
		var r io.Reader = part
		switch strings.ToLower(part.Header.Get("Content-Transfer-Encoding")) {
		case "quoted-printable":
			r = quotedprintable.NewReader(part)
		case "base64":
			r = base64Reader(part)
		}
		body, err := io.ReadAll(io.LimitReader(r, MaxInputSize))
		if err != nil {
			return nil, &model.Error{File: name, Msg: "单文件网页（.mht）的正文无法解码：" + err.Error()}
		}
		if cs := ps["charset"]; cs != "" && !declaresCharset(body) {
			body = append([]byte(`<meta charset="`+cs+`">`), body...)
		}
		doc, err := readWebPage(name, body)
		if doc != nil {
			doc.Format = FormatHTML
		}
		return doc, err
	}
	return nil, &model.Error{File: name, Msg: "单文件网页（.mht）中没有网页正文"}
}

func base64Reader(r io.Reader) io.Reader { return base64.NewDecoder(base64.StdEncoding, r) }

// htmlTableCells gives a table's rows and cells, each cell as its one
// paragraph of text. The rows of a table nested in a cell are that cell's
// text, not rows of their own.
func htmlTableCells(table *html.Node) [][][]string {
	var rows [][][]string
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipped[c.DataAtom] {
				continue
			}
			switch c.DataAtom {
			case atom.Table:
				continue // nested: read with its cell
			case atom.Tr:
				var row [][]string
				for td := c.FirstChild; td != nil; td = td.NextSibling {
					if td.Type == html.ElementNode && (td.DataAtom == atom.Td || td.DataAtom == atom.Th) {
						row = append(row, []string{zhtext.TrimBlank(collapse(textOf(td)))})
						// A cell spanning columns leaves the next one above its
						// own column.
						for range min(colspan(td), maxGridSpan) - 1 {
							row = append(row, nil)
						}
					}
				}
				rows = append(rows, row)
				continue
			}
			visit(c)
		}
	}
	visit(table)
	return rows
}

// colspan is a cell's colspan, 1 when it has none or a bad one.
func colspan(td *html.Node) int {
	for _, a := range td.Attr {
		if a.Key == "colspan" {
			if n, err := strconv.Atoi(strings.TrimSpace(a.Val)); err == nil && n > 1 {
				return n
			}
		}
	}
	return 1
}
