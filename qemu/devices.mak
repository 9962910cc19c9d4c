# Devices for the kpkeys bench: only the 'virt' board (what -M virt needs to
# link and start in QEMU 10.2; no PCI NIC, so no option ROM is needed).
CONFIG_ARM_VIRT=y
CONFIG_PXB=y
CONFIG_CXL=y
CONFIG_CXL_MEM_DEVICE=y
CONFIG_PCIE_PORT=y
