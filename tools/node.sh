#!/usr/bin/env bash
# Install the pinned Node tools (tools/node/package*.json) into build/node once, then run one of their binaries.
# Usage: tools/node.sh BIN [ARGS...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/build/node"
if ! cmp -s "$root/tools/node/package-lock.json" "$dest/package-lock.json" || [ ! -d "$dest/node_modules" ]; then
  mkdir -p "$dest"
  cp "$root/tools/node/package.json" "$root/tools/node/package-lock.json" "$dest/"
  (cd "$dest" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
bin="$1"; shift
exec "$dest/node_modules/.bin/$bin" "$@"
