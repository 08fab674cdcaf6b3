#!/usr/bin/python3
# scripts/bench/scaling.py: the seed workload under ramba at 1..16 threads, numpy and the C++ reference,
# side by side in one run, plus peak RSS at N = 10**9; made for a lent many-core machine (docs/scaling.md).
# Usage: put ramba, seed.rmb (scripts/bench/workloads/seed.rmb) and seed_reference (built from
# scripts/bench/seed_reference.cpp) beside this file, then run it with a python3 that has numpy.
import os, re, subprocess, sys, time
HERE = os.path.dirname(os.path.abspath(__file__))
SEC = re.compile(r"bench-seconds:\s*([0-9.eE+-]+)")

def run(cmd, threads=None, rss=False):
    env = dict(os.environ)
    if threads:
        env["RAMBA_NUM_THREADS"] = env["OMP_NUM_THREADS"] = str(threads)
    if rss:
        cmd = [sys.executable, "-c", "import resource,subprocess,sys; p=subprocess.run(sys.argv[1:]); "
               "print('maxrss-kb:', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(p.returncode)"] + cmd
    t = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=400)
    wall = time.perf_counter() - t
    if p.returncode != 0:
        return f"FAILED rc={p.returncode}: {p.stderr.strip()[-300:]}"
    m = SEC.search(p.stdout)
    sec = float(m.group(1)) if m else float(p.stdout.split()[0])
    extra = ""
    m2 = re.search(r"maxrss-kb:\s*(\d+)", p.stdout)
    if m2:
        extra = f"  peak RSS {int(m2.group(1))/1e6:.2f} GB"
    return sec, wall, extra

def best(cmd, threads, reps=3):
    results = [run(cmd, threads) for _ in range(reps)]
    bad = [r for r in results if isinstance(r, str)]
    if bad:
        return bad[0]
    return min(r[0] for r in results)

ramba = [os.path.join(HERE, "ramba"), "run", os.path.join(HERE, "seed.rmb")]
numpy = [sys.executable, os.path.join(HERE, "seed.rmb")]
ref = [os.path.join(HERE, "seed_reference")]
print("cores:", os.cpu_count())
for n in (10**7, 10**8):
    t_np = best(numpy + [str(n)], None, 2 if n > 10**7 else 3)
    print(f"\nN = {n:.0e}: numpy {t_np:.3f} s" if not isinstance(t_np, str) else f"numpy {t_np}")
    print(f"{'threads':>7} {'ramba s':>9} {'c++ s':>9} {'numpy/ramba':>12} {'ramba/c++':>10} {'ramba speedup':>14}")
    base = None
    for th in (1, 2, 4, 8, 16):
        tr = best(ramba + [str(n)], th)
        tc = run(ref + [str(n), "3"], th)
        tc = tc if isinstance(tc, str) else tc[0]
        if isinstance(tr, str) or isinstance(tc, str):
            print(th, tr, tc); continue
        base = base or tr
        print(f"{th:>7} {tr:>9.4f} {tc:>9.4f} {t_np/tr:>12.2f} {tr/tc:>10.2f} {base/tr:>14.2f}")
    sys.stdout.flush()
print("\nN = 1e9, 16 threads (memory):")
print(" ramba:", run(ramba + [str(10**9)], 16, rss=True))
print(" c++  :", run(ref + [str(10**9), "1"], 16, rss=True))
