// SPDX-License-Identifier: GPL-2.0
/*
 * How the arm64 linear map is mapped, for 'make bench' (not a test): from
 * the kernel's page-table dump (CONFIG_PTDUMP_DEBUGFS), the memory that
 * the linear map maps with each kind of leaf, counted in leaves:
 *   linear_map: 1G blocks N, 32M contiguous blocks N, 2M blocks N,
 *               64K contiguous pages N, 4K pages N
 * Booted with and without a feature that splits the linear map, the
 * difference is what it split.
 */
#include <stdio.h>
#include <string.h>

#define DUMP	"/sys/kernel/debug/kernel_page_tables"

enum { PUD, CONT_PMD, PMD, CONT_PTE, PTE, KINDS };

static const char *const name[KINDS] = {
	"1G blocks", "32M contiguous blocks", "2M blocks",
	"64K contiguous pages", "4K pages",
};
static const unsigned long long leaf_size[KINDS] = {
	1ULL << 30, 32ULL << 20, 2ULL << 20, 64ULL << 10, 4ULL << 10,
};

int main(void)
{
	unsigned long long start, end, bytes[KINDS] = { 0 };
	char line[512], level[8];
	int in_linear = 0;
	FILE *f;

	f = fopen(DUMP, "r");
	if (!f) {
		printf("linear_map: no %s (CONFIG_PTDUMP_DEBUGFS)\n", DUMP);
		return 4;
	}
	while (fgets(line, sizeof(line), f)) {
		int cont, kind;

		if (strstr(line, "---[ Linear Mapping start ]---"))
			in_linear = 1;
		else if (strstr(line, "---[ Linear Mapping end ]---"))
			in_linear = 0;
		/* Mapped leaves only: not holes, nor invalid entries (F). */
		if (!in_linear || !strstr(line, " MEM/") || strstr(line, " F ") ||
		    sscanf(line, "0x%llx-0x%llx %*s %7s", &start, &end, level) != 3)
			continue;
		cont = strstr(line, " CON") != NULL;
		if (!strcmp(level, "PUD"))
			kind = PUD;
		else if (!strcmp(level, "PMD"))
			kind = cont ? CONT_PMD : PMD;
		else if (!strcmp(level, "PTE"))
			kind = cont ? CONT_PTE : PTE;
		else
			continue;
		bytes[kind] += end - start;
	}
	fclose(f);
	printf("linear_map:");
	for (int k = 0; k < KINDS; k++)
		printf("%s %s %llu", k ? "," : "", name[k], bytes[k] / leaf_size[k]);
	printf("\n");
	return 0;
}
