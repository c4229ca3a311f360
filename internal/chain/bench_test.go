package chain

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/enigma-go/enigma/internal/chain/chaintest"
	"github.com/enigma-go/enigma/internal/chain/devchain"
)

func benchmarkDeploy(b *testing.B, period time.Duration) {
	n := chaintest.DevChain(b, func(c *devchain.Config) { c.BlockPeriod = period })
	cfg := TestConfig()
	cfg.RPCURL = n.URL
	c, err := Dial(context.Background(), cfg)
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	owner := KeyAccount(n.Accounts[0].Key)
	for b.Loop() {
		if _, err := c.DeployContracts(context.Background(), owner, DeployParams{Principal: owner.Address, EpochSize: 10, TimeoutEpochs: 2, SimAttestation: SimAttestation{Signer: owner.Address}}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDeploy250ms measures deploying the token and Enigma on the dev
// chain with 250 ms blocks (about one block: both are sent at once).
func BenchmarkDeploy250ms(b *testing.B) { benchmarkDeploy(b, 250*time.Millisecond) }

// BenchmarkDeploy1s is the same with 1 s blocks.
func BenchmarkDeploy1s(b *testing.B) { benchmarkDeploy(b, time.Second) }

// BenchmarkTransfer measures one token transfer sent and confirmed on a
// chain that seals on each transaction: the client's per-transaction cost.
func BenchmarkTransfer(b *testing.B) {
	n := chaintest.DevChain(b, func(c *devchain.Config) { c.BlockPeriod = 0; c.MineOnTransaction = true })
	cfg := TestConfig()
	cfg.RPCURL = n.URL
	cfg.PollInterval = 2 * time.Millisecond
	c, err := Dial(context.Background(), cfg)
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	owner := KeyAccount(n.Accounts[0].Key)
	e, err := c.DeployContracts(context.Background(), owner, DeployParams{Principal: owner.Address, EpochSize: 10, TimeoutEpochs: 2, SimAttestation: SimAttestation{Signer: owner.Address}})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := e.TransferToken(context.Background(), owner, n.Accounts[1].Address, bigOne); err != nil {
			b.Fatal(err)
		}
	}
}

var bigOne = new(big.Int).SetUint64(1)
