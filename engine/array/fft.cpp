// numpy.fft's transform along one axis (see fft.hpp) on FFTW3: the input made C-contiguous (cropped
// or zero-padded to n along the axis), then one FFTW plan over all rows when the axis is the last,
// or blocks of columns through a buffer when it is not; then scaled.
#include "engine/array/fft.hpp"

#include <algorithm>
#include <complex>
#include <cstdint>
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

// One transform's kind and lengths: n points, rows of in_length elements in, out_length out.
struct Transform {
    FftKind kind;
    bool forward;
    int64_t n, in_length, out_length;
};

// The transform of `rows` C-contiguous rows, `in` to `out` (which must not overlap). `in` may be
// overwritten (c2r always does).
void transform_rows(const Transform& t, int64_t rows, std::byte* in, std::byte* out)
{
    fftw_iodim64 dim = { static_cast<ptrdiff_t>(t.n), 1, 1 };
    fftw_iodim64 loop = { static_cast<ptrdiff_t>(rows), static_cast<ptrdiff_t>(t.in_length), static_cast<ptrdiff_t>(t.out_length) };
    PlanKey key;
    key.kind = static_cast<int>(t.kind) * 2 + (t.forward ? 0 : 1);
    key.geometry = { dim.n, loop.n, loop.is, loop.os };
    key.in_alignment = fftw_alignment_of(reinterpret_cast<double*>(in));
    key.out_alignment = fftw_alignment_of(reinterpret_cast<double*>(out));
    int64_t half = t.n / 2 + 1;
    if (t.kind == FftKind::Complex) {
        auto* source = reinterpret_cast<fftw_complex*>(in);
        auto* target = reinterpret_cast<fftw_complex*>(out);
        int sign = t.forward ? FFTW_FORWARD : FFTW_BACKWARD;
        run_plan(key, [&] { return fftw_plan_guru64_dft(1, &dim, 1, &loop, source, target, sign, FFTW_ESTIMATE); },
            [&](fftw_plan plan) { fftw_execute_dft(plan, source, target); });
    } else if (t.kind == FftKind::RealForward) {
        auto* source = reinterpret_cast<double*>(in);
        auto* target = reinterpret_cast<fftw_complex*>(out);
        run_plan(key, [&] { return fftw_plan_guru64_dft_r2c(1, &dim, 1, &loop, source, target, FFTW_ESTIMATE); },
            [&](fftw_plan plan) { fftw_execute_dft_r2c(plan, source, target); });
        // numpy (pocketfft) sets the imaginary parts of the zero frequency and, for even n, of
        // the last one to +0.0; FFTW may leave -0.0 there.
        auto* values = reinterpret_cast<Complex*>(out);
        for (int64_t r = 0; r < rows; ++r) {
            values[r * t.out_length] = values[r * t.out_length].real();
            if (t.n % 2 == 0)
                values[r * t.out_length + half - 1] = values[r * t.out_length + half - 1].real();
        }
    } else {
        // numpy (pocketfft's real backward transform) ignores the imaginary parts of the zero
        // frequency and, for even n, of the last one.
        auto* values = reinterpret_cast<Complex*>(in);
        for (int64_t r = 0; r < rows; ++r) {
            values[r * t.in_length] = values[r * t.in_length].real();
            if (t.n % 2 == 0)
                values[r * t.in_length + half - 1] = values[r * t.in_length + half - 1].real();
        }
        auto* source = reinterpret_cast<fftw_complex*>(in);
        auto* target = reinterpret_cast<double*>(out);
        run_plan(key, [&] { return fftw_plan_guru64_dft_c2r(1, &dim, 1, &loop, source, target, FFTW_ESTIMATE); },
            [&](fftw_plan plan) { fftw_execute_dft_c2r(plan, source, target); });
    }
}

// OPTIMIZATION: along an axis that is not the last, columns go through a contiguous buffer 16 at a
// time, as pocketfft does: FFTW_ESTIMATE's plans for the strided axis itself ran 3.7x slower (fft
// along axis 0 of a 2048x2048 complex array: 427 ms against 117 ms under numpy; 2-vCPU EPYC).
// `in` is (outer, in_length, inner) and `out` (outer, out_length, inner), C-contiguous.
template<typename In, typename Out>
void transform_columns_of(const Transform& t, int64_t outer, int64_t inner, const In* in, Out* out)
{
    constexpr int64_t block = 16;
    // fftw_malloc: the same (SIMD) alignment for every call, so the blocks share one cached plan.
    auto* in_rows = static_cast<In*>(fftw_malloc(sizeof(In) * static_cast<size_t>(block * t.in_length)));
    auto* out_rows = static_cast<Out*>(fftw_malloc(sizeof(Out) * static_cast<size_t>(block * t.out_length)));
    for (int64_t o = 0; o < outer; ++o) {
        const In* in_matrix = in + o * t.in_length * inner;
        Out* out_matrix = out + o * t.out_length * inner;
        for (int64_t j0 = 0; j0 < inner; j0 += block) {
            int64_t width = std::min(block, inner - j0);
            for (int64_t i = 0; i < t.in_length; ++i)
                for (int64_t j = 0; j < width; ++j)
                    in_rows[j * t.in_length + i] = in_matrix[i * inner + j0 + j];
            transform_rows(t, width, reinterpret_cast<std::byte*>(in_rows), reinterpret_cast<std::byte*>(out_rows));
            for (int64_t i = 0; i < t.out_length; ++i)
                for (int64_t j = 0; j < width; ++j)
                    out_matrix[i * inner + j0 + j] = out_rows[j * t.out_length + i];
        }
    }
    fftw_free(in_rows);
    fftw_free(out_rows);
}

void transform_columns(const Transform& t, int64_t outer, int64_t inner, const NDArray& in, const NDArray& out)
{
    if (t.kind == FftKind::Complex)
        transform_columns_of(t, outer, inner, reinterpret_cast<const Complex*>(in.data()), reinterpret_cast<Complex*>(out.data()));
    else if (t.kind == FftKind::RealForward)
        transform_columns_of(t, outer, inner, reinterpret_cast<const double*>(in.data()), reinterpret_cast<Complex*>(out.data()));
    else
        transform_columns_of(t, outer, inner, reinterpret_cast<const Complex*>(in.data()), reinterpret_cast<double*>(out.data()));
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
    Transform t { kind, forward, n, in_length, out_length };
    int64_t outer = 1, inner = 1;
    for (int64_t i = 0; i < axis; ++i)
        outer *= in.shape[static_cast<size_t>(i)];
    for (int64_t i = axis + 1; i < in.ndim(); ++i)
        inner *= in.shape[static_cast<size_t>(i)];
    if (inner == 1) {
        // c2r overwrites its input; `in` is then our own copy (fitted_input's `writable`).
        transform_rows(t, outer, in.data(), out.data());
    } else {
        transform_columns(t, outer, inner, in, out);
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
