package devchain

import (
	"crypto/ecdsa"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/sha512"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// DefaultMnemonic is the seed phrase the dev accounts are derived from. It is
// the phrase anvil, hardhat and many wallets' test setups use, so the dev
// chain's accounts are the same well-known, publicly known addresses
// (0xf39F…2266 first) on our chain and on anvil: tests and scripts work
// unchanged against both. Never send real funds to these addresses.
const DefaultMnemonic = "test test test test test test test test test test test junk"

// DevAccount is one unlocked account of the dev chain.
type DevAccount struct {
	Address common.Address
	Key     *ecdsa.PrivateKey
}

// hardened marks a hardened BIP-32 child index.
const hardened = 1 << 31

// DeriveAccounts returns n accounts derived from mnemonic along the
// Ethereum path m/44'/60'/0'/0/i (BIP-39 seed, BIP-32 derivation). The
// phrase is used as given (no word-list or checksum check), so any phrase
// works as a deterministic seed.
func DeriveAccounts(mnemonic string, n int) ([]DevAccount, error) {
	return DeriveAccountsFrom(mnemonic, 0, n)
}

// RoleAccountIndex is the derivation index (m/44'/60'/0'/0/i) of the first
// role account. Role accounts are what a network's own parts send from:
// the key manager's epochs and the worker custodians' stakes and receipts.
// They come from the same mnemonic as the dev accounts but far above them,
// so no wallet or web3 client lists them: eth_accounts and a wallet
// importing the mnemonic show only dev accounts, and a client that takes
// accounts[0] can never race a role's nonce.
const RoleAccountIndex = 1 << 20

// The roles' places among the role accounts, as internal/devnet and
// internal/node assign them: role account RoleKeyManager sends the key
// manager's transactions, role account RoleWorker(i) is worker i's
// custodian.
const RoleKeyManager = 0

// RoleWorker is the role account of worker i's custodian.
func RoleWorker(i int) int { return 1 + i }

// RoleAccounts returns the first n role accounts of mnemonic (derivation
// indexes RoleAccountIndex to RoleAccountIndex+n-1).
func RoleAccounts(mnemonic string, n int) ([]DevAccount, error) {
	return DeriveAccountsFrom(mnemonic, RoleAccountIndex, n)
}

// RoleAccount returns role account i of mnemonic.
func RoleAccount(mnemonic string, i int) (DevAccount, error) {
	if i < 0 || i >= RoleAccountIndex {
		return DevAccount{}, fmt.Errorf("devchain: role account %d is out of range 0-%d", i, RoleAccountIndex-1)
	}
	accs, err := DeriveAccountsFrom(mnemonic, RoleAccountIndex+uint32(i), 1)
	if err != nil {
		return DevAccount{}, err
	}
	return accs[0], nil
}

// DeriveAccountsFrom returns n accounts derived from mnemonic along
// m/44'/60'/0'/0/i for i = first to first+n-1 (unhardened indexes, below
// 2^31).
func DeriveAccountsFrom(mnemonic string, first uint32, n int) ([]DevAccount, error) {
	if strings.TrimSpace(mnemonic) == "" {
		return nil, errors.New("devchain: empty mnemonic; set Config.Mnemonic or use DefaultMnemonic")
	}
	if n < 0 || uint64(first)+uint64(n) > hardened {
		return nil, fmt.Errorf("devchain: accounts %d to %d are outside the unhardened indexes", first, uint64(first)+uint64(n))
	}
	// BIP-39: the words are joined by single spaces; the phrase is ASCII in
	// practice, so NFKD normalisation is the identity.
	phrase := strings.Join(strings.Fields(mnemonic), " ")
	seed, err := pbkdf2.Key(sha512.New, phrase, []byte("mnemonic"), 2048, 64)
	if err != nil {
		return nil, fmt.Errorf("devchain: derive seed: %w", err)
	}
	key, chainCode := hmacSHA512([]byte("Bitcoin seed"), seed)
	for _, idx := range []uint32{44 | hardened, 60 | hardened, 0 | hardened, 0} {
		if key, chainCode, err = deriveChild(key, chainCode, idx); err != nil {
			return nil, err
		}
	}
	out := make([]DevAccount, 0, n)
	for i := 0; i < n; i++ {
		idx := first + uint32(i)
		k, _, err := deriveChild(key, chainCode, idx)
		if err != nil {
			return nil, err
		}
		priv, err := crypto.ToECDSA(k)
		if err != nil {
			return nil, fmt.Errorf("devchain: account %d: %w", idx, err)
		}
		out = append(out, DevAccount{Address: crypto.PubkeyToAddress(priv.PublicKey), Key: priv})
	}
	return out, nil
}

func hmacSHA512(key, data []byte) (left, right []byte) {
	m := hmac.New(sha512.New, key)
	m.Write(data)
	sum := m.Sum(nil)
	return sum[:32], sum[32:]
}

// deriveChild is BIP-32 CKDpriv.
func deriveChild(parentKey, chainCode []byte, index uint32) (key, code []byte, err error) {
	data := make([]byte, 0, 37)
	if index >= hardened {
		data = append(data, 0)
		data = append(data, parentKey...)
	} else {
		priv, err := crypto.ToECDSA(parentKey)
		if err != nil {
			return nil, nil, fmt.Errorf("devchain: derive: %w", err)
		}
		data = append(data, crypto.CompressPubkey(&priv.PublicKey)...)
	}
	data = binary.BigEndian.AppendUint32(data, index)
	il, ir := hmacSHA512(chainCode, data)

	n := crypto.S256().Params().N
	t := new(big.Int).SetBytes(il)
	if t.Cmp(n) >= 0 {
		return nil, nil, fmt.Errorf("devchain: child %d is invalid (probability 2^-127); use another mnemonic", index)
	}
	t.Add(t, new(big.Int).SetBytes(parentKey)).Mod(t, n)
	if t.Sign() == 0 {
		return nil, nil, fmt.Errorf("devchain: child %d is invalid; use another mnemonic", index)
	}
	return common.LeftPadBytes(t.Bytes(), 32), ir, nil
}
