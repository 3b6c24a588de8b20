#!/usr/bin/env bash
# Installs what building and testing Tabkeep needs on a Debian machine: the browsers the
# tests drive, a virtual display for the keyboard-shortcut test, and the npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium firefox-esr xvfb xdotool)
missing=()
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
