// Instantiates the kernel tables from ops.def: one typed `omp simd` loop per (op, numpy loop).
// The loop strings are parsed at compile time; a malformed row fails the build, not a run.
#include "engine/vm/kernels.hpp"

#include <array>
#include <string_view>
#include <utility>

#include "engine/vm/scalar_ops.hpp"
#include "engine/vm/vector_math.hpp"

namespace ramba::vm {

namespace s = scalar;
using engine::DType;

namespace {

template<char C> struct CharType;
#define RAMBA_CHAR(c, t, d) template<> struct CharType<c> { using type = t; static constexpr DType dtype = DType::d; };
RAMBA_CHAR('?', bool, Bool)
RAMBA_CHAR('b', int8_t, Int8)
RAMBA_CHAR('h', int16_t, Int16)
RAMBA_CHAR('i', int32_t, Int32)
RAMBA_CHAR('l', int64_t, Int64)
RAMBA_CHAR('B', uint8_t, UInt8)
RAMBA_CHAR('H', uint16_t, UInt16)
RAMBA_CHAR('I', uint32_t, UInt32)
RAMBA_CHAR('L', uint64_t, UInt64)
RAMBA_CHAR('f', float, Float32)
RAMBA_CHAR('d', double, Float64)
RAMBA_CHAR('D', std::complex<double>, Complex128)
#undef RAMBA_CHAR

struct ParsedLoop {
    char in[max_arity];
    char out;
};

constexpr size_t count_loops(std::string_view s)
{
    size_t n = 0;
    for (char c : s) n += c == '>';
    return n;
}

constexpr bool is_type_char(char c)
{
    return std::string_view("?bhilBHILfdD").find(c) != std::string_view::npos;
}

// "bb->b ff->f" -> {{'b','b','b'},'b'}, ...; unused inputs repeat the first input's char.
template<size_t N, int Arity>
constexpr std::array<ParsedLoop, N> parse_loops(std::string_view s)
{
    std::array<ParsedLoop, N> loops {};
    size_t pos = 0;
    for (size_t k = 0; k < N; ++k) {
        while (s[pos] == ' ') ++pos;
        ParsedLoop loop {};
        for (int i = 0; i < Arity; ++i) {
            if (!is_type_char(s[pos])) throw "ops.def: bad input type char";
            loop.in[i] = s[pos++];
        }
        for (int i = Arity; i < max_arity; ++i) loop.in[i] = loop.in[0];
        if (s[pos] != '-' || s[pos + 1] != '>') throw "ops.def: loop arity does not match the row";
        pos += 2;
        if (!is_type_char(s[pos])) throw "ops.def: bad output type char";
        loop.out = s[pos++];
        loops[k] = loop;
    }
    return loops;
}

// OPTIMIZATION: built for AVX2 and baseline x86-64 and picked at load time (as pairwise.cpp): the
// memory-bound binary loops (maximum, multiply) kept fewer cache lines in flight with SSE2's
// twice as many instructions per line and trailed numpy's AVX2 loops by 3-7 %. GCC only: clang
// (the sanitizer and fuzzer builds) does not multiversion function templates.
#if defined(__clang__)
#    define RAMBA_KERNEL_CLONES
#else
#    define RAMBA_KERNEL_CLONES __attribute__((target_clones("avx2", "default")))
#endif
template<class Body, int Arity, class O, class A, class B, class C>
RAMBA_KERNEL_CLONES void run_kernel(const void* const* inputs, void* output, int64_t n)
{
    auto* a = static_cast<const A*>(inputs[0]);
    auto* o = static_cast<O*>(output);
    if constexpr (Arity == 1) {
#pragma omp simd
        for (int64_t i = 0; i < n; ++i)
            o[i] = static_cast<O>(Body::apply(a[i], B {}, C {}));
    } else if constexpr (Arity == 2) {
        auto* b = static_cast<const B*>(inputs[1]);
#pragma omp simd
        for (int64_t i = 0; i < n; ++i)
            o[i] = static_cast<O>(Body::apply(a[i], b[i], C {}));
    } else {
        auto* b = static_cast<const B*>(inputs[1]);
        auto* c = static_cast<const C*>(inputs[2]);
#pragma omp simd
        for (int64_t i = 0; i < n; ++i)
            o[i] = static_cast<O>(Body::apply(a[i], b[i], c[i]));
    }
}

template<VectorFn V, int Arity, class O, class A>
void run_vector_kernel(const void* const* inputs, void* output, int64_t n)
{
    if constexpr (Arity == 1)
        vector_map(V, static_cast<const A*>(inputs[0]), static_cast<O*>(output), n);
    else
        vector_map(V, static_cast<const A*>(inputs[0]), static_cast<const A*>(inputs[1]), static_cast<O*>(output), n);
}

template<OpFault F, class B>
bool check_fault(const void* const* inputs, int64_t n)
{
    auto* b = static_cast<const B*>(inputs[1]);
    bool fault = false;
#pragma omp simd reduction(|| : fault)
    for (int64_t i = 0; i < n; ++i) {
        if constexpr (F == OpFault::DivideByZero) fault = fault || b[i] == 0;
        else fault = fault || b[i] < 0;
    }
    return fault;
}

template<class Body, int Arity, OpFault F, VectorFn V, ParsedLoop L>
constexpr Loop make_loop()
{
    using A = typename CharType<L.in[0]>::type;
    using B = typename CharType<L.in[1]>::type;
    using C = typename CharType<L.in[2]>::type;
    using O = typename CharType<L.out>::type;
    Loop loop {};
    loop.inputs[0] = CharType<L.in[0]>::dtype;
    loop.inputs[1] = CharType<L.in[1]>::dtype;
    loop.inputs[2] = CharType<L.in[2]>::dtype;
    loop.output = CharType<L.out>::dtype;
    loop.kernel = &run_kernel<Body, Arity, O, A, B, C>;
    loop.vector_kernel = nullptr;
    if constexpr (V != VectorFn::None && std::is_floating_point_v<A> && std::is_same_v<A, O> && Arity <= 2)
        loop.vector_kernel = &run_vector_kernel<V, Arity, O, A>;
    loop.fault = nullptr;
    if constexpr (F == OpFault::DivideByZero && s::is_int_v<B>)
        loop.fault = &check_fault<F, B>;
    if constexpr (F == OpFault::NegativePower && s::is_int_v<B> && std::is_signed_v<B>)
        loop.fault = &check_fault<F, B>;
    return loop;
}

template<class Body, int Arity, OpFault F, VectorFn V, const auto& Parsed, size_t... I>
constexpr auto make_loops(std::index_sequence<I...>)
{
    return std::array<Loop, sizeof...(I)> { make_loop<Body, Arity, F, V, Parsed[I]>()... };
}

#define RAMBA_VM_OP(e, name, arity, loops, fault, vector, body)                                              \
    struct Body##e {                                                                                         \
        template<class A, class B, class C>                                                                  \
        static auto apply([[maybe_unused]] A a, [[maybe_unused]] B b, [[maybe_unused]] C c) { return body; } \
    };                                                                                                       \
    constexpr auto parsed_##e = parse_loops<count_loops(loops), arity>(loops);                               \
    constexpr auto loops_##e = make_loops<Body##e, arity, OpFault::fault, VectorFn::vector, parsed_##e>(        \
        std::make_index_sequence<parsed_##e.size()>());
#include "engine/vm/ops.def"
#undef RAMBA_VM_OP

} // namespace

std::span<const Loop> op_loops(OpCode op)
{
    switch (op) {
#define RAMBA_VM_OP(e, name, arity, loops, fault, vector, body) case OpCode::e: return loops_##e;
#include "engine/vm/ops.def"
#undef RAMBA_VM_OP
    }
    __builtin_unreachable();
}

std::string_view op_name(OpCode op)
{
    switch (op) {
#define RAMBA_VM_OP(e, name, arity, loops, fault, vector, body) case OpCode::e: return name;
#include "engine/vm/ops.def"
#undef RAMBA_VM_OP
    }
    __builtin_unreachable();
}

int op_arity(OpCode op)
{
    switch (op) {
#define RAMBA_VM_OP(e, name, arity, loops, fault, vector, body) case OpCode::e: return arity;
#include "engine/vm/ops.def"
#undef RAMBA_VM_OP
    }
    __builtin_unreachable();
}

OpFault op_fault(OpCode op)
{
    switch (op) {
#define RAMBA_VM_OP(e, name, arity, loops, fault, vector, body) case OpCode::e: return OpFault::fault;
#include "engine/vm/ops.def"
#undef RAMBA_VM_OP
    }
    __builtin_unreachable();
}

} // namespace ramba::vm
