// Ramba.g4: lexer and parser of ramba's Python subset; the C++ code is generated at build time.
// Pipeline: source -> RambaLexer (+ the NEWLINE/INDENT/DEDENT layer in interpreter/ast/token_source)
// -> RambaParser -> interpreter/ast/builder (parse tree -> AST). Nothing else sees these types.
//
// Speed: ANTLR's adaptive prediction is slow on long chains of precedence rules, so all binary and
// unary operators live in the one left-recursive `expr` rule, ordered from tightest to loosest.
// The builder parses with SLL prediction first and falls back to full LL only on a failure.
grammar Ramba;

tokens { INDENT, DEDENT }

// ---------------------------------------------------------------------------------------------
// Units

file_input: (NEWLINE | stmt)* EOF;

// An f-string field's expression, parsed on its own (the builder re-invokes the parser on it).
fstring_field: star_or_exprs EOF;

// ---------------------------------------------------------------------------------------------
// Statements

stmt: simple_stmts | compound_stmt;

simple_stmts: simple_stmt (';' simple_stmt)* ';'? NEWLINE;

simple_stmt
    : expr_stmt
    | del_stmt
    | pass_stmt
    | break_stmt
    | continue_stmt
    | return_stmt
    | raise_stmt
    | global_stmt
    | nonlocal_stmt
    | assert_stmt
    | import_name
    | import_from
    ;

// a = b = value; a += value; a: annotation [= value]; a bare expression
// One path with the decision after the first part: alternatives that all start with an expression
// would make prediction scan the whole expression for every statement.
expr_stmt
    : star_or_exprs
      ( augassign star_or_exprs
      | ':' expr ('=' star_or_exprs)?
      | ('=' star_or_exprs)*
      )
    ;

augassign
    : '+=' | '-=' | '*=' | '/=' | '//=' | '%=' | '**=' | '@=' | '&=' | '|=' | '^=' | '<<=' | '>>='
    ;

del_stmt: 'del' star_or_exprs;
pass_stmt: 'pass';
break_stmt: 'break';
continue_stmt: 'continue';
return_stmt: 'return' star_or_exprs?;
raise_stmt: 'raise' (expr ('from' expr)?)?;
global_stmt: 'global' NAME (',' NAME)*;
nonlocal_stmt: 'nonlocal' NAME (',' NAME)*;
assert_stmt: 'assert' expr (',' expr)?;

import_name: 'import' dotted_as_name (',' dotted_as_name)*;
dotted_as_name: dotted_name ('as' NAME)?;
dotted_name: NAME ('.' NAME)*;
import_from
    : 'from' dotted_name 'import'
      ( '*' | '(' import_as_names ','? ')' | import_as_names )
    ;
import_as_names: import_as_name (',' import_as_name)*;
import_as_name: NAME ('as' NAME)?;

compound_stmt
    : if_stmt
    | while_stmt
    | for_stmt
    | try_stmt
    | funcdef
    | classdef
    | with_stmt
    | decorated
    ;

if_stmt: 'if' expr ':' block elif_clause* else_clause?;
elif_clause: 'elif' expr ':' block;
else_clause: 'else' ':' block;
while_stmt: 'while' expr ':' block else_clause?;
for_stmt: 'for' target_list 'in' star_or_exprs ':' block else_clause?;
try_stmt
    : 'try' ':' block
      ( except_clause+ else_clause? finally_clause?
      | finally_clause
      )
    ;
except_clause: 'except' (expr ('as' NAME)?)? ':' block;
finally_clause: 'finally' ':' block;

decorated: decorator+ (funcdef | classdef);
decorator: '@' expr NEWLINE;

classdef: 'class' NAME ('(' arglist? ')')? ':' block;

// with a as b, c: / with (a as b, c,): the parenthesised form is tried first; `with (a) as b:`
// falls back to the plain form with a parenthesised expression.
with_stmt
    : 'with' '(' with_item (',' with_item)* ','? ')' ':' block
    | 'with' with_item (',' with_item)* ':' block
    ;
with_item: expr ('as' target)?;

funcdef: 'def' NAME '(' parameters? ')' ('->' expr)? ':' block;

// def f(a, b=1, /, c=2, *args, d, e=3, **kwargs)
parameters: parameter (',' parameter)* ','?;
parameter
    : NAME (':' expr)? ('=' expr)?                            #plainParam
    | '*' (NAME (':' expr)?)?                                 #starParam
    | '**' NAME (':' expr)?                                   #doubleStarParam
    | '/'                                                     #slashParam
    ;

