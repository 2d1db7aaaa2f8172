package model

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// WriteFileAtomic replaces path with data so that a crash at any moment
// leaves either the old file or the new one, never a truncated mix: the data
// goes to a temporary file in the same directory, is synced, and is renamed
// over the target. An existing file's permissions are kept; a new file gets
// the mode the umask allows, as any other program's would. A symlink at
// path is replaced, never written through: an output name someone planted
// a link at must not lead the write elsewhere.
func WriteFileAtomic(path string, data []byte) error {
	return writeAtomic(path, path, data)
}

// saveThroughLink is WriteFileAtomic for the drafter's own draft: a
// symlink is saved through to the file it points to, as vim does, so the
// link stays a link and the edits reach the real file.
func saveThroughLink(path string, data []byte) error {
	target, err := resolveTarget(path)
	if err != nil {
		return err
	}
	return writeAtomic(path, target, data)
}

// writeAtomic replaces target; path is the name the drafter gave, for
// messages.
func writeAtomic(path, target string, data []byte) error {
	dir := filepath.Dir(target)
	var perm fs.FileMode
	st, err := os.Lstat(target)
	switch {
	case err == nil && st.Mode()&fs.ModeSymlink != 0:
		// Replaced by the rename below; its target's mode is not ours.
	case err == nil && st.IsDir():
		return &Error{File: path, Msg: "无法保存：这是一个目录"}
	case err == nil && !st.Mode().IsRegular():
		return &Error{File: path, Msg: "无法保存：不是普通文件（" + fileKind(st.Mode()) + "）"}
	case err == nil:
		perm = st.Mode().Perm()
	}
	cleanTemps(dir, filepath.Base(target))
	// An existing file's mode from the start, so a 0600 draft's text is
	// never in a more open file, not even for the moment of a save; 0666
	// lets the kernel apply the umask to a new file. The exact mode is set
	// below (the umask may have narrowed it).
	create := fs.FileMode(0o666)
	if perm != 0 {
		create = perm
	}
	tmp, err := createTemp(target, create)
	if err != nil {
		return fmt.Errorf("无法保存 %s：%s", path, OSReason(err))
	}
	tmpName := tmp.Name()
	fail := func(err error) error {
		tmp.Close()
		os.Remove(tmpName)
		return fmt.Errorf("无法保存 %s：%s", path, OSReason(err))
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if perm != 0 {
		if err := tmp.Chmod(perm); err != nil {
			return fail(err)
		}
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmpName)
		return fmt.Errorf("无法保存 %s：%s", path, OSReason(err))
	}
	if err := os.Rename(tmpName, target); err != nil {
		os.Remove(tmpName)
		return fmt.Errorf("无法保存 %s：%s", path, OSReason(err))
	}
	// Sync the directory so the rename itself survives a power cut.
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// resolveTarget follows path to the file a save must replace: path itself,
// or the end of its symlink chain. A link to nowhere is refused rather
// than silently turned into a regular file.
func resolveTarget(path string) (string, error) {
	st, err := os.Lstat(path)
	if err != nil || st.Mode()&fs.ModeSymlink == 0 {
		return path, nil
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "", &Error{File: path, Msg: "无法保存：这是一个符号链接，它指向的文件不存在或无法访问（" + OSReason(err) + "）"}
	}
	return target, nil
}

// staleTempAge is how old a temporary file without a session id (written
// by an older version) must be before a save removes it: no save takes
// that long, so it was left by a crash.
const staleTempAge = time.Hour

// cleanTemps removes the temporary files that saves and autosaves of base
// left in dir when their editor was killed: each can be as large as the
// draft. A file of a running editor is left alone: it may be mid-save.
func cleanTemps(dir, base string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	me := ThisSession().ID()
	for _, e := range entries {
		name := e.Name()
		i := strings.LastIndex(name, ".tmp-")
		if i < 0 || !strings.HasPrefix(name, ".") || !strings.Contains(name[:i], base) {
			continue
		}
		tail := name[i+len(".tmp-"):]
		p := filepath.Join(dir, name)
		if j := strings.LastIndexByte(tail, '-'); j > 0 {
			if s, ok := parseSessionID(tail[:j]); ok {
				if tail[:j] != me && !s.Alive() {
					_ = removeSideFile(p)
				}
				continue
			}
		}
		if _, err := strconv.ParseUint(tail, 10, 64); err == nil && name == tempPrefix(base)+tail {
			if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleTempAge {
				_ = removeSideFile(p)
			}
		}
	}
}

// BackupFile copies path's bytes to path.bak (or .bak2, .bak3, … when an
// earlier backup exists, so none is ever overwritten) before a step that
// rewrites the draft, such as migration or restoring an older recovery
// file. The backup is created exclusively, never through a planted
// symlink, with the draft's own mode. It returns the backup's name.
func BackupFile(path string) (string, error) {
	data, st, err := readRegular(path)
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			return "", err
		}
		return "", &Error{File: path, Msg: "无法读取文件：" + OSReason(err)}
	}
	perm := st.Mode().Perm()
	bak := path + ".bak"
	for n := 2; ; n++ {
		f, err := createExclusive(bak, perm)
		if errors.Is(err, fs.ErrExist) {
			bak = path + ".bak" + strconv.Itoa(n)
			continue
		}
		if err != nil {
			return "", fmt.Errorf("无法备份到 %s：%s", bak, OSReason(err))
		}
		_, err = f.Write(data)
		if err == nil {
			err = f.Chmod(perm) // the umask may have narrowed it
		}
		if err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(bak)
			return "", fmt.Errorf("无法备份到 %s：%s", bak, OSReason(err))
		}
		return bak, nil
	}
}

// utf8BOM is the byte-order mark Windows editors (Notepad, WPS) put first.
const utf8BOM = "\ufeff"

// keepEncoding gives newly encoded bytes the BOM and CRLF line ends of the
// file they replace, so a draft edited on Windows does not change on every
// line at its first save. The YAML encoder writes neither.
func keepEncoding(orig, out []byte) []byte {
	if len(orig) == 0 {
		return out
	}
	o := string(orig)
	s := string(out)
	// CRLF when most line ends were: a file mixing both is kept as most of it was.
	if crlf := strings.Count(o, "\r\n"); crlf > 0 && crlf*2 > strings.Count(o, "\n") {
		s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\n", "\r\n")
	}
	if strings.HasPrefix(o, utf8BOM) && !strings.HasPrefix(s, utf8BOM) {
		s = utf8BOM + s
	}
	return []byte(s)
}
