#!/usr/bin/env bash
# tests/e2e/behind-proxy.spec.ts runs the built server behind Debian's nginx, configured as the
# README's "Deploying" says. Installs nginx when we can (root with apt), otherwise says what to run.
# Only the binary is used: the tests start nginx with a configuration of their own, on loopback.
set -euo pipefail
nginx="${NGINX_PATH:-/usr/sbin/nginx}"
if [ -x "$nginx" ] && command -v openssl >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "nginx is missing: installing Debian's nginx and openssl packages..."
  apt-get update -qq
  # The package would start a server of its own on port 80: policy-rc.d tells it not to.
  policy=/usr/sbin/policy-rc.d
  made_policy=false
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy"
    chmod +x "$policy"
    made_policy=true
  fi
  status=0
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx openssl >/dev/null || status=$?
  if [ "$made_policy" = true ]; then rm -f "$policy"; fi
  if [ "$status" != 0 ]; then exit "$status"; fi
  "$nginx" -v
  exit 0
fi
cat >&2 <<MSG
The tests behind a reverse proxy need Debian's nginx (at $nginx) and openssl, and they are not there.
Install them, then run the tests again:

    sudo apt-get update && sudo apt-get install -y nginx openssl
MSG
exit 1
