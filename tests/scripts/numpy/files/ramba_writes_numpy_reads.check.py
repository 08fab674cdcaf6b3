# Reads, with real numpy, the files ramba_writes_numpy_reads.rmb wrote (run by the script runner).
import numpy as np

a = np.load("out.npy")
print(a.dtype, a.shape)
print(a)
d = np.load("out.npz")
print(sorted(d.files), d["x"], d["y"])
f = np.load("out_f32.npy")
print(f.dtype, f)
