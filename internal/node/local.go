package node

import (
	"fmt"
	"net"
	"path/filepath"
)

// LocalAddrs are the listen addresses (host:port) of a network of node
// processes on one host: the gateway's JSON-RPC, and the key manager's
// and workers' p2p ports (TCPMultiaddr).
type LocalAddrs struct {
	KM      string
	Gateway string
	Workers []string
}

// LocalNetwork is the configuration of a network of node processes on one
// host, each role on its address of a: a key manager with its data in
// dir/km, worker i in dir/worker<i> reaching the key manager and every
// other worker, and a gateway over all the workers, all on the chain at
// chainURL and finding the contracts in the key manager's addresses.json.
// The caller then sets what its network differs in (accounts, polls,
// epochs). How the roles reach one another is the transport's (transport.go),
// so it is written here once.
func LocalNetwork(dir, chainURL string, a LocalAddrs) (km Config, workers []Config, gw Config) {
	kmDir := filepath.Join(dir, "km")
	addresses := filepath.Join(kmDir, addressesName)
	km = DefaultConfig()
	km.Role, km.DataDir, km.P2PListen, km.ChainRPC, km.GatewayURL = RoleKM, kmDir, []string{TCPMultiaddr(a.KM)}, chainURL, "http://"+a.Gateway
	for i, listen := range a.Workers {
		w := DefaultConfig()
		w.Role, w.DataDir, w.P2PListen, w.ChainRPC = RoleWorker, filepath.Join(dir, LocalWorkerName(i)), []string{TCPMultiaddr(listen)}, chainURL
		// The key manager's addresses.json names it as the bootstrap
		// peer; the workers find one another on the network.
		w.AddressesFile = addresses
		workers = append(workers, w)
	}
	gw = DefaultConfig()
	gw.Role, gw.Listen, gw.ChainRPC, gw.AddressesFile = RoleGateway, a.Gateway, chainURL, addresses
	return km, workers, gw
}

// TCPMultiaddr is the multiaddr of a TCP host:port ("127.0.0.1:0" →
// "/ip4/127.0.0.1/tcp/0").
func TCPMultiaddr(hostport string) string {
	host, port, err := net.SplitHostPort(hostport)
	if err != nil {
		return hostport // refused by Validate
	}
	proto := "ip4"
	if ip := net.ParseIP(host); ip == nil {
		proto = "dns"
	} else if ip.To4() == nil {
		proto = "ip6"
	}
	return fmt.Sprintf("/%s/%s/tcp/%s", proto, host, port)
}

// LocalWorkerName is worker i's name in a LocalNetwork, and its data
// folder's.
func LocalWorkerName(i int) string { return fmt.Sprintf("worker%d", i) }
