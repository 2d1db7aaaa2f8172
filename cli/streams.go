// Package cli wires nianbao's subcommands: one file per command, each with
// an options struct, a constructor and a run function, so flag parsing and
// behaviour can be tested apart with buffers instead of a terminal.
package cli

import (
	"io"
	"os"

	"github.com/mattn/go-isatty"
)

// Streams are the standard streams of one invocation. Data goes to Out,
// messages and progress to Err.
type Streams struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
	// OutTerminal is true when Out is a terminal (colour, tables sized to it).
	OutTerminal bool
	// Color is false when NO_COLOR is set or Out is not a terminal.
	Color bool
	// ErrTerminal is true when Err is a terminal: progress is shown only
	// then, so logs and pipes get no carriage-return noise.
	ErrTerminal bool
}

// SystemStreams returns the process's streams.
func SystemStreams() *Streams {
	term := isatty.IsTerminal(os.Stdout.Fd()) || isatty.IsCygwinTerminal(os.Stdout.Fd())
	_, noColor := os.LookupEnv("NO_COLOR")
	errTerm := isatty.IsTerminal(os.Stderr.Fd()) || isatty.IsCygwinTerminal(os.Stderr.Fd())
	return &Streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, OutTerminal: term, Color: term && !noColor, ErrTerminal: errTerm}
}
