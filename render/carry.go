package render

import (
	"strings"

	"nianbao/exportdata"
	"nianbao/model"
)

// payload is the draft data the export carries out of sight (see package
// exportdata): what the page shows outside the sections is recorded as
// printed, and only sections the template prints are fingerprinted.
func payload(t *model.Template, d *document, r *model.Report, opts Options) ([]byte, error) {
	date := strings.TrimSpace(r.Date)
	if o := strings.TrimSpace(opts.Date); o != "" {
		date = o
	}
	p := exportdata.New(r, date, exportdata.Shown{Title: d.Title, Signature: d.Unit, Date: d.Date})
	if !opts.WithContact {
		// The contact (a name and a phone number) goes only into the copy
		// submitted upward, printed and carried alike; a copy that may be
		// published carries no personal data out of sight either.
		p.Draft.Contact = ""
	}
	if t != nil {
		p.Draft.UseTemplateOrder(t) // figures listed as the template orders them
		for id := range p.Digests {
			if t.Section(id) == nil {
				delete(p.Digests, id)
			}
		}
	}
	return p.Encode()
}
