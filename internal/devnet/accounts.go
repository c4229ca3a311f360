package devnet

import (
	"context"
	"fmt"
	"math/big"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/params"

	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/chain/devchain"
	enode "github.com/enigma-go/enigma/internal/node"
)

// Who sends what on a devnet:
//
//   - the dev accounts (Accounts: the node's eth_accounts) are the clients'.
//     Account 0 deploys the contracts and funds the others at start, and
//     from then on the network never sends from any of them, so a client
//     may take any, accounts[0] as web3 users do;
//   - the key manager sends its epochs from role account
//     devchain.RoleKeyManager, and worker i's custodian is role account
//     devchain.RoleWorker(i): keys derived from the dev mnemonic far above
//     the dev accounts (devchain.RoleAccountIndex), signed for locally and
//     listed nowhere a client looks, so no client's transaction races the
//     network's nonces.

// DevAccountENG is what each dev account but the deployer receives in ENG
// grains (8 decimals), as far as the token's supply allows (node.DevAccountShare):
// one billion ENG, the escrow of 50 tasks at the original enigma-js tests'
// largest parameters (gas limit 20,000,000 at 1 ENG a gas, 2e15 grains).
var DevAccountENG = enode.DevAccountENG

// roleMinETH is the balance below which the devnet sends a role account
// roleETH from the deployer as it starts; the embedded chain funds the
// first devchain.DefaultRoleAccounts role accounts in genesis.
var (
	roleMinETH = new(big.Int).Mul(big.NewInt(10), big.NewInt(params.Ether))
	roleETH    = new(big.Int).Mul(big.NewInt(100), big.NewInt(params.Ether))
)

// assignRoles derives the key manager's account and every worker's
// custodian from the dev mnemonic.
func (d *Devnet) assignRoles() error {
	roles, err := devchain.RoleAccounts(devchain.DefaultMnemonic, devchain.RoleWorker(len(d.workers)))
	if err != nil {
		return fmt.Errorf("devnet: derive the role accounts: %w", err)
	}
	d.kmAccount = chain.KeyAccount(roles[devchain.RoleKeyManager].Key)
	for i, n := range d.workers {
		n.account = chain.KeyAccount(roles[devchain.RoleWorker(i)].Key)
	}
	return nil
}

// roleAddresses are the key manager's account and the custodians.
func (d *Devnet) roleAddresses() []common.Address {
	out := []common.Address{d.kmAccount.Address}
	for _, n := range d.workers {
		out = append(out, n.account.Address)
	}
	return out
}

// fundRolesETH sends roleETH from the deployer to every role account that
// holds less than roleMinETH: on an external node, or for workers beyond
// the ones the embedded chain's genesis funds.
func (d *Devnet) fundRolesETH(ctx context.Context, deployer chain.Account) error {
	var low []common.Address
	for _, a := range d.roleAddresses() {
		bal, err := d.client.Balance(ctx, a)
		if err != nil {
			return fmt.Errorf("devnet: read the ETH balance of role account %s: %w", a, err)
		}
		if bal.Cmp(roleMinETH) < 0 {
			low = append(low, a)
		}
	}
	if len(low) == 0 {
		return nil
	}
	d.log.Info("funding role accounts with ETH", "accounts", len(low), "wei", roleETH)
	if err := d.client.FundETH(ctx, deployer, low, roleETH); err != nil {
		return fmt.Errorf("devnet: fund the role accounts with ETH from %s: %w", deployer.Address, err)
	}
	return nil
}

// fundENG sends the dev accounts their ENG (on a fresh deployment only) and
// every custodian without a stake what its stake lacks, from the deployer,
// all at once.
func (d *Devnet) fundENG(ctx context.Context, deployer chain.Account, fresh bool) error {
	var wg sync.WaitGroup
	var clientErr error
	if fresh && len(d.accounts) > 1 {
		bal, err := d.enigma.TokenBalance(ctx, deployer.Address)
		if err != nil {
			return fmt.Errorf("devnet: read the deployer's ENG: %w", err)
		}
		// What the stakes need stays with the deployer.
		stakes := new(big.Int).Mul(WorkerStakeENG, big.NewInt(int64(len(d.workers))))
		share := enode.DevAccountShare(new(big.Int).Sub(bal, stakes), len(d.accounts)-1)
		if share.Cmp(DevAccountENG) < 0 {
			d.log.Warn("the token's supply cannot give every dev account DevAccountENG; each gets a share of a tenth of the deployer's ENG (node.DevAccountShare)",
				"grains", share, "want", DevAccountENG)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			clientErr = d.enigma.FundENG(ctx, deployer, d.accounts[1:], share)
		}()
	}
	var stakeErrs []error
	var mu sync.Mutex
	for _, n := range d.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := d.fundStake(ctx, deployer, n.account.Address)
			mu.Lock()
			stakeErrs = append(stakeErrs, err)
			mu.Unlock()
		}()
	}
	wg.Wait()
	if clientErr != nil {
		return fmt.Errorf("devnet: fund the dev accounts with ENG: %w", clientErr)
	}
	for _, err := range stakeErrs {
		if err != nil {
			return fmt.Errorf("devnet: fund the worker custodians' stakes: %w", err)
		}
	}
	return nil
}

// fundStake sends custodian what it lacks of WorkerStakeENG when it has no
// stake yet.
func (d *Devnet) fundStake(ctx context.Context, deployer chain.Account, custodian common.Address) error {
	w, err := d.enigma.Worker(ctx, custodian)
	if err != nil {
		return err
	}
	if w.Balance != nil && w.Balance.Sign() > 0 {
		return nil
	}
	bal, err := d.enigma.TokenBalance(ctx, custodian)
	if err != nil {
		return err
	}
	lack := new(big.Int).Sub(WorkerStakeENG, bal)
	if lack.Sign() <= 0 {
		return nil
	}
	_, err = d.enigma.TransferToken(ctx, deployer, custodian, lack)
	return err
}

// KeyManagerAccount is the account the key manager sends its epochs from.
func (d *Devnet) KeyManagerAccount() common.Address { return d.kmAccount.Address }

// Custodians are the workers' custodian accounts, worker 0 first.
func (d *Devnet) Custodians() []common.Address {
	out := make([]common.Address, len(d.workers))
	for i, n := range d.workers {
		out[i] = n.account.Address
	}
	return out
}
