// placeholder: replaced by the kernel VM
