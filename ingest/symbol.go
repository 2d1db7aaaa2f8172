package ingest

import (
	"nianbao/internal/wordsym"
	"nianbao/internal/xmlscan"
)

// symbolText is the text a w:sym stands for (see wordsym), "" when it is
// not known.
func symbolText(t *xmlscan.Token) string {
	return wordsym.Text(t.AttrValue("font"), t.AttrValue("char"))
}
