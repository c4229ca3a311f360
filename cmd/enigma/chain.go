package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/enigma-go/enigma/internal/chain/devchain"
)

func init() {
	registerCommand(command{
		name:    "chain",
		summary: "run only the Ethereum dev chain (JSON-RPC on 127.0.0.1, unlocked dev accounts)",
		run:     runChain,
	})
}

func runChain(ctx context.Context, args []string) error {
	cfg := devchain.DefaultConfig()
	fs := flag.NewFlagSet("chain", flag.ContinueOnError)
	fs.StringVar(&cfg.Host, "host", cfg.Host, "loopback address to serve JSON-RPC on")
	fs.IntVar(&cfg.HTTPPort, "port", cfg.HTTPPort, "JSON-RPC over HTTP port (0 picks a free one)")
	wsPort := fs.Int("ws-port", cfg.WSPort, "JSON-RPC over WebSocket port (default: the same as --port; -1 disables)")
	fs.StringVar(&cfg.DataDir, "datadir", "", "keep the chain in this directory and resume it on restart (default: in memory)")
	fs.Uint64Var(&cfg.ChainID, "chain-id", cfg.ChainID, "chain id")
	fs.DurationVar(&cfg.BlockPeriod, "block-time", cfg.BlockPeriod, "time between blocks, e.g. 1s or 250ms (0 with --mine-on-tx: only on transactions)")
	fs.BoolVar(&cfg.MineOnTransaction, "mine-on-tx", false, "also seal a block as soon as a transaction arrives")
	fs.IntVar(&cfg.Accounts, "accounts", cfg.Accounts, "number of unlocked, funded dev accounts")
	fs.IntVar(&cfg.RoleAccounts, "role-accounts", cfg.RoleAccounts, "number of role accounts (for the key manager and worker custodians of `enigma node`) funded in genesis")
	fs.StringVar(&cfg.Mnemonic, "mnemonic", cfg.Mnemonic, "seed phrase of the dev accounts")
	bindChainAccess(fs, "", &cfg.Access)
	verbose := fs.Bool("v", false, "log the chain's events")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	cfg.WSPort = cfg.HTTPPort // one listener for both unless --ws-port says otherwise
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "ws-port" {
			cfg.WSPort = *wsPort
		}
	})
	level := slog.LevelWarn
	if *verbose {
		level = slog.LevelInfo
	}
	cfg.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	start := time.Now()
	c, err := devchain.Start(cfg)
	if err != nil {
		return err
	}
	defer c.Close()
	printChainBanner(os.Stdout, c, cfg, time.Since(start))
	<-ctx.Done()
	fmt.Fprintln(os.Stdout, "stopping the dev chain")
	return c.Close()
}

// bindChainAccess binds the flags that widen who may drive a dev chain's
// JSON-RPC (devchain.Access), each name after prefix: --cors, --vhosts,
// --unsafe-rpc for `enigma chain`, --chain-cors... for `enigma devnet`.
func bindChainAccess(fs *flag.FlagSet, prefix string, a *devchain.Access) {
	fs.Func(prefix+"cors", "comma-separated web origins whose pages may call the chain, e.g. http://localhost:3000 (an origin without a port allows every port; * allows every web page to spend the unlocked accounts) (default: pages served from localhost, 127.0.0.1 and [::1])", func(s string) error {
		a.CORSOrigins = splitList(s)
		return nil
	})
	fs.Func(prefix+"vhosts", "comma-separated host names the chain answers in the Host header, e.g. mybox.local (IP addresses always pass; * allows DNS rebinding) (default: localhost)", func(s string) error {
		a.VirtualHosts = splitList(s)
		return nil
	})
	fs.BoolVar(&a.UnsafeRPC, prefix+"unsafe-rpc", false, "also serve the debug, personal and txpool modules over HTTP and WebSocket (debug_writeMemProfile writes files; any local process can call them)")
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// accessSummary says in a line who may drive the chain.
func accessSummary(a devchain.Access) string {
	origins := "pages from this machine"
	if len(a.CORSOrigins) > 0 {
		origins = strings.Join(a.CORSOrigins, ", ")
	}
	hosts := "localhost"
	if len(a.VirtualHosts) > 0 {
		hosts = strings.Join(a.VirtualHosts, ", ")
	}
	modules := strings.Join(devchain.SafeModules, " ")
	if a.UnsafeRPC {
		modules += " personal txpool debug"
	}
	return fmt.Sprintf("modules %s; web origins: %s; host names: %s", modules, origins, hosts)
}

func printChainBanner(w io.Writer, c *devchain.Chain, cfg devchain.Config, took time.Duration) {
	store := "in memory (gone on exit)"
	if cfg.DataDir != "" {
		store = cfg.DataDir
	}
	fmt.Fprintf(w, "Enigma dev chain started in %v\n\n", took.Round(time.Millisecond))
	fmt.Fprintf(w, "  HTTP JSON-RPC  %s\n", c.HTTPEndpoint())
	if ws := c.WSEndpoint(); ws != "" {
		fmt.Fprintf(w, "  WS JSON-RPC    %s\n", ws)
	}
	fmt.Fprintf(w, "  chain id       %d\n  block time     %v (mine on transaction: %v)\n  data           %s\n  head block     %d\n  access         %s\n\n",
		c.ChainID(), cfg.BlockPeriod, cfg.MineOnTransaction, store, c.BlockNumber(), accessSummary(cfg.Access))
	fmt.Fprintf(w, "Unlocked dev accounts (%s ETH each; public test keys, never use them for real funds)\n", weiToEther(cfg))
	for i, a := range c.Accounts() {
		fmt.Fprintf(w, "  (%d) %s  key 0x%x\n", i, a.Address.Hex(), crypto.FromECDSA(a.Key))
	}
	if roles := c.RoleAccounts(); len(roles) > 0 {
		fmt.Fprintf(w, "\nRole accounts: %d more of the mnemonic (derivation index %d on), funded but not unlocked and not in eth_accounts,\n"+
			"for `enigma node` roles (role_account): 0 the key manager %s, 1+i worker i's custodian (1: %s)\n",
			len(roles), devchain.RoleAccountIndex, roles[devchain.RoleKeyManager].Address.Hex(), roleAddr(roles, devchain.RoleWorker(0)))
	}
	fmt.Fprintf(w, "\nMnemonic: %s\nPress Ctrl-C to stop.\n", cfg.Mnemonic)
}

func weiToEther(cfg devchain.Config) string {
	s := cfg.AccountBalance.String()
	if len(s) > 18 {
		return s[:len(s)-18]
	}
	return "0." + s
}

func roleAddr(roles []devchain.DevAccount, i int) string {
	if i >= len(roles) {
		return "not funded"
	}
	return roles[i].Address.Hex()
}
