#!/usr/bin/env bash
# Renders scripts/richmenu.html to richmenu/richmenu.png (2500×1686) with headless Chromium.
# Needs Debian's chromium and fonts-noto-cjk: apt-get install -y chromium fonts-noto-cjk
# The PNG is committed; run this only when the menu's labels or colours change, then check it
# with `madoguchi richmenu check`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/richmenu/richmenu.png}"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "render-richmenu: chromium not found (apt-get install -y chromium fonts-noto-cjk)" >&2
  exit 1
fi
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars --force-device-scale-factor=1 \
  --window-size=2500,1686 --screenshot="$out" "file://$root/scripts/richmenu.html" 2>/dev/null
echo "render-richmenu: wrote $out ($(wc -c <"$out") bytes)"
