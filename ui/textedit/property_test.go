package textedit

import (
	"math/rand"
	"slices"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// The property tests drive the widget with random operations and compare it
// with two references: a plain []rune model of the text (Value must equal
// it after every step) and an editor built from scratch with the same text,
// cursor and scroll (the cached layout and row index must equal the fresh
// ones, see checkFresh).

var alphabet = []rune("依法行政建设政府治理，。、；：？！“”‘’（）《》…—%0123456789abcXYZ -.\t")

var commits = []string{"法治", "行政复议", "2024年", "《条例》", "纠错率8.69%", "……", "\n", "a\r\nb", "x\x07y"}

var pastes = []string{
	"第一段。\n第二段，很长很长很长很长很长很长很长很长很长很长的一段。\r\n\r\n第四段",
	"\t缩进\t文本",
	"",
	"\x1b[31m\x00控制字符",
	"英文 words and 数字 12345678901234567890 mixed",
}

var moveKeys = []string{
	"left", "right", "up", "down", "home", "end", "ctrl+left", "ctrl+right",
	"pgup", "pgdown", "ctrl+home", "ctrl+end",
	"shift+left", "shift+right", "shift+up", "shift+down", "shift+home", "shift+end",
	"ctrl+shift+left", "ctrl+shift+right", "ctrl+shift+home", "ctrl+shift+end",
}

// refModel is the reference text and clipboard.
type refModel struct {
	text []rune
	clip []rune
}

// numOps is how many kinds of operation runOp knows.
const numOps = 14

// runOp applies operation code (with argument arg) to m and to ref, then
// checks that the widget agrees with the reference and with a fresh render.
func runOp(tb testing.TB, m Model, ref *refModel, code, arg int) Model {
	tb.Helper()
	s := m.s
	cur := offset(m, s.cur)
	lo, hi, sel := cur, cur, s.hasSel()
	if sel {
		a, b := s.selRange()
		lo, hi = offset(m, a), offset(m, b)
	}
	replaceRef := func(from, to int, ins []rune) {
		ref.text = slices.Concat(ref.text[:from], ins, ref.text[to:])
	}
	insert := func(ins []rune) {
		if ins = normalize(ins); len(ins) > 0 {
			replaceRef(lo, hi, ins)
		}
	}
	deleteOr := func(from, to int) {
		if sel {
			replaceRef(lo, hi, nil)
		} else if from < to {
			replaceRef(from, to, nil)
		}
	}
	var msg tea.Msg
	switch code % numOps {
	case 0, 1, 2:
		r := alphabet[arg%len(alphabet)]
		msg = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}
		if r == ' ' {
			msg = tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{r}}
		}
		insert([]rune{r})
	case 3:
		c := []rune(commits[arg%len(commits)])
		msg = tea.KeyMsg{Type: tea.KeyRunes, Runes: c}
		insert(c)
	case 4:
		p := []rune(pastes[arg%len(pastes)])
		msg = tea.KeyMsg{Type: tea.KeyRunes, Runes: p, Paste: true}
		insert(p)
	case 5:
		msg = keyMsg("enter")
		insert([]rune{'\n'})
	case 6:
		msg = keyMsg("backspace")
		deleteOr(max(cur-1, 0), cur)
	case 7:
		msg = keyMsg("delete")
		deleteOr(cur, min(cur+1, len(ref.text)))
	case 8:
		msg = keyMsg("ctrl+w")
		deleteOr(offset(m, s.wordLeft(s.cur)), cur)
	case 9, 10:
		msg = keyMsg(moveKeys[arg%len(moveKeys)])
	case 11:
		switch arg % 4 {
		case 0:
			msg = keyMsg("ctrl+a")
		case 1:
			msg = keyMsg("ctrl+c")
			if sel {
				ref.clip = slices.Clone(ref.text[lo:hi])
			}
		case 2:
			msg = keyMsg("ctrl+x")
			if sel {
				ref.clip = slices.Clone(ref.text[lo:hi])
				replaceRef(lo, hi, nil)
			}
		case 3:
			msg = keyMsg("ctrl+v")
			insert(ref.clip)
		}
	case 12:
		m.SetSize(arg%37-2, arg%9-1)
	case 13:
		msg = tea.MouseMsg{X: arg % 23, Y: arg % 7, Button: tea.MouseButtonLeft,
			Action: tea.MouseAction(arg % 2), Shift: arg%5 == 0}
		if arg%11 == 0 {
			msg = tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress}
		}
	}
	if msg != nil {
		m, _ = m.Update(msg)
	}
	if got := m.Value(); got != string(ref.text) {
		tb.Fatalf("op %d/%d: Value %q, reference %q", code%numOps, arg, got, string(ref.text))
	}
	checkScreen(tb, m)
	checkFresh(tb, m)
	return m
}

