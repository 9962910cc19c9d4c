// SPDX-License-Identifier: GPL-2.0
/*
 * A guard-heavy user-space workload for our QEMU's POR_ELx emulation (run by
 * 'make bench', not a test): the user-space analogue of a kpkeys guard.
 * Each round opens a pkey for writing in POR_EL0, stores to a page with
 * that pkey, closes it again (read-only) and then reads one word from each
 * of PAGES other pages, which QEMU must translate again if the POR_EL0
 * writes flushed its TLB. Prints ns per round, with and without the reads.
 */
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#define ROUNDS	100000
#define PAGES	64
#define PERM_R	0x1
#define PERM_RW	0x5

static uint64_t read_por_el0(void)
{
	uint64_t v;

	asm volatile("mrs %0, s3_3_c10_c2_4" : "=r"(v));
	return v;
}

static void write_por_el0(uint64_t v)
{
	asm volatile("msr s3_3_c10_c2_4, %0; isb" : : "r"(v) : "memory");
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static double rounds(volatile uint64_t *target, volatile uint64_t *other,
		     int pages, uint64_t open, uint64_t closed)
{
	long page = sysconf(_SC_PAGESIZE) / sizeof(uint64_t);
	uint64_t sum = 0;
	double start = now_ns();

	for (int i = 0; i < ROUNDS; i++) {
		write_por_el0(open);
		*target = i;
		write_por_el0(closed);
		for (int p = 0; p < pages; p++)
			sum += other[p * page];
	}
	(void)sum;
	return (now_ns() - start) / ROUNDS;
}

int main(void)
{
	long psize = sysconf(_SC_PAGESIZE);
	uint64_t *target, *other, base, open, closed;
	int pkey;

	target = mmap(NULL, psize, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	other = mmap(NULL, PAGES * psize, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	if (target == MAP_FAILED || other == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	pkey = syscall(SYS_pkey_alloc, 0, 0);
	if (pkey < 0) {
		printf("1..0 # SKIP no pkeys (FEAT_S1POE): %d\n", pkey);
		return 4;
	}
	if (syscall(SYS_pkey_mprotect, target, psize, PROT_READ | PROT_WRITE,
		    pkey)) {
		perror("pkey_mprotect");
		return 1;
	}
	base = read_por_el0() & ~(0xfull << (pkey * 4));
	open = base | ((uint64_t)PERM_RW << (pkey * 4));
	closed = base | ((uint64_t)PERM_R << (pkey * 4));

	printf("por_bench: %d rounds: POR_EL0 open, store, POR_EL0 close\n",
	       ROUNDS);
	printf("por_bench: no other pages: %.0f ns per round\n",
	       rounds(target, other, 0, open, closed));
	printf("por_bench: %d other pages read: %.0f ns per round\n", PAGES,
	       rounds(target, other, PAGES, open, closed));
	return 0;
}
