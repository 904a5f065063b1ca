#!/usr/bin/env bash
# Debian's Chromium for the headless sidebar tests (playwright-core drives it; no browser download
# from the internet is possible or needed).
exec bash "$(dirname "$0")/ensure-debian-package.sh" chromium chromium
