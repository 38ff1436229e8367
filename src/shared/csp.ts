// The one Content-Security-Policy of the app's own pages: used in index.html (meta), as a response header in
// Electron and in `vite preview`. frame-ancestors only works as a header, so the meta variant drops it.
const directives: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['worker-src', "'self' blob:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** The policy as sent in the Content-Security-Policy response header. */
export function contentSecurityPolicyHeader(): string {
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** The policy for a <meta http-equiv> tag (browsers ignore frame-ancestors there and warn about it). */
export function contentSecurityPolicyMeta(): string {
  return directives
    .filter(([name]) => name !== 'frame-ancestors')
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}
