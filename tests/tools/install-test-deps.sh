#!/usr/bin/env bash
# Install what the tests need beyond the venv: Debian's Chromium, a Java runtime
# (for the Nu HTML Checker) and npm, then axe-core from package-lock.json into
# node_modules/. As root it installs Debian packages; otherwise it says what to run.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"

missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "The tests need these Debian packages: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

# axe-core for the accessibility tests and the Nu HTML Checker (vnu-jar) for the
# validity test, at the versions package-lock.json pins. `npm ci` empties
# node_modules/ first, so it only runs when a locked version is missing; it runs no
# install scripts (vnu-jar's would fetch a Java runtime: Debian's is used instead).
locked() {
  node -p 'require(process.argv[1]).packages["node_modules/" + process.argv[2]].version' \
    "$ROOT/package-lock.json" "$1"
}
installed() {
  node -p 'require(process.argv[1]).version' \
    "$ROOT/node_modules/$1/package.json" 2>/dev/null || true
}
for package in axe-core vnu-jar; do
  if [ "$(installed "$package")" != "$(locked "$package")" ]; then
    echo "Installing $package $(locked "$package") and the rest of package-lock.json (npm ci)"
    (cd "$ROOT" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
    break
  fi
done
test -f "$ROOT/node_modules/axe-core/axe.min.js"
test -f "$ROOT/node_modules/vnu-jar/build/dist/vnu.jar"
