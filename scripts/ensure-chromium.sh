#!/usr/bin/env bash
# Browser tests use Debian's Chromium (Playwright cannot download its own browser here).
# Installs it when we can (root with apt), otherwise says exactly what to run.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing: installing Debian's chromium package (a minute or two)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  echo "Installed $("$chromium" --version 2>/dev/null || echo chromium)."
  exit 0
fi
cat >&2 <<MSG
The browser tests need Chromium at $chromium, and it is not there.
Install Debian's package, then run the tests again:

    sudo apt-get update && sudo apt-get install -y chromium

Or point CHROMIUM_PATH at another Chromium or Chrome binary.
MSG
exit 1
