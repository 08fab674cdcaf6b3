value = 1
raise RuntimeError("failing module stops here")
