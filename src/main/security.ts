// Pure security decisions of the shell, kept out of Electron code so they are unit-tested.

/** The privileged scheme and host the app's own pages are served from in production. */
export const appScheme = 'app';
export const appHost = 'hta';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** Origins whose pages count as the app's own: the app protocol, plus the dev server while developing. */
export function trustedOrigins(devServerUrl: string | undefined): string[] {
  const origins = [appOrigin];
  const dev = devServerUrl ? originOf(devServerUrl) : null;
  if (dev && isLoopbackHttpOrigin(dev)) origins.push(dev);
  return origins;
}

/** The origin of a URL, or null when it does not parse or has none (about:blank, data:). */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === `${appScheme}:`) return parsed.host === appHost ? appOrigin : null;
    return parsed.origin === 'null' ? null : parsed.origin;
  } catch {
    return null;
  }
}

function isLoopbackHttpOrigin(origin: string): boolean {
  const { protocol, hostname } = new URL(origin);
  return protocol === 'http:' && (hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]');
}

/** True when a URL belongs to one of the trusted origins (used for IPC senders and response headers). */
export function isTrustedUrl(url: string, origins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && origins.includes(origin);
}

/** Whether a navigation may proceed: only a reload of the app's own pages; never anything remote. */
export function isNavigationAllowed(targetUrl: string, origins: readonly string[]): boolean {
  return isTrustedUrl(targetUrl, origins);
}

/** New windows are never opened (links to the web included: the app is offline by design). */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Permission requests and checks (camera, notifications, geolocation …) are all denied: the app needs none. */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}

/** Device access (USB, HID, serial, Bluetooth) is always denied: the app talks to no device. */
export function isDevicePermissionGranted(_deviceType: string): boolean {
  return false;
}
