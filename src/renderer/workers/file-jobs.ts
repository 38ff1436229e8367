// Jobs that run in a one-shot worker each: parsing a backup to restore, checking a model file being opened.
import type { BackupFileResult } from '../../dossier/parse-file';
import type { ModelCheck } from '../../engine/analysis/model-check';
import { runOneShot } from './one-shot-worker';
import type { OneShotOptions, OneShotWorker } from './one-shot-worker';

/** Opening a model file gives up after this long (a pathological file must not keep the user waiting). */
export const MODEL_CHECK_TIMEOUT_MS = 30_000;

export function parseBackupInWorker(text: string, options: OneShotOptions = {}): Promise<BackupFileResult> {
  const create = () => new Worker(new URL('./backup-parse.worker.ts', import.meta.url), { type: 'module', name: 'backup-parse' }) as unknown as OneShotWorker;
  return runOneShot<BackupFileResult>(create, text, options);
}

export function checkModelInWorker(json: unknown, options: OneShotOptions = {}): Promise<ModelCheck> {
  const create = () => new Worker(new URL('./model-check.worker.ts', import.meta.url), { type: 'module', name: 'model-check' }) as unknown as OneShotWorker;
  return runOneShot<ModelCheck>(create, json, { timeoutMs: MODEL_CHECK_TIMEOUT_MS, ...options });
}
