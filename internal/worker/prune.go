package worker

import (
	"context"
	"time"

	"github.com/enigma-go/enigma/internal/state"
)

// The worker keeps its memory and disk bounded (docs/worker.md, "Memory
// and disk"): its maps are bounded by count or pruned when their task
// ends, and the one store record that grows with every task, its result,
// is pruned here in the background, every PruneEvery, on the retention
// policy: results stored more than ResultRetention ago go, and the oldest
// beyond MaxResults; a result whose task is still pending stays.

func (w *Worker) now() time.Time {
	if w.cfg.Now != nil {
		return w.cfg.Now()
	}
	return time.Now()
}

// pruneLoop prunes the store's results every PruneEvery until the worker
// closes.
func (w *Worker) pruneLoop() {
	defer w.wg.Done()
	t := time.NewTicker(w.cfg.PruneEvery)
	defer t.Stop()
	for {
		select {
		case <-w.ctx.Done():
			return
		case <-t.C:
			w.prune(w.ctx)
		}
	}
}

// prune applies the retention policy once.
func (w *Worker) prune(ctx context.Context) {
	rule := state.PruneRule{Keep: w.cfg.MaxResults}
	if w.cfg.ResultRetention > 0 {
		rule.Before = w.now().Add(-w.cfg.ResultRetention)
	}
	p, err := w.cfg.Store.PruneResults(ctx, rule)
	if p.Removed > 0 {
		w.mu.Lock()
		w.stats.Pruned += uint64(p.Removed)
		w.mu.Unlock()
		w.log.Info("pruned task results", "removed", p.Removed, "kept", p.Kept, "retention", w.cfg.ResultRetention, "max", w.cfg.MaxResults)
	}
	if err != nil && ctx.Err() == nil {
		w.log.Warn("pruning task results failed; retrying at the next round", "err", err)
	}
}
