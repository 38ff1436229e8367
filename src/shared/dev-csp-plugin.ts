import type { Plugin } from 'vite';

// React Fast Refresh injects an inline script and talks to the dev server over a WebSocket. The strict policy in
// index.html forbids both, so the dev server (only) serves a relaxed copy; builds keep the strict one.
export function relaxCspForDevServer(html: string): string {
  return html.replace(/(http-equiv="Content-Security-Policy" content=")([^"]+)"/, (_match, start: string, policy: string) => {
    const relaxed = policy
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
      .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*");
    return `${start}${relaxed}"`;
  });
}

export function devServerCspPlugin(): Plugin {
  return { name: 'hta-dev-csp', apply: 'serve', transformIndexHtml: { order: 'pre', handler: relaxCspForDevServer } };
}
