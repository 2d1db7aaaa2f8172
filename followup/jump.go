package followup

import (
	"math"

	"nianbao/model"
)

// Jump is a count or amount that changed by a factor of three or more since
// last year: often a digit typed twice or dropped.
type Jump struct {
	Figure    string
	Prev, Cur model.Number
	Factor    float64 // cur ÷ prev
}

// jumpFactor and jumpFloor: ×3 either way, and only where the larger value
// is at least ten — 1 case last year and 4 this year is ordinary.
const (
	jumpFactor = 3
	jumpFloor  = 10
)

// Jumps lists the counts and amounts that jumped. Rates are left out: a
// rate of 2% becoming 6% is a real change, not a typing error.
func Jumps(figs []FigureInfo, cur, prev map[string]model.Number) []Jump {
	var out []Jump
	for _, f := range figs {
		if f.Percent {
			continue
		}
		c, ok1 := cur[f.ID]
		p, ok2 := prev[f.ID]
		if !ok1 || !ok2 || c.Value <= 0 || p.Value <= 0 || math.Max(c.Value, p.Value) < jumpFloor {
			continue
		}
		if r := c.Value / p.Value; r >= jumpFactor || r <= 1.0/jumpFactor {
			out = append(out, Jump{Figure: f.ID, Prev: p, Cur: c, Factor: r})
		}
	}
	return out
}
