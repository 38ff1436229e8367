import { extname, normalize, resolve, sep } from 'node:path';
import { appHost, appScheme } from './security';

// Serving the built renderer on app://hta/ instead of file:// gives it a real origin (IndexedDB, ES modules,
// a CSP response header) and lets us refuse every path outside the renderer folder.

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** The MIME type served for a file path (unknown types are served as opaque bytes). */
export function mimeTypeFor(filePath: string): string {
  return mimeTypes[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** The file inside `root` that an app:// URL names, or null for other hosts, schemes or traversal attempts. */
export function resolveAppAssetPath(requestUrl: string, root: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const rootPath = resolve(root);
  const target = resolve(rootPath, normalize(relative));
  return target === rootPath || target.startsWith(rootPath + sep) ? target : null;
}
