// Package metrics tests the network's Prometheus metrics end to end: a
// devnet runs tasks while a real Prometheus scrapes its /metrics, and the
// Grafana dashboard (deploy/grafana/enigma.json) uses only metrics the
// devnet exposes (docs/metrics.md).
package metrics
