# Array benchmark: Black-Scholes with numexpr (two fused expressions), timed inside. argv: [N]
import sys
import time

import numexpr as ne
import numpy as np

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10**7
i = np.arange(N)
price = 10.0 + 50.0 * ((i * 7919) % 10007) / 10007.0
strike = 10.0 + 50.0 * ((i * 7919) % 10007) / 10007.0
years = 0.1 + 2.0 * ((i * 7919) % 10007) / 10007.0
t0 = time.perf_counter()
cnd = ("where({d} > 0, 1.0 - 0.3989422804014327 * exp(-0.5 * {d} * {d}) * ({k} * (0.31938153 + {k} * (-0.356563782 + {k} * (1.781477937 + {k} * (-1.821255978 + {k} * 1.330274429))))),"
       " 0.3989422804014327 * exp(-0.5 * {d} * {d}) * ({k} * (0.31938153 + {k} * (-0.356563782 + {k} * (1.781477937 + {k} * (-1.821255978 + {k} * 1.330274429))))))")
d1 = ne.evaluate("(log(price / strike) + (0.02 + 0.5 * 0.3 * 0.3) * years) / (0.3 * sqrt(years))")
d2 = ne.evaluate("d1 - 0.3 * sqrt(years)")
k1 = ne.evaluate("1.0 / (1.0 + 0.2316419 * abs(d1))")
k2 = ne.evaluate("1.0 / (1.0 + 0.2316419 * abs(d2))")
n1 = ne.evaluate(cnd.format(d="d1", k="k1"))
n2 = ne.evaluate(cnd.format(d="d2", k="k2"))
call = ne.evaluate("price * n1 - strike * exp(-0.02 * years) * n2")
put = ne.evaluate("strike * exp(-0.02 * years) * (1.0 - n2) - price * (1.0 - n1)")
print("bench-seconds:", time.perf_counter() - t0)
print(call[N // 2], put[N // 3])
