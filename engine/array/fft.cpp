// numpy.fft's transform along one axis (see fft.hpp) on FFTW3: the axis moved last and copied
// contiguous (cropped or zero-padded to n), one batched FFTW plan over all rows, then scaled and
// moved back.
#include "engine/array/fft.hpp"

#include <algorithm>
#include <complex>
#include <cstring>
#include <mutex>
#include <vector>

#include <fftw3.h>

#include "base/error.hpp"
#include "engine/array/cast.hpp"
#include "engine/array/shape_ops.hpp"

namespace ramba::engine {

namespace {

using Complex = std::complex<double>;

// FFTW's planner is not thread-safe; executing a plan is.
std::mutex& planner_mutex()
{
    static std::mutex mutex;
    return mutex;
}

// Runs `plan_for` (which makes a plan under the planner lock) and then executes and frees the plan.
// FFTW_ESTIMATE: no timing runs, so the same machine always picks the same algorithm (and bits).
template<typename MakePlan>
void run_plan(MakePlan make_plan)
{
    fftw_plan plan;
    {
        std::lock_guard lock(planner_mutex());
        plan = make_plan();
    }
    RAMBA_ASSERT(plan != nullptr, "FFTW makes an FFTW_ESTIMATE plan for any size");
    fftw_execute(plan);
    std::lock_guard lock(planner_mutex());
    fftw_destroy_plan(plan);
}

// The rows of `a` with `axis` moved last, `length` elements each (the first `length` of the axis,
// zeros past its end), C-contiguous in `dtype`.
NDArray rows_along_axis(const NDArray& a, int64_t axis, int64_t length, DType dtype)
{
    NDArray moved = moveaxis(a, { axis }, { -1 });
    Shape shape = moved.shape;
    int64_t have = shape.back();
    shape.back() = length;
    NDArray rows = NDArray::zeros(dtype, shape);
    int64_t keep = std::min(have, length);
    if (keep == 0 || rows.size() == 0)
        return rows;
    // Copy the kept prefix of every row: a view of `moved` cut to `keep`, assigned into the same cut of `rows`.
    NDArray source = moved, target = rows;
    source.shape.back() = keep;
    target.shape.back() = keep;
    assign(target, astype(source, dtype));
    return rows;
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
    // numpy crops or pads to n points; irfft then reads the first n // 2 + 1 of them.
    NDArray in = rows_along_axis(a, axis, std::min(in_length, n), in_dtype);
    Shape out_shape = in.shape;
    out_shape.back() = out_length;
    NDArray out = NDArray::empty(out_dtype, out_shape);
    int64_t rows = out.size() / out_length;
    if (rows > 0) {
        int size = static_cast<int>(n);
        int howmany = static_cast<int>(rows);
        int in_distance = static_cast<int>(in_length), out_distance = static_cast<int>(out_length);
        if (kind == FftKind::Complex) {
            auto* source = reinterpret_cast<fftw_complex*>(in.data());
            auto* target = reinterpret_cast<fftw_complex*>(out.data());
            int sign = forward ? FFTW_FORWARD : FFTW_BACKWARD;
            run_plan([&] { return fftw_plan_many_dft(1, &size, howmany, source, nullptr, 1, in_distance, target, nullptr, 1, out_distance, sign, FFTW_ESTIMATE); });
        } else if (kind == FftKind::RealForward) {
            auto* source = reinterpret_cast<double*>(in.data());
            auto* target = reinterpret_cast<fftw_complex*>(out.data());
            run_plan([&] { return fftw_plan_many_dft_r2c(1, &size, howmany, source, nullptr, 1, in_distance, target, nullptr, 1, out_distance, FFTW_ESTIMATE); });
            // numpy (pocketfft) sets the imaginary parts of the zero frequency and, for even n, of
            // the last one to +0.0; FFTW may leave -0.0 there.
            auto* values = reinterpret_cast<Complex*>(out.data());
            for (int64_t r = 0; r < rows; ++r) {
                values[r * out_length] = values[r * out_length].real();
                if (n % 2 == 0)
                    values[r * out_length + half - 1] = values[r * out_length + half - 1].real();
            }
        } else {
            // numpy (pocketfft's real backward transform) ignores the imaginary parts of the zero
            // frequency and, for even n, of the last one.
            auto* values = reinterpret_cast<Complex*>(in.data());
            for (int64_t r = 0; r < rows; ++r) {
                values[r * in_length] = values[r * in_length].real();
                if (n % 2 == 0)
                    values[r * in_length + half - 1] = values[r * in_length + half - 1].real();
            }
            auto* source = reinterpret_cast<fftw_complex*>(in.data());
            auto* target = reinterpret_cast<double*>(out.data());
            // c2r overwrites its input; `in` is our own copy.
            run_plan([&] { return fftw_plan_many_dft_c2r(1, &size, howmany, source, nullptr, 1, in_distance, target, nullptr, 1, out_distance, FFTW_ESTIMATE); });
        }
        if (scale != 1.0) {
            auto* values = reinterpret_cast<double*>(out.data());
            int64_t count = out.size() * (out_dtype == DType::Complex128 ? 2 : 1);
            for (int64_t i = 0; i < count; ++i)
                values[i] *= scale;
        }
    }
    return moveaxis(out, { -1 }, { axis });
}

} // namespace ramba::engine