func TestPropertyCachedLayoutMatchesFreshRender(t *testing.T) {
	iterations := 1500
	if testing.Short() {
		iterations = 300
	}
	for seed := int64(1); seed <= 12; seed++ {
		rng := rand.New(rand.NewSource(seed))
		start := pastes[int(seed)%len(pastes)]
		m := newEditor(rng.Intn(30)+1, rng.Intn(8)+1, start)
		ref := &refModel{text: normalize([]rune(start))}
		for i := 0; i < iterations; i++ {
			m = runOp(t, m, ref, rng.Intn(numOps), rng.Intn(1000))
			if t.Failed() {
				t.Fatalf("seed %d step %d: %s", seed, i, dump(m))
			}
		}
	}
}

func TestPropertyUndoRedoRoundTrip(t *testing.T) {
	for seed := int64(1); seed <= 8; seed++ {
		rng := rand.New(rand.NewSource(seed))
		start := "依法行政，建设法治政府。\n第二段"
		m := newEditor(rng.Intn(20)+4, 5, start)
		ref := &refModel{text: []rune(start)}
		for i := 0; i < 400; i++ {
			m = runOp(t, m, ref, rng.Intn(numOps), rng.Intn(1000))
			if rng.Intn(10) == 0 {
				// Undo then redo must come back to exactly the same text.
				before := m.Value()
				m = press(m, "ctrl+z")
				checkFresh(t, m)
				m = press(m, "ctrl+y")
				if m.Value() != before {
					t.Fatalf("seed %d step %d: undo+redo gave %q, want %q", seed, i, m.Value(), before)
				}
				checkFresh(t, m)
			}
		}
		final := m.Value()
		for m.s.undo() {
		}
		if m.Value() != start {
			t.Fatalf("seed %d: undoing everything gave %q, want %q", seed, m.Value(), start)
		}
		checkFresh(t, m)
		for m.s.redo() {
		}
		if m.Value() != final {
			t.Fatalf("seed %d: redoing everything gave %q, want %q", seed, m.Value(), final)
		}
		checkFresh(t, m)
	}
}

// FuzzEdit turns bytes into edit sequences: each pair of bytes is an
// operation and its argument. Invariants are those of runOp: no panic, the
// screen has the right shape, Value equals the reference, and the cache
// equals a fresh render.
func FuzzEdit(f *testing.F) {
	f.Add([]byte{0, 1, 5, 0, 3, 2, 9, 3, 6, 0, 12, 40})
	f.Add([]byte{4, 0, 11, 0, 11, 2, 11, 3, 12, 3, 10, 14})
	f.Add([]byte("依法行政，建设法治政府"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 400 {
			data = data[:400]
		}
		m := newEditor(int(len(data)%25)+1, 4, "一二三\nabc")
		ref := &refModel{text: []rune("一二三\nabc")}
		for i := 0; i+1 < len(data); i += 2 {
			m = runOp(t, m, ref, int(data[i]), int(data[i+1])*7)
		}
	})
}
