package chain

import (
	"fmt"
	"reflect"

	"github.com/ethereum/go-ethereum/core/types"
)

// DecodeEvent decodes a log of the Enigma contract into the bindings' event
// struct (e.g. *bindings.EnigmaTaskRecordCreated) and returns it with the
// event's name. It finds the binding's UnpackXxxEvent by the event name, so
// events added to the contract decode without changes here.
func (e *Enigma) DecodeEvent(l *types.Log) (name string, event any, err error) {
	if len(l.Topics) == 0 {
		return "", nil, fmt.Errorf("chain: log %d of tx %s has no topics (an anonymous event?)", l.Index, l.TxHash.Hex())
	}
	parsed := e.abi.GetABI()
	abiEvent, err := parsed.EventByID(l.Topics[0])
	if err != nil {
		return "", nil, fmt.Errorf("chain: log of tx %s is not an Enigma event: %w", l.TxHash.Hex(), err)
	}
	m := reflect.ValueOf(e.abi).MethodByName("Unpack" + abiEvent.RawName + "Event")
	if !m.IsValid() {
		return abiEvent.RawName, nil, fmt.Errorf("chain: no binding decodes the %s event; regenerate the bindings", abiEvent.RawName)
	}
	out := m.Call([]reflect.Value{reflect.ValueOf(l)})
	if errV := out[1].Interface(); errV != nil {
		return abiEvent.RawName, nil, fmt.Errorf("chain: decode %s: %w", abiEvent.RawName, errV.(error))
	}
	return abiEvent.RawName, out[0].Interface(), nil
}
