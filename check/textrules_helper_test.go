package check

// Text runs the prose and writing rules (placeholders, figures in prose,
// numbering, 一是/二是, years, typography) over free text at their default
// severities, for the tests that exercise the rules without a draft. Line
// numbers are relative to text, from 1. The report year is taken from the
// title line when there is one, and the part on next year's plans is found
// by its heading. The program checks documents through Document.
func Text(text string) []Finding {
	c := getCollector(nil)
	defer putCollector(c)
	c.docMode = true
	c.scanDocument(text, nil, nil)
	return c.finish(true)
}
