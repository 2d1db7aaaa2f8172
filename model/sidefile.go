package model

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Side files (recovery files, locks, temporary files, backups, dumps) sit
// beside a draft under predictable names, so anyone who can write the
// folder can plant a symlink or a FIFO there first. They are therefore
// created exclusively (O_EXCL, O_NOFOLLOW) and read only when they are
// regular files, opened without following links or blocking.

// sideFileMode is the mode of recovery files, locks and dumps: they hold
// unsaved text or say who works on what, which is the owner's business.
const sideFileMode = 0o600

// FileKind names a non-regular file type for messages (命名管道（FIFO）,
// 设备文件 …).
func FileKind(m fs.FileMode) string { return fileKind(m) }

// fileKind names a non-regular file type for messages.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "符号链接"
	case m&fs.ModeNamedPipe != 0:
		return "命名管道（FIFO）"
	case m&fs.ModeSocket != 0:
		return "套接字"
	case m&fs.ModeDevice != 0:
		return "设备文件"
	case m.IsDir():
		return "目录"
	}
	return "特殊文件"
}

// notRegular is the error for a path that is not a regular file.
func notRegular(path string, m fs.FileMode) error {
	return &Error{File: path, Msg: "不是普通文件（" + fileKind(m) + "），出于安全不读取也不覆盖"}
}

// openSideFile opens an existing side file for reading. A symlink is
// refused rather than followed, and a FIFO does not block the open.
func openSideFile(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|oNoFollow|oNonBlock, 0)
	if err != nil {
		if errors.Is(err, syscall.ELOOP) {
			return nil, notRegular(path, fs.ModeSymlink)
		}
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, notRegular(path, st.Mode())
	}
	return f, nil
}

// readSideFile reads a side file opened by openSideFile, up to MaxFileSize.
func readSideFile(path string) ([]byte, fs.FileInfo, error) {
	f, err := openSideFile(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	data, err := ReadUpTo(f, st.Size(), MaxFileSize)
	if err != nil {
		return nil, nil, &Error{File: path, Msg: "无法读取文件：" + OSReason(err)}
	}
	if len(data) > MaxFileSize {
		return nil, nil, &Error{File: path, Msg: "文件过大"}
	}
	return data, st, nil
}

// createExclusive creates path, failing if anything (a file, a symlink, a
// FIFO) already has that name.
func createExclusive(path string, perm fs.FileMode) (*os.File, error) {
	return os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL|oNoFollow, perm)
}

// tempPrefix starts the names of the temporary files a save of base
// writes; the session id after it lets a later save tell a crashed
// session's leftovers from a save in progress.
func tempPrefix(base string) string { return "." + base + ".tmp-" }

// createTemp makes a new temporary file beside path, named after path and
// this session.
func createTemp(path string, perm fs.FileMode) (*os.File, error) {
	dir, base := filepath.Split(path)
	for range 100 {
		var rnd [6]byte
		if _, err := rand.Read(rnd[:]); err != nil {
			return nil, err
		}
		name := filepath.Join(dir, tempPrefix(base)+ThisSession().ID()+"-"+hex.EncodeToString(rnd[:]))
		f, err := createExclusive(name, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, fmt.Errorf("无法在 %s 创建临时文件", dir)
}

// writeSideFile replaces path with data atomically, with mode perm. The
// rename replaces whatever has the name, a planted symlink included,
// instead of writing through it.
func writeSideFile(path string, data []byte, perm fs.FileMode) error {
	if st, err := os.Lstat(path); err == nil && st.IsDir() {
		return &Error{File: path, Msg: "这是一个目录，不是文件"}
	}
	tmp, err := createTemp(path, perm)
	if err != nil {
		return fmt.Errorf("无法写入 %s：%s", path, OSReason(err))
	}
	name := tmp.Name()
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(name, path)
	}
	if err != nil {
		os.Remove(name)
		return fmt.Errorf("无法写入 %s：%s", path, OSReason(err))
	}
	return nil
}

// removeSideFile deletes a side file that is a regular file; a missing
// file is not an error, and something else at the name is left alone.
func removeSideFile(path string) error {
	st, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return notRegular(path, st.Mode())
	}
	err = os.Remove(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// sideFiles lists the side files of draftPath whose names are
// "."+base+"."+id+suffix, with the session id of each ("" for the legacy
// name "."+base+suffix, written before side files were per session).
func sideFiles(draftPath, suffix string) (map[string]string, error) {
	dir, base := filepath.Split(draftPath)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	out := map[string]string{}
	legacy := "." + base + suffix
	prefix := "." + base + "."
	for _, e := range entries {
		name := e.Name()
		switch {
		case name == legacy:
			out[filepath.Join(dir, name)] = ""
		case strings.HasPrefix(name, prefix) && strings.HasSuffix(name, suffix) && len(name) > len(prefix)+len(suffix):
			id := name[len(prefix) : len(name)-len(suffix)]
			if _, ok := parseSessionID(id); ok {
				out[filepath.Join(dir, name)] = id
			}
		}
	}
	return out, nil
}

// OpenRegular opens a file the user named (a draft, a template, a
// document; it may be a symlink) for reading, and refuses at once
// anything that is not a regular file: opening a FIFO for reading would
// otherwise wait for a writer forever, and a device never ends. Errors
// from opening are returned as they are, so errors.Is still works.
func OpenRegular(path string) (*os.File, fs.FileInfo, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|oNonBlock, 0)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !st.Mode().IsRegular() && !st.IsDir() {
		f.Close()
		return nil, nil, &Error{File: path, Msg: "不是普通文件（" + fileKind(st.Mode()) + "），无法读取"}
	}
	return f, st, nil
}

// ReadRegular reads a file opened by OpenRegular, up to MaxFileSize.
func ReadRegular(path string) ([]byte, error) {
	data, _, err := readRegular(path)
	return data, err
}

func readRegular(path string) ([]byte, fs.FileInfo, error) {
	f, st, err := OpenRegular(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	if st.IsDir() {
		return nil, nil, &Error{File: path, Msg: "这是一个目录，不是文件"}
	}
	data, err := ReadUpTo(f, st.Size(), MaxFileSize)
	if err != nil {
		return nil, nil, &Error{File: path, Msg: "无法读取文件：" + OSReason(err)}
	}
	if len(data) > MaxFileSize {
		return nil, nil, &Error{File: path, Msg: "文件过大"}
	}
	return data, st, nil
}
