package node

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/params"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/chain/devchain"
	"github.com/enigma-go/enigma/internal/enclave/sim"
	"github.com/enigma-go/enigma/internal/km"
	"github.com/enigma-go/enigma/internal/p2p"
	"github.com/enigma-go/enigma/internal/telemetry"
)

// DevAccountENG is what a key manager that deploys sends each of the
// Ethereum node's other unlocked accounts, in ENG grains (8 decimals), as
// far as the supply allows (DevAccountShare): one billion ENG, the escrow
// of 50 tasks at the original enigma-js tests' largest parameters (gas
// limit 20,000,000 at 1 ENG a gas, 2e15 grains each). The devnet does the
// same.
var DevAccountENG = new(big.Int).Mul(big.NewInt(1_000_000_000), big.NewInt(100_000_000))

// DevAccountShare is what each of n dev accounts gets from a deployer
// holding available grains: DevAccountENG, or a tenth of what the deployer
// holds split among them when that is less. The deployer is the node's
// first account, the one the original enigma-js tests and web3 users send
// from: it keeps nine tenths, enough for the original tests' fees (one run
// of test/compat/enigmajs at 1 ENG a gas consumes about 85 million ENG and
// enigma-js wants a task's whole fee in tokens before it sends the record).
func DevAccountShare(available *big.Int, n int) *big.Int {
	if n <= 0 || available.Sign() <= 0 {
		return new(big.Int)
	}
	share := new(big.Int).Div(available, big.NewInt(int64(10*n)))
	if share.Cmp(DevAccountENG) > 0 {
		share.Set(DevAccountENG)
	}
	return share
}

func (n *Node) startKM(ctx context.Context, cfg Config) error {
	h, err := NewKMHost(ctx, cfg.DataDir, cfg.AttestationKeyFile, n.log)
	if err != nil {
		return err
	}
	n.onClose(h.Close)
	n.info.Signer = &h.Signer

	rpcURL, addrs, client, err := n.connectChain(ctx, cfg, true)
	if err != nil {
		return err
	}
	acct, role, err := sender(ctx, cfg, client, true)
	if err != nil {
		return err
	}
	n.info.Account = &acct.Address
	// A key manager on a role account deploys from the node's first
	// account, once: the token's supply then lands where web3 users look.
	deployer := acct
	if role {
		if accs, err := nodeAccounts(ctx, client); err == nil && len(accs) > 0 {
			deployer = chain.NodeAccount(accs[0])
		}
	}

	var e *chain.Enigma
	if addrs != nil {
		e = client.Bind(*addrs)
		if err := checkPrincipal(ctx, e, h.Signer); err != nil {
			return err
		}
	} else if e, err = ResumeContracts(ctx, client, filepath.Join(cfg.DataDir, addressesName), h.Signer); err != nil {
		return err
	}
	if e == nil {
		if e, err = n.deploy(ctx, cfg, client, deployer, h); err != nil {
			return err
		}
	}
	a := e.Addresses()
	n.info.Enigma, n.info.Token = &a.Enigma, &a.Token
	ph, err := n.startP2P(ctx, cfg, e, p2p.RoleKM, h.Enclave)
	if err != nil {
		return err
	}
	// The key manager is the network's first bootstrap peer: a node
	// reading this file joins through it.
	if err := WriteAddresses(filepath.Join(cfg.DataDir, addressesName), Addresses{Contract: a.Enigma, Token: a.Token, EthNode: rpcURL, Proxy: cfg.GatewayURL, Bootstrap: ph.Addrs()}); err != nil {
		return err
	}

	h.Metrics = n.metrics.For(telemetry.RoleKeyManager, n.mnode)
	k, err := h.NewKeyManager(ctx, e, acct, time.Duration(cfg.EpochPoll), n.log)
	if err != nil {
		return err
	}
	rctx := n.runContext()
	serveKM(ph, k, h)
	n.goRun(rctx, "epoch loop", func(ctx context.Context) error {
		epochLoop(ctx, k, e, cfg, n, ph)
		return nil
	})
	return nil
}

// SimAttestation is what the SimAttestationVerifier of a network of
// simulated enclaves pins: the attestation service's address and the
// measurement and security version the sim enclaves report.
func SimAttestation(a *sim.Attestor) chain.SimAttestation {
	d := sim.DefaultConfig()
	return chain.SimAttestation{Signer: common.Address(a.Address()), Measurement: d.Measurement, MinSecurityVersion: d.SecurityVersion}
}

// devChainIDs are the chain ids of development chains (geth --dev and our
// dev chain; anvil and hardhat), where simulated enclaves are allowed
// without InsecureSimulatedEnclave.
var devChainIDs = map[uint64]bool{1337: true, 31337: true}

