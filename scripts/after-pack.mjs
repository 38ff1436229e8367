// electron-builder's after-pack step (electron-builder.config.mjs): burn the Electron fuses into the packaged
// binary before it is signed, then read them back so a build whose fuses did not flip fails instead of shipping.
// Fuses switch off, in the binary itself, what a packaged app must never allow: running as plain Node
// (ELECTRON_RUN_AS_NODE), NODE_OPTIONS, --inspect, and loading code from outside the (integrity-checked) app.asar.
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';

/** Every fuse @electron/fuses knows, set explicitly (fuses a newer Electron adds keep their defaults). */
export const fuseSettings = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // electron-builder embeds the app.asar hashes the binary checks (macOS and Windows; Electron has no Linux support).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The app is served from app://, never file://.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** electron-builder's numbering of architectures (builder-util's Arch enum). */
const ARCH_ARM64 = 3;
const ARCH_UNIVERSAL = 4;

/**
 * The Electron binary electron-builder has just packed: the .app bundle on macOS (@electron/fuses finds the
 * framework inside), the renamed .exe on Windows, the renamed executable on Linux.
 * @param {{ appOutDir: string; electronPlatformName: string; packager: { appInfo: { productFilename: string }; executableName?: string } }} context
 */
export function packedElectronBinary(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${name}.app`);
    case 'win32':
      return join(context.appOutDir, `${name}.exe`);
    case 'linux':
      return join(context.appOutDir, context.packager.executableName ?? name);
    default:
      throw new Error(`after-pack: no Electron binary known for platform "${context.electronPlatformName}"`);
  }
}

/**
 * Flips the fuses of the packed binary and checks them. `fuses` is @electron/fuses; tests pass a fake.
 * @returns {Promise<string>} the binary whose fuses were set
 */
export async function setFuses(context, fuses = { flipFuses, getCurrentFuseWire }) {
  const binary = packedElectronBinary(context);
  // Apple Silicon refuses to run a binary whose ad-hoc signature no longer matches; real signing comes later.
  const resetAdHocDarwinSignature = context.electronPlatformName === 'darwin' && (context.arch === ARCH_ARM64 || context.arch === ARCH_UNIVERSAL);
  await fuses.flipFuses(binary, { version: FuseVersion.V1, resetAdHocDarwinSignature, ...fuseSettings });
  const wire = await fuses.getCurrentFuseWire(binary);
  const wrong = Object.entries(fuseSettings)
    .filter(([index, enabled]) => wire[index] !== (enabled ? 49 : 48)) // FuseState: '1' enabled, '0' disabled
    .map(([index]) => FuseV1Options[index]);
  if (wrong.length > 0) throw new Error(`after-pack: fuses not set in ${binary}: ${wrong.join(', ')}`);
  return binary;
}

export default async function afterPack(context) {
  const binary = await setFuses(context);
  console.log(`after-pack: Electron fuses set in ${binary}`);
}
