// Before the unit tests: build the `hta` bundle from the current sources, so tests that run bin/hta.cjs never run
// a stale bundle from an earlier `npm ci` or build.
import { resolve } from 'node:path';
import * as esbuild from 'esbuild';
// @ts-expect-error -- plain ESM script without type declarations
import { buildCli } from '../../scripts/build-cli.mjs';

export default async function buildCliBundle(): Promise<void> {
  await buildCli(resolve(__dirname, '..', '..'), esbuild);
}
