package plain

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// CursorAddressing reports whether the terminal type term can move the
// cursor, from its compiled terminfo entry: known is false when no entry
// is found (the full-screen editor then assumes an ANSI terminal, as
// bubbletea does), and can is false for entries without cursor_address,
// such as dumb, glasstty or a printer.
func CursorAddressing(term string) (can, known bool) {
	if term == "" || strings.ContainsAny(term, `/\`) || strings.HasPrefix(term, ".") {
		return false, false
	}
	for _, dir := range terminfoDirs() {
		for _, sub := range []string{term[:1], fmt.Sprintf("%x", term[0])} {
			data, err := os.ReadFile(filepath.Join(dir, sub, term))
			if err != nil {
				continue
			}
			if can, ok := hasCursorAddress(data); ok {
				return can, true
			}
		}
	}
	return false, false
}

// terminfoDirs are searched in the order ncurses documents.
func terminfoDirs() []string {
	var dirs []string
	if d := os.Getenv("TERMINFO"); d != "" {
		dirs = append(dirs, d)
	}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, ".terminfo"))
	}
	for d := range strings.SplitSeq(os.Getenv("TERMINFO_DIRS"), ":") {
		if d != "" {
			dirs = append(dirs, d)
		}
	}
	return append(dirs, "/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo")
}

// cursorAddress is the index of cursor_address (cup) among terminfo's
// string capabilities.
const cursorAddress = 10

// hasCursorAddress reads a compiled terminfo entry (term(5)): a header of
// six little-endian 16-bit counts, the names, the booleans, the numbers
// (16-bit, or 32-bit in the extended format), then the string offsets,
// where -1 means absent and -2 cancelled. ok is false for a file that is
// not a terminfo entry.
func hasCursorAddress(data []byte) (can, ok bool) {
	if len(data) < 12 {
		return false, false
	}
	h := func(i int) int { return int(binary.LittleEndian.Uint16(data[2*i:])) }
	numSize := 2
	switch h(0) {
	case 0o432:
	case 0o1036:
		numSize = 4
	default:
		return false, false
	}
	names, bools, nums, strs := h(1), h(2), h(3), h(4)
	off := 12 + names + bools
	off += off % 2 // numbers start on an even byte
	off += nums * numSize
	if strs <= cursorAddress {
		return false, true
	}
	at := off + 2*cursorAddress
	if at+2 > len(data) {
		return false, false
	}
	v := int16(binary.LittleEndian.Uint16(data[at:]))
	return v >= 0, true
}