block
    : simple_stmts
    | NEWLINE INDENT stmt+ DEDENT
    ;

// ---------------------------------------------------------------------------------------------
// Expressions

// a, *b, c (a tuple when there is a comma); a yield expression where Python allows one unparenthesised
// (a statement, the right side of an assignment)
star_or_exprs: yield_expr | star_or_expr (',' star_or_expr)* ','?;
yield_expr: 'yield' ('from' expr | star_or_exprs)?;
star_or_expr: '*' expr | expr;

// Targets of `for` and comprehensions: an `expr` here would swallow the `in` as a comparison.
target_list: target (',' target)* ','?;
target
    : '*' target
    | primary
    ;

// Python's precedence, tightest first. `**` is right-associative and binds tighter than a unary
// operator on its left (-2**2 == -4) but takes a unary operand on its right (2**-1).
expr
    : primary                                                 #primaryExpr
    | <assoc=right> expr '**' expr                            #powerExpr
    | op=('-' | '+' | '~') expr                               #unaryExpr
    | expr op=('*' | '/' | '//' | '%' | '@') expr             #mulExpr
    | expr op=('+' | '-') expr                                #addExpr
    | expr op=('<<' | '>>') expr                              #shiftExpr
    | expr '&' expr                                           #bitAndExpr
    | expr '^' expr                                           #bitXorExpr
    | expr '|' expr                                           #bitOrExpr
    | expr comp_op expr                                       #compareExpr
    | 'not' expr                                              #notExpr
    | expr 'and' expr                                         #andExpr
    | expr 'or' expr                                          #orExpr
    | <assoc=right> expr 'if' expr 'else' expr                #ifExpr
    | 'lambda' lambda_parameters? ':' expr                    #lambdaExpr
    ;

lambda_parameters: lambda_parameter (',' lambda_parameter)* ','?;
lambda_parameter
    : NAME ('=' expr)?                                        #plainLambdaParam
    | '*' NAME?                                               #starLambdaParam
    | '**' NAME                                               #doubleStarLambdaParam
    | '/'                                                     #slashLambdaParam
    ;

// `is not` before `is`: `a is not b` could also read as `a is (not b)`; the first alternative wins.
comp_op
    : 'is' 'not' | 'not' 'in' | '<' | '>' | '==' | '>=' | '<=' | '!=' | 'in' | 'is'
    ;

primary: atom trailer*;

trailer
    : '(' arglist? ')'
    | '[' subscripts ']'
    | '.' NAME
    ;

atom
    : '(' yield_expr ')'                                      #yieldAtom
    | '(' (testlist_comp)? ')'                                #parenAtom
    | '[' (testlist_comp)? ']'                                #listAtom
    | '{' (dictmaker)? '}'                                    #dictAtom
    | NAME                                                    #nameAtom
    | NUMBER                                                  #numberAtom
    | STRING+                                                 #stringAtom
    | '...'                                                   #ellipsisAtom
    | 'None'                                                  #noneAtom
    | 'True'                                                  #trueAtom
    | 'False'                                                 #falseAtom
    ;

testlist_comp: star_or_expr (comp_for | (',' star_or_expr)* ','?);

// A dict item without ':' is a set element: all items of a set display have none.
dictmaker: dict_item (comp_for | (',' dict_item)* ','?);
dict_item: '**' expr | '*' expr | expr (':' expr)?;

comp_for: 'for' target_list 'in' expr comp_if* comp_for?;
comp_if: 'if' expr;

subscripts: subscript (',' subscript)* ','?;
subscript: '*' expr | expr slice_tail? | slice_tail;
slice_tail: ':' expr? (':' expr?)?;

arglist: argument (',' argument)* ','?;
argument
    : NAME '=' expr                                           #keywordArgument
    | '*' expr                                                #starArgument
    | '**' expr                                               #doubleStarArgument
    | expr comp_for?                                          #plainArgument
    ;

// ---------------------------------------------------------------------------------------------
// Lexer

DEF: 'def';
CLASS: 'class';
WITH: 'with';
RETURN: 'return';
RAISE: 'raise';
FROM: 'from';
IMPORT: 'import';
AS: 'as';
GLOBAL: 'global';
NONLOCAL: 'nonlocal';
ASSERT: 'assert';
IF: 'if';
ELIF: 'elif';
ELSE: 'else';
WHILE: 'while';
FOR: 'for';
IN: 'in';
TRY: 'try';
FINALLY: 'finally';
EXCEPT: 'except';
LAMBDA: 'lambda';
OR: 'or';
AND: 'and';
NOT: 'not';
IS: 'is';
NONE: 'None';
TRUE: 'True';
FALSE: 'False';
DEL: 'del';
PASS: 'pass';
CONTINUE: 'continue';
BREAK: 'break';
YIELD: 'yield';

