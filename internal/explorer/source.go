package explorer

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/chain/bindings"
)

// Source is where the index's events and views come from: the chain
// (NewChainSource), or a double in tests.
type Source interface {
	// Head is the newest block.
	Head(ctx context.Context) (uint64, error)
	// Events delivers the Enigma contract's events from block from on,
	// in chain order, until ctx ends; then it closes the channel.
	Events(ctx context.Context, from uint64) <-chan Event
	// Epoch is the epoch in force (FirstBlock 0 before the first).
	Epoch(ctx context.Context) (EpochView, error)
	// Worker reads a worker by its custodian.
	Worker(ctx context.Context, custodian common.Address) (WorkerView, error)
	// Custodian is the custodian of a registered signer (zero if none).
	Custodian(ctx context.Context, signer common.Address) (common.Address, error)
	// Contract reads a secret contract's delta count and, with record,
	// its owner and code hash.
	Contract(ctx context.Context, id common.Hash, record bool) (ContractView, error)
	// ContractIDs lists every secret contract deployed.
	ContractIDs(ctx context.Context) ([]common.Hash, error)
}

// IndexedEvents are the Enigma contract's events the explorer reads.
var IndexedEvents = []string{
	bindings.EnigmaTaskRecordCreatedEventName, bindings.EnigmaReceiptVerifiedEventName,
	bindings.EnigmaReceiptFailedEventName, bindings.EnigmaReceiptFailedETHEventName,
	bindings.EnigmaTaskFeeReturnedEventName, bindings.EnigmaWorkersParameterizedEventName,
	bindings.EnigmaSecretContractDeployedEventName, bindings.EnigmaBatchCommittedEventName,
	bindings.EnigmaRegisteredEventName, bindings.EnigmaLoggedInEventName, bindings.EnigmaLoggedOutEventName,
}

// chainSource reads the Enigma contract through a chain client.
type chainSource struct {
	e      *chain.Enigma
	poll   time.Duration
	log    *slog.Logger
	signer types.Signer
	now    func() time.Time
}

// NewChainSource reads e's events (polling every poll; 0 keeps the
// client's interval) and views.
func NewChainSource(e *chain.Enigma, poll time.Duration, log *slog.Logger) Source {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &chainSource{e: e, poll: poll, log: log, signer: types.LatestSignerForChainID(e.Client().ChainID()), now: time.Now}
}

func (s *chainSource) Head(ctx context.Context) (uint64, error) { return s.e.Client().BlockNumber(ctx) }

