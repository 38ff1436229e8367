// The one reader of JSON files for the app and the CLI (dossiers, backups, model files): a UTF-8 byte order mark
// is skipped, a syntax error is reported with its line and column (V8's messages often give only a character
// position, or none), and a key given twice in one object is refused with its path (JSON.parse would silently
// keep the last one). Hand-written because it must be iterative (a 10,000-deep file cannot overflow the stack)
// and locate duplicate keys, which JSON.parse and the common JSON libraries do not; values still come from
// JSON.parse once the text is known to be clean.

import type { ProblemDetail } from '../shared/problem-detail';

export type JsonPath = (string | number)[];

export interface JsonTextProblem {
  /** Where in the document (empty: the file as a whole). */
  path: JsonPath;
  message: string;
  /** The message as data, for screens that word it in another language. */
  detail: ProblemDetail;
  line: number;
  column: number;
}

export type JsonTextResult = { ok: true; value: unknown } | { ok: false; problems: JsonTextProblem[] };

/** Duplicate keys reported before the reader stops listing them. */
const MAX_DUPLICATES = 200;

export function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** 1-based line and column of a character offset (a column counts UTF-16 code units, as editors mostly do). */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(position, text.length);
  for (let i = 0; i < end; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}

interface Frame {
  kind: 'object' | 'array';
  /** Objects: each key seen so far and where. */
  keys: Map<string, number> | null;
  /** Current key (objects) or index (arrays), for paths. */
  at: string | number;
}

/** What went wrong at a position, by stable code, with its English words. */
export const syntaxWhat = {
  'text-not-closed': 'a text is not closed',
  'control-character': 'a control character (such as a line break) inside a text must be escaped',
  'bad-unicode-escape': 'invalid \\u escape in a text',
  'bad-escape': 'invalid escape in a text',
  'bad-number': 'a number is malformed',
  'text-after-end': 'there is more text after the end of the JSON value',
  'expected-key-or-end': 'expected a key in double quotes or "}"',
  'expected-key': 'expected a key in double quotes',
  'expected-colon': 'expected ":" after a key',
  'expected-comma-or-bracket': 'expected "," or "]"',
  'expected-comma-or-brace': 'expected "," or "}"',
  'expected-value': 'expected a value (a text in double quotes, a number, true, false, null, an object or a list)',
  'ends-early': 'the file ends too early',
} as const;

class SyntaxProblem {
  constructor(
    readonly position: number,
    readonly what: keyof typeof syntaxWhat,
  ) {}
}

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** Offset just after the string literal starting at `start` (a '"'); throws SyntaxProblem. */
function scanString(text: string, start: number): { end: number; escaped: boolean } {
  let i = start + 1;
  let escaped = false;
  for (;;) {
    if (i >= text.length) throw new SyntaxProblem(text.length, 'text-not-closed');
    const c = text.charCodeAt(i);
    if (c === 0x22) return { end: i + 1, escaped };
    if (c < 0x20) throw new SyntaxProblem(i, 'control-character');
    if (c === 0x5c) {
      escaped = true;
      const e = text.charCodeAt(i + 1);
      if (e === 0x75) {
        for (let k = 2; k < 6; k += 1) if (!isHex(text.charCodeAt(i + k))) throw new SyntaxProblem(i, 'bad-unicode-escape');
        i += 6;
      } else if (e === 0x22 || e === 0x5c || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) {
        i += 2;
      } else {
        throw new SyntaxProblem(i, 'bad-escape');
      }
    } else {
      i += 1;
    }
  }
}

/** Offset just after the number starting at `start`; throws SyntaxProblem. */
function scanNumber(text: string, start: number): number {
  let i = start;
  if (text.charCodeAt(i) === 0x2d) i += 1;
  if (text.charCodeAt(i) === 0x30) i += 1;
  else if (isDigit(text.charCodeAt(i))) while (isDigit(text.charCodeAt(i))) i += 1;
  else throw new SyntaxProblem(i, 'bad-number');
  if (text.charCodeAt(i) === 0x2e) {
    i += 1;
    if (!isDigit(text.charCodeAt(i))) throw new SyntaxProblem(i, 'bad-number');
    while (isDigit(text.charCodeAt(i))) i += 1;
  }
  if (text.charCodeAt(i) === 0x65 || text.charCodeAt(i) === 0x45) {
    i += 1;
    if (text.charCodeAt(i) === 0x2b || text.charCodeAt(i) === 0x2d) i += 1;
    if (!isDigit(text.charCodeAt(i))) throw new SyntaxProblem(i, 'bad-number');
    while (isDigit(text.charCodeAt(i))) i += 1;
  }
  return i;
}

function pathOf(stack: readonly Frame[]): JsonPath {
  return stack.map((f) => f.at);
}

/**
 * Checks the whole text (syntax, duplicate keys, nesting deeper than `maxDepth`), then parses it. Problems are
 * located: syntax errors by line and column, duplicate keys by path and line and column.
 */
