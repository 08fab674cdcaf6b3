// argmin / argmax along one axis or over the flattened array, numpy's first occurrence (NaN first).
#include <algorithm>
#include <cmath>
#include <cstring>
#include <type_traits>
#include <omp.h>

#include "engine/array/cast.hpp"
#include "engine/vm/block.hpp"
#include "engine/vm/lane_folds.hpp"
#include "engine/vm/reduce_axes.hpp"
#include "engine/vm/scalar_ops.hpp"
#include "engine/vm/ufunc.hpp"
#include "base/error.hpp"

namespace ramba::vm {

using namespace engine;

namespace {

template<typename T> int64_t chunk_argextremum(const T* p, int64_t n, bool is_max)
{
    return is_max ? first_argmax(p, n) : first_argmin(p, n);
}

template<typename T> int64_t flat_argextremum(const T* p, int64_t n, bool is_max)
{
    int threads = n >= parallel_min_elements ? num_threads() : 1;
    if (threads == 1)
        return chunk_argextremum(p, n, is_max);
    int64_t chunks = (n + fold_chunk - 1) / fold_chunk;
    std::vector<int64_t> found(chunks);
#pragma omp parallel for num_threads(threads) schedule(static)
    for (int64_t c = 0; c < chunks; ++c)
        found[c] = c * fold_chunk + chunk_argextremum(p + c * fold_chunk, std::min(fold_chunk, n - c * fold_chunk), is_max);
    int64_t best = found[0];
    for (int64_t c = 0; c < chunks && !std::isnan(p[best]); ++c) {
        T x = p[found[c]];
        if (std::isnan(x) || (is_max ? x > p[best] : x < p[best]))
            best = found[c];
    }
    return best;
}

} // namespace

NDArray arg_extremum(ReduceOp op, const NDArray& input, std::optional<std::span<const int64_t>> axes, bool keepdims)
{
    if (axes && axes->size() > 1)
        throw RambaError(ErrorKind::TypeError, "'tuple' object cannot be interpreted as an integer");
    bool is_max = op == ReduceOp::ArgMax;
    // numpy: argmax over axis=None indexes the C-order flattening; over an axis, the axis moves last.
    NDArray work = input;
    int64_t axis = -1;
    if (axes) {
        auto reduced = reduced_axes(input, axes);
        axis = std::find(reduced.begin(), reduced.end(), true) - reduced.begin();
    }
    Shape out_shape;
    if (!axes) {
        work = reshaped(ascontiguous(input), { input.size() });
        axis = 0;
        if (keepdims)
            out_shape.assign(input.ndim(), 1);
    } else {
        std::vector<int64_t> order;
        for (int64_t a = 0; a < input.ndim(); ++a) {
            if (a != axis) order.push_back(a);
        }
        order.push_back(axis);
        NDArray moved = input;
        for (size_t k = 0; k < order.size(); ++k) {
            moved.shape[k] = input.shape[order[k]];
            moved.strides[k] = input.strides[order[k]];
        }
        work = moved;
        for (int64_t a = 0; a < input.ndim(); ++a) {
            if (a != axis) out_shape.push_back(input.shape[a]);
            else if (keepdims) out_shape.push_back(1);
        }
    }
    int64_t run = work.ndim() == 0 ? 1 : work.shape.back();
    if (run == 0) {
        throw RambaError(ErrorKind::ValueError, std::string("attempt to get ") + (is_max ? "argmax" : "argmin")
                + " of an empty sequence");
    }
    int64_t run_stride = work.ndim() == 0 ? 0 : work.strides.back();
    NDArray out = NDArray::empty(DType::Int64, out_shape);
    auto* result = reinterpret_cast<int64_t*>(out.data());
    NDArray rows = work;
    if (rows.ndim() > 0) {
        rows.shape.pop_back();
        rows.strides.pop_back();
    }
    int64_t r = 0;
    dispatch_dtype(input.dtype, [&]<typename T>() {
        if constexpr (std::is_floating_point_v<T>) {
            // OPTIMIZATION: contiguous float runs search in vector lanes (lane_folds.cpp), a long
            // flat run in fixed chunks on threads; numpy's answer (first NaN, else first extremum)
            // is kept by combining the chunks in order.
            if (run_stride == static_cast<int64_t>(sizeof(T))) {
                for_each_element(rows, [&](std::byte* p) {
                    auto* q = reinterpret_cast<const T*>(p);
                    result[r++] = out.size() == 1 ? flat_argextremum<T>(q, run, is_max) : chunk_argextremum<T>(q, run, is_max);
                });
                return;
            }
        }
        for_each_element(rows, [&](std::byte* p) {
            T best;
            std::memcpy(&best, p, sizeof(T));
            int64_t best_index = 0;
            for (int64_t i = 1; i < run && !scalar::isnan(best); ++i) {
                T x;
                std::memcpy(&x, p + i * run_stride, sizeof(T));
                // numpy: the first NaN wins; otherwise the first strict extremum.
                bool better = scalar::isnan(x) || (is_max ? scalar::less(best, x) : scalar::less(x, best));
                if (better) {
                    best = x;
                    best_index = i;
                }
            }
            result[r++] = best_index;
        });
    });
    return out;
}

} // namespace ramba::vm
