// Package p2p carries every node-to-node exchange of the network over
// go-libp2p: TCP with Noise, stream protocols for requests and gossipsub
// for announcements, a Kademlia DHT for discovery.
//
// # Identities
//
// A node's libp2p key (Ed25519, kept in its data folder) names it on the
// network; the chain names it by its enclave's signing address. The
// identify protocol binds the two: asked with a fresh nonce, a node's
// enclave signs enclave.PeerIdentityHash(chain id, Enigma contract, nonce,
// its own peer id), and the asking node checks that the signature
// recovers to a registered worker's signer (worker) or to the contract's
// principal (key manager). A peer that cannot prove such an identity is a
// client (a gateway): it is served the public client protocols only.
//
// # Protocols
//
// Every request is one stream: a frame (unsigned varint length, then a
// method byte and its body) each way, with a size limit per protocol and a
// deadline. Answers carry a status byte: 0 and the result, or 1 and an
// api.Error.
//
//	/enigma/identify/1.0.0   anyone    who are you (nonce → role, signer, signature)
//	/enigma/worker/1.1.0     anyone    task keys, epoch keys, task submissions, task results
//	/enigma/sync/1.0.0       workers   a contract's encrypted deltas and state
//	/enigma/statekeys/1.0.0  workers   state keys from the key manager (enclave frames)
//	/enigma/attest/1.0.0     anyone    a development network's simulated attestation
//
// Gossipsub topics, named after the network (chain id and contract), carry
// task results (published by the worker that ran the task, so a gateway
// finds a result without asking every worker) and epochs (published by the
// key manager). Only messages whose signed origin is a verified worker
// (results) or the key manager (epochs) are accepted; a gateway still
// checks a result against the chain before it reports it.
//
// # Bad peers
//
// A peer earns penalty points for a malformed frame, a flood beyond its
// request rate, an identity that does not verify, or an invalid gossip
// message. Points decay; past a threshold the peer is disconnected and its
// connections are refused for a while (the connection gater), and
// gossipsub's own scoring is fed the same points. Nothing a peer sends is
// trusted beyond the signatures that protect it: the worker checks tasks
// against the chain, the enclaves check keys and states, the gateway checks
// results against the chain.
package p2p
