// SPDX-License-Identifier: GPL-2.0
/*
 * /init of the selftests initramfs: run every program named on the kernel
 * command line after "kpkeys.tests=" (comma-separated, from /tests; '+'
 * separates a program's arguments: "khugepaged+-s+2"), print the results
 * as KTAP on the console (each test's own output as diagnostic lines) and
 * reboot, which ends QEMU (-no-reboot) on every machine of the bench (x86
 * without ACPI cannot power off: it halts instead). With
 * "kpkeys.swap=DEVICE" (a block device in devtmpfs), it first makes DEVICE
 * a swap area and swaps on it.
 *
 * kselftest exit codes: 0 pass, 4 skip, anything else fails.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/swap.h>
#include <sys/wait.h>

#define KSFT_SKIP 4

/* The value of kernel parameter @name ("kpkeys.tests="), or NULL. */
static char *param(const char *name)
{
	static char buf[2][4096];
	static int n;
	char *b = buf[n++ % 2], *p;
	FILE *f = fopen("/proc/cmdline", "r");

	if (!f)
		return NULL;
	p = fgets(b, sizeof(buf[0]), f);
	fclose(f);
	if (!p)
		return NULL;
	p = strstr(b, name);
	if (!p)
		return NULL;
	p += strlen(name);
	p[strcspn(p, " \n")] = '\0';
	return p;
}

/*
 * mkswap + swapon: the version 1 header (linux/swap.h's union swap_header)
 * in the first page, the signature in its last 10 bytes.
 */
static int swap_on(const char *dev)
{
	long page = sysconf(_SC_PAGESIZE);
	char *hdr = calloc(1, page);
	int fd = open(dev, O_RDWR);
	off_t size;
	uint32_t *info = (uint32_t *)(hdr + 1024);

	if (fd < 0 || !hdr) {
		if (fd >= 0)
			close(fd);
		free(hdr);
		return -1;
	}
	size = lseek(fd, 0, SEEK_END);
	info[0] = 1;				/* version */
	info[1] = size / page - 1;		/* last_page */
	memcpy(hdr + page - 10, "SWAPSPACE2", 10);
	if (size < 2 * page || pwrite(fd, hdr, page, 0) != page || fsync(fd))
		size = -1;
	close(fd);
	free(hdr);
	return size < 0 ? -1 : swapon(dev, 0);
}

/*
 * Run /tests/NAME, its output turned into KTAP diagnostic lines. A test
 * whose own KTAP output bails out or has a failing case fails, whatever
 * its exit status.
 */
static int run(const char *name)
{
	char path[256], line[1024], args[256], *argv[16], *save = NULL;
	int fds[2], status, failed = 0, argc = 1;
	FILE *out;
	pid_t pid;

	snprintf(args, sizeof(args), "%s", name);
	snprintf(path, sizeof(path), "/tests/%s", strtok_r(args, "+", &save));
	argv[0] = path;
	while (argc < 15 && (argv[argc] = strtok_r(NULL, "+", &save)))
		argc++;
	argv[argc] = NULL;
	if (pipe(fds))
		return -1;
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		close(fds[0]);
		execv(path, argv);
		perror(path);
		_exit(127);
	}
	close(fds[1]);
	out = fdopen(fds[0], "r");
	while (out && fgets(line, sizeof(line), out)) {
		printf("# %s%s", line, strchr(line, '\n') ? "" : "\n");
		if (!strncmp(line, "Bail out!", 9) || !strncmp(line, "not ok ", 7))
			failed = 1;
	}
	if (out)
		fclose(out);
	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		return -1;
	if (failed)
		return 1;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	printf("# %s: killed by signal %d\n", name, WTERMSIG(status));
	return -1;
}

int main(void)
{
	char *tests, *swap, *name, *save = NULL;
	int n = 0, count = 1;

	mount("proc", "/proc", "proc", 0, NULL);
	mount("sysfs", "/sys", "sysfs", 0, NULL);
	/* The mm selftests read the kernel's debugfs files (split_huge_pages) */
	mount("debugfs", "/sys/kernel/debug", "debugfs", 0, NULL);
	mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	setvbuf(stdout, NULL, _IONBF, 0);

	tests = param("kpkeys.tests=");
	if (!tests) {
		printf("Bail out! no kpkeys.tests= on the kernel command line\n");
		reboot(RB_AUTOBOOT);
	}
	for (char *p = tests; *p; p++)
		count += *p == ',';

	printf("KTAP version 1\n1..%d\n", count);
	swap = param("kpkeys.swap=");
	if (swap && swap_on(swap))
		printf("# swap on %s: %s\n", swap, strerror(errno));
	else if (swap)
		printf("# swap on %s\n", swap);
	for (name = strtok_r(tests, ",", &save); name;
	     name = strtok_r(NULL, ",", &save)) {
		time_t start;
		int ret;

		printf("# running %s\n", name);
		start = time(NULL);
		ret = run(name);
		printf("# %s: %ld s\n", name, (long)(time(NULL) - start));
		if (ret == 0)
			printf("ok %d %s\n", ++n, name);
		else if (ret == KSFT_SKIP)
			printf("ok %d %s # SKIP\n", ++n, name);
		else
			printf("not ok %d %s # exit status %d\n", ++n, name, ret);
	}
	sync();
	reboot(RB_AUTOBOOT);
	return 0;
}
