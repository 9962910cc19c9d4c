# Shared settings for the bench scripts (sourced, not run).
# shellcheck shell=sh

KPKEYS_TOP=$(cd "$(dirname "$0")/.." && pwd)
KPKEYS_CACHE=${KPKEYS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kpkeys}
export KPKEYS_TOP KPKEYS_CACHE

# The kernel tree every kernel of the bench is built from: a git repository
# in the cache with the pinned base (tag 'base', scripts/prepare-base), at a
# path that is the same for every clone of the bench, so that kbuild's
# build directories in the cache stay valid for a fresh clone.
# scripts/sync-src checks out build/linux's work there; check-series walks
# it through the series, patch by patch, and leaves it at the tip.
KPKEYS_SRC="$KPKEYS_CACHE/linux-$(sed -n 's/^VERSION=//p' "$KPKEYS_TOP/pins/linux-source.pin")"
# A second work tree of that repository, always at build/linux's work,
# for what must not wait while check-series walks the first one: the tip's
# other builds (LLVM, CONFIG_KPKEYS=n, x86-64) and UML KUnit.
KPKEYS_TIP="$KPKEYS_SRC-tip"
# A third, at the base, made by check-series when it must build the base
# for x86-64 (checks/size-base).
KPKEYS_BASE="$KPKEYS_SRC-base"

# One ccache for every kernel the bench builds (arm64, LLVM, x86-64, UML;
# QEMU's build does not use ccache), in depend mode: a miss runs
# the compiler once, where the default mode first runs the preprocessor to
# look the result up again (+33% on each kernel object compiled, measured:
# mm/ of the bench kernel, 39.4 s against 29.6 s without ccache; 30.6 s in
# depend mode). A fresh 'make test' misses on almost every object. What
# depend mode gives up, hits on a preprocessed output that did not change
# while a header did, never happened in the walk of the series.
CCACHE_DIR="$KPKEYS_CACHE/ccache"
CCACHE_DEPEND=1
export CCACHE_DIR CCACHE_DEPEND

# The KTAP that selftests/init.c printed in a guest's console LOG, to KTAP.
guest_ktap() { # LOG KTAP
	sed -n '/^KTAP version/,$p' "$1" |
		grep -E '^(KTAP|[0-9]+\.\.|(not )?ok |# )' > "$2" || true
}

die() {
	echo "error: $*" >&2
	exit 1
}

log() {
	echo "==> $*" >&2
}

# 125 -> 2m05s
duration() {
	printf '%dm%02ds' $(($1 / 60)) $(($1 % 60))
}

# Print a progress line every minute while a long build runs: its label,
# the time so far and how many files of OUTDIR (matching NAME, default
# '*.o') it has written. 'heartbeat_stop' or the caller's exit ends it (it
# sets the caller's EXIT trap). sleep gets no stdout/stderr, so that a
# pipe reading the caller's output closes as soon as the caller is done.
heartbeat_start() { # LABEL OUTDIR [NAME]
	hb_stamp=$(mktemp)
	# To fd 3 where the caller opened it for progress (check-series sends
	# each build's output to a log), else to stderr.
	hb_fd=2
	{ true >&3; } 2>/dev/null && hb_fd=3
	trap heartbeat_stop EXIT
	(
		start=$(date +%s)
		while sleep 60 >/dev/null 2>&1 && kill -0 $$ 2>/dev/null; do
			n=$(find "$2" -name "${3:-*.o}" -newer "$hb_stamp" 2>/dev/null | wc -l)
			echo "... $1: $(duration $(($(date +%s) - start))), $n files compiled"
		done
	) >&"$hb_fd" &
	hb_pid=$!
}

heartbeat_stop() {
	kill "$hb_pid" 2>/dev/null || true
	rm -f "$hb_stamp"
}

# The kernel's own python must be Debian's, not a pyenv shim earlier in PATH.
PYTHON=/usr/bin/python3

# meson comes unpacked from bookworm-backports (scripts/configure-qemu);
# build.ninja calls meson again, so every ninja run needs this too.
qemu_pythonpath() {
	echo "$KPKEYS_CACHE/tools/root/usr/lib/python3/dist-packages"
}

# The pinned QEMU source with Debian's patches applied, unpacked into DIR
# (which must not exist): the base of both the cached build
# (scripts/build-qemu) and build/qemu-src (scripts/make-qemu-tree).
qemu_unpack() { # DIR
	qu_orig=$("$KPKEYS_TOP/scripts/fetch" "$KPKEYS_TOP/pins/qemu-source.pin")
	qu_debian=$("$KPKEYS_TOP/scripts/fetch" "$KPKEYS_TOP/pins/qemu-debian.pin")
	mkdir -p "$1/.debian"
	log "unpacking $(basename "$qu_orig"), applying Debian's patches"
	tar -C "$1" --strip-components=1 --no-same-owner -xf "$qu_orig"
	tar -C "$1/.debian" --no-same-owner -xf "$qu_debian" debian/patches
	for qu_p in $(grep -v '^#' "$1/.debian/debian/patches/series"); do
		patch -d "$1" -p1 -s -N < "$1/.debian/debian/patches/$qu_p" ||
			die "Debian patch $qu_p does not apply"
	done
	rm -rf "$1/.debian"
}

# Patch ids (git patch-id --stable), one a line: of the patch files given,
# and of the commits base..HEAD of a tree. Equal lists: the tree holds
# exactly those patches (scripts/make-tree, scripts/make-qemu-tree).
patch_ids() { # FILE...
	for pi_p in "$@"; do git patch-id --stable < "$pi_p"; done | cut -d' ' -f1
}

tree_patch_ids() { # TREE
	git -C "$1" log --reverse -p base..HEAD | git patch-id --stable | cut -d' ' -f1
}

# Debian's tools first: a pyenv python3 earlier in PATH lacks the modules
# the kernel's scripts import (checkpatch's spdxcheck needs python3-ply).
PATH=/usr/bin:/bin:$PATH
export PATH
