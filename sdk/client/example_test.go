package client_test

import (
	"context"
	"fmt"
	"log"
	"math/big"
	"os"
	"path/filepath"

	"github.com/enigma-go/enigma/sdk/client"
	"github.com/enigma-go/enigma/sdk/contract"
)

// A calculator deployed and called on a running devnet (`enigma devnet`).
func Example() {
	ctx := context.Background()
	home, _ := os.UserHomeDir()
	cfg := client.DefaultConfig()
	cfg.ChainRPC, cfg.Gateway = "", "" // from addresses.json
	cfg.AddressesFile = filepath.Join(home, ".enigma", "devnet", "addresses.json")
	c, err := client.New(ctx, cfg)
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()

	wasm, err := os.ReadFile("calculator.wasm") // enigma contract build examples/calculator
	if err != nil {
		log.Fatal(err)
	}
	dep, err := c.Deploy(ctx, wasm, "construct()")
	if err == nil {
		_, err = dep.Wait(ctx, nil)
	}
	if err != nil {
		log.Fatal(err)
	}
	task, err := c.Compute(ctx, dep.Contract, "sub(uint256,uint256)", big.NewInt(76), big.NewInt(17))
	if err == nil {
		_, err = task.Wait(ctx, func(s client.Status) { log.Println(s) })
	}
	if err != nil {
		log.Fatal(err)
	}
	out, err := task.Output(ctx) // verified against the receipt, then decrypted
	if err != nil {
		log.Fatal(err)
	}
	var diff *big.Int
	if err := contract.DecodeArgs("(uint256)", out, &diff); err != nil {
		log.Fatal(err)
	}
	fmt.Println(diff)
}
