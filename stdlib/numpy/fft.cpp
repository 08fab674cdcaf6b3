// The numpy.fft module's one-dimensional transforms (fft ifft rfft irfft) as registration rows over
// engine/array/fft (FFTW3), with numpy 1.24's n, axis and norm handling. The n-dimensional,
// Hermitian and helper functions compose these, as numpy writes them, in
// stdlib/embedded/overlays/numpy.fft/. Each runs in the driver: to_array gathers a distributed input.
#include "stdlib/numpy/rows.hpp"

#include <cmath>

#include "engine/array/fft.hpp"
#include "stdlib/numpy/array_object.hpp"
#include "stdlib/numpy/types.hpp"

namespace ramba::numpy {

using engine::FftKind;
using engine::NDArray;
using interp::CallContext;
using interp::Type;
using interp::Value;

namespace {

enum class Direction { Forward, Backward };

// numpy's _get_forward_norm / _get_backward_norm: the factor the output is multiplied by.
double norm_scale(CallContext& context, const Value& norm, int64_t n, Direction direction)
{
    if (n < 1)
        raise(ErrorKind::ValueError, "Invalid number of FFT data points (" + std::to_string(n) + ") specified.");
    std::string name = norm.is(Type::Str) ? norm.as<interp::StrObject>().value : "";
    double points = static_cast<double>(n);
    if (norm.is_none() || name == "backward")
        return direction == Direction::Forward ? 1.0 : 1.0 / points;
    if (name == "ortho")
        return 1.0 / std::sqrt(points);
    if (name == "forward")
        return direction == Direction::Forward ? 1.0 / points : 1.0;
    // numpy's two messages differ by one space.
    raise(ErrorKind::ValueError, "Invalid norm value " + interp::str_value(context, norm) + "; should be \"backward\","
            + (direction == Direction::Forward ? "" : " ") + "\"ortho\" or \"forward\".");
}

struct Transform {
    NDArray a;
    int64_t n;
    int64_t axis;
};

// a, n (None: the axis length, or 2 * (length - 1) for irfft) and axis, as numpy's fft functions read them.
Transform transform_arguments(CallContext& context, std::span<Value> args, bool inverse_real)
{
    Transform t { to_array(context, args[0]), 0, interp::to_index(context, args[2]) };
    if (!args[1].is_none()) {
        t.n = interp::to_index(context, args[1]);
    } else {
        int64_t ndim = t.a.ndim();
        if (t.axis < -ndim || t.axis >= ndim)
            raise(ErrorKind::IndexError, "tuple index out of range");
        int64_t length = t.a.shape[static_cast<size_t>(t.axis < 0 ? t.axis + ndim : t.axis)];
        t.n = inverse_real ? (length - 1) * 2 : length;
    }
    return t;
}

Value fft_fft(CallContext& context, std::span<Value> args)
{
    Transform t = transform_arguments(context, args, false);
    double scale = norm_scale(context, args[3], t.n, Direction::Forward);
    return wrap_array(engine::fft_along_axis(t.a, t.n, t.axis, FftKind::Complex, true, scale));
}

Value fft_ifft(CallContext& context, std::span<Value> args)
{
    Transform t = transform_arguments(context, args, false);
    double scale = norm_scale(context, args[3], t.n, Direction::Backward);
    return wrap_array(engine::fft_along_axis(t.a, t.n, t.axis, FftKind::Complex, false, scale));
}

Value fft_rfft(CallContext& context, std::span<Value> args)
{
    Transform t = transform_arguments(context, args, false);
    double scale = norm_scale(context, args[3], t.n, Direction::Forward);
    return wrap_array(engine::fft_along_axis(t.a, t.n, t.axis, FftKind::RealForward, true, scale));
}

Value fft_irfft(CallContext& context, std::span<Value> args)
{
    Transform t = transform_arguments(context, args, true);
    double scale = norm_scale(context, args[3], t.n, Direction::Backward);
    return wrap_array(engine::fft_along_axis(t.a, t.n, t.axis, FftKind::RealBackward, false, scale));
}

const interp::BuiltinSpec rows[] = {
    { "fft", "(a, n=None, axis=-1, norm=None)", fft_fft, "Compute the one-dimensional discrete Fourier Transform." },
    { "ifft", "(a, n=None, axis=-1, norm=None)", fft_ifft, "Compute the one-dimensional inverse discrete Fourier Transform." },
    { "rfft", "(a, n=None, axis=-1, norm=None)", fft_rfft, "Compute the one-dimensional discrete Fourier Transform for real input." },
    { "irfft", "(a, n=None, axis=-1, norm=None)", fft_irfft, "Computes the inverse of `rfft`." },
};

} // namespace

std::span<const interp::BuiltinSpec> fft_module_functions() { return rows; }

} // namespace ramba::numpy
