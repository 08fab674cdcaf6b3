# Array benchmark: the seed workload with numexpr (its own threads, blocked evaluation), timed inside.
import sys
import time

import numexpr as ne
import numpy as np

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10**7
if len(sys.argv) > 2:
    ne.set_num_threads(int(sys.argv[2]))
t0 = time.perf_counter()
A = ne.evaluate("a / 1000.0", local_dict={"a": np.arange(N)})
D = ne.evaluate("sin(A)*sin(A) + cos(A)**2")
seconds = time.perf_counter() - t0
s = D.sum()
print("bench-seconds:", seconds)
print(s)
