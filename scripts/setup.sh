#!/usr/bin/env bash
# Everything a fresh machine needs before any pnpm script: the pnpm version pinned in
# package.json's `packageManager` (installed with npm when absent or different), then the
# workspace dependencies exactly as locked.
set -euo pipefail
cd "$(dirname "$0")/.."

want=$(node -p 'require("./package.json").packageManager.split("@")[1]')
have=$(pnpm --version 2>/dev/null || true)
if [ "$have" != "$want" ]; then
  echo "setup: installing pnpm@$want (found: ${have:-none})"
  npm install --global --no-fund --no-audit "pnpm@$want"
fi
export TURBO_TELEMETRY_DISABLED=1
pnpm install --frozen-lockfile
