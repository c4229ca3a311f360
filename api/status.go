package api

import "fmt"

// ChainStatus is a task record's status in the Enigma contract.
type ChainStatus uint8

// The on-chain statuses, numbered as the original Enigma contract numbers them.
const (
	ChainUndefined        ChainStatus = 0 // no such task record
	ChainRecordCreated    ChainStatus = 1 // fee paid, waiting for a receipt
	ChainReceiptVerified  ChainStatus = 2 // success receipt committed
	ChainReceiptFailed    ChainStatus = 3 // failure receipt committed
	ChainReceiptFailedETH ChainStatus = 4 // success receipt, but its Ethereum callback reverted
	ChainReceiptFailedRet ChainStatus = 5 // fees returned to the sender after the timeout
)

func (s ChainStatus) String() string {
	switch s {
	case ChainUndefined:
		return "Undefined"
	case ChainRecordCreated:
		return "RecordCreated"
	case ChainReceiptVerified:
		return "ReceiptVerified"
	case ChainReceiptFailed:
		return "ReceiptFailed"
	case ChainReceiptFailedETH:
		return "ReceiptFailedETH"
	case ChainReceiptFailedRet:
		return "ReceiptFailedReturn"
	}
	return fmt.Sprintf("ChainStatus(%d)", uint8(s))
}

// Final reports whether no further receipt can change the status.
func (s ChainStatus) Final() bool { return s >= ChainReceiptVerified }

// TaskStatus is a task's status as the gateway's JSON-RPC reports it. Only
// these four values exist: enigma-js 0.3.0 throws on any other.
type TaskStatus string

const (
	StatusUnverified TaskStatus = "UNVERIFIED" // not seen yet (or unknown)
	StatusInProgress TaskStatus = "INPROGRESS" // accepted by a worker, running or committing
	StatusSuccess    TaskStatus = "SUCCESS"
	StatusFailed     TaskStatus = "FAILED"
)

// Final reports whether the task has ended.
func (s TaskStatus) Final() bool { return s == StatusSuccess || s == StatusFailed }
