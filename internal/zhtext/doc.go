// Package zhtext holds the rules of Chinese report prose that every part of
// nianbao must apply the same way: the checker reads rates and counts with
// them, the importer extracts figures with them, the editor wraps rows with
// them. When two packages need to agree on “is this a count?” or “where does
// this sentence end?”, the answer lives here and nowhere else.
//
// The package is pure (no I/O, and no state but the Scanned work meter the
// linear-time tests read) and cheap: every predicate is a
// switch or a short table lookup, because callers run them on each character
// of a report and the check must stay above 5,000 drafts a second.
//
// # Characters
//
//   - IsHan: a Chinese ideograph (CJK unified, extension A–F, compatibility);
//     CountHan counts them, the length of a sentence in meaningful words.
//   - IsDigit, DigitValue, FoldDigits: ASCII and full-width digits (０–９);
//     FoldDigits also folds the full-width decimal point and per-cent sign,
//     so “９８．５％” reads as “98.5%”.
//   - IsSpace: every blank a drafter, a word processor or a web page leaves
//     between words — ASCII space and tab, the no-break space (U+00A0), the
//     en/em/thin spaces (U+2000–U+200A), U+202F, U+205F and the ideographic
//     space (U+3000). IsInvisible covers the zero-width characters (U+200B to
//     U+200D, U+2060, U+FEFF) that take no cell but break word matching.
//     IsBlank is either; TrimBlank trims it and IsLineEnd (\n \r \v \f).
//     Line ends are not blanks: text is handled a line (paragraph) at a time.
//
// # Sentences and clauses
//
// IsSentenceEnd is the one set of characters that end a sentence (。！？ and
// their ASCII forms ! ?; the ASCII full stop is a decimal point in these
// reports and never ends a sentence). IsSemicolon marks the clause breaks
// that often stand where a sentence end would (“受理120件；办结118件”);
// whether they end a sentence is the caller's choice — figure extraction
// treats them as ends, rate checking does not, because counts and their rate
// often sit on both sides of one. IsClauseBreak adds the comma, the
// enumeration comma and the colon: the breaks between the label of a count
// and the count before it; ClauseStart finds where the clause before an
// offset begins, which is where a count's label (“调解成功”1913件) starts.
// SentenceBounds finds the sentence around a byte offset.
//
// # Units and numbers
//
// CountUnits lists the units of a count (件, 人次, 场次 …), longest first so
// 人次 wins over 人; UnitAt matches one at the start of a string, including
// “%” and the money units, and refuses durations (“55个月”). UnitWordAt says
// when a unit character is only the first character of an ordinary word
// (人民, 项目, 条件), so “县 人民政府” is not a blank figure; UnitEndsWord says
// when it is the last one (案件, 事项, 多次), so “审结案件，” is not one either.
//
// ScanNumber reads the number at a byte offset the way reports write it:
// ASCII or full-width digits, thousands separators (“1,200”), a decimal
// part, 万 or 亿, the vague 余/多 (“300余件”, “1.5万余人次”), a unit, and a
// qualifier on either side — 约/近/超过/不足/逾 before, 以上/以下/左右
// after. NextNumber walks the numbers of a string one at a time without
// allocating. DecimalsOf and Step say how precise a number's Text is
// (“12.5” → one decimal, a step of 0.1). A Qualifier says how the
// stated number bounds the true one (Exact, Over, Under, About), which is
// what lets a checker accept “办结率达95%以上” for 99.2% and still reject it
// for 80%. Ordinals (“第3次”) are marked so they are never taken for counts.
// Offsets are byte offsets into the string given, full-width digits
// included, so a caller can cut the original text around a number; Text
// is always plain ASCII digits (“１，２００” never occurs, “1,200” reads as
// "1200").
//
// A typical use, reading the counts of a sentence with their labels:
//
//	for n, ok := zhtext.NextNumber(s, 0); ok; n, ok = zhtext.NextNumber(s, n.End) {
//		if zhtext.CountUnitAt(n.Unit) == "" || n.Qualifier != zhtext.Exact || n.Ordinal {
//			continue // not an exact count: a rate, an amount, a year, “300余件”
//		}
//		label := s[zhtext.ClauseStart(s, n.QualStart):n.QualStart]
//		use(label, n.Value, n.Unit)
//	}
//
// # Heading numbers
//
// ParseHeading reads the number a heading opens with (一、 （一） 1. （1）,
// 第一部分 and the decimal subheading 1.2) and its level. The importer
// finds a report's outline with it and the check reads the numbering of
// headings with it, so prose that merely opens like a heading ("一、二季度，
// …", "第一部分执法人员…", "6.1儿童节期间，…", "1.5万人次…") is body text
// to both. GroupingCommaAt is the one rule of a thousands separator.
//
// # Line breaking
//
// NoBreakBefore and NoBreakAfter are the Chinese line-breaking sets (行首禁则
// and 行尾禁则): closing punctuation, stops, the ellipsis and the dash never
// start a row; opening brackets and quotes never end one. Both the preview
// wrapper and the text editor use them, so a paragraph breaks the same way
// in both.
package zhtext
