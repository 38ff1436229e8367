import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { relaxCspForDevServer } from '../../src/shared/dev-csp-plugin';

describe('dev server CSP', () => {
  const html = readFileSync(resolve(__dirname, '../../src/renderer/index.html'), 'utf8');
  it('relaxes only what React Fast Refresh needs, and only in the dev server copy', () => {
    const relaxed = relaxCspForDevServer(html);
    expect(relaxed).toContain("script-src 'self' 'unsafe-inline'");
    expect(relaxed).toContain('ws://localhost:*');
    expect(relaxed).toContain("object-src 'none'");
    expect(relaxed).not.toContain('unsafe-eval');
    expect(html).not.toContain('unsafe-inline');
  });
});
