package model

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

// WriteFileAtomic replaces path with data so that a crash at any moment
// leaves either the old file or the new one, never a truncated mix: the data
// goes to a temporary file in the same directory, is synced, and is renamed
// over the target. An existing file's permissions are kept.
func WriteFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	perm := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		if st.IsDir() {
			return &Error{File: path, Msg: "无法保存：这是一个目录"}
		}
		perm = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
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
	if err := tmp.Chmod(perm); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmpName)
		return fmt.Errorf("无法保存 %s：%s", path, OSReason(err))
	}
	if err := os.Rename(tmpName, path); err != nil {
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

// BackupFile copies path's bytes to path.bak (or .bak2, .bak3, … when an
// earlier backup exists, so none is ever overwritten) before a step that
// rewrites the draft, such as migration. It returns the backup's name.
func BackupFile(path string) (string, error) {
	data, err := readLimited(path)
	if err != nil {
		return "", err
	}
	bak := path + ".bak"
	for n := 2; ; n++ {
		if _, err := os.Lstat(bak); errors.Is(err, os.ErrNotExist) {
			break
		}
		bak = path + ".bak" + strconv.Itoa(n)
	}
	if err := WriteFileAtomic(bak, data); err != nil {
		return "", err
	}
	return bak, nil
}