NEWLINE: '\r'? '\n' | '\r';

// Any prefix (r, u, f, b and their pairs); the builder decodes escapes, f-string fields, and
// rejects bytes literals. A backslash always escapes the next character for tokenizing, even raw.
STRING
    : STRING_PREFIX? ( '\'\'\'' LONG_STRING_ITEM*? '\'\'\''
                     | '"""' LONG_STRING_ITEM*? '"""'
                     | '\'' (~['\\\r\n] | ESCAPE)* '\''
                     | '"' (~["\\\r\n] | ESCAPE)* '"'
                     )
    ;
fragment STRING_PREFIX: [rRuUfFbB] | [fFbB][rR] | [rR][fFbB];
fragment LONG_STRING_ITEM: ~'\\' | ESCAPE;
fragment ESCAPE: '\\' ('\r\n' | .);

NUMBER
    : IMAG_NUMBER
    | FLOAT_NUMBER
    | INTEGER
    ;
fragment INTEGER
    : [1-9] ('_'? [0-9])*
    | '0'+ ('_'? '0')*
    | '0' [oO] ('_'? [0-7])+
    | '0' [xX] ('_'? [0-9a-fA-F])+
    | '0' [bB] ('_'? [01])+
    ;
fragment DIGIT_PART: [0-9] ('_'? [0-9])*;
fragment FLOAT_NUMBER
    : DIGIT_PART? '.' DIGIT_PART EXPONENT?
    | DIGIT_PART '.' EXPONENT?
    | DIGIT_PART EXPONENT
    ;
fragment EXPONENT: [eE] [+-]? DIGIT_PART;
fragment IMAG_NUMBER: (FLOAT_NUMBER | DIGIT_PART) [jJ];

NAME: ID_START ID_CONTINUE*;
// Letters of the common scripts; symbols such as '€' or '×' stay errors, as in Python.
fragment ID_START
    : [a-zA-Z_] | '\u00AA' | '\u00B5' | '\u00BA' | '\u00C0'..'\u00D6' | '\u00D8'..'\u00F6'
    | '\u00F8'..'\u02FF' | '\u0370'..'\u03FF' | '\u0400'..'\u1FFF' | '\u3040'..'\u9FFF'
    | '\uAC00'..'\uD7A3' | '\uF900'..'\uFAFF'
    ;
fragment ID_CONTINUE: ID_START | [0-9];

ELLIPSIS: '...';
DOT: '.';
STAR: '*';
OPEN_PAREN: '(';
CLOSE_PAREN: ')';
COMMA: ',';
COLON: ':';
SEMI_COLON: ';';
POWER: '**';
ASSIGN: '=';
OPEN_BRACK: '[';
CLOSE_BRACK: ']';
OR_OP: '|';
XOR: '^';
AND_OP: '&';
LEFT_SHIFT: '<<';
RIGHT_SHIFT: '>>';
ADD: '+';
MINUS: '-';
DIV: '/';
MOD: '%';
IDIV: '//';
NOT_OP: '~';
OPEN_BRACE: '{';
CLOSE_BRACE: '}';
LESS_THAN: '<';
GREATER_THAN: '>';
EQUALS: '==';
GT_EQ: '>=';
LT_EQ: '<=';
NOT_EQ_2: '!=';
AT: '@';
ARROW: '->';
ADD_ASSIGN: '+=';
SUB_ASSIGN: '-=';
MULT_ASSIGN: '*=';
AT_ASSIGN: '@=';
DIV_ASSIGN: '/=';
MOD_ASSIGN: '%=';
AND_ASSIGN: '&=';
OR_ASSIGN: '|=';
XOR_ASSIGN: '^=';
LEFT_SHIFT_ASSIGN: '<<=';
RIGHT_SHIFT_ASSIGN: '>>=';
POWER_ASSIGN: '**=';
IDIV_ASSIGN: '//=';

SKIP_: ( SPACES | COMMENT | LINE_JOINING ) -> skip;

fragment SPACES: [ \t\f]+;
fragment COMMENT: '#' ~[\r\n]*;
fragment LINE_JOINING: '\\' ( '\r'? '\n' | '\r' );
