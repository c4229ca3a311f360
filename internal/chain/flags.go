package chain

import "flag"

// BindFlags registers the chain flags every node command shares
// (--chain-rpc, --chain-id, --confirmations, --receipt-timeout) onto fs,
// with c's values as defaults.
func (c *Config) BindFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.RPCURL, "chain-rpc", c.RPCURL, "Ethereum JSON-RPC URL (the dev chain, anvil, geth, ...)")
	fs.Uint64Var(&c.ChainID, "chain-id", c.ChainID, "expected chain id of --chain-rpc (0: accept any)")
	fs.Uint64Var(&c.Confirmations, "confirmations", c.Confirmations, "blocks on top of an event's block before it is acted on")
	fs.DurationVar(&c.ReceiptTimeout, "receipt-timeout", c.ReceiptTimeout, "how long to wait for a transaction to be mined")
}
