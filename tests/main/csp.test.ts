import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicyHeader, contentSecurityPolicyMeta } from '../../src/shared/csp';

function directives(policy: string): Map<string, string> {
  return new Map(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...values] = d.split(/\s+/);
    return [name!, values.join(' ')];
  }));
}

describe('Content-Security-Policy', () => {
  const header = directives(contentSecurityPolicyHeader());
  it('allows only the app itself to run scripts, and no inline or eval', () => {
    expect(header.get('script-src')).toBe("'self'");
    expect(contentSecurityPolicyHeader()).not.toMatch(/unsafe-eval|unsafe-inline|\*|https?:/);
  });
  it('has the required directives', () => {
    expect(header.get('default-src')).toBe("'self'");
    expect(header.get('img-src')).toBe("'self' data:");
    expect(header.get('worker-src')).toBe("'self' blob:");
    expect(header.get('connect-src')).toBe("'self'");
    expect(header.get('object-src')).toBe("'none'");
    expect(header.get('base-uri')).toBe("'none'");
    expect(header.get('frame-ancestors')).toBe("'none'");
  });
  it('is the policy in index.html (minus frame-ancestors, which meta tags cannot carry)', () => {
    const html = readFileSync(resolve(__dirname, '../../src/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(contentSecurityPolicyMeta());
    expect(directives(meta!).has('frame-ancestors')).toBe(false);
  });
  it('loads no web fonts or remote resources from index.html', () => {
    const html = readFileSync(resolve(__dirname, '../../src/renderer/index.html'), 'utf8');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('<link rel="icon" href="data:,"');
  });
});
