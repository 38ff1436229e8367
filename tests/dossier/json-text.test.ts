// Issue 9 item 10: one JSON reader for dossier files, backups and model files (app and CLI): line and column of
// every syntax error, a byte order mark accepted, duplicate keys refused with their path, no stack overflow.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readJsonText } from '../../src/dossier/json-text';
import { parseDossierFile } from '../../src/dossier/parse-file';
import { suffixedTitle } from '../../src/dossier/new-dossier';
import { MAX_SHORT_TEXT } from '../../src/dossier/limits';
import { freshWorkspace } from '../db/helpers';

function problems(text: string, maxDepth?: number) {
  const r = readJsonText(text, maxDepth === undefined ? {} : { maxDepth });
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

describe('readJsonText', () => {
  it('parses what JSON.parse parses, with or without a byte order mark', () => {
    const samples = ['{"a":[1,-2.5e3,true,false,null,"x\\"y\\u00e9"],"b":{}}', '[]', ' 0 ', '"\\/\\b\\f\\n\\r\\t"', '{"":{"":[[]]}}'];
    for (const text of samples) {
      expect(readJsonText(text)).toEqual({ ok: true, value: JSON.parse(text) });
      expect(readJsonText(`\ufeff${text}`)).toEqual({ ok: true, value: JSON.parse(text) });
    }
  });

  it('gives the line and column of every kind of syntax error, also where V8 gives no position', () => {
    const cases: [string, number, number, string][] = [
      ['{"a": 1,}', 1, 9, 'expected a key in double quotes'],
      ['{\n  "a": 1\n  "b": 2\n}', 3, 3, 'expected "," or "}"'],
      ['[1, 2,]', 1, 7, 'expected a value'],
      ['{"a": tru }', 1, 7, 'expected a value'],
      ['{"a": 01}', 1, 8, 'expected "," or "}"'],
      ['{"a": "x\ny"}', 1, 9, 'control character'],
      ['{"a": "\\x"}', 1, 8, 'invalid escape'],
      ['{"a": 1} {}', 1, 10, 'more text after the end'],
      ["{'a': 1}", 1, 2, 'expected a key in double quotes or "}"'],
      ['{"a" 1}', 1, 6, 'expected ":" after a key'],
    ];
    for (const [text, line, column, what] of cases) {
      const [p] = problems(text);
      expect(p, text).toMatchObject({ line, column, path: [] });
      expect(p!.message, text).toMatch(new RegExp(`^invalid JSON at line ${line}, column ${column}.*${what.replace(/[()"{}]/g, '\\$&')}`));
    }
  });

  it('names a truncated or empty file', () => {
    for (const text of ['{"a": [1, 2', '{"a": "unfinished', '{"a": tr', '[', '{"a"']) {
      expect(problems(text).map((p) => p.message), text).toEqual(['the file ends unexpectedly: it is truncated or incomplete (invalid JSON)']);
    }
    expect(problems(' \n').map((p) => p.message)).toEqual(['the file is empty']);
    expect(problems('\ufeff').map((p) => p.message)).toEqual(['the file is empty']);
  });

  it('refuses every duplicate key with its path and both places, escaped spellings included', () => {
    const text = '{\n  "settings": {"cycles": 10, "cycles": 20},\n  "list": [{"id": 1}, {"id": 2, "i\\u0064": 3}],\n  "settings": {}\n}';
    expect(problems(text).map((p) => [p.path, p.line, p.column, p.message])).toEqual([
      [['settings', 'cycles'], 2, 30, 'the key "cycles" is given twice in the same object (line 2, column 16 and line 2, column 30); keep one'],
      [['list', 1, 'id'], 3, 33, 'the key "id" is given twice in the same object (line 3, column 24 and line 3, column 33); keep one'],
      [['settings'], 4, 3, 'the key "settings" is given twice in the same object (line 2, column 3 and line 4, column 3); keep one'],
    ]);
  });

  it('reads 100,000 levels of nesting without overflowing, and refuses them past maxDepth with the path', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(readJsonText(deep).ok).toBe(true);
    const [p] = problems('{"a": [[[1]]]}', 3);
    expect(p).toMatchObject({ path: ['a', 0, 0], message: 'nested more than 3 levels deep', line: 1, column: 9 });
  });
});

describe('dossier files use the same reader', () => {
  it('a duplicate key in a dossier file is refused with its path, a BOM is accepted', () => {
    const r = parseDossierFile('\ufeff{"format": "hta-workbench-dossier", "version": 1, "dossier": {"title": "a", "title": "b"}}');
    expect(r).toEqual({ ok: false, problems: [{ path: 'dossier.title', message: 'the key "title" is given twice in the same object (line 1, column 63 and line 1, column 77); keep one', detail: { code: 'duplicate-key', values: { key: '"title"', firstLine: 1, firstColumn: 63, line: 1, column: 77 } } }] });
  });
});

describe('copying a dossier with a long title', () => {
  it('suffixedTitle keeps short titles whole and shortens long ones to the limit, never splitting a surrogate pair', () => {
    expect(suffixedTitle('Alpha', ' (copy)')).toBe('Alpha (copy)');
    const long = 'x'.repeat(MAX_SHORT_TEXT);
    const copy = suffixedTitle(long, ' (copy)');
    expect(copy).toHaveLength(MAX_SHORT_TEXT);
    expect(copy.endsWith('x… (copy)')).toBe(true);
    const emoji = suffixedTitle('a'.repeat(991) + '😀'.repeat(10), ' (copy)', 1000);
    expect(emoji.length).toBeLessThanOrEqual(1000);
    expect(emoji).toBe(`${'a'.repeat(991)}… (copy)`);
  });

  it('duplicate() of a dossier whose title is at the limit succeeds', async () => {
    const { ws } = await freshWorkspace();
    const title = 'T'.repeat(MAX_SHORT_TEXT);
    const a = await ws.create({ title });
    const copy = await ws.duplicate(a.id);
    expect(copy.title).toHaveLength(MAX_SHORT_TEXT);
    expect(copy.title.endsWith('… (copy)')).toBe(true);
    ws.close();
  });
});
