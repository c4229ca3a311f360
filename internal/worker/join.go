package worker

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/enclave"
)

// workerLoggedIn is the Enigma contract's WorkerStatus.LoggedIn.
const workerLoggedIn = 1

// Join brings a worker to logged in: it registers the enclave's signing
// address for the custodian account (with the enclave's report bound to the
// custodian, signed by the platform's attestation service), stakes when the
// custodian has no deposit yet and logs in, skipping each step already
// done, so a restarted worker joins again with the same call. Registration and the stake's
// approval are independent and sent together; the deposit waits for both
// and for funded (nil: nothing to wait for; a devnet funds the custodian's
// ENG meanwhile), the login for the deposit. The custodian needs ENG for the
// stake and ETH for gas. It returns the login's block, 0 if the worker was
// logged in already.
func Join(ctx context.Context, e *chain.Enigma, custodian chain.Account, enc enclave.Common, attestor enclave.Attestor, stake *big.Int, funded func() error) (uint64, error) {
	reg, err := enc.Registration(ctx, &enclave.RegistrationRequest{
		Custodian: api.EthAddress(custodian.Address), ChainID: e.Client().ChainID().Uint64(), EnigmaContract: api.EthAddress(e.Addresses().Enigma),
	})
	if err != nil {
		return 0, fmt.Errorf("worker: read the enclave's registration report: %w", err)
	}
	info, err := e.Worker(ctx, custodian.Address)
	if err != nil {
		return 0, fmt.Errorf("worker: read worker %s on chain: %w", custodian.Address, err)
	}
	needStake := stake != nil && stake.Sign() > 0 && (info.Balance == nil || info.Balance.Sign() == 0)
	var regErr, approveErr error
	var wg sync.WaitGroup
	if info.Signer != common.Address(reg.SigningAddress) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sig, err := attestor.Attest(ctx, reg.Report)
			if err != nil {
				regErr = fmt.Errorf("worker: have the enclave's report attested: %w", err)
				return
			}
			if _, err := e.Register(ctx, custodian, common.Address(reg.SigningAddress), reg.Report, sig); err != nil {
				regErr = fmt.Errorf("worker: register %s: %w", custodian.Address, err)
			}
		}()
	}
	if needStake {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := e.ApproveEnigma(ctx, custodian, stake); err != nil {
				approveErr = fmt.Errorf("worker: approve the stake of %s: %w", custodian.Address, err)
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(regErr, approveErr); err != nil {
		return 0, err
	}
	if needStake {
		if funded != nil {
			if err := funded(); err != nil {
				return 0, err
			}
		}
		if _, err := e.Deposit(ctx, custodian, custodian.Address, stake); err != nil {
			return 0, fmt.Errorf("worker: stake for %s: %w", custodian.Address, err)
		}
	}
	if info, err = e.Worker(ctx, custodian.Address); err != nil {
		return 0, fmt.Errorf("worker: read worker %s on chain: %w", custodian.Address, err)
	}
	if info.Status == workerLoggedIn {
		return 0, nil
	}
	r, err := e.Login(ctx, custodian)
	if err != nil {
		return 0, fmt.Errorf("worker: log %s in: %w", custodian.Address, err)
	}
	return r.BlockNumber.Uint64(), nil
}
