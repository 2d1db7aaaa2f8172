package zhtext

// NoBreakBefore reports a character that must not start a row (行首禁则):
// stops and commas, closing brackets and quotes, the ellipsis and the dash,
// the per-cent sign, the middle dot, the wave dash, and their ASCII forms.
// A row break before it pulls the character before it down too.
func NoBreakBefore(r rune) bool {
	switch r {
	case '，', '。', '、', '；', '：', '？', '！', '）', '》', '」', '』', '】', '〕', '〉', '〗', '］', '｝',
		'’', '”', '…', '—', '％', '%', '·', '～', '‰',
		',', '.', ';', ':', '?', '!', ')', ']', '}':
		return true
	}
	return false
}

// NoBreakAfter reports a character that must not end a row (行尾禁则):
// opening brackets and quotes, full-width and ASCII.
func NoBreakAfter(r rune) bool {
	switch r {
	case '（', '《', '「', '『', '【', '〔', '〈', '〖', '［', '｛', '‘', '“', '(', '[', '{':
		return true
	}
	return false
}
