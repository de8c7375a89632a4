#!/usr/bin/env bash
# Debian packages the tests need: chromium for the Playwright journeys (Playwright's own browser
# download does not work offline), pango and fonts for WeasyPrint's PDF, poppler for reading it back.
# fonts-liberation2: Liberation 1.07 (fonts-liberation) has no Vietnamese letters, so the PDF would
# draw "ộ" or "Ủ" from DejaVu Serif inside Liberation words; version 2 covers Vietnamese.
set -euo pipefail
PACKAGES=(chromium fonts-dejavu-core fonts-liberation fonts-liberation2 libpango-1.0-0 libpangoft2-1.0-0 poppler-utils)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "Cài gói Debian: ${missing[*]}…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q "${missing[@]}"