func (s *chainSource) Events(ctx context.Context, from uint64) <-chan Event {
	out := make(chan Event, 64)
	parsed := s.e.ABI().GetABI()
	var ids []common.Hash
	for _, name := range IndexedEvents {
		ids = append(ids, parsed.Events[name].ID)
	}
	sub := s.e.Client().WatchLogs(ctx, chain.WatchConfig{
		Addresses: []common.Address{s.e.Addresses().Enigma}, Topics: [][]common.Hash{ids}, FromBlock: from, PollInterval: s.poll,
	})
	go func() {
		defer close(out)
		defer sub.Close()
		for l := range sub.Logs() {
			if l.Removed { // a reorg took it back; its replacement follows
				continue
			}
			ev, ok := s.event(ctx, &l)
			if !ok {
				continue
			}
			select {
			case out <- ev:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// event decodes a log and reads what the index needs of its transaction.
func (s *chainSource) event(ctx context.Context, l *types.Log) (Event, bool) {
	_, p, err := s.e.DecodeEvent(l)
	if err != nil {
		s.log.Warn("explorer: decode an Enigma event", "tx", l.TxHash, "err", err)
		return Event{}, false
	}
	ev := Event{Payload: p, Tx: Tx{Hash: l.TxHash, Block: l.BlockNumber}, Seen: s.now()}
	switch p.(type) {
	case *bindings.EnigmaTaskRecordCreated, *bindings.EnigmaSecretContractDeployed,
		*bindings.EnigmaReceiptFailed, *bindings.EnigmaReceiptFailedETH:
		c, err := ReadCall(ctx, s.e, s.signer, l.TxHash)
		if err != nil {
			s.log.Warn("explorer: read a transaction", "tx", l.TxHash, "err", err)
			break
		}
		ev.From = c.From
		if c.Method != nil {
			ev.Method = c.Method.RawName
		}
		if g, ok := c.Args["_gasUsed"].(uint64); ok {
			ev.GasUsed = &g
		}
		if sc, ok := c.Args["_scAddr"].([32]byte); ok {
			h := common.Hash(sc)
			ev.Contract = &h
		}
	case *bindings.EnigmaBatchCommitted:
		if r, err := s.e.Client().Eth().TransactionReceipt(ctx, l.TxHash); err == nil {
			g := r.GasUsed
			ev.TxGasUsed = &g
		}
	}
	return ev, true
}

// Call is what a transaction to the Enigma contract called.
type Call struct {
	From   common.Address
	Method *abi.Method    // nil when it called no Enigma function
	Args   map[string]any // nil when they could not be unpacked
}

// ReadCall reads a transaction and, when it called an Enigma function,
// which one and with what arguments. The failure receipts' events carry
// only the task id: their worker, contract and gas are in the transaction.
func ReadCall(ctx context.Context, e *chain.Enigma, signer types.Signer, hash common.Hash) (Call, error) {
	tx, _, err := e.Client().Eth().TransactionByHash(ctx, hash)
	if err != nil {
		return Call{}, fmt.Errorf("explorer: read transaction %s: %w", hash.Hex(), err)
	}
	var c Call
	c.From, _ = types.Sender(signer, tx)
	data := tx.Data()
	if len(data) < 4 {
		return c, nil
	}
	parsed := e.ABI().GetABI()
	if c.Method, err = parsed.MethodById(data[:4]); err != nil {
		c.Method = nil
		return c, nil
	}
	args := map[string]any{}
	if err := c.Method.Inputs.UnpackIntoMap(args, data[4:]); err == nil {
		c.Args = args
	}
	return c, nil
}

func (s *chainSource) Epoch(ctx context.Context) (EpochView, error) {
	st, err := s.e.EpochState(ctx)
	if err != nil || st.FirstBlock == nil || st.FirstBlock.Sign() == 0 {
		return EpochView{}, err
	}
	p, err := s.e.WorkerParams(ctx, st.FirstBlock.Uint64())
	if err != nil {
		return EpochView{}, err
	}
	return EpochView{Number: st.Count.Uint64(), FirstBlock: st.FirstBlock.Uint64(), Seed: p.Arg1, Signers: p.Arg2, Stakes: p.Arg3}, nil
}

func (s *chainSource) Worker(ctx context.Context, custodian common.Address) (WorkerView, error) {
	w, err := s.e.Worker(ctx, custodian)
	if err != nil {
		return WorkerView{}, err
	}
	eth, err := s.e.Client().Balance(ctx, custodian)
	if err != nil {
		return WorkerView{}, err
	}
	return WorkerView{Signer: w.Signer, Status: w.Status, Stake: w.Balance, ETH: eth}, nil
}

func (s *chainSource) Custodian(ctx context.Context, signer common.Address) (common.Address, error) {
	w, err := s.e.WorkerFromSigningAddress(ctx, signer)
	return w.Arg0, err
}

func (s *chainSource) Contract(ctx context.Context, id common.Hash, record bool) (ContractView, error) {
	var v ContractView
	if record { // the record holds every delta hash: read it once
		c, err := s.e.SecretContract(ctx, id)
		if err != nil {
			return v, err
		}
		v.Owner, v.CodeHash = c.Owner, c.CodeHash
	}
	n, err := s.e.CountStateDeltas(ctx, id)
	v.Deltas = n
	return v, err
}

func (s *chainSource) ContractIDs(ctx context.Context) ([]common.Hash, error) {
	ids, err := s.e.AllSecretContractAddresses(ctx)
	out := make([]common.Hash, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out, err
}
