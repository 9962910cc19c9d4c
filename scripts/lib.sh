# Shared settings for the bench scripts (sourced, not run).
# shellcheck shell=sh

KPKEYS_TOP=$(cd "$(dirname "$0")/.." && pwd)
KPKEYS_CACHE=${KPKEYS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kpkeys}
export KPKEYS_TOP KPKEYS_CACHE

die() {
	echo "error: $*" >&2
	exit 1
}

log() {
	echo "==> $*" >&2
}

# The kernel's own python must be Debian's, not a pyenv shim earlier in PATH.
PYTHON=/usr/bin/python3

# meson comes unpacked from bookworm-backports (scripts/configure-qemu);
# build.ninja calls meson again, so every ninja run needs this too.
qemu_pythonpath() {
	echo "$KPKEYS_CACHE/tools/root/usr/lib/python3/dist-packages"
}

# Debian's tools first: a pyenv python3 earlier in PATH lacks the modules
# the kernel's scripts import (checkpatch's spdxcheck needs python3-ply).
PATH=/usr/bin:/bin:$PATH
export PATH
