#!/usr/bin/env bash
# Lint specs with Spectral (ruleset: .spectral.yaml). Usage: tools/spectral.sh lint SPEC... [OPTIONS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
exec "$root/tools/node.sh" spectral "$@" --ruleset "$root/.spectral.yaml"
