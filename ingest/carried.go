package ingest

import "nianbao/exportdata"

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

// carried reads the payload from the .docx's custom document properties.
// readDocx has already validated the package, so only this entry's own
// errors are reported.
func (dr *docxReader) carried() ([]byte, error) {
	f := dr.files[exportdata.DocxPartName]
	if f == nil {
		return nil, nil
	}
	if raw, ok := dr.inflated(f, maxCustomProps); ok {
		return exportdata.FromDocxCustomXML(raw)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, &exportdata.Error{Reason: "自定义属性无法解压：" + zipReason(err)}
	}
	defer rc.Close()
	raw, err := readAllSized(rc, maxCustomProps, sizeHint(f))
	if err != nil {
		return nil, &exportdata.Error{Reason: "自定义属性无法解压：" + zipReason(err)}
	}
	if len(raw) > maxCustomProps {
		return nil, &exportdata.Error{Reason: "自定义属性过大"}
	}
	return exportdata.FromDocxCustomXML(raw)
}
