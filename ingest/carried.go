package ingest

import (
	"archive/zip"
	"bytes"
	"io"

	"nianbao/exportdata"
)

// Reading the draft data nianbao's own exports carry (package exportdata).
// Each reader finds the payload where its format keeps it; reconcile.go
// then weighs it against the visible text.

// carry decodes a payload found in a document. raw nil with no error means
// the document carries none.
func (d *Document) carry(raw []byte, err error) {
	if err == nil && raw == nil {
		return
	}
	if err == nil {
		d.Carried, err = exportdata.Decode(raw)
	}
	if err != nil {
		d.Carried, d.CarriedErr = nil, err
	}
}

// maxCustomProps bounds docProps/custom.xml as read from the zip, whatever
// its header claims: the payload's own bound with room for XML escaping.
const maxCustomProps = 8 * exportdata.MaxSize

// docxCarried reads the payload from a .docx's custom document properties.
// readDocx has already validated the package, so a zip error here only
// means there is no payload to read.
func docxCarried(data []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, nil
	}
	for _, f := range zr.File {
		if f.Name != exportdata.DocxPartName {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, &exportdata.Error{Reason: "自定义属性无法解压：" + zipReason(err)}
		}
		defer rc.Close()
		raw, err := io.ReadAll(io.LimitReader(rc, maxCustomProps+1))
		if err != nil {
			return nil, &exportdata.Error{Reason: "自定义属性无法解压：" + zipReason(err)}
		}
		if len(raw) > maxCustomProps {
			return nil, &exportdata.Error{Reason: "自定义属性过大"}
		}
		return exportdata.FromDocxCustomXML(raw)
	}
	return nil, nil
}
