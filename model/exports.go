package model

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ExportOrigin says who wrote an existing export target, so an export
// never replaces a file that holds someone's work: a Word file edited by
// hand after the last export, or an unrelated file that happens to have
// the name.
type ExportOrigin int

const (
	ExportAbsent  ExportOrigin = iota // nothing there yet
	ExportOurs                        // written by nianbao and unchanged since
	ExportChanged                     // written by nianbao, changed since (edited in Word?)
	ExportForeign                     // not written by nianbao (as far as this user's records go)
)

// exportRecord is where nianbao notes the fingerprint of what it exported
// to path: StateDir/exports/HASH, keyed by the absolute path.
func exportRecord(path string) (string, error) {
	state, err := StateDir()
	if err != nil {
		return "", err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(state, "exports", hex.EncodeToString(sum[:12])), nil
}

// CheckExport tells whether path may be replaced by an export without
// asking. A directory, FIFO or device there is an error.
func CheckExport(path string) (ExportOrigin, error) {
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return ExportAbsent, nil
	}
	data, err := ReadRegular(path)
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			return 0, err
		}
		return 0, &Error{File: path, Msg: "无法读取：" + OSReason(err)}
	}
	rec, err := exportRecord(path)
	if err != nil {
		return ExportForeign, nil
	}
	want, _, err := readSideFile(rec)
	if err != nil {
		return ExportForeign, nil
	}
	sum := sha256.Sum256(data)
	if strings.TrimSpace(string(want)) == hex.EncodeToString(sum[:]) {
		return ExportOurs, nil
	}
	return ExportChanged, nil
}

// RecordExport notes that nianbao wrote data to path. It is best effort:
// without a record the next export asks before replacing the file.
func RecordExport(path string, data []byte) error {
	rec, err := exportRecord(path)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(rec), 0o700); err != nil {
		return err
	}
	sum := sha256.Sum256(data)
	return writeSideFile(rec, []byte(hex.EncodeToString(sum[:])+"\n"), sideFileMode)
}
