# SPDX-License-Identifier: GPL-2.0
# kunit.py --qemu_config for the kpkeys bench: an arm64 kernel of the bench
# (booted with 'kunit.py exec' by scripts/kunit) on QEMU 'virt' with our
# QEMU (build/qemu, first in PATH), 4 CPUs, CPU model from $KPKEYS_QEMU_CPU:
#   max            Armv9 with FEAT_S1POE (our QEMU patches)
#   max,poe=off    the same CPU without FEAT_S1POE
# machine options from $KPKEYS_QEMU_MACHINE (default 'virt'; the rows of
# kunit/matrix.tsv set it) and, if $KPKEYS_QEMU_BIOS names a UEFI firmware
# image, a boot through it (it loads the kernel QEMU is given).
import os

from ..qemu_config import QemuArchParams

QEMU_ARCH = QemuArchParams(linux_arch='arm64',
			   kconfig='''
CONFIG_SERIAL_AMBA_PL011=y
CONFIG_SERIAL_AMBA_PL011_CONSOLE=y
CONFIG_ARM64_POE=y''',
			   qemu_arch='aarch64',
			   kernel_path='arch/arm64/boot/Image',
			   # check_pages=1: the page allocator checks the pages
			   # it frees (as with CONFIG_DEBUG_VM or init_on_free),
			   # which refuses pages freed with a pkey
			   kernel_command_line='console=ttyAMA0 panic=-1 check_pages=1',
			   extra_qemu_params=['-machine',
					      os.environ.get('KPKEYS_QEMU_MACHINE', 'virt'),
					      '-nic', 'none', '-smp', '4',
					      '-cpu', os.environ.get('KPKEYS_QEMU_CPU', 'max')]
			   + (['-bios', os.environ['KPKEYS_QEMU_BIOS']]
			      if os.environ.get('KPKEYS_QEMU_BIOS') else []))
