// numpy.fft's transform along one axis (see fft.hpp) on FFTW3: the input made C-contiguous (cropped
// or zero-padded to n along the axis), one FFTW guru plan over every position of the other axes,
// then scaled.
#include "engine/array/fft.hpp"

#include <algorithm>
#include <complex>
#include <cstring>
#include <map>
#include <mutex>
#include <vector>

#include <fftw3.h>

#include "base/error.hpp"
#include "engine/array/cast.hpp"
#include "engine/array/shape_ops.hpp"

namespace ramba::engine {

namespace {

using Complex = std::complex<double>;

// FFTW's planner is not thread-safe.
std::mutex& planner_mutex()
{
    static std::mutex mutex;
    return mutex;
}

// OPTIMIZATION: plans are kept (the 32 used last) and run on each call's arrays with FFTW's new-array
// execute functions: making even an FFTW_ESTIMATE plan costs more than numpy's whole rfft of 256
// points (a loop of 5000 rfft(256): 79 us a call when each call planned, 5.5 us with the cache, 26 us
// under numpy; 2-vCPU EPYC, RAMBA_NUM_THREADS=1, a loop timed with time.perf_counter). A plan is reusable for the same kind, lengths, strides and array
// alignment, which the key holds. FFTW_ESTIMATE makes no timing runs, so a machine always picks the
// same algorithm (and so the same bits), cached or not.
struct PlanKey {
    int kind { 0 };                   // FftKind, and the sign for complex transforms
    std::vector<ptrdiff_t> geometry;  // the axis's n, is, os, then each loop's
    int in_alignment { 0 }, out_alignment { 0 };
    auto operator<=>(const PlanKey&) const = default;
};

struct CachedPlan {
    fftw_plan plan;
    uint64_t last_used;
};

constexpr size_t plan_cache_size = 32;

// Finds or makes (make_plan) the plan for `key` and runs execute(plan), all under the planner lock
// (FFTW's planner is not thread-safe, and an evicted plan must not be running).
template<typename MakePlan, typename Execute>
void run_plan(const PlanKey& key, MakePlan make_plan, Execute execute)
{
    static std::map<PlanKey, CachedPlan> plans;
    static uint64_t clock = 0;
    std::lock_guard lock(planner_mutex());
    auto found = plans.find(key);
    if (found == plans.end()) {
        if (plans.size() == plan_cache_size) {
            auto oldest = std::min_element(plans.begin(), plans.end(),
                [](const auto& x, const auto& y) { return x.second.last_used < y.second.last_used; });
            fftw_destroy_plan(oldest->second.plan);
            plans.erase(oldest);
        }
        fftw_plan plan = make_plan();
        RAMBA_ASSERT(plan != nullptr, "FFTW makes an FFTW_ESTIMATE plan for any size and strides");
        found = plans.emplace(key, CachedPlan { plan, 0 }).first;
    }
    found->second.last_used = ++clock;
    execute(found->second.plan);
}

Shape contiguous_strides(const Shape& shape)
{
    Shape strides(shape.size(), 1);
    for (size_t i = shape.size(); i-- > 1;)
        strides[i - 1] = strides[i] * shape[i];
    return strides;
}

// The transform's loops as FFTW's guru interface takes them: one dimension (the axis) and the other
// axes as loops, strides in elements of each array. OPTIMIZATION: FFTW walks the strided axis
// itself, so no axis is moved and copied to the end and back (twice as fast on fft2 of 2048x2048).
struct Loops {
    fftw_iodim64 dim;
    std::vector<fftw_iodim64> loops;
};

Loops loops_of(const Shape& in_shape, const Shape& out_shape, int64_t axis, int64_t n)
{
    Shape in_strides = contiguous_strides(in_shape), out_strides = contiguous_strides(out_shape);
    Loops result;
    auto at = [](int64_t i) { return static_cast<size_t>(i); };
    result.dim = { static_cast<ptrdiff_t>(n), static_cast<ptrdiff_t>(in_strides[at(axis)]), static_cast<ptrdiff_t>(out_strides[at(axis)]) };
    for (size_t i = 0; i < in_shape.size(); ++i) {
        if (static_cast<int64_t>(i) != axis)
            result.loops.push_back({ static_cast<ptrdiff_t>(in_shape[i]), static_cast<ptrdiff_t>(in_strides[i]), static_cast<ptrdiff_t>(out_strides[i]) });
    }
    return result;
}

// Calls f(offset) with the element offset of every position along the loops (stride `is` or `os`).
template<typename F>
void for_each_row(const std::vector<fftw_iodim64>& loops, bool output, F f, size_t level = 0, int64_t offset = 0)
{
    if (level == loops.size()) {
        f(offset);
        return;
    }
    const fftw_iodim64& loop = loops[level];
    for (ptrdiff_t i = 0; i < loop.n; ++i)
        for_each_row(loops, output, f, level + 1, offset + static_cast<int64_t>(i) * (output ? loop.os : loop.is));
}

// `a` cropped or zero-padded to `length` along `axis`, C-contiguous in `dtype`. `writable`: a copy
// even when `a` could be used as it is.
NDArray fitted_input(const NDArray& a, int64_t axis, int64_t length, DType dtype, bool writable)
{
    auto at = static_cast<size_t>(axis);
    if (a.shape[at] == length && !writable)
        return ascontiguous(a, dtype);
    Shape shape = a.shape;
    shape[at] = length;
    NDArray fitted = NDArray::zeros(dtype, shape);
    int64_t keep = std::min(a.shape[at], length);
    if (keep == 0 || fitted.size() == 0)
        return fitted;
    // The kept prefix: a view of each cut to `keep` along the axis (the same strides).
    NDArray source = a, target = fitted;
    source.shape[at] = keep;
    target.shape[at] = keep;
    assign(target, astype(source, dtype));
    return fitted;
}

} // namespace

NDArray fft_along_axis(const NDArray& a, int64_t n, int64_t axis, FftKind kind, bool forward, double scale)
{
    if (n < 1)
        throw RambaError(ErrorKind::ValueError, "Invalid number of FFT data points (" + std::to_string(n) + ") specified.");
    if (a.ndim() == 0)
        throw RambaError(ErrorKind::ValueError, "axis " + std::to_string(axis) + " is out of bounds for array of dimension 0");
    axis = check_axis(axis, a.ndim());
    int64_t half = n / 2 + 1;
    int64_t in_length = kind == FftKind::RealBackward ? half : n;
    int64_t out_length = kind == FftKind::RealForward ? half : n;
    DType in_dtype = kind == FftKind::RealForward ? DType::Float64 : DType::Complex128;
    DType out_dtype = kind == FftKind::RealBackward ? DType::Float64 : DType::Complex128;
    // numpy crops or pads to n points; irfft then reads the first n // 2 + 1 of them (c2r
    // overwrites its input, so that one is always our own copy).
    NDArray in = fitted_input(a, axis, in_length, in_dtype, kind == FftKind::RealBackward);
    Shape out_shape = in.shape;
    out_shape[static_cast<size_t>(axis)] = out_length;
    NDArray out = NDArray::empty(out_dtype, out_shape);
    if (out.size() == 0)
        return out;
    Loops loops = loops_of(in.shape, out.shape, axis, n);
    int rank = static_cast<int>(loops.loops.size());
    const fftw_iodim64* loop_dims = loops.loops.data();
    int64_t in_step = loops.dim.is, out_step = loops.dim.os;
    PlanKey key;
    key.kind = static_cast<int>(kind) * 2 + (forward ? 0 : 1);
    key.geometry = { loops.dim.n, loops.dim.is, loops.dim.os };
    for (const auto& loop : loops.loops)
        key.geometry.insert(key.geometry.end(), { loop.n, loop.is, loop.os });
    key.in_alignment = fftw_alignment_of(reinterpret_cast<double*>(in.data()));
    key.out_alignment = fftw_alignment_of(reinterpret_cast<double*>(out.data()));
    if (kind == FftKind::Complex) {
        auto* source = reinterpret_cast<fftw_complex*>(in.data());
        auto* target = reinterpret_cast<fftw_complex*>(out.data());
        int sign = forward ? FFTW_FORWARD : FFTW_BACKWARD;
        run_plan(key, [&] { return fftw_plan_guru64_dft(1, &loops.dim, rank, loop_dims, source, target, sign, FFTW_ESTIMATE); },
            [&](fftw_plan plan) { fftw_execute_dft(plan, source, target); });
    } else if (kind == FftKind::RealForward) {
        auto* source = reinterpret_cast<double*>(in.data());
        auto* target = reinterpret_cast<fftw_complex*>(out.data());
        run_plan(key, [&] { return fftw_plan_guru64_dft_r2c(1, &loops.dim, rank, loop_dims, source, target, FFTW_ESTIMATE); },
            [&](fftw_plan plan) { fftw_execute_dft_r2c(plan, source, target); });
        // numpy (pocketfft) sets the imaginary parts of the zero frequency and, for even n, of
        // the last one to +0.0; FFTW may leave -0.0 there.
        auto* values = reinterpret_cast<Complex*>(out.data());
        for_each_row(loops.loops, true, [&](int64_t offset) {
            values[offset] = values[offset].real();
            if (n % 2 == 0)
                values[offset + (half - 1) * out_step] = values[offset + (half - 1) * out_step].real();
        });
    } else {
        // numpy (pocketfft's real backward transform) ignores the imaginary parts of the zero
        // frequency and, for even n, of the last one.
        auto* values = reinterpret_cast<Complex*>(in.data());
        for_each_row(loops.loops, false, [&](int64_t offset) {
            values[offset] = values[offset].real();
            if (n % 2 == 0)
                values[offset + (half - 1) * in_step] = values[offset + (half - 1) * in_step].real();
        });
        auto* source = reinterpret_cast<fftw_complex*>(in.data());
        auto* target = reinterpret_cast<double*>(out.data());
        run_plan(key, [&] { return fftw_plan_guru64_dft_c2r(1, &loops.dim, rank, loop_dims, source, target, FFTW_ESTIMATE); },
            [&](fftw_plan plan) { fftw_execute_dft_c2r(plan, source, target); });
    }
    if (scale != 1.0) {
        auto* values = reinterpret_cast<double*>(out.data());
        int64_t count = out.size() * (out_dtype == DType::Complex128 ? 2 : 1);
        for (int64_t i = 0; i < count; ++i)
            values[i] *= scale;
    }
    return out;
}

} // namespace ramba::engine
