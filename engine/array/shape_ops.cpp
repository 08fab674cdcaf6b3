// Shape operations (see shape_ops.hpp), following numpy's messages and view/copy behaviour.
#include "engine/array/shape_ops.hpp"

#include <algorithm>
#include <numeric>

#include "engine/array/cast.hpp"
#include "engine/array/index.hpp"
#include "base/error.hpp"

namespace ramba::engine {

namespace {

[[noreturn]] void value_error(std::string message) { throw RambaError(ErrorKind::ValueError, std::move(message)); }

// Tries to express the new shape with strides over the old data without copying (numpy's
// _attempt_nocopy_reshape, C order).
bool reshape_view(const NDArray& array, const Shape& new_shape, Strides& new_strides)
{
    Shape old_shape;
    Strides old_strides;
    for (size_t i = 0; i < array.shape.size(); ++i) {
        if (array.shape[i] != 1) {
            old_shape.push_back(array.shape[i]);
            old_strides.push_back(array.strides[i]);
        }
    }
    new_strides.assign(new_shape.size(), 0);
    size_t oi = 0, oj = 1, ni = 0, nj = 1;
    size_t old_n = old_shape.size(), new_n = new_shape.size();
    while (ni < new_n && oi < old_n) {
        int64_t np_ = new_shape[ni], op = old_shape[oi];
        while (np_ != op) {
            if (np_ < op)
                np_ *= new_shape[nj++];
            else
                op *= old_shape[oj++];
        }
        for (size_t ok = oi; ok < oj - 1; ++ok)
            if (old_strides[ok] != old_shape[ok + 1] * old_strides[ok + 1])
                return false;
        new_strides[nj - 1] = old_strides[oj - 1];
        for (size_t nk = nj - 1; nk > ni; --nk)
            new_strides[nk - 1] = new_strides[nk] * new_shape[nk];
        ni = nj++;
        oi = oj++;
    }
    int64_t last_stride = ni >= 1 ? new_strides[ni - 1] : static_cast<int64_t>(array.itemsize());
    for (size_t nk = ni; nk < new_n; ++nk)
        new_strides[nk] = last_stride;
    return true;
}

} // namespace

int64_t check_axis(int64_t axis, int64_t ndim)
{
    if (axis < -ndim || axis >= ndim)
        value_error("axis " + std::to_string(axis) + " is out of bounds for array of dimension " + std::to_string(ndim));
    return axis < 0 ? axis + ndim : axis;
}

NDArray reshape(const NDArray& array, Shape shape)
{
    int64_t known = 1;
    int unknown = -1;
    for (size_t i = 0; i < shape.size(); ++i) {
        if (shape[i] == -1) {
            if (unknown >= 0)
                value_error("can only specify one unknown dimension");
            unknown = static_cast<int>(i);
        } else if (shape[i] < 0) {
            value_error("negative dimensions not allowed");
        } else {
            known *= shape[i];
        }
    }
    int64_t size = array.size();
    // numpy spells the requested shape without spaces and -1 as "newaxis": "(2,newaxis)", "(4,)".
    std::string requested = "(";
    for (size_t i = 0; i < shape.size(); ++i)
        requested += (i ? "," : "") + (shape[i] == -1 ? std::string("newaxis") : std::to_string(shape[i]));
    requested += shape.size() == 1 ? ",)" : ")";
    auto fail = [&]() {
        value_error("cannot reshape array of size " + std::to_string(size) + " into shape " + requested);
    };
    if (unknown >= 0) {
        if (known == 0 || size % known != 0)
            fail();
        shape[static_cast<size_t>(unknown)] = size / known;
    }
    if (checked_size(shape, array.itemsize()) != size)
        fail();
    NDArray result = array;
    if (size == 0 || array.is_c_contiguous()) {
        result.strides = c_strides(shape, array.itemsize());
        result.shape = std::move(shape);
        return result;
    }
    Strides strides;
    if (reshape_view(array, shape, strides)) {
        result.shape = std::move(shape);
        result.strides = std::move(strides);
        return result;
    }
    result = copy(array);
    result.strides = c_strides(shape, array.itemsize());
    result.shape = std::move(shape);
    return result;
}

NDArray ravel(const NDArray& array) { return reshape(array, { array.size() }); }

NDArray transpose(const NDArray& array, std::optional<std::vector<int64_t>> axes)
{
    int64_t ndim = array.ndim();
    std::vector<int64_t> order;
    if (axes) {
        if (static_cast<int64_t>(axes->size()) != ndim)
            value_error("axes don't match array");
        std::vector<bool> seen(static_cast<size_t>(ndim), false);
        for (int64_t axis : *axes) {
            int64_t a = check_axis(axis, ndim);
            if (seen[static_cast<size_t>(a)])
                value_error("repeated axis in transpose");
            seen[static_cast<size_t>(a)] = true;
            order.push_back(a);
        }
    } else {
        for (int64_t i = ndim - 1; i >= 0; --i)
            order.push_back(i);
    }
    NDArray result = array;
    for (size_t i = 0; i < order.size(); ++i) {
        result.shape[i] = array.shape[static_cast<size_t>(order[i])];
        result.strides[i] = array.strides[static_cast<size_t>(order[i])];
    }
    return result;
}

namespace {

// numpy names the argument in some axis errors: "axis2: axis 5 is out of bounds ...".
int64_t check_named_axis(const char* name, int64_t axis, int64_t ndim)
{
    try {
        return check_axis(axis, ndim);
    } catch (const RambaError& error) {
        value_error(std::string(name) + ": " + error.message());
    }
}

} // namespace

NDArray swapaxes(const NDArray& array, int64_t axis1, int64_t axis2)
{
    int64_t a = check_named_axis("axis1", axis1, array.ndim()), b = check_named_axis("axis2", axis2, array.ndim());
    NDArray result = array;
    std::swap(result.shape[static_cast<size_t>(a)], result.shape[static_cast<size_t>(b)]);
    std::swap(result.strides[static_cast<size_t>(a)], result.strides[static_cast<size_t>(b)]);
    return result;
}

NDArray moveaxis(const NDArray& array, std::vector<int64_t> source, std::vector<int64_t> destination)
{
    int64_t ndim = array.ndim();
    if (source.size() != destination.size())
        value_error("`source` and `destination` arguments must have the same number of elements");
    for (auto& a : source)
        a = check_named_axis("source", a, ndim);
    for (auto& a : destination)
        a = check_named_axis("destination", a, ndim);
    std::vector<int64_t> order;
    for (int64_t i = 0; i < ndim; ++i)
        if (std::find(source.begin(), source.end(), i) == source.end())
            order.push_back(i);
    std::vector<std::pair<int64_t, int64_t>> pairs;
    for (size_t i = 0; i < source.size(); ++i)
        pairs.push_back({ destination[i], source[i] });
    std::sort(pairs.begin(), pairs.end());
    for (auto& [dest, src] : pairs)
        order.insert(order.begin() + dest, src);
    return transpose(array, order);
}

NDArray expand_dims(const NDArray& array, std::vector<int64_t> axes)
{
    int64_t out_ndim = array.ndim() + static_cast<int64_t>(axes.size());
    for (auto& a : axes)
        a = check_axis(a, out_ndim);
    std::sort(axes.begin(), axes.end());
    if (std::adjacent_find(axes.begin(), axes.end()) != axes.end())
        value_error("repeated axis");
    NDArray result = array;
    result.shape.clear();
    result.strides.clear();
    size_t source = 0;
    for (int64_t i = 0; i < out_ndim; ++i) {
        if (std::binary_search(axes.begin(), axes.end(), i)) {
            result.shape.push_back(1);
            result.strides.push_back(0);
        } else {
            result.shape.push_back(array.shape[source]);
            result.strides.push_back(array.strides[source]);
            ++source;
        }
    }
    return result;
}

NDArray squeeze(const NDArray& array, std::optional<std::vector<int64_t>> axes)
{
    std::vector<bool> drop(array.shape.size(), false);
    if (axes) {
        for (int64_t axis : *axes) {
            int64_t a = check_axis(axis, array.ndim());
            if (array.shape[static_cast<size_t>(a)] != 1)
                value_error("cannot select an axis to squeeze out which has size not equal to one");
            drop[static_cast<size_t>(a)] = true;
        }
    } else {
        for (size_t i = 0; i < array.shape.size(); ++i)
            drop[i] = array.shape[i] == 1;
    }
    NDArray result = array;
    result.shape.clear();
    result.strides.clear();
    for (size_t i = 0; i < array.shape.size(); ++i) {
        if (!drop[i]) {
            result.shape.push_back(array.shape[i]);
            result.strides.push_back(array.strides[i]);
        }
    }
    return result;
}

NDArray flip(const NDArray& array, std::optional<std::vector<int64_t>> axes)
{
    std::vector<int64_t> list;
    if (axes) {
        for (int64_t a : *axes)
            list.push_back(check_axis(a, array.ndim()));
    } else {
        for (int64_t i = 0; i < array.ndim(); ++i)
            list.push_back(i);
    }
    NDArray result = array;
    for (int64_t a : list) {
        size_t i = static_cast<size_t>(a);
        if (array.shape[i] > 0)
            result.offset += (array.shape[i] - 1) * array.strides[i];
        result.strides[i] = -array.strides[i];
    }
    return result;
}

NDArray concatenate(std::span<const NDArray> arrays, std::optional<int64_t> axis_in)
{
    if (arrays.empty())
        value_error("need at least one array to concatenate");
    std::vector<NDArray> inputs(arrays.begin(), arrays.end());
    if (!axis_in) {
        for (auto& a : inputs)
            a = ravel(a);
    }
    int64_t ndim = inputs[0].ndim();
    if (ndim == 0)
        value_error("zero-dimensional arrays cannot be concatenated");
    int64_t axis = check_axis(axis_in.value_or(0), ndim);
    DType dtype = inputs[0].dtype;
    Shape shape = inputs[0].shape;
    shape[static_cast<size_t>(axis)] = 0;
    for (size_t k = 0; k < inputs.size(); ++k) {
        const auto& a = inputs[k];
        if (a.ndim() != ndim)
            value_error("all the input array dimensions except for the concatenation axis must match exactly, but along "
                        "dimension 0, the array at index 0 has " + std::to_string(ndim) + " dimension(s) and the array at index "
                + std::to_string(k) + " has " + std::to_string(a.ndim()) + " dimension(s)");
        for (int64_t d = 0; d < ndim; ++d) {
            if (d != axis && a.shape[static_cast<size_t>(d)] != inputs[0].shape[static_cast<size_t>(d)])
                value_error("all the input array dimensions except for the concatenation axis must match exactly, but "
                            "along dimension " + std::to_string(d) + ", the array at index 0 has size "
                    + std::to_string(inputs[0].shape[static_cast<size_t>(d)]) + " and the array at index " + std::to_string(k)
                    + " has size " + std::to_string(a.shape[static_cast<size_t>(d)]));
        }
        shape[static_cast<size_t>(axis)] += a.shape[static_cast<size_t>(axis)];
        dtype = promote_types(dtype, a.dtype);
    }
    NDArray result = NDArray::empty(dtype, shape);
    int64_t position = 0;
    for (const auto& a : inputs) {
        NDArray target = result;
        target.shape[static_cast<size_t>(axis)] = a.shape[static_cast<size_t>(axis)];
        target.offset += position * result.strides[static_cast<size_t>(axis)];
        assign(target, a);
        position += a.shape[static_cast<size_t>(axis)];
    }
    return result;
}

NDArray stack(std::span<const NDArray> arrays, int64_t axis)
{
    if (arrays.empty())
        value_error("need at least one array to stack");
    for (const auto& a : arrays)
        if (a.shape != arrays[0].shape)
            value_error("all input arrays must have the same shape");
    int64_t a_axis = check_axis(axis, arrays[0].ndim() + 1);
    std::vector<NDArray> expanded;
    for (const auto& a : arrays)
        expanded.push_back(expand_dims(a, { a_axis }));
    return concatenate(expanded, a_axis);
}

NDArray atleast_nd(const NDArray& array, int64_t ndim)
{
    NDArray result = array;
    while (result.ndim() < ndim) {
        result.shape.insert(result.shape.begin(), 1);
        result.strides.insert(result.strides.begin(), 0);
    }
    return result;
}

NDArray hstack(std::span<const NDArray> arrays)
{
    std::vector<NDArray> inputs;
    for (const auto& a : arrays)
        inputs.push_back(atleast_nd(a, 1));
    if (!inputs.empty() && inputs[0].ndim() == 1)
        return concatenate(inputs, 0);
    return concatenate(inputs, 1);
}

NDArray vstack(std::span<const NDArray> arrays)
{
    std::vector<NDArray> inputs;
    for (const auto& a : arrays)
        inputs.push_back(atleast_nd(a, 2));
    return concatenate(inputs, 0);
}

NDArray column_stack(std::span<const NDArray> arrays)
{
    std::vector<NDArray> inputs;
    for (const auto& a : arrays) {
        if (a.ndim() < 2) {
            NDArray r = atleast_nd(a, 1);
            inputs.push_back(transpose(atleast_nd(r, 2)));
        } else {
            inputs.push_back(a);
        }
    }
    return concatenate(inputs, 1);
}

std::vector<NDArray> split_at(const NDArray& array, std::span<const int64_t> indices, int64_t axis_in)
{
    int64_t axis = check_axis(axis_in, array.ndim());
    int64_t length = array.shape[static_cast<size_t>(axis)];
    std::vector<NDArray> parts;
    int64_t previous = 0;
    auto piece = [&](int64_t start, int64_t stop) {
        std::vector<IndexItem> items;
        for (int64_t d = 0; d < axis; ++d)
            items.push_back(IndexItem::make_slice({}, {}, {}));
        items.push_back(IndexItem::make_slice(start, stop, {}));
        parts.push_back(index_get(array, items).array);
    };
    for (int64_t index : indices) {
        piece(previous, index);
        previous = index;
    }
    piece(previous, length);
    (void)length;
    return parts;
}

std::vector<NDArray> array_split(const NDArray& array, int64_t sections, int64_t axis_in)
{
    if (sections <= 0)
        value_error("number sections must be larger than 0.");
    int64_t axis = check_axis(axis_in, array.ndim());
    int64_t length = array.shape[static_cast<size_t>(axis)];
    int64_t each = length / sections, extras = length % sections;
    std::vector<int64_t> bounds;
    int64_t position = 0;
    for (int64_t i = 0; i < sections - 1; ++i) {
        position += each + (i < extras ? 1 : 0);
        bounds.push_back(position);
    }
    return split_at(array, bounds, axis);
}

std::vector<NDArray> split(const NDArray& array, int64_t sections, int64_t axis)
{
    int64_t a = check_axis(axis, array.ndim());
    if (sections <= 0 || array.shape[static_cast<size_t>(a)] % sections != 0)
        value_error("array split does not result in an equal division");
    return array_split(array, sections, axis);
}

NDArray tile(const NDArray& array, std::vector<int64_t> reps)
{
    int64_t ndim = std::max<int64_t>(array.ndim(), static_cast<int64_t>(reps.size()));
    while (static_cast<int64_t>(reps.size()) < ndim)
        reps.insert(reps.begin(), 1);
    NDArray a = atleast_nd(array, ndim);
    // Broadcast a to shape (r0, s0, r1, s1, ...) then reshape.
    Shape big;
    Strides big_strides;
    for (int64_t d = 0; d < ndim; ++d) {
        big.push_back(reps[static_cast<size_t>(d)]);
        big_strides.push_back(0);
        big.push_back(a.shape[static_cast<size_t>(d)]);
        big_strides.push_back(a.strides[static_cast<size_t>(d)]);
    }
    NDArray view = a;
    view.shape = big;
    view.strides = big_strides;
    NDArray result = copy(view);
    Shape final_shape;
    for (int64_t d = 0; d < ndim; ++d)
        final_shape.push_back(reps[static_cast<size_t>(d)] * a.shape[static_cast<size_t>(d)]);
    return reshape(result, final_shape);
}

NDArray repeat(const NDArray& array_in, std::span<const int64_t> repeats, std::optional<int64_t> axis_in)
{
    NDArray array = axis_in ? array_in : ravel(array_in);
    int64_t axis = axis_in ? check_axis(*axis_in, array.ndim()) : 0;
    int64_t length = array.shape[static_cast<size_t>(axis)];
    std::vector<int64_t> counts;
    if (repeats.size() == 1)
        counts.assign(static_cast<size_t>(length), repeats[0]);
    else if (static_cast<int64_t>(repeats.size()) == length)
        counts.assign(repeats.begin(), repeats.end());
    else
        value_error("operands could not be broadcast together with shape (" + std::to_string(length) + ",) ("
            + std::to_string(repeats.size()) + ",)");
    int64_t total = 0;
    for (int64_t c : counts) {
        if (c < 0)
            value_error("repeats may not contain negative values.");
        total += c;
    }
    Shape shape = array.shape;
    shape[static_cast<size_t>(axis)] = total;
    NDArray result = NDArray::empty(array.dtype, shape);
    int64_t position = 0;
    for (int64_t i = 0; i < length; ++i) {
        NDArray source = array;
        source.shape.erase(source.shape.begin() + axis);
        source.strides.erase(source.strides.begin() + axis);
        source.offset += i * array.strides[static_cast<size_t>(axis)];
        for (int64_t r = 0; r < counts[static_cast<size_t>(i)]; ++r) {
            NDArray target = result;
            target.shape.erase(target.shape.begin() + axis);
            target.strides.erase(target.strides.begin() + axis);
            target.offset += position * result.strides[static_cast<size_t>(axis)];
            assign(target, source);
            ++position;
        }
    }
    return result;
}

NDArray roll(const NDArray& array, std::vector<int64_t> shifts, std::optional<std::vector<int64_t>> axes)
{
    if (!axes) {
        NDArray flat = ravel(array);
        NDArray rolled = roll(flat, shifts, std::vector<int64_t> { 0 });
        return reshape(rolled, array.shape);
    }
    if (shifts.size() == 1 && axes->size() > 1)
        shifts.assign(axes->size(), shifts[0]);
    if (axes->size() == 1 && shifts.size() > 1)
        axes->assign(shifts.size(), (*axes)[0]);
    if (shifts.size() != axes->size())
        value_error("'shift' and 'axis' should be scalars or 1D sequences");
    std::vector<int64_t> total(static_cast<size_t>(array.ndim()), 0);
    for (size_t i = 0; i < axes->size(); ++i)
        total[static_cast<size_t>(check_axis((*axes)[i], array.ndim()))] += shifts[i];
    NDArray result = copy(array);
    for (int64_t d = 0; d < array.ndim(); ++d) {
        int64_t n = array.shape[static_cast<size_t>(d)];
        if (n == 0)
            continue;
        int64_t s = ((total[static_cast<size_t>(d)] % n) + n) % n;
        if (s == 0)
            continue;
        NDArray source = copy(result);
        // result[s:] = source[:n-s]; result[:s] = source[n-s:]
        auto part = [&](const NDArray& a, int64_t start, int64_t count) {
            NDArray v = a;
            v.offset += start * a.strides[static_cast<size_t>(d)];
            v.shape[static_cast<size_t>(d)] = count;
            return v;
        };
        assign(part(result, s, n - s), part(source, 0, n - s));
        assign(part(result, 0, s), part(source, n - s, s));
    }
    return result;
}

} // namespace ramba::engine
