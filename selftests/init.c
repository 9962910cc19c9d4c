// SPDX-License-Identifier: GPL-2.0
/*
 * /init of the selftests initramfs: run every program named on the kernel
 * command line after "kpkeys.tests=" (comma-separated, from /tests), print
 * the results as KTAP on the console (each test's own output as diagnostic
 * lines) and power off.
 *
 * kselftest exit codes: 0 pass, 4 skip, anything else fails.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/wait.h>

#define KSFT_SKIP 4

static char *tests_from_cmdline(void)
{
	static char buf[4096];
	FILE *f = fopen("/proc/cmdline", "r");
	char *p;

	if (!f || !fgets(buf, sizeof(buf), f))
		return NULL;
	fclose(f);
	p = strstr(buf, "kpkeys.tests=");
	if (!p)
		return NULL;
	p += strlen("kpkeys.tests=");
	p[strcspn(p, " \n")] = '\0';
	return p;
}

/*
 * Run /tests/NAME, its output turned into KTAP diagnostic lines. A test
 * whose own KTAP output bails out or has a failing case fails, whatever
 * its exit status.
 */
static int run(const char *name)
{
	char path[256], line[1024];
	int fds[2], status, failed = 0;
	FILE *out;
	pid_t pid;

	snprintf(path, sizeof(path), "/tests/%s", name);
	if (pipe(fds))
		return -1;
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		close(fds[0]);
		execl(path, path, (char *)NULL);
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
	char *tests, *name, *save = NULL;
	int n = 0, count = 1;

	mount("proc", "/proc", "proc", 0, NULL);
	mount("sysfs", "/sys", "sysfs", 0, NULL);
	setvbuf(stdout, NULL, _IONBF, 0);

	tests = tests_from_cmdline();
	if (!tests) {
		printf("Bail out! no kpkeys.tests= on the kernel command line\n");
		reboot(RB_POWER_OFF);
	}
	for (char *p = tests; *p; p++)
		count += *p == ',';

	printf("KTAP version 1\n1..%d\n", count);
	for (name = strtok_r(tests, ",", &save); name;
	     name = strtok_r(NULL, ",", &save)) {
		int ret;

		printf("# running %s\n", name);
		ret = run(name);
		if (ret == 0)
			printf("ok %d %s\n", ++n, name);
		else if (ret == KSFT_SKIP)
			printf("ok %d %s # SKIP\n", ++n, name);
		else
			printf("not ok %d %s # exit status %d\n", ++n, name, ret);
	}
	sync();
	reboot(RB_POWER_OFF);
	return 0;
}
