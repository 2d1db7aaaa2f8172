package ingest

import (
	"strings"

	"nianbao/internal/xmlscan"
)

// Footnotes and endnotes are printed text that Word keeps outside
// word/document.xml (word/footnotes.xml, word/endnotes.xml). A reader sees
// them on the page, an office posts them, and import must not drop them:
// each is read into its paragraph where its reference mark stands, as
// "（注：…）", so the draft keeps it in its part and every rule, the publish
// scan included, reads it on the line it belongs to.

// noteParts are the parts notes live in, with the element of one note and
// of its reference mark in the document.
var noteParts = []struct{ part, note, ref string }{
	{"word/footnotes.xml", "footnote", "footnoteReference"},
	{"word/endnotes.xml", "endnote", "endnoteReference"},
}

// notes reads the file's footnotes and endnotes, keyed by noteKey.
func (dr *docxReader) notes() (map[string]string, error) {
	var out map[string]string
	for _, np := range noteParts {
		if dr.files[np.part] == nil {
			continue
		}
		raw, err := dr.part(np.part)
		if err != nil {
			return nil, err
		}
		part, err := parseNotes(dr.name, np.part, np.note, raw)
		if err != nil {
			return nil, err
		}
		if out == nil {
			out = map[string]string{}
		}
		for k, v := range part {
			out[k] = v
		}
	}
	return out, nil
}

// noteKey names a note by its element and id: a footnote and an endnote
// may share an id.
func noteKey(element, id string) string { return element + ":" + id }

// parseNotes reads the text of every real note in one part; the
// separators Word keeps there (w:type="separator" and the like) are no
// text. A note's paragraphs are joined with a space.
func parseNotes(name, part, element string, data []byte) (map[string]string, error) {
	out := map[string]string{}
	var paras []string
	var pc paraCollector
	id, inNote := "", false
	var alt altContent
	err := xmlTokens(name, part, data, func(t *xmlscan.Token, depth int) error {
		if alt.skip(t, depth) || t.Name.Local != element && !inNote {
			return nil
		}
		switch {
		case t.Kind == xmlscan.Start && t.Name.Local == element:
			typ := t.AttrValue("type")
			inNote = typ == "" || typ == "normal"
			id, paras = t.AttrValue("id"), paras[:0]
			pc.reset()
		case t.Kind == xmlscan.End && t.Name.Local == element:
			if inNote && len(paras) > 0 {
				out[noteKey(element, id)] = strings.Join(paras, " ")
			}
			inNote = false
		default:
			if s := pc.token(t); s != "" {
				paras = append(paras, s)
			}
		}
		return nil
	}, func() {
		clear(out)
		paras, id, inNote = nil, "", false
		pc.reset()
		alt.reset()
	})
	return out, err
}

// takeNote is the text a note reference puts into its paragraph, "" when
// t is no reference or its note has no text. A note is taken once, at its
// first reference (taken records which): Word gives every mark a note of
// its own, and a crafted file repeating one large note's mark must not
// multiply its text.
func takeNote(t *xmlscan.Token, notes map[string]string, taken map[string]bool) string {
	if len(notes) == 0 {
		return ""
	}
	for _, np := range noteParts {
		if t.Name.Local == np.ref {
			key := noteKey(np.note, t.AttrValue("id"))
			if text := notes[key]; text != "" && !taken[key] {
				taken[key] = true
				return "（注：" + text + "）"
			}
		}
	}
	return ""
}