export function readJsonText(raw: string, options: { maxDepth?: number } = {}): JsonTextResult {
  const text = stripByteOrderMark(raw);
  const maxDepth = options.maxDepth ?? Infinity;
  const duplicates: JsonTextProblem[] = [];
  const stack: Frame[] = [];
  const located = (path: JsonPath, message: string, detail: ProblemDetail, position: number): JsonTextProblem => ({ path, message, detail, ...lineAndColumn(text, position) });
  // What the scanner expects next: a value, a key (or the end of an empty object), ':' or ',' / the end.
  let expect: 'value' | 'first-value' | 'key' | 'first-key' | 'colon' | 'next' = 'value';
  let i = 0;
  let done = false;
  try {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (isWhitespace(c)) {
        i += 1;
        continue;
      }
      if (done) throw new SyntaxProblem(i, 'text-after-end');
      const top = stack[stack.length - 1];
      if (expect === 'key' || expect === 'first-key') {
        if (c === 0x7d && expect === 'first-key') {
          stack.pop();
          expect = 'next';
          i += 1;
        } else if (c === 0x22) {
          const { end, escaped } = scanString(text, i);
          const key = escaped ? (JSON.parse(text.slice(i, end)) as string) : text.slice(i + 1, end - 1);
          const first = top!.keys!.get(key);
          top!.at = key;
          if (first !== undefined) {
            if (duplicates.length < MAX_DUPLICATES) {
              const was = lineAndColumn(text, first);
              const now = lineAndColumn(text, i);
              const values = { key: JSON.stringify(key), firstLine: was.line, firstColumn: was.column, line: now.line, column: now.column };
              duplicates.push(located(pathOf(stack), `the key ${values.key} is given twice in the same object (line ${was.line}, column ${was.column} and line ${now.line}, column ${now.column}); keep one`, { code: 'duplicate-key', values }, i));
            }
          } else top!.keys!.set(key, i);
          i = end;
          expect = 'colon';
        } else {
          throw new SyntaxProblem(i, expect === 'first-key' ? 'expected-key-or-end' : 'expected-key');
        }
        continue;
      }
      if (expect === 'colon') {
        if (c !== 0x3a) throw new SyntaxProblem(i, 'expected-colon');
        i += 1;
        expect = 'value';
        continue;
      }
      if (expect === 'next') {
        if (!top) {
          done = true;
          continue;
        }
        if (c === 0x2c) {
          i += 1;
          if (top.kind === 'array') {
            top.at = (top.at as number) + 1;
            expect = 'value';
          } else expect = 'key';
        } else if ((c === 0x5d && top.kind === 'array') || (c === 0x7d && top.kind === 'object')) {
          stack.pop();
          i += 1;
        } else {
          throw new SyntaxProblem(i, top.kind === 'array' ? 'expected-comma-or-bracket' : 'expected-comma-or-brace');
        }
        continue;
      }
      // A value.
      if (c === 0x5d && expect === 'first-value') {
        stack.pop();
        i += 1;
        expect = 'next';
        continue;
      }
      if (c === 0x7b || c === 0x5b) {
        if (stack.length >= maxDepth) {
          throw new DepthProblem(located(pathOf(stack), `nested more than ${maxDepth} levels deep`, { code: 'nested-too-deep', values: { maximum: maxDepth } }, i));
        }
        stack.push(c === 0x7b ? { kind: 'object', keys: new Map(), at: '' } : { kind: 'array', keys: null, at: 0 });
        i += 1;
        expect = c === 0x7b ? 'first-key' : 'first-value';
        continue;
      }
      if (c === 0x22) i = scanString(text, i).end;
      else if (c === 0x2d || isDigit(c)) i = scanNumber(text, i);
      else if (text.startsWith('true', i)) i += 4;
      else if (text.startsWith('false', i)) i += 5;
      else if (text.startsWith('null', i)) i += 4;
      else if (['true', 'false', 'null'].some((word) => word.startsWith(text.slice(i).trimEnd()))) throw new SyntaxProblem(text.length, 'ends-early');
      else throw new SyntaxProblem(i, 'expected-value');
      expect = 'next';
    }
    if (!done && (stack.length > 0 || expect !== 'next')) throw new SyntaxProblem(text.length, 'ends-early');
  } catch (e) {
    if (e instanceof DepthProblem) return { ok: false, problems: [e.problem] };
    if (!(e instanceof SyntaxProblem)) throw e;
    return { ok: false, problems: [syntaxProblem(text, e)] };
  }
  if (duplicates.length > 0) return { ok: false, problems: duplicates };
  return { ok: true, value: JSON.parse(text) as unknown };
}

class DepthProblem {
  constructor(readonly problem: JsonTextProblem) {}
}

function syntaxProblem(text: string, e: SyntaxProblem): JsonTextProblem {
  const { line, column } = lineAndColumn(text, e.position);
  if (text.trim() === '') return { path: [], message: 'the file is empty', detail: { code: 'file-empty' }, line, column };
  if (e.position >= text.trimEnd().length) return { path: [], message: 'the file ends unexpectedly: it is truncated or incomplete (invalid JSON)', detail: { code: 'file-truncated' }, line, column };
  const found = text.charAt(e.position);
  const near = found.trim() === '' ? '' : ` near ${JSON.stringify(found)}`;
  const reason = { code: `json-${e.what}` };
  const detail: ProblemDetail = near ? { code: 'json-syntax-near', values: { line, column, near: JSON.stringify(found) }, parts: { reason } } : { code: 'json-syntax', values: { line, column }, parts: { reason } };
  return { path: [], message: `invalid JSON at line ${line}, column ${column}${near}: ${syntaxWhat[e.what]}`, detail, line, column };
}
