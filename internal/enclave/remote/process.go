package remote

import (
	"fmt"
	"os/exec"

	"github.com/enigma-go/enigma/internal/enclave"
)

// Process is an enclave running in a child process that serves the
// protocol on its standard input and output (e.g. `enigma enclave serve`).
type Process struct {
	*enclave.Client
	conn *Conn
	cmd  *exec.Cmd
}

// Start runs cmd with pipes on its standard input and output. The child's
// standard error is left as cmd has it (its log).
func Start(cmd *exec.Cmd) (*Process, error) {
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("remote: %w", err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("remote: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("remote: start the enclave process: %w", err)
	}
	conn := NewConn(out, in)
	return &Process{Client: enclave.NewClient(conn), conn: conn, cmd: cmd}, nil
}

// Close ends the child's input and waits for it to exit.
func (p *Process) Close() error {
	err := p.conn.Close()
	if werr := p.cmd.Wait(); werr != nil && err == nil {
		err = fmt.Errorf("remote: enclave process: %w", werr)
	}
	return err
}
