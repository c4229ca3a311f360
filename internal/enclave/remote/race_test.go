//go:build race

package remote

// raceEnabled: child processes built with the race detector start slowly
// enough to take the package's tests past a minute; the in-process pipe
// variant covers the same code under the detector.
const raceEnabled = true
