#!/usr/bin/env bash
# Installs the npm packages that the build and tests use into the folders of
# this repository that declare them (a package.json with a package-lock.json
# beside it). Nothing is installed globally. Re-running is cheap: a folder
# whose node_modules is newer than its lock file is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
for lock in $(git ls-files '*package-lock.json' 2>/dev/null | grep -v node_modules || true); do
	dir=$(dirname "$lock")
	if [ -d "$dir/node_modules" ] && [ "$dir/node_modules" -nt "$lock" ]; then
		continue
	fi
	echo "npm: installing into $dir"
	(cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
	touch "$dir/node_modules"
done
