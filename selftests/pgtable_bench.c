// SPDX-License-Identifier: GPL-2.0
/*
 * Page-table-heavy operations for 'make bench' (not a test): fork, munmap,
 * mmap + fault, exec and thread stacks (vmalloc/vfree), each timed and
 * delimited in QEMU's arm_por_write trace, so that scripts/bench can count
 * the POR_EL1 writes (kpkeys context switches) each operation costs.
 *
 * Before each operation's rounds, a marker goes to POR_EL0 (EL0 can write
 * it, QEMU traces it like POR_EL1): pkey 0 keeps RWX, bits [31:28] (pkey
 * 7) are MARKER_SIG and bits [27:4] (pkeys 1-6, which the program does not
 * use) the marker's number. Bits [63:32] are RES0. Prints, per operation:
 * "pgtable_bench: NAME: T ns/op, R rounds, markers A-B step S": the writes
 * traced after markers A, A+S, ... B (up to the next marker, written as
 * each measured part ends) are its own.
 *
 *   pgtable_bench            run every operation
 *   pgtable_bench --exit     exit at once (the program the exec rounds run)
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>

#define MARKER_SIG	0xbULL
#define POE_RWX		0x7ULL
#define THREADS		16

static unsigned long marker_nr;

static void marker(void)
{
	uint64_t v = MARKER_SIG << 28 | ++marker_nr << 4 | POE_RWX;

	asm volatile("msr s3_3_c10_c2_4, %0; isb" : : "r"(v) : "memory");
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static void report(const char *name, double ns, int rounds,
		   unsigned long first, unsigned long step)
{
	printf("pgtable_bench: %s: %.0f ns/op, %d rounds, markers %lu-%lu step %lu\n",
	       name, ns / rounds, rounds, first, first + (rounds - 1) * step, step);
	fflush(stdout);
}

/* @mib MiB of anonymous memory, touched, mapped by pages (no THP). */
static char *touched(size_t mib)
{
	size_t len = mib << 20;
	char *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		perror("mmap");
		exit(1);
	}
	madvise(p, len, MADV_NOHUGEPAGE);
	for (size_t i = 0; i < len; i += 4096)
		p[i] = 1;
	return p;
}

/*
 * fork() of a process with @mib MiB touched: the child waits until the
 * parent has left fork(), so that only fork() is counted (its exit is
 * counted by the exit rounds that follow).
 */
static void bench_fork(size_t mib, int rounds)
{
	char name[64], *p = touched(mib);
	double fork_ns = 0, exit_ns = 0, t;
	int i, go[2];
	pid_t pid;

	for (i = 0; i < rounds; i++) {
		if (pipe(go))
			exit(1);
		marker();
		t = now_ns();
		pid = fork();
		if (pid == 0) {
			char c;

			read(go[0], &c, 1);
			_exit(0);
		}
		fork_ns += now_ns() - t;
		marker();
		t = now_ns();
		write(go[1], "x", 1);
		waitpid(pid, NULL, 0);
		exit_ns += now_ns() - t;
		marker();
		close(go[0]);
		close(go[1]);
	}
	/* Three markers a round: fork, exit, neither. */
	snprintf(name, sizeof(name), "fork %zu MiB", mib);
	report(name, fork_ns, rounds, marker_nr - 3 * rounds + 1, 3);
	snprintf(name, sizeof(name), "exit %zu MiB", mib);
	report(name, exit_ns, rounds, marker_nr - 3 * rounds + 2, 3);
	munmap(p, mib << 20);
}

static void bench_munmap(size_t mib, int rounds)
{
	char name[64];
	double ns = 0, t;
	int i;

	for (i = 0; i < rounds; i++) {
		char *p = touched(mib);

		marker();
		t = now_ns();
		munmap(p, mib << 20);
		ns += now_ns() - t;
		marker();	/* the next mmap is not munmap's */
	}
	snprintf(name, sizeof(name), "munmap %zu MiB", mib);
	report(name, ns, rounds, marker_nr - 2 * rounds + 1, 2);
}

static void bench_mmap_fault(size_t mib, int rounds)
{
	char name[64];
	double start;
	int i;

	marker();
	start = now_ns();
	for (i = 0; i < rounds; i++)
		munmap(touched(mib), mib << 20);
	marker();
	snprintf(name, sizeof(name), "mmap+fault+munmap %zu MiB", mib);
	report(name, now_ns() - start, rounds, marker_nr - 1, 0);
}

static void bench_exec(const char *self, int rounds)
{
	double start;
	int i;

	marker();
	start = now_ns();
	for (i = 0; i < rounds; i++) {
		pid_t pid = fork();

		if (pid == 0) {
			execl(self, self, "--exit", (char *)NULL);
			_exit(127);
		}
		waitpid(pid, NULL, 0);
	}
	marker();
	report("fork+exec+exit", now_ns() - start, rounds, marker_nr - 1, 0);
}

static void *thread_fn(void *arg)
{
	return arg;
}

/* Thread stacks are vmalloc()ed (CONFIG_VMAP_STACK), beyond a small cache. */
static void bench_threads(int rounds)
{
	pthread_t t[THREADS];
	double start;
	int i, j;

	marker();
	start = now_ns();
	for (i = 0; i < rounds; i++) {
		for (j = 0; j < THREADS; j++)
			pthread_create(&t[j], NULL, thread_fn, NULL);
		for (j = 0; j < THREADS; j++)
			pthread_join(t[j], NULL);
	}
	marker();
	report("16 threads (vmalloc/vfree of stacks)", now_ns() - start, rounds,
	       marker_nr - 1, 0);
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "--exit"))
		return 0;
	bench_fork(1, 20);
	bench_fork(64, 5);
	bench_fork(1024, 2);
	bench_munmap(64, 5);
	bench_mmap_fault(64, 5);
	bench_exec(argv[0], 20);
	bench_threads(10);
	return 0;
}
