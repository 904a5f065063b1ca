#!/usr/bin/env bash
# Installs a Debian package unless its program is already there: ensure-debian-package.sh PROGRAM PACKAGE.
# Used for programs some test suites drive (no download outside Debian's archive is needed).
set -euo pipefail
program="$1"
package="$2"
if command -v "$program" >/dev/null 2>&1; then exit 0; fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "$package" >/dev/null
