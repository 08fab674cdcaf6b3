// ParseSession: one run of the ANTLR lexer + parser over a text (a module or an f-string field),
// with SLL prediction first and full LL only when SLL fails. Syntax errors become RambaErrors.
#pragma once

#include <memory>
#include <string>

#include <RambaParser.h>
#include <antlr4-runtime.h>

#include "interpreter/ast/syntax_error.hpp"
#include "interpreter/ast/token_source.hpp"
#include "base/span.hpp"

namespace ramba::ast {

// RambaParser with a guard on its recursion: deeply nested input (`------x`, `lambda: lambda: ...`)
// becomes a RecursionError instead of a stack overflow.
class GuardedParser final : public ramba_grammar::RambaParser {
public:
    using RambaParser::RambaParser;
    void start_guard();
    void enterRule(antlr4::ParserRuleContext*, size_t state, size_t rule_index) override;
    void enterRecursionRule(antlr4::ParserRuleContext*, size_t state, size_t rule_index, int precedence) override;

private:
    void check_stack();
    uintptr_t m_stack_base { 0 };
};

class ParseSession {
public:
    ParseSession(const std::string& text, IndentingLexer::Mode mode, SourceOffset offset);
    ~ParseSession();

    ramba_grammar::RambaParser::File_inputContext* parse_file();
    ramba_grammar::RambaParser::Fstring_fieldContext* parse_field();

    const IndentingLexer& lexer() const { return m_lexer; }
    antlr4::CommonTokenStream& tokens() { return m_tokens; }

private:
    template<typename Rule>
    auto parse(Rule rule);

    antlr4::ANTLRInputStream m_input;
    IndentingLexer m_lexer;
    antlr4::CommonTokenStream m_tokens;
    GuardedParser m_parser;
    SourceOffset m_offset;
    std::unique_ptr<antlr4::ANTLRErrorListener> m_listener;
};

} // namespace ramba::ast
