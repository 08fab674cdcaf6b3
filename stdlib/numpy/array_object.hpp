// The numpy objects the interpreter sees: ndarray, numpy scalars and dtypes, as OpaqueObjects with a
// TypeInfo, plus the conversions every numpy builtin (ours and the ufunc/reduction rows) uses.
#pragma once

#include <optional>

#include "engine/array/ndarray.hpp"
#include "engine/dtype/promotion.hpp"
#include "engine/planner/node.hpp"
#include "engine/seam/engine.hpp"
#include "interpreter/values/value.hpp"

namespace ramba::numpy {

// An ndarray handle: data in the driver, a pending planner node (shape and dtype known, data computed
// at the first read or a flush; stdlib/numpy/lazy.hpp), or a view of an array distributed over the
// cluster's workers (engine/cluster/dist.hpp); the engine (engine/seam) sees it as an ArrayHandle. array() is the way to the data: it materialises, and
// brings a distributed array into the driver for good (so views made of it alias it, as numpy's
// do). readable() is for consumers that only read and keep nothing (printing, conversions): for a
// distributed view it brings just the rows the view covers. Writers call flush_pending() first.
struct ArrayObject final : interp::OpaqueObject, seam::ArrayHandle {
    explicit ArrayObject(engine::NDArray a) : m_array(std::move(a)) { }
    explicit ArrayObject(engine::planner::NodePtr pending); // lazy.cpp: registers it for flushes
    explicit ArrayObject(std::shared_ptr<seam::DistView> view) : m_dist(std::move(view)) { }
    ~ArrayObject() override;
    const engine::NDArray& array() const
    {
        if (m_pending || m_dist) [[unlikely]]
            return resolved_array();
        return m_array;
    }
    const engine::NDArray& writable() const { return array(); }
    // The data when it is in the driver already (not pending, not a view of distributed data), else null.
    const engine::NDArray* driver_data() const { return m_pending || m_dist ? nullptr : &m_array; }
    const engine::NDArray& readable() const override; // lazy.cpp
    const engine::planner::NodePtr& pending() const override { return m_pending; }
    // The distributed view this handle holds while its data is on the workers (else null). The
    // library's rows ask the engine (seam::current()) rather than this.
    const seam::DistView* distributed() const override; // lazy.cpp
    // Pending, or data the engine keeps away from the driver: work on it builds planner nodes
    // (fused, and run by the engine where the data is) rather than reading the data here.
    bool is_lazy_operand() const { return m_pending || distributed(); }
    // Known without computing anything (a pending node's shape and dtype are resolved when built).
    const engine::Shape& shape() const override;
    engine::DType dtype() const override;
    void materialize() const override; // lazy.cpp
    // The node a kernel reads this handle through (lazy.cpp's operand_node for an ndarray).
    engine::planner::NodePtr node() const override;
    void set_materialized(engine::NDArray) const; // after a flush computed the pending node
    // `a.shape = ...`: the handle now holds this driver-side array (a view of the data array() gave).
    void set_local(engine::NDArray) const; // lazy.cpp
    void set_result(const engine::planner::Node&) const; // after a flush: data, or distributed
    // Asks the engine whether a large array this handle alone owns moves to the workers.
    void distribute() const override; // lazy.cpp
    const interp::TypeInfo& type_info() const override;

private:
    const engine::NDArray& resolved_array() const;
    mutable engine::NDArray m_array;
    mutable engine::planner::NodePtr m_pending;
    mutable std::shared_ptr<seam::DistView> m_dist;
    mutable engine::NDArray m_snapshot; // readable()'s copy of a distributed view's rows
    mutable uint64_t m_snapshot_version { ~uint64_t(0) };
};

// np.float64(1.5), a[0], the result of a full reduction. Prints as numpy 1.24 prints scalars.
struct ScalarObject final : interp::OpaqueObject {
    engine::Scalar scalar;
    explicit ScalarObject(engine::Scalar s) : scalar(s) { }
    ScalarObject(engine::DType dtype, const void* element)
    {
        scalar.dtype = dtype;
        __builtin_memcpy(scalar.bytes, element, engine::dtype_itemsize(dtype));
    }
    const interp::TypeInfo& type_info() const override;
    // OPTIMIZATION: an element loop makes and drops a scalar per operation; freed objects wait on a
    // free list for the next one instead of going back to malloc (scalar_math.cpp).
    static void* operator new(size_t size);
    static void operator delete(void* object, size_t size);
};

// `a.dtype`, np.dtype('f8'): prints `float64`, repr `dtype('float64')`, equals np.float64 and 'float64'.
struct DTypeObject final : interp::OpaqueObject {
    engine::DType dtype;
    explicit DTypeObject(engine::DType d) : dtype(d) { }
    const interp::TypeInfo& type_info() const override;
};

interp::Value wrap_array(engine::NDArray);
interp::Value wrap_scalar(engine::Scalar);
// One element's bytes (itemsize of dtype) as a numpy scalar, copied straight into the new object.
interp::Value wrap_element(engine::DType, const void* element);
// A 0-d result becomes a numpy scalar (what numpy returns from reductions and full indexing).
interp::Value wrap_result(engine::NDArray);
// What an engine operation gave: a distributed view, or driver data (wrap_result's way).
interp::Value wrap_engine_result(seam::Result);
interp::Value dtype_value(engine::DType);  // a DTypeObject
interp::Value dtype_class(engine::DType);  // np.float64 ... (ClassObject, callable, tag = dtype)

bool is_array(const interp::Value&);
// The ndarray handle a value holds (for the engine's operations), else null.
inline const ArrayObject* array_handle(const interp::Value& value)
{
    return is_array(value) ? &value.as<ArrayObject>() : nullptr;
}
// A numpy scalar: a ScalarObject, or a float64, which is a library float (interp::Value::library_float:
// an immediate value, no object), as numpy's float64 subclasses Python's float.
bool is_numpy_scalar(const interp::Value&);
// The scalar a numpy scalar value holds (precondition: is_numpy_scalar).
inline engine::Scalar numpy_scalar(const interp::Value& value)
{
    if (value.is(interp::Type::Float))
        return engine::Scalar::make(engine::DType::Float64, value.as_float());
    return value.as<ScalarObject>().scalar;
}
// Anything array-like: ndarray, numpy scalar, Python bool/int/float/complex, nested list/tuple.
bool is_array_like(const interp::Value&);

// np.asarray(value[, dtype]): ndarrays are returned as they are (no copy) unless a cast is needed.
// TypeError/ValueError in numpy's words for ragged or non-numeric input.
engine::NDArray to_array(interp::CallContext&, const interp::Value&,
    std::optional<engine::DType> dtype = std::nullopt);

// How numpy 1.24's value-based promotion sees an operand (Python and numpy scalars, 0-d arrays
// are scalars). Use with engine::result_type.
engine::PromotionOperand promotion_operand(interp::CallContext&, const interp::Value&);

// A dtype= argument: None -> nullopt; np.float64, np.dtype(...), 'f8', float/int/bool/complex.
// TypeError "data type 'x' not understood" otherwise.
std::optional<engine::DType> to_dtype(interp::CallContext&, const interp::Value&);

// numpy's axis normalisation: negative axes count from the end; AxisError (a ValueError/IndexError
// in numpy) "axis 2 is out of bounds for array of dimension 2".
int64_t normalize_axis(int64_t axis, int64_t ndim);
// axis=None/int/tuple -> sorted list of axes (None -> all).
std::vector<int64_t> normalize_axes(interp::CallContext&, const interp::Value& axis, int64_t ndim);

// Python value of one element (bool/int/float/complex), as tolist() and item() return.
interp::Value element_to_value(engine::DType, const std::byte*);

} // namespace ramba::numpy
