grammar Ramba;
prog: NAME* EOF;
NAME: [a-z]+;
WS: [ \t\r\n]+ -> skip;
