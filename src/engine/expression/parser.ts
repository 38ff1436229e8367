// Hand-written lexer and recursive-descent parser for model expressions. It is the sandbox: the grammar has
// no property access, indexing, assignment or strings, so an expression can only name parameters, model
// variables, whitelisted functions and tables (checked when compiling), and combine numbers.
//
// Grammar (lowest precedence first):
//   expr     := or ('?' expr ':' expr)?
//   or       := and ('||' and)*
//   and      := compare ('&&' compare)*
//   compare  := additive (('<'|'<='|'>'|'>='|'=='|'!=') additive)?
//   additive := term (('+'|'-') term)*
//   term     := unary (('*'|'/'|'%') unary)*      (% is R's %%: floored modulo)
//   unary    := ('-'|'+'|'!') unary | power
//   power    := primary ('^' unary)?          (right-associative, binds tighter than unary minus: -2^2 = -4)
//   primary  := number | name | name '(' args ')' | '(' expr ')'
//
// Bounded: at most MAX_EXPRESSION_LENGTH characters and MAX_EXPRESSION_DEPTH levels of nesting, so a hostile
// expression gets a located error instead of overflowing the stack here or in the recursive compiler.
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH } from '../model/limits';

export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '^' | '<' | '<=' | '>' | '>=' | '==' | '!=' | '&&' | '||';

export type ExprNode =
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'name'; name: string; pos: number }
  | { kind: 'unary'; op: '-' | '+' | '!'; arg: ExprNode; pos: number }
  | { kind: 'binary'; op: BinaryOp; left: ExprNode; right: ExprNode; pos: number }
  | { kind: 'conditional'; test: ExprNode; then: ExprNode; otherwise: ExprNode; pos: number }
  | { kind: 'call'; name: string; args: ExprNode[]; pos: number };

/** A syntax error with the 1-based column where it happened. */
export class ExpressionSyntaxError extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(`${message} at column ${column}`);
    this.name = 'ExpressionSyntaxError';
  }
}

type Token =
  | { type: 'number'; value: number; pos: number }
  | { type: 'name'; value: string; pos: number }
  | { type: 'op'; value: string; pos: number }
  | { type: 'end'; pos: number };

const TWO_CHAR_OPS = new Set(['<=', '>=', '==', '!=', '&&', '||']);
const ONE_CHAR_OPS = new Set(['+', '-', '*', '/', '%', '^', '<', '>', '!', '(', ')', ',', '?', ':']);

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}
function isNameStart(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '_';
}
function isNameChar(ch: string): boolean {
  return isNameStart(ch) || isDigit(ch);
}

function readNumber(src: string, start: number): { value: number; end: number } {
  let i = start;
  while (i < src.length && isDigit(src[i]!)) i++;
  if (src[i] === '.') {
    i++;
    while (i < src.length && isDigit(src[i]!)) i++;
  }
  if (src[i] === 'e' || src[i] === 'E') {
    let j = i + 1;
    if (src[j] === '+' || src[j] === '-') j++;
    if (isDigit(src[j] ?? '')) {
      while (j < src.length && isDigit(src[j]!)) j++;
      i = j;
    }
  }
  const text = src.slice(start, i);
  const value = Number(text);
  if (text === '.' || !Number.isFinite(value)) throw new ExpressionSyntaxError(`invalid number '${text}'`, start + 1);
  return { value, end: i };
}

