# Array benchmark: the Jacobi stencil with numexpr (one blocked pass per sweep into a temporary,
# then the slice assignment), timed inside. argv: [N] [SWEEPS]
import sys
import time

import numexpr as ne
import numpy as np

N = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
SWEEPS = int(sys.argv[2]) if len(sys.argv) > 2 else 100
u = np.zeros((N, N))
u[0, :] = 1.0
v = u.copy()
t0 = time.perf_counter()
for sweep in range(SWEEPS):
    v[1:-1, 1:-1] = ne.evaluate("0.25 * (a + b + c + d)", local_dict={
        "a": u[:-2, 1:-1], "b": u[2:, 1:-1], "c": u[1:-1, :-2], "d": u[1:-1, 2:]})
    u, v = v, u
print("bench-seconds:", time.perf_counter() - t0)
print(u[2, N // 2], u[N // 10, N // 2])
