// SPDX-License-Identifier: GPL-2.0
/*
 * A page-table stress for the mm workload (scripts/mm-workload): for a
 * few seconds, on every CPU, processes and threads map, fault, write,
 * mprotect, mremap, fork (with copy-on-write checked on both sides), exec,
 * madvise(MADV_DONTNEED) and unmap, and touch a sparse terabyte so that
 * tables are allocated and freed at every level. Any byte found with the
 * wrong value fails the test (KTAP, exit 1).
 *
 *   mm_stress [SECONDS [WORKERS]]   default 10 s, one worker per CPU
 *   mm_stress --exec-child          what the exec rounds run
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>

#define THREADS		2	/* per worker process: one mm, several CPUs */
#define MAX_PAGES	2048	/* 8 MiB with 4 KiB pages: spans PMDs */
#define SPARSE		(1ULL << 40)
#define SPARSE_STEP	(1ULL << 37)	/* 8 touches: PUD and PMD tables */

static long page;
static time_t deadline;

struct counts {
	unsigned long rounds, forks, execs;
};

static void fail(const char *what, long where)
{
	printf("# mm_stress: pid %d: %s (at %ld): %s\n", getpid(), what, where,
	       errno ? strerror(errno) : "wrong contents");
	fflush(stdout);
	_exit(1);
}

static uint64_t pattern(unsigned int seed, long i)
{
	return (uint64_t)seed << 32 | (uint64_t)i;
}

static void fill(char *p, long pages, unsigned int seed)
{
	for (long i = 0; i < pages; i++)
		*(uint64_t *)(p + i * page) = pattern(seed, i);
}

/* Pages [from, to) of the mapping at @p. */
static void check_range(const char *what, char *p, long from, long to,
			unsigned int seed)
{
	for (long i = from; i < to; i++)
		if (*(uint64_t *)(p + i * page) != pattern(seed, i)) {
			errno = 0;
			fail(what, i);
		}
}

static void check(const char *what, char *p, long pages, unsigned int seed)
{
	check_range(what, p, 0, pages, seed);
}

static void check_zero(const char *what, char *p, long pages)
{
	for (long i = 0; i < pages; i++)
		if (*(uint64_t *)(p + i * page)) {
			errno = 0;
			fail(what, i);
		}
}

