import type { RunKind } from '../../dossier/workspace-models';
import type { HtaModel } from '../../engine/model/schema';
import type { ModelStore } from '../db/model-store';
import type { RunRecord } from '../db/records';
import { displayFormats, formatCount, formatDuration } from '../settings/display-format';
import { useLanguage } from '../i18n/language';
import { translator } from '../../report/i18n/translate';
import type { Translate } from '../../report/i18n/translate';

// Where a stored result came from, and whether it still describes the model: a run made from another version of
// the model document (its SHA-256 differs) is out of date, and says so with a Re-run button.

/** What the analysis panels of a workspace model need to run, store and show runs. */
export interface RunContext {
  store: ModelStore;
  modelId: string;
  /** SHA-256 of the current model document. */
  hash: string;
  /** The current document, parsed and checked; null while the check is behind the edits or the model is invalid. */
  model: HtaModel | null;
  /** A run chosen in the list of stored runs, shown instead of the latest of its kind. */
  selected: { kind: RunKind; id: string } | null;
}

export function isCurrent(run: Pick<RunRecord, 'modelHash'>, hash: string): boolean {
  return run.modelHash === hash;
}

/** "10,000 draws, seed 1" (empty for a run without draws). */
export function describeDraws(run: RunRecord, t: Translate = translator('en')): string {
  const parts: string[] = [];
  if (run.iterations !== undefined) {
    const done = run.completedIterations ?? run.iterations;
    parts.push(run.status === 'partial' ? t('analysis.drawsOf', { done: formatCount(done), total: formatCount(run.iterations) }) : t('analysis.draws', { n: formatCount(run.iterations) }));
  }
  if (run.seed !== undefined) parts.push(t('analysis.seedN', { seed: run.seed }));
  return parts.join(', ');
}

/** "run 1 May 2026, 10:03 in 4.2 s". */
function describeWhen(run: RunRecord, t: Translate): string {
  return t('analysis.runAt', { date: displayFormats().dateTime(run.startedAt), duration: formatDuration(run.durationMs) });
}

/** "10,000 draws, seed 1 · run 1 May 2026, 10:03 in 4.2 s". */
export function describeRun(run: RunRecord, t: Translate = translator('en')): string {
  return [describeDraws(run, t), describeWhen(run, t)].filter(Boolean).join(' · ');
}

/**
 * The run's status line; `drawsTestId` marks its draws and seed (the PSA card states them only here, once).
 */
export function RunStatus({ run, hash, onRerun, busy, testId, drawsTestId }: { run: RunRecord; hash: string; onRerun?: () => void; busy?: boolean; testId: string; drawsTestId?: string }) {
  const { t } = useLanguage();
  const current = isCurrent(run, hash);
  const draws = describeDraws(run, t);
  const description = drawsTestId && draws
    ? <><span data-testid={drawsTestId}>{draws}</span>{' · '}{describeWhen(run, t)}</>
    : describeRun(run, t);
  return (
    <div className={current ? 'run-status' : 'run-status notice notice-warning'} data-testid={testId} data-current={current}>
      {current && <span className="badge badge-final" data-testid={`${testId}-badge`}>{t('analysis.current')}</span>}
      {run.status === 'partial' && <span className="badge badge-under-review">{t('analysis.partial')}</span>}
      <span className="run-status-text">
        {current ? description : <><strong>{t('analysis.outOfDate')}</strong> {description}</>}
      </span>
      {!current && onRerun && (
        <button type="button" className="btn btn-sm btn-primary" onClick={onRerun} disabled={busy} data-testid={`${testId}-rerun`}>
          {t('analysis.rerun')}
        </button>
      )}
    </div>
  );
}
