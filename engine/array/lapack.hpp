// Internal to engine/array's linalg_*.cpp: numpy.linalg's shape checks, its dtype rule, stacks of
// matrices, and LAPACKE's routines overloaded on the element type (double, std::complex<double>).
#pragma once

#include <algorithm>
#include <complex>
#include <string>

#include "base/error.hpp"
#include "engine/array/blas.hpp"
#include "engine/array/cast.hpp"
#include "engine/array/ndarray.hpp"

namespace ramba::engine::lapack {

using Complex = std::complex<double>;

[[noreturn]] inline void linalg_error(std::string message) { throw RambaError(ErrorKind::LinAlgError, std::move(message)); }
[[noreturn]] inline void value_error(std::string message) { throw RambaError(ErrorKind::ValueError, std::move(message)); }

// numpy's _commonType: LAPACK always runs in float64 or complex128; the result is float32 for
// float32 input, float64 for integers and bools; complex input gives complex128.
struct Types {
    DType compute;     // Float64 or Complex128
    DType result;      // what the function returns
    DType real_result; // singular values, eigenvalues of Hermitian matrices, residuals
};
Types common_types(std::initializer_list<DType> dtypes);

// numpy's _assert_2d, _assert_stacked_2d, _assert_stacked_square, _assert_finite (LinAlgError).
void assert_2d(const NDArray&);
void assert_stacked_2d(const NDArray&);
void assert_stacked_square(const NDArray&);
void assert_finite(const NDArray&);

Shape batch_shape(const NDArray&);                   // all but the last two dimensions
Shape with_core(Shape batch, std::initializer_list<int64_t> core);
int64_t count(const Shape&);                         // product (1 for a 0-d shape)

// A C-contiguous copy in `dtype` that LAPACK may overwrite.
NDArray working_copy(const NDArray&, DType);
// Each matrix of a stack (..., rows, cols) in column-major order, in `dtype`: a C-contiguous
// (..., cols, rows) array LAPACK may overwrite (numpy's linearize_matrix).
NDArray fortran_copy(const NDArray&, DType);
// The inverse: a C-contiguous (..., rows, cols) stack from column-major matrices stored as
// (..., cols, rows), keeping the first `rows` and `cols` of each (numpy's delinearize_matrix).
NDArray from_fortran(const NDArray&, int64_t rows, int64_t cols);
// `a` in `dtype`, not copied when it has it already (numpy's astype(copy=False)).
NDArray as_result(const NDArray&, DType);

template<typename T>
T* elements(const NDArray& a) { return reinterpret_cast<T*>(a.data()); }

inline lapack_complex_double* z(Complex* p) { return reinterpret_cast<lapack_complex_double*>(p); }
inline int i32(int64_t v) { return static_cast<int>(v); }

// LAPACKE calls by element type on column-major (Fortran order) matrices, as numpy hands them to
// LAPACK; each returns LAPACK's info. (LAPACKE's row-major mode would transpose every operand and
// result with a plain strided loop: 10-20% of an 800x800 svd on the 2-vCPU EPYC.)
inline int gesdd(char jobz, int64_t m, int64_t n, double* a, int64_t lda, double* s, double* u, int64_t ldu, double* vt, int64_t ldvt)
{
    return blas::library().dgesdd(LAPACK_COL_MAJOR, jobz, i32(m), i32(n), a, i32(lda), s, u, i32(ldu), vt, i32(ldvt));
}
inline int gesdd(char jobz, int64_t m, int64_t n, Complex* a, int64_t lda, double* s, Complex* u, int64_t ldu, Complex* vt, int64_t ldvt)
{
    return blas::library().zgesdd(LAPACK_COL_MAJOR, jobz, i32(m), i32(n), z(a), i32(lda), s, z(u), i32(ldu), z(vt), i32(ldvt));
}
inline int geqrf(int64_t m, int64_t n, double* a, int64_t lda, double* tau) { return blas::library().dgeqrf(LAPACK_COL_MAJOR, i32(m), i32(n), a, i32(lda), tau); }
inline int geqrf(int64_t m, int64_t n, Complex* a, int64_t lda, Complex* tau)
{
    return blas::library().zgeqrf(LAPACK_COL_MAJOR, i32(m), i32(n), z(a), i32(lda), z(tau));
}
inline int orgqr(int64_t m, int64_t n, int64_t k, double* a, int64_t lda, const double* tau)
{
    return blas::library().dorgqr(LAPACK_COL_MAJOR, i32(m), i32(n), i32(k), a, i32(lda), tau);
}
inline int orgqr(int64_t m, int64_t n, int64_t k, Complex* a, int64_t lda, const Complex* tau)
{
    return blas::library().zungqr(LAPACK_COL_MAJOR, i32(m), i32(n), i32(k), z(a), i32(lda), reinterpret_cast<const lapack_complex_double*>(tau));
}
inline int potrf(char uplo, int64_t n, double* a) { return blas::library().dpotrf(LAPACK_COL_MAJOR, uplo, i32(n), a, i32(n)); }
inline int potrf(char uplo, int64_t n, Complex* a) { return blas::library().zpotrf(LAPACK_COL_MAJOR, uplo, i32(n), z(a), i32(n)); }
inline int heevd(char jobz, char uplo, int64_t n, double* a, double* w) { return blas::library().dsyevd(LAPACK_COL_MAJOR, jobz, uplo, i32(n), a, i32(n), w); }
inline int heevd(char jobz, char uplo, int64_t n, Complex* a, double* w) { return blas::library().zheevd(LAPACK_COL_MAJOR, jobz, uplo, i32(n), z(a), i32(n), w); }
inline int gesv(int64_t n, int64_t nrhs, double* a, lapack_int* pivots, double* b)
{
    return blas::library().dgesv(LAPACK_COL_MAJOR, i32(n), i32(nrhs), a, i32(n), pivots, b, i32(n));
}
inline int gesv(int64_t n, int64_t nrhs, Complex* a, lapack_int* pivots, Complex* b)
{
    return blas::library().zgesv(LAPACK_COL_MAJOR, i32(n), i32(nrhs), z(a), i32(n), pivots, z(b), i32(n));
}
inline int gelsd(int64_t m, int64_t n, int64_t nrhs, double* a, double* b, int64_t ldb, double* s, double rcond, lapack_int* rank)
{
    return blas::library().dgelsd(LAPACK_COL_MAJOR, i32(m), i32(n), i32(nrhs), a, i32(std::max<int64_t>(m, 1)), b, i32(ldb), s, rcond, rank);
}
inline int gelsd(int64_t m, int64_t n, int64_t nrhs, Complex* a, Complex* b, int64_t ldb, double* s, double rcond, lapack_int* rank)
{
    return blas::library().zgelsd(LAPACK_COL_MAJOR, i32(m), i32(n), i32(nrhs), z(a), i32(std::max<int64_t>(m, 1)), z(b), i32(ldb), s, rcond, rank);
}
// getrf on a row-major matrix: LAPACK factors its column-major copy, as numpy's det and slogdet do.
inline int getrf(int64_t n, double* a, lapack_int* pivots) { return blas::library().dgetrf(LAPACK_ROW_MAJOR, i32(n), i32(n), a, i32(n), pivots); }
inline int getrf(int64_t n, Complex* a, lapack_int* pivots) { return blas::library().zgetrf(LAPACK_ROW_MAJOR, i32(n), i32(n), z(a), i32(n), pivots); }

// Calls body.template operator()<T>() with T = double or Complex for a compute dtype.
template<typename Body>
decltype(auto) with_element_type(DType compute, Body&& body)
{
    if (compute == DType::Complex128)
        return body.template operator()<Complex>();
    return body.template operator()<double>();
}

} // namespace ramba::engine::lapack
