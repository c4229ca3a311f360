package worker_test

import (
	"context"
	"crypto/rand"
	"testing"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
)

// Keys a worker handed out survive its crash: a client got a compat task
// key and the epoch's v2 key, the worker was killed before the tasks
// arrived, and the restarted worker (a new enclave from the seal key file
// and its sealed blob, the store's crash image) restores the keys it had
// stored before handing them out, so both tasks end verified with their
// outputs. Before, the keys lived in the enclave's memory only and both
// tasks ended with a failure receipt (the worker could not read their
// inputs).
func TestIssuedKeysSurviveACrash(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	n := startNetworkOpts(t, ctx, 2, netOptions{crashable: true})
	user, _ := compat.GenerateKey(rand.Reader)
	sc := n.deploy(ctx, user).contract
	store := n.newTask(ctx, user, sc, nil, "store", []byte("k"), 1_000_000)
	if err := n.submit(ctx, store); err != nil {
		t.Fatal(err)
	}
	if r, _, _ := n.wait(ctx, store); r.Status != api.StatusSuccess {
		t.Fatalf("store before the crash: %s", r.Status)
	}
	_, i := n.workerOf(n.selected(ctx, sc))

	get := n.newTask(ctx, user, sc, nil, "get", nil, 1_000_000) // the compat key is issued here
	v2, rk, v2ctx := n.v2Task(ctx, sc, "get", nil)              // and the epoch key here
	w := n.restartWorker(ctx, i, true)

	if err := n.submit(ctx, get); err != nil {
		t.Fatal(err)
	}
	if err := n.router.SubmitV2(ctx, v2); err != nil {
		t.Fatal(err)
	}
	if r, out, st := n.wait(ctx, get); r.Status != api.StatusSuccess || st != 2 || string(out) != "k" {
		t.Fatalf("compat task sealed to a key issued before the crash: %s, chain %d, output %q; want SUCCESS, 2, \"k\"", r.Status, st, out)
	}
	if st, out, chainSt := n.waitV2(ctx, v2.TaskID, rk, v2ctx); st != api.StatusSuccess || chainSt != 2 || string(out) != "k" {
		t.Fatalf("v2 task sealed to the epoch key issued before the crash: %s, chain %d, output %q", st, chainSt, out)
	}
	// The chain and the gateway read SUCCESS a moment before the worker
	// counts its outcome.
	until(t, ctx, "the worker to count both outcomes", func() bool {
		s := w.Stats()
		return s.Succeeded >= 2 || s.HostFailures > 0
	})
	if s := w.Stats(); s.HostFailures != 0 || s.Succeeded != 2 {
		t.Fatalf("stats %+v: want two successes", s)
	}
	keys, err := n.stores[i].IssuedKeys(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range keys {
		if k.Kind == 1 {
			t.Fatalf("a consumed compat key is still stored: %+v", k.ID)
		}
	}
}
