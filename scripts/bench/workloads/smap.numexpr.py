# Array benchmark: the piecewise polynomial as one numexpr where-expression, timed inside. argv: [N]
import sys
import time

import numexpr as ne
import numpy as np

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10**8
a = 4.0 * (np.arange(N) / N) - 2.0
t0 = time.perf_counter()
y = ne.evaluate("where(a < 0, 1 + a * (0.5 + a * 0.25), 1 - a * (0.3 - a * (0.1 + a * 0.01)))")
print("bench-seconds:", time.perf_counter() - t0)
print(y[N // 2], y[N // 3])