// CheckSimulationAllowed refuses to run simulated enclaves, which any
// operator can read and which any key can impersonate through the simulated
// attestation service, on anything but a development chain unless the
// configuration says it knows (insecure).
func CheckSimulationAllowed(chainID uint64, insecure bool) error {
	if devChainIDs[chainID] || insecure {
		return nil
	}
	return fmt.Errorf("chain %d is not a development chain (1337, 31337), and the enclaves are simulated: they protect nothing (their host can read every secret, and anyone can attest a key). Set insecure_simulated_enclave (--insecure-simulated-enclave) to run them anyway, knowing that (docs/security.md)", chainID)
}

func checkSimulationAllowed(cfg Config, c *chain.Client) error {
	if err := CheckSimulationAllowed(c.ChainID().Uint64(), cfg.InsecureSimulatedEnclave); err != nil {
		return fmt.Errorf("node: %w", err)
	}
	return nil
}

// deploy deploys EnigmaToken and Enigma from `from` with this key manager
// as principal, and funds the dev and role accounts (fundDevAccounts).
func (n *Node) deploy(ctx context.Context, cfg Config, c *chain.Client, from chain.Account, h *KMHost) (*chain.Enigma, error) {
	e, err := c.DeployContracts(ctx, from, h.DeployParams(cfg.EpochSize, cfg.TimeoutEpochs, cfg.fundDevAccounts()))
	if err != nil {
		return nil, fmt.Errorf("node: deploy the contracts: %w", err)
	}
	n.info.Deployed = true
	a := e.Addresses()
	n.log.Info("contracts deployed", "enigma", a.Enigma, "token", a.Token)
	if !cfg.fundDevAccounts() {
		return e, nil
	}
	if err := fundDevAccounts(ctx, c, e, from); err != nil {
		return nil, err
	}
	return e, nil
}

// devRoleAccounts is how many role accounts a key manager that deploys on a
// development chain funds: its own and 16 workers' custodians
// (role_account 1 to 16).
const devRoleAccounts = 17

// roleStakeENG is what each worker role account receives for its stake:
// ten default stakes.
var roleStakeENG = new(big.Int).Mul(big.NewInt(10_000), engGrains)

// roleMinETH is the balance below which a role account receives roleETH.
var (
	roleMinETH = new(big.Int).Mul(big.NewInt(10), big.NewInt(params.Ether))
	roleETH    = new(big.Int).Mul(big.NewInt(100), big.NewInt(params.Ether))
)

// fundDevAccounts sends, from the deployer: the node's other unlocked
// accounts their share of ENG (DevAccountShare); on a development chain,
// the first devRoleAccounts role accounts ETH where they lack it and the
// workers' ones their stakes' ENG.
func fundDevAccounts(ctx context.Context, c *chain.Client, e *chain.Enigma, from chain.Account) error {
	accs, err := nodeAccounts(ctx, c)
	if err != nil {
		return err
	}
	var to []common.Address
	for _, a := range accs {
		if a != from.Address {
			to = append(to, a)
		}
	}
	var roles []devchain.DevAccount
	if devChainIDs[c.ChainID().Uint64()] {
		if roles, err = devchain.RoleAccounts(devchain.DefaultMnemonic, devRoleAccounts); err != nil {
			return fmt.Errorf("node: derive the role accounts: %w", err)
		}
	}
	var lowETH, workers []common.Address
	for i, r := range roles {
		bal, err := c.Balance(ctx, r.Address)
		if err != nil {
			return err
		}
		if bal.Cmp(roleMinETH) < 0 {
			lowETH = append(lowETH, r.Address)
		}
		if i != devchain.RoleKeyManager {
			workers = append(workers, r.Address)
		}
	}
	bal, err := e.TokenBalance(ctx, from.Address)
	if err != nil {
		return fmt.Errorf("node: read the deployer's ENG: %w", err)
	}
	stakes := new(big.Int).Mul(roleStakeENG, big.NewInt(int64(len(workers))))
	share := DevAccountShare(new(big.Int).Sub(bal, stakes), len(to))
	errs := make(chan error, 3)
	go func() { errs <- c.FundETH(ctx, from, lowETH, roleETH) }()
	go func() { errs <- e.FundENG(ctx, from, workers, roleStakeENG) }()
	go func() { errs <- e.FundENG(ctx, from, to, share) }()
	var all []error
	for range 3 {
		all = append(all, <-errs)
	}
	if err := errors.Join(all...); err != nil {
		return fmt.Errorf("node: fund the dev and role accounts: %w", err)
	}
	return nil
}

