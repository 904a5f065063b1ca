#!/usr/bin/env bash
# Installs Debian's Chromium for the headless sidebar tests (playwright-core drives it; no browser
# download from the internet is possible or needed).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
