#!/usr/bin/env bash
# Debian's chromium for the Playwright journeys (Playwright's own browser download does not work offline).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "Cài chromium (gói Debian)…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q chromium fonts-dejavu-core
