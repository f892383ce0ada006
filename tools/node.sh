#!/usr/bin/env bash
# Install one pinned set of Node tools (tools/$KBAPI_NODE_SET/package*.json, default `node`) into build/ once,
# then run one of their binaries. The docs tools are their own set so that they install only for `make docs`.
# Usage: [KBAPI_NODE_SET=docs-node] tools/node.sh BIN [ARGS...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
set_name="${KBAPI_NODE_SET:-node}"
src="$root/tools/$set_name"
dest="$root/build/$set_name"
if ! cmp -s "$src/package-lock.json" "$dest/package-lock.json" || [ ! -d "$dest/node_modules" ]; then
  mkdir -p "$dest"
  cp "$src/package.json" "$src/package-lock.json" "$dest/"
  (cd "$dest" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
bin="$1"; shift
exec "$dest/node_modules/.bin/$bin" "$@"
