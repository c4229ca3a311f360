// Package bindings holds the compiled Enigma contracts and their Go
// bindings: the ABI and creation code of Enigma, EnigmaToken, the
// CallbackForwarder Enigma creates, the SimAttestationVerifier and three
// test-only helpers (SelectionHarness, CallbackTarget, MerkleHarness), compiled from
// contracts/ethereum by its node script, and the abigen v2 bindings
// generated from them.
//
// Everything here is generated and committed; TestBindingsUpToDate
// recompiles the contracts and regenerates the bindings into a temporary
// directory and fails on any difference. Regenerate with `make generate`
// (or `go generate ./internal/chain/bindings`) after changing a contract.
//
// This package imports only go-ethereum: the chain client, dev chain, key
// manager, workers and clients import it, never the reverse.
package bindings

//go:generate node ../../../contracts/ethereum/compile.js
//go:generate go run github.com/ethereum/go-ethereum/cmd/abigen --v2 --pkg bindings --type Enigma --abi ../../../contracts/ethereum/build/Enigma.abi --bin ../../../contracts/ethereum/build/Enigma.bin --out enigma.go
//go:generate go run github.com/ethereum/go-ethereum/cmd/abigen --v2 --pkg bindings --type EnigmaToken --abi ../../../contracts/ethereum/build/EnigmaToken.abi --bin ../../../contracts/ethereum/build/EnigmaToken.bin --out enigmatoken.go
//go:generate go run github.com/ethereum/go-ethereum/cmd/abigen --v2 --pkg bindings --type CallbackForwarder --abi ../../../contracts/ethereum/build/CallbackForwarder.abi --bin ../../../contracts/ethereum/build/CallbackForwarder.bin --out callbackforwarder.go
//go:generate go run github.com/ethereum/go-ethereum/cmd/abigen --v2 --pkg bindings --type SimAttestationVerifier --abi ../../../contracts/ethereum/build/SimAttestationVerifier.abi --bin ../../../contracts/ethereum/build/SimAttestationVerifier.bin --out simattestationverifier.go
//go:generate go run github.com/ethereum/go-ethereum/cmd/abigen --v2 --pkg bindings --type SelectionHarness --abi ../../../contracts/ethereum/build/SelectionHarness.abi --bin ../../../contracts/ethereum/build/SelectionHarness.bin --out selectionharness.go
//go:generate go run github.com/ethereum/go-ethereum/cmd/abigen --v2 --pkg bindings --type CallbackTarget --abi ../../../contracts/ethereum/build/CallbackTarget.abi --bin ../../../contracts/ethereum/build/CallbackTarget.bin --out callbacktarget.go
//go:generate go run github.com/ethereum/go-ethereum/cmd/abigen --v2 --pkg bindings --type MerkleHarness --abi ../../../contracts/ethereum/build/MerkleHarness.abi --bin ../../../contracts/ethereum/build/MerkleHarness.bin --out merkleharness.go
