// Placement (see placement.hpp): the scatter policy, in one place.
#include "engine/cluster/placement.hpp"

#include <cstdio>

#include "engine/cluster/cluster.hpp"
#include "engine/planner/explain.hpp"

namespace ramba::cluster {

std::shared_ptr<DistArray> place(const engine::NDArray& array, long buffer_users)
{
    if (!Cluster::get())
        return nullptr;
    if (array.ndim() == 0 || array.size() < min_elements() || buffer_users != 1 || array.offset != 0 || !array.is_c_contiguous())
        return nullptr;
    return scatter(array);
}

bool place_again(DistArray& base, long buffer_users)
{
    if (!Cluster::get() || !base.is_local() || base.local.size() < min_elements() || buffer_users > 2)
        return false;
    auto fresh = scatter(base.local);
    base.id = fresh->id;
    base.bounds = fresh->bounds;
    fresh->id = 0;
    base.local = {};
    ++base.version;
    return true;
}

void localize_for_good(DistArray& base)
{
    if (!base.is_local() && engine::explain::enabled()) {
        std::fflush(stdout);
        std::fprintf(stderr, "-- distributed array %s brought to the driver for good (an operation the workers do not run)\n",
            engine::shape_to_string(base.shape).c_str());
    }
    localize(base);
}

} // namespace ramba::cluster
