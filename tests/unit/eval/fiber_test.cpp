// The fiber switch under generators (eval/fiber.hpp): values and C++ exceptions survive suspension,
// a fiber may suspend inside a `catch` while its resumer is inside another, fibers nest, and pooled
// stacks are reused. Under the sanitizer builds this also checks ASan's fiber annotations.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "interpreter/eval/fiber.hpp"

using ramba::interp::Fiber;

namespace {
struct Task {
    Fiber* fiber { nullptr };
    int limit { 0 };
    int value { 0 };
    bool done { false };
    std::exception_ptr error;
};

int recurse(int n)
{
    volatile char buffer[128];
    buffer[n % 128] = static_cast<char>(n);
    return n == 0 ? 0 : recurse(n - 1) + (buffer[n % 128] & 1);
}

void body(void* argument)
{
    auto* task = static_cast<Task*>(argument);
    task->fiber->entered();
    try {
        for (int i = 0; i < task->limit; ++i) {
            std::vector<std::string> held(2, std::string(64, 'x')); // live across the switch
            task->value = i * 1000 + recurse(100) + static_cast<int>(held[1].size());
            try {
                if (i == 1)
                    throw std::runtime_error("caught inside the fiber");
            } catch (const std::runtime_error&) {
                task->value = -1;
                task->fiber->switch_out(); // suspended inside a catch block
            }
            task->fiber->switch_out();
        }
        throw std::logic_error("the body's last exception");
    } catch (...) {
        task->error = std::current_exception();
    }
    task->done = true;
    task->fiber->finish();
}
}

TEST_CASE("fibers keep their state and exceptions across switches", "[eval][fiber]")
{
    for (int round = 0; round < 100; ++round) {
        Task outer;
        Task inner;
        outer.limit = 4;
        inner.limit = 3;
        outer.fiber = Fiber::acquire(body, &outer);
        inner.fiber = Fiber::acquire(body, &inner);
        std::vector<int> seen;
        while (!outer.done || !inner.done) {
            try {
                throw 7; // the resumer switches from inside a catch block too
            } catch (int) {
                if (!outer.done) {
                    outer.fiber->switch_in();
                    seen.push_back(outer.value);
                }
                if (!inner.done) {
                    inner.fiber->switch_in();
                    seen.push_back(inner.value);
                }
            }
        }
        // outer: 4 steps, one of them suspending twice, then its end (6 resumes); inner: 3 + 1 + 1.
        REQUIRE(seen.size() == 11);
        CHECK(seen[0] == 50 + 64); // recurse(100) counts the odd numbers up to 100
        CHECK(seen[1] == 50 + 64);
        CHECK(seen[2] == -1);
        CHECK(seen[3] == -1);
        CHECK(seen[6] == 2000 + 50 + 64);
        CHECK(std::uncaught_exceptions() == 0);
        for (Task* task : { &outer, &inner }) {
            CHECK_THROWS_AS(std::rethrow_exception(task->error), std::logic_error);
            Fiber::release(task->fiber);
        }
    }
}
