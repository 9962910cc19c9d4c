// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's lkdtm tests of kpkeys users, in the guest of the POE
 * selftests: every KPKEYS_* line of lkdtm's tests.txt (copied to
 * /tests/lkdtm-tests.txt) is provoked through debugfs, as the kernel's
 * selftests/lkdtm/run.sh would, and its kernel log checked:
 *   - the expected text of tests.txt (an extended regular expression,
 *     case-insensitive, as run.sh greps it): pass;
 *   - XFAIL (the protection is off): skip, with lkdtm's reason;
 *   - anything else (lkdtm's "FAIL: survived ..."): fail.
 * A write that oopses must also name the pkey and the context (arm64's
 * report): "the page has pkey N" and "context KPKEYS_CTX_...".
 * KTAP on stdout; kselftest exit codes (0 pass, 4 skip, 1 fail).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/klog.h>
#include <sys/wait.h>

#define TESTS		"/tests/lkdtm-tests.txt"
#define DIRECT		"/sys/kernel/debug/provoke-crash/DIRECT"
#define KSFT_SKIP	4
#define LOG_SIZE	(1 << 20)

static char log_buf[LOG_SIZE + 1];

/* Provoke @name in a child (an oops kills it); return the kernel log since. */
static const char *provoke(const char *name)
{
	int fd, len;
	pid_t pid;

	klogctl(5, NULL, 0);	/* SYSLOG_ACTION_CLEAR */
	pid = fork();
	if (pid == 0) {
		fd = open(DIRECT, O_WRONLY);
		if (fd < 0 || write(fd, name, strlen(name)) < 0)
			_exit(1);
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, NULL, 0) < 0)
		return NULL;
	len = klogctl(3, log_buf, LOG_SIZE);	/* SYSLOG_ACTION_READ_ALL */
	if (len < 0)
		return NULL;
	log_buf[len] = '\0';
	return log_buf;
}

static int log_has(const char *log, const char *ere)
{
	regex_t re;
	char *copy, *line, *save = NULL;
	int found = 0;

	if (regcomp(&re, ere, REG_EXTENDED | REG_ICASE | REG_NOSUB))
		return 0;
	copy = strdup(log);
	for (line = strtok_r(copy, "\n", &save); line && !found;
	     line = strtok_r(NULL, "\n", &save))
		found = !regexec(&re, line, 0, NULL, 0);
	free(copy);
	regfree(&re);
	return found;
}

/* Print lkdtm's lines and the oops's first ones as diagnostics. */
static void print_oops(const char *log)
{
	static const char *const keep[] = {
		"lkdtm", "kpkeys", "Unable to handle", "Internal error",
	};
	const char *p = log, *end;

	for (; *p; p = *end ? end + 1 : end) {
		end = p + strcspn(p, "\n");
		for (size_t i = 0; i < sizeof(keep) / sizeof(keep[0]); i++) {
			if (memmem(p, end - p, keep[i], strlen(keep[i]))) {
				printf("#   %.*s\n", (int)(end - p), p);
				break;
			}
		}
	}
}

/* 0 pass, KSFT_SKIP skip, 1 fail; the log's lkdtm and oops lines as diagnostics. */
static int run(const char *name, const char *expect)
{
	const char *log = provoke(name);

	if (!log) {
		printf("# %s: cannot provoke it or read the kernel log\n", name);
		return 1;
	}
	print_oops(log);
	if (log_has(log, "XFAIL"))
		return KSFT_SKIP;
	if (!log_has(log, expect)) {
		printf("# %s: no \"%s\" in the kernel log\n", name, expect);
		return 1;
	}
	if (log_has(log, "Unable to handle kernel") &&
	    (!log_has(log, "the page has pkey [0-9]+") ||
	     !log_has(log, "context KPKEYS_CTX_[A-Z]+"))) {
		printf("# %s: the oops does not name the pkey and the context\n", name);
		return 1;
	}
	return 0;
}

int main(void)
{
	char line[512], names[16][64], expects[16][256];
	int n = 0, failed = 0, skipped = 0;
	FILE *f = fopen(TESTS, "r");

	printf("KTAP version 1\n");
	if (!f) {
		printf("1..0 # SKIP no %s\n", TESTS);
		return KSFT_SKIP;
	}
	while (n < 16 && fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, "KPKEYS_", 7))
			continue;
		sscanf(line, "%63s", names[n]);
		snprintf(expects[n], sizeof(expects[n]), "%s",
			 strchr(line, ' ') ? strchr(line, ' ') + 1 : "call trace:");
		n++;
	}
	fclose(f);
	if (access(DIRECT, W_OK)) {
		printf("1..0 # SKIP no %s (CONFIG_LKDTM, CONFIG_DEBUG_FS)\n", DIRECT);
		return KSFT_SKIP;
	}
	printf("1..%d\n", n);
	for (int i = 0; i < n; i++) {
		int ret = run(names[i], expects[i]);

		if (ret == 0) {
			printf("ok %d %s\n", i + 1, names[i]);
		} else if (ret == KSFT_SKIP) {
			printf("ok %d %s # SKIP XFAIL\n", i + 1, names[i]);
			skipped++;
		} else {
			printf("not ok %d %s\n", i + 1, names[i]);
			failed++;
		}
	}
	if (failed)
		return 1;
	return n && skipped == n ? KSFT_SKIP : 0;
}
