package cryptobench

import (
	"context"
	"testing"
	"time"
)

func TestRunQuick(t *testing.T) {
	ms, err := Run(context.Background(), Config{PerMeasurement: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, m := range ms {
		if m.OpsS <= 0 || m.Ops <= 0 {
			t.Errorf("%s: no operations measured", m.Key)
		}
		seen[m.Key] = true
	}
	for _, k := range []string{"compat_ecdh_aes_ops_s", "hpke_seal_ops_s", "hpke_open_ops_s", "sign_ops_s", "verify_ops_s"} {
		if !seen[k] {
			t.Errorf("missing %s", k)
		}
	}
	if err := (Config{}).Validate(); err == nil {
		t.Fatal("zero duration accepted")
	}
}