// sender is the account a node sends from, as configured (role_account,
// account, account_key_file); a key manager without one sends from role
// account 0 on a development chain (role is then true) and from the node's
// first unlocked account elsewhere.
func sender(ctx context.Context, cfg Config, c *chain.Client, km bool) (acct chain.Account, role bool, err error) {
	dev := devChainIDs[c.ChainID().Uint64()]
	idx := -1
	switch {
	case cfg.RoleAccount != nil:
		if !dev {
			return chain.Account{}, false, fmt.Errorf("node: role_account is for development chains (1337, 31337), and chain %d is not one: its keys come from a public mnemonic; set account_key_file", c.ChainID())
		}
		idx = *cfg.RoleAccount
	case cfg.Account != "" || cfg.AccountKeyFile != "" || !km:
		a, err := account(ctx, cfg, c, -1)
		return a, false, err
	case dev:
		idx = devchain.RoleKeyManager
	default:
		a, err := account(ctx, cfg, c, 0)
		return a, false, err
	}
	r, err := devchain.RoleAccount(devchain.DefaultMnemonic, idx)
	if err != nil {
		return chain.Account{}, false, fmt.Errorf("node: %w", err)
	}
	return chain.KeyAccount(r.Key), true, nil
}

// ResumeContracts binds the contracts of a previous run, named in the
// addresses.json at path, when the chain still holds them with signer as
// principal; nil when there is nothing to resume.
func ResumeContracts(ctx context.Context, c *chain.Client, path string, signer api.EthAddress) (*chain.Enigma, error) {
	prev, err := ReadAddresses(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%w; remove it to deploy afresh", err)
	}
	return c.BindDeployed(ctx, chain.Addresses{Enigma: prev.Contract, Token: prev.Token}, common.Address(signer))
}

func checkPrincipal(ctx context.Context, e *chain.Enigma, signer api.EthAddress) error {
	p, err := e.Principal(ctx)
	if err != nil {
		return fmt.Errorf("node: read the Enigma contract's principal at %s (is it deployed on this chain?): %w", e.Addresses().Enigma, err)
	}
	if p != common.Address(signer) {
		return fmt.Errorf("node: the Enigma contract at %s names key manager %s, this one signs as %s: use its data_dir (sealed keys) or deploy new contracts by leaving contract unset",
			e.Addresses().Enigma, p, common.Address(signer))
	}
	return nil
}

// epochLoop sets a new epoch whenever one is due. The first waits for
// MinWorkers logged-in workers: an epoch set before them would leave them
// unselected for a whole epoch.
func epochLoop(ctx context.Context, k *km.KeyManager, e *chain.Enigma, cfg Config, n *Node, ph *p2p.Host) {
	t := time.NewTicker(time.Duration(cfg.EpochPoll))
	defer t.Stop()
	waiting := false
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if ready, active, err := firstEpochReady(ctx, e, cfg.MinWorkers); err != nil || !ready {
			if err != nil && ctx.Err() == nil {
				n.log.Warn("read the epoch state; retrying", "err", err)
			} else if !waiting && err == nil {
				n.log.Info("waiting for workers to log in before the first epoch", "active", active, "min_workers", cfg.MinWorkers)
				waiting = true
			}
			continue
		}
		set, err := k.NewEpoch(ctx)
		if err != nil && ctx.Err() == nil {
			n.log.Warn("new epoch failed; retrying", "err", err)
		}
		if set && ph != nil {
			announceEpoch(ctx, e, ph)
		}
	}
}

// firstEpochReady is true once an epoch was set or enough workers are
// logged in for the first.
func firstEpochReady(ctx context.Context, e *chain.Enigma, min int) (bool, int, error) {
	st, err := e.EpochState(ctx)
	if err != nil {
		return false, 0, err
	}
	if st.Count.Sign() > 0 || min <= 0 {
		return true, 0, nil
	}
	head, err := e.Client().BlockNumber(ctx)
	if err != nil {
		return false, 0, err
	}
	active, err := e.ActiveWorkers(ctx, head)
	if err != nil {
		return false, 0, err
	}
	return len(active.Arg0) >= min, len(active.Arg0), nil
}

// announceEpoch gossips the epoch the chain just took.
func announceEpoch(ctx context.Context, e *chain.Enigma, ph *p2p.Host) {
	block, err := e.Client().BlockNumber(ctx)
	if err != nil {
		return
	}
	wp, err := e.WorkerParams(ctx, block)
	if err != nil || wp.Arg0 == nil || wp.Arg1 == nil {
		return
	}
	notice := p2p.EpochNotice{FirstBlock: wp.Arg0.Uint64(), Seed: api.Hash(common.BigToHash(wp.Arg1))}
	for _, w := range wp.Arg2 {
		notice.Workers = append(notice.Workers, api.EthAddress(w))
	}
	ph.AnnounceEpoch(notice)
}
