#!/usr/bin/env bash
# Makes sure the command-line tools the tests drive are installed: installs
# the missing ones with apt-get when it can (as root), and otherwise stops
# with a message naming each one. It never lets a test be skipped for want
# of a tool.
set -euo pipefail

# have TOOL: whether TOOL is installed. Debian keeps PostgreSQL's server
# programs off PATH, under /usr/lib/postgresql/VERSION/bin.
have() {
  case "$1" in
    postgresql) compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null ;;
    *) command -v "$1" >/dev/null 2>&1 ;;
  esac
}

missing=()
for tool in "$@"; do
  have "$tool" || missing+=("$tool")
done
[ ${#missing[@]} -eq 0 ] && exit 0

# Debian package names, where they differ from the command.
package_for() {
  case "$1" in
    gnome-keyring-daemon) echo gnome-keyring ;;
    *) echo "$1" ;;
  esac
}

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
  packages=()
  for tool in "${missing[@]}"; do packages+=("$(package_for "$tool")"); done
  echo "installing ${packages[*]} (needed by the tests)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "${packages[@]}" >/dev/null
  for tool in "${missing[@]}"; do
    have "$tool" || { echo "error: installed $(package_for "$tool") but $tool is still missing" >&2; exit 1; }
  done
  exit 0
fi

for tool in "${missing[@]}"; do
  echo "error: the tests need '$tool', which is not installed; install it (for example: sudo apt-get install $(package_for "$tool")) and run make test again" >&2
done
exit 1