/** Splits an expression into tokens; throws ExpressionSyntaxError on a character outside the language. */
export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
    } else if (isDigit(ch) || (ch === '.' && isDigit(src[i + 1] ?? ''))) {
      const { value, end } = readNumber(src, i);
      tokens.push({ type: 'number', value, pos: i });
      i = end;
    } else if (isNameStart(ch)) {
      let j = i + 1;
      while (j < src.length && isNameChar(src[j]!)) j++;
      tokens.push({ type: 'name', value: src.slice(i, j), pos: i });
      i = j;
    } else if (TWO_CHAR_OPS.has(src.slice(i, i + 2))) {
      tokens.push({ type: 'op', value: src.slice(i, i + 2), pos: i });
      i += 2;
    } else if (ONE_CHAR_OPS.has(ch)) {
      tokens.push({ type: 'op', value: ch, pos: i });
      i++;
    } else {
      throw new ExpressionSyntaxError(`unexpected character '${ch}'`, i + 1);
    }
  }
  tokens.push({ type: 'end', pos: src.length });
  return tokens;
}

class Parser {
  private index = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  /** Counts one level of recursion (brackets, call arguments, signs, branches); refuses past the limit. */
  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_EXPRESSION_DEPTH) throw new ExpressionSyntaxError(`expression is nested too deeply (more than ${MAX_EXPRESSION_DEPTH} levels)`, this.peek().pos + 1);
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }
  private next(): Token {
    return this.tokens[this.index++]!;
  }
  private isOp(value: string): boolean {
    const t = this.peek();
    return t.type === 'op' && t.value === value;
  }
  private expectOp(value: string): void {
    const t = this.next();
    if (t.type !== 'op' || t.value !== value) throw new ExpressionSyntaxError(`expected '${value}' but found ${describe(t)}`, t.pos + 1);
  }

  parseAll(): ExprNode {
    const node = this.parseExpr();
    const t = this.peek();
    if (t.type !== 'end') throw new ExpressionSyntaxError(`unexpected ${describe(t)}`, t.pos + 1);
    return node;
  }

  private parseExpr(): ExprNode {
    return this.nested(() => this.parseConditional());
  }

  private parseConditional(): ExprNode {
    const test = this.parseOr();
    if (!this.isOp('?')) return test;
    const pos = this.next().pos;
    const then = this.parseExpr();
    this.expectOp(':');
    const otherwise = this.parseExpr();
    return { kind: 'conditional', test, then, otherwise, pos };
  }

  private parseLeftAssoc(ops: readonly string[], parseOperand: () => ExprNode): ExprNode {
    let left = parseOperand();
    for (;;) {
      const t = this.peek();
      if (t.type !== 'op' || !ops.includes(t.value)) return left;
      this.next();
      const right = parseOperand();
      left = { kind: 'binary', op: t.value as BinaryOp, left, right, pos: t.pos };
    }
  }

  private parseOr(): ExprNode {
    return this.parseLeftAssoc(['||'], () => this.parseAnd());
  }
  private parseAnd(): ExprNode {
    return this.parseLeftAssoc(['&&'], () => this.parseCompare());
  }
  private parseCompare(): ExprNode {
    const left = this.parseAdditive();
    const t = this.peek();
    if (t.type === 'op' && ['<', '<=', '>', '>=', '==', '!='].includes(t.value)) {
      this.next();
      const right = this.parseAdditive();
      const after = this.peek();
      if (after.type === 'op' && ['<', '<=', '>', '>=', '==', '!='].includes(after.value)) {
        throw new ExpressionSyntaxError('chained comparisons are ambiguous; use && between them', after.pos + 1);
      }
      return { kind: 'binary', op: t.value as BinaryOp, left, right, pos: t.pos };
    }
    return left;
  }
  private parseAdditive(): ExprNode {
    return this.parseLeftAssoc(['+', '-'], () => this.parseTerm());
  }
  private parseTerm(): ExprNode {
    return this.parseLeftAssoc(['*', '/', '%'], () => this.parseUnary());
  }
  private parseUnary(): ExprNode {
    const t = this.peek();
    if (t.type === 'op' && (t.value === '-' || t.value === '+' || t.value === '!')) {
      this.next();
      return { kind: 'unary', op: t.value, arg: this.nested(() => this.parseUnary()), pos: t.pos };
    }
    return this.parsePower();
  }
  private parsePower(): ExprNode {
    const base = this.parsePrimary();
    if (!this.isOp('^')) return base;
    const pos = this.next().pos;
    const exponent = this.nested(() => this.parseUnary());
    return { kind: 'binary', op: '^', left: base, right: exponent, pos };
  }
  private parsePrimary(): ExprNode {
    const t = this.next();
    if (t.type === 'number') return { kind: 'number', value: t.value, pos: t.pos };
    if (t.type === 'name') {
      if (!this.isOp('(')) return { kind: 'name', name: t.value, pos: t.pos };
      this.next();
      const args: ExprNode[] = [];
      if (!this.isOp(')')) {
        args.push(this.parseExpr());
        while (this.isOp(',')) {
          this.next();
          args.push(this.parseExpr());
        }
      }
      this.expectOp(')');
      return { kind: 'call', name: t.value, args, pos: t.pos };
    }
    if (t.type === 'op' && t.value === '(') {
      const inner = this.parseExpr();
      this.expectOp(')');
      return inner;
    }
    throw new ExpressionSyntaxError(`unexpected ${describe(t)}`, t.pos + 1);
  }
}

