// A non-owning reference to a callable, for arguments the callee may never need (an axis argument
// the engine parses only when it takes the operation): no allocation, one indirect call when used.
#pragma once

#include <type_traits>
#include <utility>

namespace ramba {

template<typename Signature>
class FunctionRef;

template<typename Result, typename... Arguments>
class FunctionRef<Result(Arguments...)> {
public:
    // The callable must outlive the reference (pass a lambda at the call, not a stored one).
    template<typename Callable>
        requires(!std::is_same_v<std::remove_cvref_t<Callable>, FunctionRef>)
    FunctionRef(Callable&& callable) // NOLINT: implicit, as a function parameter type
        : m_object(const_cast<void*>(static_cast<const void*>(&callable)))
        , m_call([](void* object, Arguments... arguments) -> Result {
            return (*static_cast<std::remove_reference_t<Callable>*>(object))(std::forward<Arguments>(arguments)...);
        })
    {
    }

    Result operator()(Arguments... arguments) const { return m_call(m_object, std::forward<Arguments>(arguments)...); }

private:
    void* m_object;
    Result (*m_call)(void*, Arguments...);
};

} // namespace ramba
