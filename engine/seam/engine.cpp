// The local engine (everything runs in the driver: it declines every operation, and the library's
// driver path runs it) and the choice of the engine that runs now.
#include "engine/seam/engine.hpp"

#include "engine/cluster/cluster.hpp"
#include "engine/cluster/placement.hpp"
#include "engine/seam/cluster_engine.hpp"

namespace ramba::seam {

namespace {

class LocalEngine final : public Engine {
public:
    LocalEngine() : Engine(false) { }
    std::shared_ptr<cluster::DistView> place(const engine::NDArray&, long) override { return nullptr; }
    bool place_again(cluster::DistArray&, long) override { return false; }
    void explain_drawn(const engine::Shape&) override { }
    Outcome reshape(const ArrayHandle&, const engine::Shape&) override { return {}; }
    Outcome ravel(const ArrayHandle&, bool) override { return {}; }
    Outcome transpose(const ArrayHandle&, std::optional<std::vector<int64_t>>) override { return {}; }
    Outcome copy(const ArrayHandle&) override { return {}; }
    Outcome fill(engine::DType, const engine::Shape&, const engine::NDArray&) override { return {}; }
    Outcome concatenate(std::span<const ArrayHandle* const>, int64_t) override { return {}; }
    Outcome stack(std::span<const ArrayHandle* const>, FunctionRef<int64_t()>) override { return {}; }
    Outcome column_stack(std::span<const ArrayHandle* const>) override { return {}; }
    void prepare_index(const ArrayHandle&) override { }
    Outcome select_mask(const ArrayHandle&, const ArrayHandle&) override { return {}; }
    Outcome take_rows(const ArrayHandle&, size_t, FunctionRef<std::optional<std::vector<int64_t>>()>) override { return {}; }
    Outcome view(const ArrayHandle&, FunctionRef<std::vector<engine::IndexItem>()>) override { return {}; }
    bool assign(const ArrayHandle&, const Assignment&) override { return false; }
    Outcome sort(const ArrayHandle&, AxisArgument, bool) override { return {}; }
    bool sort_in_place(const ArrayHandle&, AxisArgument, FunctionRef<void()>) override { return false; }
    Outcome reduce(vm::ReduceOp, const ArrayHandle&, const ReduceRequest&) override { return {}; }
    Outcome scan(vm::ReduceOp, const ArrayHandle&, AxisArgument, std::optional<engine::DType>) override { return {}; }
    Outcome matmul(const ArrayHandle&, const ArrayHandle*, FunctionRef<engine::NDArray()>) override { return {}; }
};

} // namespace

Result Result::on_workers(std::shared_ptr<cluster::DistArray> array)
{
    return { {}, cluster::DistView::whole(std::move(array)) };
}

Engine& current()
{
    static LocalEngine local;
    static ClusterEngine distributed;
    if (cluster::Cluster::get())
        return distributed;
    return local;
}

engine::NDArray gather(const cluster::DistView& view) { return cluster::gather(view); }

void bring_to_driver(cluster::DistArray& base) { cluster::localize_for_good(base); }

engine::NDArray local_view(const cluster::DistView& view) { return cluster::local_view(view); }

} // namespace ramba::seam
