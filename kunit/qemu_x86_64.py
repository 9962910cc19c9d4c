# SPDX-License-Identifier: GPL-2.0
# kunit.py --qemu_config for the kpkeys bench: the x86-64 kernel of the
# bench (configs/x86_64.config, booted with 'kunit.py exec' by scripts/kunit)
# on Debian's qemu-system-x86_64, TCG, 4 CPUs, CPU model from
# $KPKEYS_QEMU_CPU:
#   max        every feature TCG emulates, PKS included
#   max,-pks   the same CPU without PKS
from ..qemu_config import QemuArchParams
import os

QEMU_ARCH = QemuArchParams(linux_arch='x86_64',
			   kconfig='''
CONFIG_SERIAL_8250=y
CONFIG_SERIAL_8250_CONSOLE=y''',
			   qemu_arch='x86_64',
			   kernel_path='arch/x86/boot/bzImage',
			   # check_pages=1: the page allocator checks the pages
			   # it frees, which refuses pages freed with a pkey
			   kernel_command_line='console=ttyS0 panic=-1 check_pages=1',
			   extra_qemu_params=['-bios', 'qboot.rom',
					      '-nic', 'none', '-smp', '4', '-m', '1024',
					      '-cpu', os.environ.get('KPKEYS_QEMU_CPU', 'max')])
