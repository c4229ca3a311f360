package devchain

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// web3Modules is where the enigma-js compatibility tests install web3 1.x
// (the version enigma-js 0.3.0 is used with); `make deps` installs it.
const web3Modules = "../../../test/compat/enigmajs/node_modules"

// TestWeb3JS checks the dev chain from web3.js, the way enigma-js sends its
// transactions and signatures through the node: all of it works with the
// default modules (eth, net, web3), and personal_sign is not served.
func TestWeb3JS(t *testing.T) {
	node, err := exec.LookPath("node")
	modules, _ := filepath.Abs(web3Modules)
	if _, statErr := os.Stat(filepath.Join(modules, "web3")); err != nil || statErr != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("node and web3 are required under CI (run `make deps`): %v %v", err, statErr)
		}
		t.Skip("node or web3 not installed; run `make deps`")
	}
	c := startChain(t, func(c *Config) { c.MineOnTransaction = true })
	cmd := exec.Command(node, "testdata/web3check.js", c.HTTPEndpoint())
	cmd.Env = append(os.Environ(), "NODE_PATH="+modules)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("web3 script: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	var got struct {
		Accounts       int    `json:"accounts"`
		First          string `json:"first"`
		Status         bool   `json:"status"`
		Balance        string `json:"balance"`
		Signer         string `json:"signer"`
		PersonalSigner string `json:"personalSigner"`
		PersonalError  string `json:"personalError"`
		From           string `json:"from"`
	}
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if got.Accounts != 10 || got.First != c.Accounts()[0].Address.Hex() || !got.Status || got.Balance != "12345" ||
		got.Signer != got.From || got.PersonalSigner != "" || !strings.Contains(got.PersonalError, "does not exist") {
		t.Fatalf("web3 saw %+v", got)
	}
}
