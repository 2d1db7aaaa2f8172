//go:build unix

package render

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// fakeSoffice writes a shell script standing in for soffice.
func fakeSoffice(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "soffice")
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// A converter that hangs is stopped at the timeout, with the processes it
// started, and the error says so in Chinese.
func TestConvertTimeoutKillsTheConverter(t *testing.T) {
	pidFile := filepath.Join(t.TempDir(), "pid")
	lo := LibreOffice{Path: fakeSoffice(t, "sleep 60 &\necho $! > "+pidFile+"\nwait\n"), Timeout: 300 * time.Millisecond}
	start := time.Now()
	_, err := lo.Convert([]byte("x"), "docx", "pdf")
	if err == nil || !strings.Contains(err.Error(), "超时") {
		t.Fatalf("err = %v, want a timeout", err)
	}
	if time.Since(start) > 20*time.Second {
		t.Errorf("Convert returned after %v", time.Since(start))
	}
	data, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(data)))
	// The child is killed with its group. Its parent is gone, and in a
	// container nobody may reap it, so a zombie counts as dead.
	for i := 0; i < 50; i++ {
		if !running(pid) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Errorf("the converter's child %d still runs after the timeout", pid)
}

// A converter that fails, or writes nothing, gives its output in the error.
func TestConvertFailureIsReported(t *testing.T) {
	for body, want := range map[string]string{
		"echo 'Error: source file could not be loaded' >&2\nexit 1\n": "source file could not be loaded",
		"exit 0\n": "没有生成输出文件",
	} {
		_, err := LibreOffice{Path: fakeSoffice(t, body)}.Convert([]byte("x"), "docx", "pdf")
		if err == nil || !strings.Contains(err.Error(), "LibreOffice 转换失败") || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want %q", err, want)
		}
	}
	_, err := LibreOffice{Path: filepath.Join(t.TempDir(), "nope")}.Convert(nil, "docx", "pdf")
	if !errors.Is(err, ErrNoLibreOffice) || !strings.Contains(err.Error(), "libreoffice-writer-nogui") {
		t.Errorf("missing soffice: %v", err)
	}
}

// The private profile is a file URL LibreOffice accepts, spaces escaped.
func TestFileURL(t *testing.T) {
	if got := fileURL("/tmp/a b/profile"); got != "file:///tmp/a%20b/profile" {
		t.Errorf("fileURL = %q", got)
	}
}

func running(pid int) bool {
	if stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat"); err == nil {
		// pid (comm) S ...: the state follows the closing parenthesis.
		s := string(stat)
		if i := strings.LastIndexByte(s, ')'); i > 0 && i+2 < len(s) {
			return s[i+2] != 'Z'
		}
	}
	return syscall.Kill(pid, 0) == nil
}
