//go:build race

package sim

// raceEnabled: compiling a Go contract under the race detector takes half
// a minute; those tests run without it.
const raceEnabled = true
