package devnet

import (
	"bytes"
	"context"
	"fmt"
	"math/big"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/sdk/contract"
)

// lines is an io.Writer tests read the activity lines from.
type lines struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *lines) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *lines) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// waitLine waits until a line matches re and returns it.
func (l *lines) waitLine(ctx context.Context, t *testing.T, re *regexp.Regexp) string {
	t.Helper()
	for {
		for _, line := range strings.Split(l.String(), "\n") {
			if re.MatchString(line) {
				return line
			}
		}
		select {
		case <-ctx.Done():
			t.Fatalf("no activity line matches %s; the lines:\n%s", re, l.String())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// Without -v the devnet shows what the chain decided: a line per task when
// it ends (id, kind, contract, worker, status, gas, ms) and per epoch. The
// watcher stops with the devnet.
func TestActivityLines(t *testing.T) {
	code := calculator(t)
	var out lines
	cfg := TestConfig()
	cfg.EpochSize = 100 // the tasks' records land in the epoch they name
	cfg = asked(cfg)
	cfg.Activity = &out
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	d, err := Start(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	out.waitLine(ctx, t, regexp.MustCompile(`^epoch 1  first block [0-9,]+  `+fmt.Sprint(len(d.Workers()))+` workers selected, [0-9,]+ ENG staked$`))

	u := newUser(t, d, 0)
	dep := u.task(ctx, api.Hash{}, code, "construct()", []byte{}, 20_000_000, api.EthAddress{})
	if st, _, _ := u.wait(ctx, dep); st != api.StatusSuccess {
		t.Fatalf("deploy: %s", st)
	}
	id := fmt.Sprintf("0x%x…", dep.id[:4])
	line := out.waitLine(ctx, t, regexp.MustCompile(`^task `+regexp.QuoteMeta(id)+` deploy  contract `+regexp.QuoteMeta(id)+` worker \d  verified +gas [0-9,]+ \([0-9.,]+ ENG\)  [0-9,]+ ms$`))
	t.Log(line)

	args, _ := contract.EncodeArgs("(uint256,uint256)", big.NewInt(76), big.NewInt(17))
	sel, _ := u.selected(ctx, dep.id)
	var other api.EthAddress
	for _, w := range d.Workers() {
		if w != sel {
			other = w
		}
	}
	bad := u.task(ctx, dep.id, nil, "sub(uint256,uint256)", args, 2_000_000, other)
	if st, _, _ := u.wait(ctx, bad); st != api.StatusFailed {
		t.Fatalf("task sent to a worker that was not selected: %s, want FAILED", st)
	}
	line = out.waitLine(ctx, t, regexp.MustCompile(`^task `+regexp.QuoteMeta(fmt.Sprintf("0x%x…", bad.id[:4]))+` compute contract `+regexp.QuoteMeta(id)+` worker \d  failed +gas [0-9,]+ .* ms$`))
	t.Log(line)

	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 1<<20)
	if stacks := string(buf[:runtime.Stack(buf, true)]); strings.Contains(stacks, "(*activity).run") {
		t.Fatalf("the activity watcher outlived Close:\n%s", stacks)
	}
}

// The watcher remembers at most maxTrackedTasks records, oldest forgotten
// first, so a devnet whose tasks never end keeps bounded memory.
func TestTaskTrackerBounded(t *testing.T) {
	tr := newTaskTracker(3)
	id := func(i int) [32]byte { return [32]byte{byte(i), byte(i >> 8)} }
	for i := range 1000 {
		tr.add(id(i), taskStart{gasPx: uint64(i)})
		if i%2 == 0 {
			tr.take(id(i))
		}
		if tr.len() > 3 || len(tr.order) > 2*3+1 {
			t.Fatalf("after %d records: %d remembered, order queue %d", i+1, tr.len(), len(tr.order))
		}
	}
	if _, ok := tr.take(id(1)); ok {
		t.Fatal("the oldest record was not forgotten")
	}
	if s, ok := tr.take(id(999)); !ok || s.gasPx != 999 {
		t.Fatalf("the newest record: %+v %v", s, ok)
	}
}

func TestActivityFormatting(t *testing.T) {
	for in, want := range map[string]string{"0": "0", "999": "999", "1000": "1,000", "1234567": "1,234,567", "-1000": "-1,000"} {
		if got := group(in); got != want {
			t.Errorf("group(%s) = %s, want %s", in, got, want)
		}
	}
	for in, want := range map[int64]string{0: "0", 100_000_000: "1", 72_153: "0.00072153", 150_000_000: "1.5", 100_000_000_000_000: "1,000,000"} {
		if got := eng(big.NewInt(in)); got != want {
			t.Errorf("eng(%d) = %s, want %s", in, got, want)
		}
	}
}
