package cli

import (
	"errors"
	"fmt"

	"nianbao/ui"
)

// Exit codes, named in one place.
const (
	ExitOK       = 0                // success, no errors found
	ExitFindings = 1                // the check found errors (or warnings with --strict)
	ExitInput    = 2                // unreadable input, bad usage, unavailable feature
	ExitEnded    = ui.ExitCodeEnded // the editor was ended by a signal or a crash; see ui.Ended
)

// ExitError carries an exit code through cobra. When Shown is true the
// message was already printed and must not be printed again.
type ExitError struct {
	Code  int
	Err   error
	Shown bool
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("退出码 %d", e.Code)
	}
	return e.Err.Error()
}

func (e *ExitError) Unwrap() error { return e.Err }

// inputError marks err as an unreadable-input failure (exit 2).
func inputError(err error) error {
	if err == nil {
		return nil
	}
	return &ExitError{Code: ExitInput, Err: err}
}

// silentExit ends the command with code after output was already written.
func silentExit(code int) error {
	return &ExitError{Code: code, Shown: true}
}

// exitCode maps an error returned by a command to the process exit code.
func exitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		return ee.Code
	}
	// Everything else (unreadable input, usage, I/O) is exit 2.
	return ExitInput
}
