// Casting copies and broadcasting (see cast.hpp).
#include "engine/array/cast.hpp"

#include <cstring>

#include "engine/array/convert_value.hpp"
#include "base/error.hpp"

namespace ramba::engine {

namespace {

void (*warning_sink)(const std::string&) = nullptr;

} // namespace

void set_warning_sink(void (*sink)(const std::string&)) { warning_sink = sink; }

void warn(const std::string& message)
{
    if (warning_sink)
        warning_sink(message);
    else
        std::fputs(message.c_str(), stderr);
}

bool cast_may_warn(DType from, DType to)
{
    char from_kind = dtype_kind(from), to_kind = dtype_kind(to);
    return (from_kind == 'c' && to_kind != 'c') || (from_kind == 'f' && (to_kind == 'i' || to_kind == 'u'));
}

void warn_complex_to_real()
{
    warn("ComplexWarning: Casting complex values to real discards the imaginary part\n");
}

Shape broadcast_shapes(const Shape& a, const Shape& b)
{
    Shape shapes[] = { a, b };
    return broadcast_shapes(shapes);
}

Shape broadcast_shapes(std::span<const Shape> shapes)
{
    return broadcast_shapes_of(shapes, [](const Shape& shape) -> const Shape& { return shape; });
}

NDArray broadcast_to(const NDArray& array, const Shape& shape)
{
    if (array.shape == shape)
        return array;
    auto fail = [&]() {
        throw RambaError(ErrorKind::ValueError, "could not broadcast input array from shape "
                + shape_to_string(array.shape) + " into shape " + shape_to_string(shape));
    };
    if (array.shape.size() > shape.size())
        fail();
    NDArray view = array;
    size_t shift = shape.size() - array.shape.size();
    view.shape = shape;
    view.strides.assign(shape.size(), 0);
    for (size_t i = 0; i < array.shape.size(); ++i) {
        if (array.shape[i] == shape[shift + i])
            view.strides[shift + i] = array.strides[i];
        else if (array.shape[i] != 1)
            fail();
    }
    return view;
}

void cast_element(DType from, const std::byte* source, DType to, std::byte* target)
{
    dispatch_dtype(from, [&]<typename F>() {
        F value;
        std::memcpy(&value, source, sizeof(F));
        dispatch_dtype(to, [&]<typename T>() {
            T converted = convert_value<T>(value);
            std::memcpy(target, &converted, sizeof(T));
        });
    });
}

namespace {

bool overlaps(const NDArray& a, const NDArray& b)
{
    return a.buffer && b.buffer && a.buffer == b.buffer;
}

template<typename T, typename F>
void typed_assign(const NDArray& dst, const NDArray& src)
{
    // Walk both with one index; src is already broadcast to dst's shape.
    size_t ndim = dst.shape.size();
    if (dst.size() == 0)
        return;
    if (ndim == 0) {
        F v;
        std::memcpy(&v, src.data(), sizeof(F));
        T t = convert_value<T>(v);
        std::memcpy(dst.data(), &t, sizeof(T));
        return;
    }
    std::vector<int64_t> index(ndim, 0);
    std::byte* d = dst.data();
    const std::byte* s = src.data();
    int64_t inner = dst.shape[ndim - 1];
    int64_t ds = dst.strides[ndim - 1], ss = src.strides[ndim - 1];
    for (;;) {
        std::byte* dp = d;
        const std::byte* sp = s;
        if (ds == sizeof(T) && ss == sizeof(F)) {
            T* out = reinterpret_cast<T*>(dp);
            const F* in = reinterpret_cast<const F*>(sp);
            for (int64_t i = 0; i < inner; ++i)
                out[i] = convert_value<T>(in[i]);
        } else {
            for (int64_t i = 0; i < inner; ++i, dp += ds, sp += ss) {
                F v;
                std::memcpy(&v, sp, sizeof(F));
                T t = convert_value<T>(v);
                std::memcpy(dp, &t, sizeof(T));
            }
        }
        size_t axis = ndim - 1;
        for (;;) {
            if (axis == 0)
                return;
            --axis;
            d += dst.strides[axis];
            s += src.strides[axis];
            if (++index[axis] < dst.shape[axis])
                break;
            d -= dst.strides[axis] * dst.shape[axis];
            s -= src.strides[axis] * dst.shape[axis];
            index[axis] = 0;
        }
    }
}

} // namespace

// Whether numpy would warn "invalid value encountered in cast" for src -> `to` (float to integer:
// NaN, infinities, values out of the conversion's range). A second pass, only for such casts.
bool invalid_cast(const NDArray& src, DType to)
{
    if (dtype_kind(src.dtype) != 'f' || !cast_may_warn(src.dtype, to) || src.size() == 0)
        return false;
    bool invalid = false;
    dispatch_dtype(src.dtype, [&]<typename F>() {
        if constexpr (std::is_floating_point_v<F>) {
            dispatch_dtype(to, [&]<typename T>() {
                if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
                    for_each_element(src, [&](std::byte* p) {
                        F value;
                        std::memcpy(&value, p, sizeof(F));
                        invalid |= invalid_integer_cast<T>(value);
                    });
                }
            });
        }
    });
    return invalid;
}

void assign(const NDArray& dst, const NDArray& src_in)
{
    NDArray src = broadcast_to(src_in, dst.shape);
    if (overlaps(dst, src) && dst.size() > 1)
        src = copy(src);
    if (dtype_kind(src.dtype) == 'c' && dtype_kind(dst.dtype) != 'c' && dst.size() > 0)
        warn_complex_to_real();
    if (invalid_cast(src, dst.dtype))
        warn("RuntimeWarning: invalid value encountered in cast\n");
    dispatch_dtype(dst.dtype, [&]<typename T>() {
        dispatch_dtype(src.dtype, [&]<typename F>() { typed_assign<T, F>(dst, src); });
    });
    if (dst.buffer)
        ++dst.buffer->version;
}

NDArray astype(const NDArray& array, DType dtype)
{
    NDArray result = NDArray::empty(dtype, array.shape);
    assign(result, array);
    return result;
}

NDArray copy(const NDArray& array) { return astype(array, array.dtype); }

NDArray ascontiguous(const NDArray& array, DType dtype)
{
    if (array.dtype == dtype && array.is_c_contiguous())
        return array;
    return astype(array, dtype);
}

NDArray ascontiguous(const NDArray& array) { return ascontiguous(array, array.dtype); }

void fill(const NDArray& array, const Scalar& value)
{
    Scalar cast;
    cast.dtype = array.dtype;
    cast_element(value.dtype, value.bytes, array.dtype, cast.bytes);
    size_t itemsize = array.itemsize();
    for_each_element(array, [&](std::byte* p) { std::memcpy(p, cast.bytes, itemsize); });
    if (array.buffer)
        ++array.buffer->version;
}

} // namespace ramba::engine
