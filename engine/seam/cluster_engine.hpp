// Internal to engine/seam: the cluster engine, whose operations run where a distributed operand's
// rows live (engine/cluster's requests), or decline so that the library's driver path runs them.
// Split by operation: cluster_engine.cpp (placement, shapes, matmul), cluster_indexing.cpp
// (concatenation, selection, views, assignment), cluster_sort.cpp, cluster_reduce.cpp.
#pragma once

#include <string>

#include "engine/seam/engine.hpp"

namespace ramba::seam {

class ClusterEngine final : public Engine {
public:
    ClusterEngine() : Engine(true) { }
    std::shared_ptr<cluster::DistView> place(const engine::NDArray&, long buffer_users) override;
    bool place_again(cluster::DistArray&, long buffer_users) override;
    void explain_drawn(const engine::Shape&) override;
    Outcome reshape(const ArrayHandle&, const engine::Shape&) override;
    Outcome ravel(const ArrayHandle&, bool copy) override;
    Outcome transpose(const ArrayHandle&, std::optional<std::vector<int64_t>> axes) override;
    Outcome copy(const ArrayHandle&) override;
    Outcome fill(engine::DType, const engine::Shape&, const engine::NDArray& value) override;
    Outcome concatenate(std::span<const ArrayHandle* const> parts, int64_t axis) override;
    Outcome stack(std::span<const ArrayHandle* const> parts, FunctionRef<int64_t()> axis) override;
    Outcome column_stack(std::span<const ArrayHandle* const> parts) override;
    void prepare_index(const ArrayHandle&) override;
    Outcome select_mask(const ArrayHandle&, const ArrayHandle& mask) override;
    Outcome take_rows(const ArrayHandle&, size_t count, FunctionRef<std::optional<std::vector<int64_t>>()> rows) override;
    Outcome view(const ArrayHandle&, FunctionRef<std::vector<engine::IndexItem>()> items) override;
    bool assign(const ArrayHandle& target, const Assignment&) override;
    Outcome sort(const ArrayHandle&, AxisArgument, bool argsort) override;
    bool sort_in_place(const ArrayHandle&, AxisArgument, FunctionRef<void()> before_write) override;
    Outcome reduce(vm::ReduceOp, const ArrayHandle&, const ReduceRequest&) override;
    Outcome scan(vm::ReduceOp, const ArrayHandle&, AxisArgument, std::optional<engine::DType>) override;
    Outcome matmul(const ArrayHandle& a, const ArrayHandle* b, FunctionRef<engine::NDArray()> b_data) override;
};

// --explain's line for a decision ("-- text" on stderr, after stdout's pending output).
void explain(const std::string& text);
// A data-less NDArray with a distributed view's shape, strides and offset (in bytes), so the engine's
// own shape and indexing functions (and their errors) work out a new view. Only functions that make
// views may see it: its buffer is a few bytes.
engine::NDArray stand_in(const cluster::DistView&);
// The distributed view of `base` that a stand-in (or a view the engine made of one) describes.
cluster::DistView view_from_stand_in(const std::shared_ptr<cluster::DistArray>& base, const engine::NDArray& stand);
// The distributed view a handle holds (materialising a pending one), else null. Driver arrays are
// not moved to the workers for a shape operation: it costs nothing where they are.
const cluster::DistView* distributed_view(const ArrayHandle&);
// The same for an operand that a pending chain over distributed rows computes (where they live,
// first); null for driver arrays, whose chains fuse in the driver.
const cluster::DistView* distributed_operand(const ArrayHandle&);
// The result kept on the workers, or gathered to the driver when small (`small` says which).
Result keep_or_gather(std::shared_ptr<cluster::DistArray>, bool& small);

} // namespace ramba::seam
