package model

import "errors"

// Helpers the tests use to look at what the program leaves behind; the
// program itself never needs these lists.

// IsUnreadable reports whether err came from reading or parsing an input
// file: ErrUnreadable, or a positioned *Error.
func IsUnreadable(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, ErrUnreadable) {
		return true
	}
	var e *Error
	return errors.As(err, &e)
}

// RecoveryFiles lists every recovery file of draftPath, whichever session
// wrote it, including the single .FILE.autosave of older versions and
// the state-directory fallback.
func RecoveryFiles(draftPath string) []string {
	m, _ := recoveryCandidates(draftPath)
	return sortedKeys(m)
}

// LockFiles lists every lock file beside draftPath, live or not.
func LockFiles(draftPath string) []string {
	m, _ := sideFiles(draftPath, lockSuffix)
	return sortedKeys(m)
}
