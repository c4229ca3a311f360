//go:build !wasip1

package contract

import (
	"bytes"
	"math/big"
	"strings"
	"testing"
)

type millionaire struct {
	Address  Bytes32 `json:"address"`
	NetWorth Uint256 `json:"net_worth"`
}

func TestStateJSONMatchesEngWasm(t *testing.T) {
	h := NewTestHost()
	err := h.Do(func() {
		Write("millionaires", []millionaire{{Bytes32{31: 1}, NewUint256(1000000)}})
		Write("polls", map[uint64]map[string]Uint256{7: {"ab": NewUint256(1)}})
		Write("flag", true)
		ms, ok := Read[[]millionaire]("millionaires")
		if !ok || len(ms) != 1 || ms[0].NetWorth != NewUint256(1000000) {
			t.Errorf("read back %v %v", ms, ok)
		}
		if _, ok := Read[int]("missing"); ok {
			t.Error("missing key found")
		}
		if v := ReadOr("missing", 5); v != 5 {
			t.Error("ReadOr")
		}
		Remove("flag")
	})
	if err != nil {
		t.Fatal(err)
	}
	// The layout serde_json gives eng_wasm's H256 and U256 fields.
	want := `[{"address":"0x0000000000000000000000000000000000000000000000000000000000000001","net_worth":"0xf4240"}]`
	if got := string(h.State["millionaires"]); got != want {
		t.Fatalf("state JSON\n got %s\nwant %s", got, want)
	}
	if got := string(h.State["polls"]); got != `{"7":{"ab":"0x1"}}` {
		t.Fatalf("polls JSON %s", got)
	}
	if _, ok := h.State["flag"]; ok {
		t.Fatal("Remove left the key")
	}
	// State written by the original (a JSON null for an absent key, decimal numbers).
	h.State["n"] = []byte("null")
	h.State["d"] = []byte(`12345`)
	err = h.Do(func() {
		if _, ok := Read[Uint256]("n"); ok {
			t.Error("null read as set")
		}
		if v, ok := Read[Uint256]("d"); !ok || v != NewUint256(12345) {
			t.Errorf("number %v", v)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	h.State["bad"] = []byte(`"not a number"`)
	err = h.Do(func() { Read[Uint256]("bad") })
	if err == nil || !strings.Contains(err.Error(), `state key "bad"`) {
		t.Fatalf("corrupt state: %v", err)
	}
}

func TestRandEncrypt(t *testing.T) {
	h := NewTestHost()
	h.Seed[0] = 1
	var a, b [40]byte
	var ct []byte
	var key Key
	if err := h.Do(func() {
		Rand(a[:])
		key = NewKey()
		ct = Encrypt([]byte("secret"), key)
		pt, err := Decrypt(ct, key)
		if err != nil || string(pt) != "secret" {
			t.Errorf("decrypt %q %v", pt, err)
		}
		for range 100 {
			if RandIntn(6) >= 6 {
				t.Error("RandIntn out of range")
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	if len(ct) != len("secret")+EncryptionOverhead {
		t.Fatalf("ciphertext length %d", len(ct))
	}
	h2 := NewTestHost()
	h2.Seed[0] = 1
	_ = h2.Do(func() { Rand(b[:]) })
	if a != b || bytes.Equal(a[:20], a[20:]) {
		t.Fatal("randomness is not a deterministic function of the seed")
	}
	ct[0] ^= 1
	if err := h.Do(func() { _, _ = Decrypt(ct, key) }); err == nil {
		t.Fatal("tampered ciphertext decrypted")
	}
	if err := h.Do(func() { _, err := Decrypt(ct[:27], key); Require(err == ErrCiphertextTooShort, "short: %v", err) }); err != nil {
		t.Fatal(err)
	}
}

func TestUint256(t *testing.T) {
	max := u256(max256)
	one := NewUint256(1)
	if _, ok := max.Add(one); ok {
		t.Error("max+1 did not overflow")
	}
	if _, ok := (Uint256{}).Sub(one); ok {
		t.Error("0-1 did not underflow")
	}
	if _, ok := max.Mul(NewUint256(2)); ok {
		t.Error("max*2 did not overflow")
	}
	if _, ok := one.Div(Uint256{}); ok {
		t.Error("division by zero")
	}
	rnd := []string{"0", "1", "0xffffffffffffffff", "0x10000000000000000", "0x123456789abcdef0123456789abcdef", pow255, max256, "76", "17"}
	m := new(big.Int).Lsh(big.NewInt(1), 256)
	for _, x := range rnd {
		for _, y := range rnd {
			a, b := u256(x), u256(y)
			bx, by := bigOf(x), bigOf(y)
			check := func(op string, got Uint256, ok bool, want *big.Int) {
				fits := want.Sign() >= 0 && want.Cmp(m) < 0
				if ok != fits || (ok && got.Big().Cmp(want) != 0) {
					t.Errorf("%s %s %s = %s %v, want %s", x, op, y, got, ok, want)
				}
			}
			s, ok := a.Add(b)
			check("+", s, ok, new(big.Int).Add(bx, by))
			s, ok = a.Sub(b)
			check("-", s, ok, new(big.Int).Sub(bx, by))
			s, ok = a.Mul(b)
			check("*", s, ok, new(big.Int).Mul(bx, by))
			if by.Sign() != 0 {
				s, ok = a.Div(b)
				check("/", s, ok, new(big.Int).Quo(bx, by))
				s, ok = a.Mod(b)
				check("%", s, ok, new(big.Int).Rem(bx, by))
			}
			if a.Cmp(b) != bx.Cmp(by) {
				t.Errorf("Cmp(%s,%s)", x, y)
			}
		}
	}
	if u256("0xf4240").String() != "1000000" || NewUint256(0).Hex() != "0x0" || max.BitLen() != 256 {
		t.Error("formatting")
	}
	for _, bad := range []string{"-1", "+1", "0x", "abc", "0x1" + strings.Repeat("0", 64)} {
		if _, err := ParseUint256(bad); err == nil {
			t.Errorf("ParseUint256(%q) accepted", bad)
		}
	}
}

func TestUint256Text(t *testing.T) {
	for _, v := range []string{"0", "1", "0xf4240", "0xffffffffffffffff", "0x10000000000000000", pow255, max256} {
		u := u256(v)
		if got, want := u.Hex(), "0x"+u.Big().Text(16); got != want {
			t.Errorf("Hex(%s) = %s, want %s", v, got, want)
		}
		back, err := ParseUint256(u.Hex())
		if err != nil || back != u {
			t.Errorf("ParseUint256(%s) = %v, %v", u.Hex(), back, err)
		}
		if dec, err := ParseUint256(u.String()); err != nil || dec != u {
			t.Errorf("decimal %s: %v", u, err)
		}
	}
	if u, err := ParseUint256("0xABCdef"); err != nil || u != NewUint256(0xabcdef) {
		t.Errorf("mixed case hex: %v %v", u, err)
	}
	for _, bad := range []string{"0x", "0xg", "0x1" + strings.Repeat("0", 64)} {
		if _, err := ParseUint256(bad); err == nil {
			t.Errorf("ParseUint256(%q) accepted", bad)
		}
	}
}
