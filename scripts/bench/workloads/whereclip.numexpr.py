# Array benchmark: the where/clip chain as one numexpr expression (numexpr has no clip). argv: [N]
import sys
import time

import numexpr as ne
import numpy as np

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10**8
a = np.arange(N) / N
t0 = time.perf_counter()
y = ne.evaluate("where(a > 0.5, a, -a)")
r = ne.evaluate("where(y < -0.25, -0.25, where(y > 0.75, 0.75, y))")
r = ne.evaluate("(r >= 0) & (r < 0.7)")
print("bench-seconds:", time.perf_counter() - t0)
print(r[N // 2], r[N // 3])
