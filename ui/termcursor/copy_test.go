package termcursor

import (
	"bytes"
	"strings"
	"testing"
)

// A copy reaches the terminal as OSC 52 before the next frame, and the
// confirmation says how much was copied and that it can be pasted
// elsewhere; without a terminal writer it says only what was copied.
func TestCopySendsOSC52(t *testing.T) {
	target := &Target{}
	msg := Copy(target, "依法行政")
	if !strings.Contains(msg, "已复制 4 字") || !strings.Contains(msg, "OSC 52") {
		t.Errorf("confirmation %q", msg)
	}
	var b bytes.Buffer
	NewWriter(nil, target).Wrap(&b, []byte("frame"))
	if !strings.HasPrefix(b.String(), "\x1b]52;c;") || !strings.HasSuffix(b.String(), "frame") {
		t.Errorf("written %q, want OSC 52 then the frame", b.String())
	}
	if msg := Copy(nil, "依法"); msg != "已复制 2 字" {
		t.Errorf("no terminal: %q", msg)
	}
}
