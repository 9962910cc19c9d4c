// SPDX-License-Identifier: GPL-2.0-only
/*
 * Must not build: check-series compiles it once with each of BAD_CTX_VARIABLE
 * and BAD_CTX_RANGE defined, and expects each to fail with kpkeys' message.
 */
#include <linux/kpkeys.h>

int kpkeys_bad_ctx(enum kpkeys_ctx ctx);

int kpkeys_bad_ctx(enum kpkeys_ctx ctx)
{
#ifdef BAD_CTX_VARIABLE
	guard(kpkeys_ctx)(ctx);		/* not a compile-time constant */
#else
	guard(kpkeys_ctx)(KPKEYS_CTX_COUNT);	/* out of range */
#endif
	return ctx;
}
