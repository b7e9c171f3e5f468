#!/usr/bin/env bash
# The test command (README "The two commands"; .ci/run calls exactly this script).
# Some tests drive real parts: Debian's chromium (the dashboard's browser tests) and redis-server. When one of their
# packages is missing this script installs them if it runs as root, and otherwise stops with the line to run.
set -euo pipefail
cd "$(dirname "$0")"

packages=(redis-server chromium chromium-driver)
install_line="apt-get update && apt-get install -y ${packages[*]}"

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null | grep -qx installed; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} > 0)); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "Missing Debian packages: ${missing[*]}. Install them as root, then run ./test.sh again:" >&2
    echo "  $install_line" >&2
    exit 1
  fi
  echo "Installing missing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y "${packages[@]}" </dev/null
fi

exec mvn -B verify "$@"
