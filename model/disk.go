package model

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"time"
)

// DiskState identifies a file's content as nianbao last read or wrote it,
// so a save can tell whether someone else (another editor, a second
// nianbao, a sync tool) changed the file in between.
type DiskState struct {
	Exists  bool
	ModTime time.Time
	Sum     [sha256.Size]byte
}

// ReadDiskState reads and fingerprints path. A missing file is a valid
// state (Exists false), not an error.
func ReadDiskState(path string) (DiskState, error) {
	data, st, err := readRegular(path)
	if errors.Is(err, os.ErrNotExist) {
		return DiskState{}, nil
	}
	if err != nil {
		return DiskState{}, err
	}
	return DiskState{Exists: true, ModTime: st.ModTime(), Sum: sha256.Sum256(data)}, nil
}

func diskStateOf(data []byte, path string) DiskState {
	ds := DiskState{Exists: true, Sum: sha256.Sum256(data)}
	if st, err := os.Stat(path); err == nil {
		ds.ModTime = st.ModTime()
	}
	return ds
}

// ConflictError says the draft on disk is not what this session loaded.
type ConflictError struct {
	Path    string
	Removed bool // the file was deleted meanwhile
}

func (e *ConflictError) Error() string {
	if e.Removed {
		return fmt.Sprintf("%s 在打开后被删除或移走了", e.Path)
	}
	return fmt.Sprintf("%s 在打开后被其他程序修改过", e.Path)
}

// ChangedOnDisk reports whether the draft's file differs from what this
// Report was loaded from or last saved as.
func (r *Report) ChangedOnDisk() (*ConflictError, error) {
	if r.file == "" {
		return nil, nil
	}
	now, err := ReadDiskState(r.file)
	if err != nil {
		return nil, err
	}
	return r.disk.conflictWith(now, r.file), nil
}

func (was DiskState) conflictWith(now DiskState, path string) *ConflictError {
	switch {
	case was.Exists && !now.Exists:
		return &ConflictError{Path: path, Removed: true}
	case !was.Exists && now.Exists:
		return &ConflictError{Path: path}
	case was.Exists && !bytes.Equal(was.Sum[:], now.Sum[:]):
		return &ConflictError{Path: path}
	}
	return nil
}

// SaveChecked saves like Save but refuses, with a *ConflictError, when the
// file at path changed since this draft was loaded or last saved there.
// Saving to a different path checks that path is not an existing file the
// drafter has not seen.
func (r *Report) SaveChecked(path string) error {
	was := r.disk
	if path != r.file {
		was = DiskState{}
	}
	now, err := ReadDiskState(path)
	if err != nil {
		return fmt.Errorf("无法读取 %s：%v", path, err)
	}
	if c := was.conflictWith(now, path); c != nil && !(path != r.file && !now.Exists) {
		return c
	}
	return r.Save(path)
}
