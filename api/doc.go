// Package api holds the public types shared by the network's components and
// its clients: identifiers (task ids, secret contract addresses), task
// statuses as the Enigma contract and the gateway report them, and coded
// errors that cross process boundaries.
//
// It imports nothing from this module and nothing outside the standard
// library, so SDKs can depend on it without pulling in the node.
package api
