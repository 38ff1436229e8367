import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaFiles } from '../scripts/schema-registry';

describe('shipped JSON Schemas', () => {
  it.each(schemaFiles.map((f) => [f.fileName, f] as const))('%s matches its zod schema (run `npm run schema`)', (_name, file) => {
    const path = resolve(__dirname, '..', 'resources', 'schema', file.fileName);
    expect(existsSync(path)).toBe(true);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(file.build());
  });
});
