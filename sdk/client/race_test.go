//go:build race

package client_test

// raceEnabled: the devnet's workers compile a Go contract for half a
// minute under the race detector, past the chain's task timeout; the tests
// that deploy one run without it.
const raceEnabled = true
