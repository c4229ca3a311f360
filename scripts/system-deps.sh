#!/usr/bin/env bash
# Installs the Debian packages the tests drive as real programs: prometheus
# (scrapes the nodes' /metrics in the metrics test) and chromium (loads the
# explorer in the browser test). It needs root and apt-get; where either is
# missing it says so and leaves the tests that need the packages to skip
# (or, under CI=true, to fail with the command to run).
set -euo pipefail
need=()
command -v prometheus >/dev/null 2>&1 || need+=(prometheus)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -eq 0 ]; then
	exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
	echo "system deps: ${need[*]} not installed and this is not root on a Debian-like system; run: sudo apt-get install -y ${need[*]}" >&2
	exit 0
fi
echo "apt: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null || echo "apt-get update failed; trying the install with the lists present" >&2
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
