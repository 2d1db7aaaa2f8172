package zhtext

import "strings"

// Tests of a text against a list of words, which the check and the
// importer ask alike: whether it holds, opens or ends with one of them.

// HasPrefixAny says whether s starts with one of words.
func HasPrefixAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// ContainsAnyWord says whether one of words occurs in s (IndexWide).
func ContainsAnyWord(s string, words []string) bool {
	for _, w := range words {
		if ContainsWide(s, w) {
			return true
		}
	}
	return false
}

// HasSuffixAny says whether s ends with one of words.
func HasSuffixAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}
