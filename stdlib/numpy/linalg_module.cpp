// The numpy.linalg module's LAPACK-backed functions as registration rows over engine/array/linalg
// (norm solve inv det slogdet lstsq svd qr cholesky eig eigvals eigh eigvalsh). Its compositions
// (pinv, matrix_rank, cond, matrix_power, multi_dot, tensorsolve, tensorinv) are written as numpy
// writes them, in stdlib/embedded/overlays/numpy.linalg/. Each runs in the driver: to_array gathers a
// distributed input, as for every linalg function.
#include "stdlib/numpy/rows.hpp"

#include <cmath>

#include "engine/array/linalg.hpp"
#include "stdlib/numpy/array_object.hpp"
#include "stdlib/numpy/types.hpp"

namespace ramba::numpy {

using engine::NDArray;
using interp::CallContext;
using interp::Type;
using interp::Value;

std::optional<std::vector<int64_t>> axes_argument(CallContext&, const Value& axis); // ndarray_methods.cpp

namespace {

Value pair_value(const NDArray& first, const NDArray& second) { return interp::make_tuple({ wrap_result(first), wrap_result(second) }); }

std::string string_argument(const Value& value) { return value.as<interp::StrObject>().value; }

Value linalg_norm(CallContext& context, std::span<Value> args)
{
    engine::NormOrder ord;
    if (args[1].is(Type::Str)) {
        ord.text = string_argument(args[1]);
        ord.kind = ord.text == "fro" || ord.text == "f" ? engine::NormOrder::Fro
            : ord.text == "nuc"                         ? engine::NormOrder::Nuc
                                                        : engine::NormOrder::Invalid;
    } else if (!args[1].is_none()) {
        ord.kind = engine::NormOrder::Number;
        ord.p = interp::to_double(context, args[1]);
        ord.text = interp::repr_value(context, args[1]);
    }
    std::optional<std::vector<int64_t>> axes;
    if (!args[2].is_none() && !args[2].is(Type::Int) && !args[2].is(Type::Tuple) && !is_numpy_scalar(args[2]))
        raise(ErrorKind::TypeError, "'axis' must be None, an integer or a tuple of integers");
    axes = axes_argument(context, args[2]);
    return wrap_result(engine::norm(to_array(context, args[0]), ord, axes, interp::truthy(context, args[3])));
}

Value linalg_solve(CallContext& context, std::span<Value> args) { return wrap_result(engine::solve(to_array(context, args[0]), to_array(context, args[1]))); }
Value linalg_inv(CallContext& context, std::span<Value> args) { return wrap_result(engine::inv(to_array(context, args[0]))); }
Value linalg_det(CallContext& context, std::span<Value> args) { return wrap_result(engine::det(to_array(context, args[0]))); }

Value linalg_slogdet(CallContext& context, std::span<Value> args)
{
    auto [sign, log_det] = engine::slogdet(to_array(context, args[0]));
    return pair_value(sign, log_det);
}

Value linalg_lstsq(CallContext& context, std::span<Value> args)
{
    std::optional<double> rcond;
    if (args[2].is(Type::Str) && string_argument(args[2]) == "warn") {
        // numpy 1.24: the default still means rcond=-1, with this warning.
        context.warn("FutureWarning", "`rcond` parameter will change to the default of machine precision times ``max(M, N)`` where M and N "
                                      "are the input matrix dimensions.\nTo use the future default and silence this warning we advise to pass "
                                      "`rcond=None`, to keep using the old, explicitly pass `rcond=-1`.");
        rcond = -1.0;
    } else if (!args[2].is_none()) {
        rcond = interp::to_double(context, args[2]);
    }
    engine::LeastSquares result = engine::lstsq(to_array(context, args[0]), to_array(context, args[1]), rcond);
    // numpy returns the rank as the gufunc's int32 scalar.
    return interp::make_tuple({ wrap_array(result.x), wrap_array(result.residuals),
        wrap_scalar(engine::Scalar::make(engine::DType::Int32, static_cast<int32_t>(result.rank))), wrap_array(result.s) });
}

Value linalg_svd(CallContext& context, std::span<Value> args)
{
    bool compute_uv = interp::truthy(context, args[2]);
    engine::SingularValues result = engine::svd(to_array(context, args[0]), interp::truthy(context, args[1]), compute_uv,
        interp::truthy(context, args[3]));
    if (!compute_uv)
        return wrap_array(result.s);
    return interp::make_tuple({ wrap_array(result.u), wrap_array(result.s), wrap_array(result.vh) });
}

Value linalg_qr(CallContext& context, std::span<Value> args)
{
    std::string mode = args[1].is(Type::Str) ? string_argument(args[1]) : interp::repr_value(context, args[1]);
    engine::QrMode kind = engine::QrMode::Reduced;
    if (mode == "complete") {
        kind = engine::QrMode::Complete;
    } else if (mode == "r") {
        kind = engine::QrMode::R;
    } else if (mode == "raw") {
        kind = engine::QrMode::Raw;
    } else if (mode == "f" || mode == "full") {
        context.warn("DeprecationWarning", "The 'full' option is deprecated in favor of 'reduced'.\nFor backward compatibility let mode default.");
    } else if (mode == "e" || mode == "economic") {
        context.warn("DeprecationWarning", "The 'economic' option is deprecated.");
        kind = engine::QrMode::Economic;
    } else if (mode != "reduced") {
        raise(ErrorKind::ValueError, "Unrecognized mode '" + mode + "'");
    }
    std::vector<NDArray> parts = engine::qr(to_array(context, args[0]), kind);
    if (parts.size() == 1)
        return wrap_array(parts[0]);
    return interp::make_tuple({ wrap_array(parts[0]), wrap_array(parts[1]) });
}

Value linalg_cholesky(CallContext& context, std::span<Value> args) { return wrap_array(engine::cholesky(to_array(context, args[0]))); }

Value linalg_eig(CallContext& context, std::span<Value> args)
{
    auto [values, vectors] = engine::eig(to_array(context, args[0]));
    return interp::make_tuple({ wrap_array(values), wrap_array(vectors) });
}

Value linalg_eigvals(CallContext& context, std::span<Value> args) { return wrap_array(engine::eigvals(to_array(context, args[0]))); }

// numpy: UPLO.upper() must be 'L' or 'U'.
char uplo_argument(const Value& value)
{
    std::string text = value.is(Type::Str) ? string_argument(value) : "";
    if (text == "L" || text == "l")
        return 'L';
    if (text == "U" || text == "u")
        return 'U';
    raise(ErrorKind::ValueError, "UPLO argument must be 'L' or 'U'");
}

Value linalg_eigh(CallContext& context, std::span<Value> args)
{
    auto [values, vectors] = engine::eigh(to_array(context, args[0]), uplo_argument(args[1]));
    return interp::make_tuple({ wrap_array(values), wrap_array(vectors) });
}

Value linalg_eigvalsh(CallContext& context, std::span<Value> args)
{
    return wrap_array(engine::eigvalsh(to_array(context, args[0]), uplo_argument(args[1])));
}

const interp::BuiltinSpec rows[] = {
    { "norm", "(x, ord=None, axis=None, keepdims=False)", linalg_norm, "Matrix or vector norm." },
    { "solve", "(a, b)", linalg_solve, "Solve a linear matrix equation, or system of linear scalar equations." },
    { "inv", "(a)", linalg_inv, "Compute the (multiplicative) inverse of a matrix." },
    { "det", "(a)", linalg_det, "Compute the determinant of an array." },
    { "slogdet", "(a)", linalg_slogdet, "Compute the sign and (natural) logarithm of the determinant of an array." },
    { "lstsq", "(a, b, rcond='warn')", linalg_lstsq, "Return the least-squares solution to a linear matrix equation." },
    { "svd", "(a, full_matrices=True, compute_uv=True, hermitian=False)", linalg_svd, "Singular Value Decomposition." },
    { "qr", "(a, mode='reduced')", linalg_qr, "Compute the qr factorization of a matrix." },
    { "cholesky", "(a)", linalg_cholesky, "Cholesky decomposition." },
    { "eig", "(a)", linalg_eig, "Compute the eigenvalues and right eigenvectors of a square array." },
    { "eigvals", "(a)", linalg_eigvals, "Compute the eigenvalues of a general matrix." },
    { "eigh", "(a, UPLO='L')", linalg_eigh, "Return the eigenvalues and eigenvectors of a complex Hermitian or a real symmetric matrix." },
    { "eigvalsh", "(a, UPLO='L')", linalg_eigvalsh, "Compute the eigenvalues of a complex Hermitian or real symmetric matrix." },
};

} // namespace

std::span<const interp::BuiltinSpec> linalg_module_functions() { return rows; }

} // namespace ramba::numpy
