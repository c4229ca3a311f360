package envelope_test

import (
	"crypto/rand"
	"fmt"

	"github.com/enigma-go/enigma/internal/crypto/envelope"
)

// A task's round trip: the worker publishes its epoch key, the user seals a
// call to it, the worker opens it and seals the output back.
func Example() {
	// Worker: one key per epoch.
	ring, _ := envelope.NewKeyRing(envelope.DefaultKeyRingConfig(), rand.Reader)
	workerPub, _ := ring.Rotate(100)

	// Both sides build the context from the task record.
	ctx := envelope.Context{ChainID: 1, Epoch: 100, TaskNonce: 3}

	// User: seal the call, keep the response key.
	req, responseKey, _ := envelope.SealRequest(workerPub, ctx,
		envelope.EncodeCall("add(uint256,uint256)", []byte{ /* ABI-encoded args */ }), envelope.Options{Pad: true})

	// Worker: open, run, seal the output under the request's response key.
	payload, workerResponseKey, _ := ring.OpenRequest(ctx, req)
	fn, _, _ := envelope.DecodeCall(payload)
	resp, _ := envelope.SealResponse(workerResponseKey, ctx, []byte("93"), rand.Reader, envelope.Options{Pad: true})

	// User: open the output.
	out, _ := envelope.OpenResponse(responseKey, ctx, resp)
	fmt.Println(fn, string(out))

	// Once the epoch's key is erased, its requests stay sealed for good.
	ring.Erase(100)
	_, _, err := ring.OpenRequest(ctx, req)
	fmt.Println(err != nil)
	// Output:
	// add(uint256,uint256) 93
	// true
}
