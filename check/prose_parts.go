package check

import (
	"slices"
	"strings"

	"nianbao/internal/zhtext"
)

// numeratorChoice is one reading of a rate's numerator when its stems
// name more than one count of the sentence: pool without the other counts
// they name, and the numerator's index in it.
type numeratorChoice struct {
	pool []proseCount
	num  int
	// partsOverBase marks the closest count alone standing in for the
	// parts of a numerator whose sum no count reaches.
	partsOverBase bool
}

// numeratorParts gives the readings of a numerator whose stems also name
// other counts on its side of the rate, the one a message uses first:
//   - the parts of one numerator, listed clause by clause ("主要负责人出庭
//     应诉5件，其他负责人出庭15件，出庭应诉率100%", "人民调解成功380件，行政
//     调解成功45件"): their sum;
//   - a part after 其中 of a count named before it ("办结294件，其中网上办结
//     180件，办结率98%"): the whole;
//   - the one count the rate's own words tell from the others ("人民调解
//     成功率" is that of 人民调解成功380件, not of 行政调解成功45件 beside it),
//     or else the closest count, as numeratorFor found it.
//
// Each other count alone is tried as well. For a message, the part the
// rate's words name comes first, then the whole, then the
// sum when some count of the sentence or the sentence before (prev, read
// only when needed) is
// large enough to be its base: a sum is a guess, never the part a message
// says exceeds its whole. In every reading the other counts the stems
// name are left out of the pool: a part of the numerator is never its base
// ("5件 ÷ 15件"). ok is false when the stems name no other count.
func numeratorParts(line, word string, pool []proseCount, prev func() []proseCount, num int, stems []string, ratePos, stop int) ([]numeratorChoice, bool) {
	if num < 0 {
		return nil, false
	}
	n := pool[num]
	before := n.Start < ratePos
	var family []int // the counts the stems name, num among them, in order
	for k, d := range pool {
		switch {
		case k == num:
		case !d.exact() || d.parts != "" || !zhtext.SameCountUnit(d.Unit, n.Unit):
			continue
		case (d.Start < ratePos) != before || !before && d.Start >= stop:
			continue
		case !namesAnyAffirmed(d.label, stems):
			continue
		}
		family = append(family, k)
	}
	if len(family) < 2 {
		return nil, false
	}
	// A 其中 between two of them makes the later ones parts of the one
	// before it: the family splits into runs there.
	at := slices.Index(family, num)
	lo, hi := 0, len(family)
	for i := 1; i < len(family); i++ {
		if strings.Contains(line[pool[family[i-1]].End:pool[family[i]].QualStart], "其中") {
			if i <= at {
				lo = i
			} else if hi == len(family) {
				hi = i
			}
		}
	}
	run := family[lo:hi]
	sum := 0.0
	var written []string
	for _, k := range run {
		sum += pool[k].Value
		written = append(written, pool[k].written())
	}
	var choices []numeratorChoice
	if named := namedPart(word, stems, pool, family); named >= 0 {
		choices = append(choices, focusNumerator(pool, family, named, nil))
	}
	if lo > 0 && pool[family[lo-1]].Value >= sum {
		choices = append(choices, focusNumerator(pool, family, family[lo-1], nil))
	}
	if len(run) > 1 {
		whole := n
		whole.Value = sum
		whole.parts = strings.Join(written, "+")
		ch := focusNumerator(pool, family, num, &whole)
		if baseAtLeast(ch.pool, ch.num) || baseAtLeast(append(slices.Clip(prev()), ch.pool...), ch.num+len(prev())) {
			choices = append(choices, ch)
		}
	}
	closest := focusNumerator(pool, family, num, nil)
	closest.partsOverBase = len(run) > 1 && len(choices) == 0
	choices = append(choices, closest)
	// Each other count alone may still be the one meant ("受理人民调解400件，
	// 人民调解成功380件，行政调解成功45件，调解成功率95%"): tried, never named.
	for _, k := range family {
		if k != num {
			choices = append(choices, focusNumerator(pool, family, k, nil))
		}
	}
	return choices, true
}

// namedPart is the one count of the family whose words hold those of the
// rate before its stem, where the others' do not: "人民调解成功率" names
// 人民调解成功380件 and not 行政调解成功45件, "主要负责人出庭应诉率" names
// 主要负责人出庭5件 and not 其他负责人出庭15件. -1 when the rate's words tell
// none from the others (负责人出庭应诉率, 调解成功率).
func namedPart(word string, stems []string, pool []proseCount, family []int) int {
	q := strings.TrimSuffix(word, stems[0])
	if q == word {
		q = strings.TrimSuffix(word, lastRunes(word, 4)) // a partStems ending
	}
	rs := []rune(q)
	for k := 2; k <= min(4, len(rs)); k++ {
		words, found, matches := string(rs[len(rs)-k:]), -1, 0
		for _, i := range family {
			if strings.Contains(pool[i].label, words) {
				found, matches = i, matches+1
			}
		}
		switch matches {
		case 0:
			return -1 // longer words are in no label either
		case 1:
			return found
		}
	}
	return -1
}

// baseAtLeast: pool holds a count of the numerator's unit, other than it,
// at least as large: a base it may be over.
func baseAtLeast(pool []proseCount, num int) bool {
	n := pool[num]
	for k, d := range pool {
		if k != num && d.exact() && zhtext.SameCountUnit(d.Unit, n.Unit) && d.Value >= n.Value {
			return true
		}
	}
	return false
}

// namesAnyAffirmed: label names one of stems other than as its negation.
func namesAnyAffirmed(label string, stems []string) bool {
	for _, s := range stems {
		if namesAffirmed(label, s) {
			return true
		}
	}
	return false
}

// focusNumerator is pool without the family's counts other than keep,
// which is replaced by as when that is set.
func focusNumerator(pool []proseCount, family []int, keep int, as *proseCount) numeratorChoice {
	ch := numeratorChoice{pool: make([]proseCount, 0, len(pool)-len(family)+1)}
	for k, d := range pool {
		if k == keep {
			if as != nil {
				d = *as
			}
			ch.num = len(ch.pool)
		} else if slices.Contains(family, k) {
			continue
		}
		ch.pool = append(ch.pool, d)
	}
	return ch
}

// explains says whether a base of the choice's numerator, in the rate's
// own sentence or with the sentence before's counts (prev), gives the
// stated rate.
func (ch numeratorChoice) explains(prev []proseCount, stated zhtext.Number) bool {
	pools := [][]proseCount{ch.pool}
	if len(prev) > 0 {
		pools = append(pools, append(slices.Clip(prev), ch.pool...))
	}
	for _, p := range pools {
		tries, _ := basesFor(p, ch.num+len(p)-len(ch.pool))
		for _, t := range tries {
			if rateConsistent(stated.Value, t.rate, stated.Decimals, 0.1, stated.Qualifier) {
				return true
			}
		}
	}
	return false
}