function describe(t: Token): string {
  if (t.type === 'end') return 'end of expression';
  if (t.type === 'number') return `number ${t.value}`;
  return `'${t.value}'`;
}

/** Parses an expression string into a syntax tree; throws ExpressionSyntaxError with a column. */
export function parseExpression(src: string): ExprNode {
  if (src.length > MAX_EXPRESSION_LENGTH) throw new ExpressionSyntaxError(`expression is longer than ${MAX_EXPRESSION_LENGTH.toLocaleString('en-US')} characters`, MAX_EXPRESSION_LENGTH + 1);
  const tree = new Parser(tokenize(src)).parseAll();
  const tooDeep = nodeDeeperThan(tree, MAX_EXPRESSION_DEPTH);
  if (tooDeep) throw new ExpressionSyntaxError(`expression is nested too deeply (more than ${MAX_EXPRESSION_DEPTH} levels of operators, brackets and calls)`, tooDeep.pos + 1);
  return tree;
}

function childrenOf(node: ExprNode): ExprNode[] {
  switch (node.kind) {
    case 'unary':
      return [node.arg];
    case 'binary':
      return [node.left, node.right];
    case 'conditional':
      return [node.test, node.then, node.otherwise];
    case 'call':
      return node.args;
    default:
      return [];
  }
}

/** The first node found below `limit` levels (iterative: long operator chains such as a + b + … are deep trees). */
function nodeDeeperThan(root: ExprNode, limit: number): ExprNode | null {
  const stack: { node: ExprNode; depth: number }[] = [{ node: root, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > limit) return node;
    for (const child of childrenOf(node)) stack.push({ node: child, depth: depth + 1 });
  }
  return null;
}

/** Every name the expression reads (parameters, variables) and every function or table it calls (iterative walk). */
export function collectNames(root: ExprNode, names = new Set<string>(), calls = new Set<string>()): { names: Set<string>; calls: Set<string> } {
  const stack: ExprNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'name') names.add(node.name);
    else if (node.kind === 'call') calls.add(node.name);
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return { names, calls };
}

/** The names an expression reads as values (parameters, variables), with their offsets: name tokens not called as functions or tables. */
export function valueNameTokens(src: string): { name: string; pos: number }[] {
  const tokens = tokenize(src);
  const out: { name: string; pos: number }[] = [];
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    if (t.type === 'name' && !(next?.type === 'op' && next.value === '(')) out.push({ name: t.value, pos: t.pos });
  });
  return out;
}

/** The expression with every value name `from` written `to`, token by token (`p` leaves `p_x`, functions and tables alone). */
export function renameValueName(src: string, from: string, to: string): string {
  let out = src;
  for (const t of valueNameTokens(src).reverse()) if (t.name === from) out = out.slice(0, t.pos) + to + out.slice(t.pos + from.length);
  return out;
}
