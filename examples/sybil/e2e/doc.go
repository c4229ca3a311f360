// Package e2e runs the sybil example through a whole network started in
// the test process (internal/devnet), driven by the Go client (sdk/client)
// as an application would: deploy, register, vouch, and read the status
// by task and by secret query.
package e2e
