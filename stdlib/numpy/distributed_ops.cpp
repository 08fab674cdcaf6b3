// Array operations on distributed operands that run where the rows live (see distributed_ops.hpp).
// `--explain` says what each one moves.
#include "stdlib/numpy/distributed_ops.hpp"

#include <cstdio>

#include "engine/array/cast.hpp"
#include "engine/cluster/cluster.hpp"
#include "interpreter/cli/options.hpp"
#include "stdlib/numpy/types.hpp"

namespace ramba::numpy {

using engine::NDArray;
using interp::Type;
using interp::Value;

namespace {

Value wrap_distributed(std::shared_ptr<cluster::DistArray> array)
{
    return Value::object(Type::Opaque, interp::make_object<ArrayObject>(cluster::DistView::whole(std::move(array))));
}

void explain(const std::string& text)
{
    if (!options().explain)
        return;
    std::fflush(stdout);
    std::fprintf(stderr, "-- %s\n", text.c_str());
}

} // namespace

bool distributed_matmul(interp::CallContext& context, const Value& a, const Value& b, Value& out)
{
    if (!cluster::Cluster::get() || !is_array(a) || !is_array_like(b))
        return false;
    auto& left = a.as<ArrayObject>();
    if (left.shape().size() != 2)
        return false;
    if (left.pending())
        left.materialize();
    left.distribute();
    const cluster::DistView* view = left.distributed();
    if (!view)
        return false;
    // B goes whole to every worker: a distributed B comes through the driver once (its rows only).
    NDArray right = is_array(b) ? b.as<ArrayObject>().readable() : to_array(context, b);
    if (right.ndim() < 1 || right.ndim() > 2 || right.shape[0] != view->shape[1])
        return false;
    auto product = cluster::matmul(*view, right);
    if (!product)
        return false;
    bool small = product->shape[0] * (product->shape.size() == 2 ? product->shape[1] : 1) < cluster::min_elements();
    explain("matmul " + engine::shape_to_string(view->shape) + " @ " + engine::shape_to_string(right.shape) + ": each of "
        + std::to_string(cluster::Cluster::get()->size()) + " workers multiplies its rows of the left operand by the right one (sent to every worker, "
        + std::to_string(right.nbytes()) + " bytes each); the product keeps the left operand's rows"
        + (small ? " and, being small, is gathered to the driver" : ""));
    if (small) {
        auto whole = cluster::DistView::whole(product);
        out = wrap_array(engine::ascontiguous(cluster::gather(*whole)));
        return true;
    }
    out = wrap_distributed(std::move(product));
    return true;
}

} // namespace ramba::numpy
