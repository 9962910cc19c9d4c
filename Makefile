# kpkeys bench: the front door. See README.md.
#
#   make run     build everything missing, run the kpkeys KUnit suites on
#                arm64 with FEAT_S1POE (CPU=max,poe=off for a CPU without)
#   make test    every check below, ending with 'N passed, N failed, ...'

CPU ?= max

.PHONY: run test deps qemu tree export kunit selftests-poe check-series summary clean

run: deps qemu tree
	scripts/kunit kunit-arm64 arm64 $(CPU)
	@grep -E '^(KTAP|[0-9]+\.\.|(not )?ok |    (not )?ok |        (not )?ok )' build/results/kunit-arm64.ktap || true
	@grep -h '# Totals' build/results/kunit-arm64.ktap
	@! grep -q '^ *not ok' build/results/kunit-arm64.ktap

# Each step records its results; a failing step does not stop the others,
# and the summary counts what is missing as failed.
test: deps
	rm -rf build/results
	-scripts/build-qemu >/dev/null
	-scripts/make-tree
	-scripts/kunit kunit-arm64-poe arm64 max
	-scripts/kunit kunit-arm64-nopoe arm64 max,poe=off
	-scripts/kunit kunit-um um
	-scripts/selftests-poe
	-scripts/check-series
	scripts/summarize

deps:
	@scripts/deps

qemu: deps
	scripts/build-qemu >/dev/null

tree: deps
	scripts/make-tree

export:
	scripts/export-series

kunit: deps qemu tree
	scripts/kunit kunit-arm64-poe arm64 max
	scripts/kunit kunit-arm64-nopoe arm64 max,poe=off
	scripts/kunit kunit-um um
	scripts/summarize kunit

selftests-poe: deps qemu
	scripts/selftests-poe
	scripts/summarize selftests

check-series: deps tree
	scripts/check-series
	scripts/summarize checks

summary:
	scripts/summarize

clean:
	rm -rf build
