package worker

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/enclave"
)

// workerLoggedIn is the Enigma contract's WorkerStatus.LoggedIn.
const workerLoggedIn = 1

// Join registers the enclave's signing address for the custodian account,
// deposits stake (when the custodian registers now) and logs the worker in,
// skipping each step already done, so a restarted worker joins again with
// the same calls. The custodian needs ENG for the stake and ETH for gas.
func Join(ctx context.Context, e *chain.Enigma, custodian chain.Account, enc enclave.Enclave, stake *big.Int) error {
	reg, err := enc.Registration(ctx, &enclave.RegistrationRequest{})
	if err != nil {
		return fmt.Errorf("worker: read the enclave's registration report: %w", err)
	}
	info, err := e.Worker(ctx, custodian.Address)
	if err != nil {
		return fmt.Errorf("worker: read worker %s on chain: %w", custodian.Address, err)
	}
	if info.Signer != common.Address(reg.SigningAddress) {
		if _, err := e.Register(ctx, custodian, common.Address(reg.SigningAddress), reg.Report, reg.ReportSignature[:]); err != nil {
			return fmt.Errorf("worker: register %s: %w", custodian.Address, err)
		}
		if stake != nil && stake.Sign() > 0 {
			if err := e.ApproveAndDeposit(ctx, custodian, stake); err != nil {
				return fmt.Errorf("worker: stake for %s: %w", custodian.Address, err)
			}
		}
		if info, err = e.Worker(ctx, custodian.Address); err != nil {
			return err
		}
	}
	if info.Status == workerLoggedIn {
		return nil
	}
	if _, err := e.Login(ctx, custodian); err != nil {
		return fmt.Errorf("worker: log %s in: %w", custodian.Address, err)
	}
	return nil
}
