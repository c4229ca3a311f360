package node

import "testing"

func TestLoadReadsQueryGasLimit(t *testing.T) {
	cfg, err := Load(writeConfig(t, `{"role": "worker", "data_dir": "w0", "chain_rpc": "http://127.0.0.1:8545",
		"query_gas_limit": 5000000}`))
	if err != nil {
		t.Fatal(err)
	}
	if l := cfg.limits(); l.QueryGasLimit != 5_000_000 {
		t.Fatalf("worker limits %+v", l)
	}
}
