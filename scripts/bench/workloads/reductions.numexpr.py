# Array benchmark: the reductions with numexpr's sum/max reductions, timed inside. argv: [N]
import sys
import time

import numexpr as ne
import numpy as np

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10**8
a = np.arange(N) / N
b = 2.0 - a
t0 = time.perf_counter()
s = ne.evaluate("sum(a)")
m = s / N
sd = np.sqrt(ne.evaluate("sum((a - m) ** 2)") / N)
mx = ne.evaluate("max(a)")
dot = ne.evaluate("sum(a * b)")
print("bench-seconds:", time.perf_counter() - t0)
print(round(float(s), 3), round(float(m), 6), round(float(sd), 6), float(mx), round(float(dot), 3))
