package enclave

import (
	"bytes"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

var rewrite = flag.Bool("rewrite", false, "rewrite testdata/frames.txt from the current encoder")

// TestGoldenFrames pins the wire encoding of one sample of every message
// type (testdata/frames.txt, regenerated with -rewrite): an implementation
// in another language can check itself against the file, and any change to
// the encoding shows up as a diff that needs a new protocol version.
func TestGoldenFrames(t *testing.T) {
	msgs := sampleMessages()
	types := make([]int, 0, len(msgs))
	for typ := range msgs {
		types = append(types, int(typ))
	}
	sort.Ints(types)
	var b bytes.Buffer
	fmt.Fprintf(&b, "# enclave protocol v%d: one frame per message type, as `type name hex`\n", ProtocolVersion)
	for _, typ := range types {
		m := msgs[MessageType(typ)]
		fmt.Fprintf(&b, "%02x %T %s\n", typ, m, hex.EncodeToString(Marshal(MessageType(typ), m)))
	}
	path := filepath.Join("testdata", "frames.txt")
	if *rewrite {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -rewrite to create it)", err)
	}
	if !bytes.Equal(want, b.Bytes()) {
		t.Fatalf("the wire encoding changed; if intended, bump ProtocolVersion and run with -rewrite:\n%s", b.String())
	}
}
