# kpkeys bench: the front door. See README.md.
#
#   make run     build everything missing, run the kpkeys KUnit suites on
#                arm64 with FEAT_S1POE (CPU=max,poe=off for a CPU without)
#   make test    every check below, ending with 'N passed, N failed, ...'

CPU ?= max

.PHONY: run test bench deps qemu qemu-tree qemu-dev qemu-export qemu-tcg tree kernel export kunit selftests-poe mm-workload check-series summary clean

run: kernel qemu
	scripts/kunit kunit-arm64 arm64 $(CPU)
	@grep -E '^(KTAP|[0-9]+\.\.|(not )?ok |    (not )?ok |        (not )?ok )' build/results/kunit-arm64.ktap || true
	@grep -h '# Totals' build/results/kunit-arm64.ktap
	@! grep -q '^ *not ok' build/results/kunit-arm64.ktap

# Every step, timed, in one script: a failing step does not stop the
# others, and the summary counts what is missing as failed.
test:
	scripts/test

# Guest workloads timed on build/qemu (QEMU=path for another build):
# figures, not tests.
bench: kernel qemu
	scripts/bench

deps:
	@scripts/deps

qemu: deps
	scripts/build-qemu >/dev/null

tree: deps
	scripts/make-tree

# build/qemu-src: the pinned QEMU + qemu/patches/ as commits ('make tree'
# for QEMU); 'make qemu-dev' builds its work tree incrementally and makes
# the bench use it; 'make qemu-export' regenerates qemu/patches/ from it
# ('make qemu' goes back to the build from qemu/patches/).
qemu-tree: deps
	scripts/make-qemu-tree

qemu-dev: deps
	[ -d build/qemu-src/.git ] || scripts/make-qemu-tree
	scripts/build-qemu --tree >/dev/null

qemu-export:
	scripts/export-qemu

# Our QEMU's bare-metal FEAT_S1POE conformance test (tests/tcg), with the
# QEMU that build/qemu/ links to.
qemu-tcg:
	scripts/qemu-tcg
	scripts/summarize tcg

# The arm64 bench kernel, from build/linux's work tree (commits and edits:
# build/linux is made only if it is missing).
kernel: deps
	[ -d build/linux/.git ] || scripts/make-tree
	scripts/sync-src
	scripts/bench-kernel >/dev/null

export:
	scripts/export-series

# The boot matrix's rows that boot the bench kernel (kunit/matrix.tsv), and
# UML. The KVM rows boot the tip's LLVM build: they run in make test.
kunit: kernel qemu
	for row in $$(scripts/boot-matrix --rows arm64); do \
		scripts/boot-matrix $$row poe && scripts/boot-matrix $$row nopoe || exit; \
	done
	scripts/kunit kunit-um um
	scripts/summarize kunit-bench

selftests-poe: kernel qemu
	scripts/selftests-poe
	scripts/summarize selftests

# The mm selftests and a fork/exec/mmap stress, 4 CPUs, hardened page
# tables on and off, on the tip's arm64 LLVM kernel and x86-64 kernel
# (check-series tip builds them).
mm-workload: qemu
	scripts/mm-workload x86_64
	scripts/mm-workload arm64
	scripts/summarize mm-workload

check-series: tree
	scripts/sync-src --committed
	scripts/check-series
	scripts/summarize checks

summary:
	scripts/summarize

clean:
	rm -rf build