/* Tables at every level: one page touched every 128 GiB of 1 TiB. */
static void sparse(void)
{
	char *p = mmap(NULL, SPARSE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (p == MAP_FAILED)
		fail("mmap of the sparse terabyte", 0);
	for (uint64_t off = 0; off < SPARSE; off += SPARSE_STEP)
		*(uint64_t *)(p + off) = off;
	for (uint64_t off = 0; off < SPARSE; off += SPARSE_STEP)
		if (*(uint64_t *)(p + off) != off) {
			errno = 0;
			fail("sparse terabyte", off / SPARSE_STEP);
		}
	if (munmap(p, SPARSE))
		fail("munmap of the sparse terabyte", 0);
}

/* One round: every operation on a fresh mapping of random size. */
static void round_once(unsigned int *rng, struct counts *c, int may_fork)
{
	long pages = 16 + rand_r(rng) % (MAX_PAGES - 16);
	unsigned int seed = rand_r(rng);
	long half = pages / 2;
	char *p, *q;
	int status, exec;
	pid_t pid;

	p = mmap(NULL, pages * page, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		fail("mmap", pages);
	fill(p, pages, seed);

	if (mprotect(p, half * page, PROT_READ))
		fail("mprotect read-only", half);
	check("after mprotect", p, pages, seed);
	if (mprotect(p, half * page, PROT_READ | PROT_WRITE))
		fail("mprotect read-write", half);

	q = mremap(p, pages * page, 2 * pages * page, MREMAP_MAYMOVE);
	if (q == MAP_FAILED)
		fail("mremap", pages);
	p = q;
	check("after mremap", p, pages, seed);
	check_zero("the part mremap added", p + pages * page, pages);

	if (may_fork) {
		exec = rand_r(rng) % 4 == 0;
		pid = fork();
		if (pid < 0)
			fail("fork", 0);
		if (pid == 0) {
			check("in the child", p, pages, seed);
			fill(p, pages, ~seed);
			check("the child's copy", p, pages, ~seed);
			if (exec) {
				execl("/proc/self/exe", "mm_stress", "--exec-child",
				      (char *)NULL);
				fail("exec", 0);
			}
			_exit(0);
		}
		if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
		    WEXITSTATUS(status)) {
			errno = 0;
			fail("the child failed", pid);
		}
		check("the parent's copy after the child wrote", p, pages, seed);
		c->forks++;
		c->execs += exec;
	}

	if (madvise(p, half * page, MADV_DONTNEED))
		fail("madvise", half);
	check_zero("after MADV_DONTNEED", p, half);
	check_range("past MADV_DONTNEED", p, half, pages, seed);
	/* A hole in the middle, then the rest. */
	if (munmap(p + half * page, page))
		fail("munmap of one page", half);
	if (munmap(p, 2 * pages * page))
		fail("munmap", pages);
	if (rand_r(rng) % 8 == 0)
		sparse();
	c->rounds++;
}

static void *thread(void *arg)
{
	struct counts *c = arg;
	unsigned int rng = (unsigned int)(uintptr_t)arg ^ getpid();

	while (time(NULL) < deadline)
		round_once(&rng, c, 0);
	return NULL;
}

/* A worker: its threads share its mm; it forks and execs on its own. */
static int worker(int id, int fd)
{
	struct counts c[THREADS + 1] = { 0 };
	pthread_t t[THREADS];
	unsigned int rng = id * 7919 + getpid();

	for (int i = 0; i < THREADS; i++)
		if (pthread_create(&t[i], NULL, thread, &c[i + 1]))
			fail("pthread_create", i);
	while (time(NULL) < deadline)
		round_once(&rng, &c[0], 1);
	for (int i = 0; i < THREADS; i++) {
		pthread_join(t[i], NULL);
		c[0].rounds += c[i + 1].rounds;
	}
	if (write(fd, &c[0], sizeof(c[0])) != sizeof(c[0]))
		fail("write", 0);
	return 0;
}

int main(int argc, char **argv)
{
	long seconds = argc > 1 ? atol(argv[1]) : 10;
	long workers = argc > 2 ? atol(argv[2]) : sysconf(_SC_NPROCESSORS_ONLN);
	struct counts total = { 0 }, c;
	int fds[2], failed = 0, status;

	page = sysconf(_SC_PAGESIZE);
	if (argc > 1 && !strcmp(argv[1], "--exec-child")) {
		char *p = mmap(NULL, 64 * page, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED)
			return 1;
		fill(p, 64, 1);
		check("in the exec'd child", p, 64, 1);
		return munmap(p, 64 * page) ? 1 : 0;
	}

	printf("TAP version 13\n1..1\n");
	fflush(stdout);
	if (seconds <= 0 || workers <= 0 || pipe(fds)) {
		printf("not ok 1 mm_stress # bad arguments\n");
		return 1;
	}
	deadline = time(NULL) + seconds;
	for (long i = 0; i < workers; i++) {
		pid_t pid = fork();

		if (pid < 0)
			fail("fork of a worker", i);
		if (pid == 0)
			_exit(worker(i, fds[1]));
	}
	close(fds[1]);
	while (wait(&status) > 0)
		failed |= !WIFEXITED(status) || WEXITSTATUS(status);
	while (read(fds[0], &c, sizeof(c)) == sizeof(c)) {
		total.rounds += c.rounds;
		total.forks += c.forks;
		total.execs += c.execs;
	}
	printf("# mm_stress: %ld workers x %d threads, %ld s: %lu rounds, %lu forks, %lu execs\n",
	       workers, THREADS + 1, seconds, total.rounds, total.forks, total.execs);
	printf("%sok 1 mm_stress\n", failed ? "not " : "");
	return failed;
}
