package client

import (
	"context"
	"time"

	"github.com/enigma-go/enigma/api"
)

// submitRecorded sends the inputs of a task whose record is on chain. While
// the gateway or the selected worker is down it sends them again, until
// the block before the task could be refunded: a worker restarted within
// the timeout still runs the task. A resubmission refused as a replay
// because the task already ended on chain (an earlier one went through
// after all) is done.
func (c *Client) submitRecorded(ctx context.Context, t *Task, submit func(context.Context) error) error {
	down := &nodeRetry{c: c, record: t.Block}
	for tries := 0; ; tries++ {
		err := submit(ctx)
		if err == nil {
			return nil
		}
		if tries > 0 && api.CodeOf(err) == api.CodeReplay {
			if rec, rerr := c.enigma.TaskRecord(ctx, t.ID); rerr == nil && api.ChainStatus(rec.Status).Final() {
				return nil
			}
		}
		if !down.again(ctx, err) {
			return err
		}
	}
}

// nodeRetry paces the new tries of a call that a node refused as
// unavailable (api.CodeUnavailable: the gateway, or the selected worker,
// is down or restarting): the first after Config.PollInterval, then twice
// as long each time up to maxRetryWait, for as long as the chain's task
// timeout allows: until the block before a recorded task could be
// refunded or, before the record, for as many blocks from the first
// refusal. A gateway that never answered this client is not waited for:
// its URL is more likely wrong than the gateway restarting.
type nodeRetry struct {
	c      *Client
	record uint64 // the task record's block; 0 before the record
	until  uint64 // the last block of a new try; 0 until the first refusal
	wait   time.Duration
}

// maxRetryWait bounds the pause between two tries of a node that is down.
const maxRetryWait = 5 * time.Second

// again reports whether the call that failed with err should be tried
// again, once it waited for the next try.
func (r *nodeRetry) again(ctx context.Context, err error) bool {
	if api.CodeOf(err) != api.CodeUnavailable || !r.c.gw.reached.Load() {
		return false
	}
	head, herr := r.c.chain.BlockNumber(ctx)
	if herr != nil {
		return false
	}
	if r.until == 0 {
		timeout, terr := r.c.enigma.TaskTimeoutSize(ctx)
		if terr != nil {
			return false
		}
		r.until, r.wait = head+timeout, r.c.cfg.PollInterval
		if r.record != 0 {
			r.until = r.record + timeout - 1
		}
	}
	if head >= r.until {
		return false
	}
	r.c.log.Info("a node of the network is down; trying again", "in", r.wait, "until_block", r.until, "err", err)
	select {
	case <-ctx.Done():
		return false
	case <-time.After(r.wait):
	}
	r.wait = min(2*r.wait, maxRetryWait)
	return true
}
