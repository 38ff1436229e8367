import { shownVersionName } from '../../report/automatic-names';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';
import type { RunKind, StoredModel } from '../../dossier/workspace-models';
import type { BaseCaseOutcome } from '../../engine/analysis/base-case';
import { diffModelDocuments, historySummary } from '../../report/model-changes';
import type { ModelChange } from '../../report/model-changes';
import { formatBytes, formatDuration, formatMoney, formatMoneyChange, formatNumber, formatNumberChange } from '../settings/display-format';
import { useLanguage } from '../i18n/language';
import type { MessageKey } from '../../report/i18n/translate';
import type { ModelStore, ModelVersionInfo } from '../db/model-store';
import type { RunRecord } from '../db/records';
import { isCurrent } from '../results/run-status';
import { ConfirmDialog } from '../ui/dialog';
import { useToasts } from '../ui/toasts';
import { engineWorker } from '../workers/engine-client';
import { icerWords } from './model-view';
import { describeProblem } from '../../report/engine-problems';
import { errorText } from '../db/errors';
import { When } from '../ui/when';

// Versions, comparison, stored runs and the edit history of a workspace model. A version is a named copy of the
// document; restoring one first keeps the current document as an automatic version. Two versions (or a version and
// the current model) compare as a table of every changed parameter and setting in words, and as a table of base-case
// results side by side. Every stored run is listed with where it came from and whether it is still current.

interface Props {
  store: ModelStore;
  modelId: string;
  document: StoredModel['document'];
  hash: string;
  readOnly: boolean;
  onRestored: (model: StoredModel) => void;
  onShowRun: (kind: RunKind, id: string) => void;
  onSaveVersion: () => void;
}

const CURRENT = 'current';
const shortHash = (h: string) => h.slice(0, 12);

export function VersionsPanel(props: Props) {
  const { store, modelId } = props;
  const versions = useLiveQuery(() => store.listVersions(modelId), [store, modelId]);
  const runs = useLiveQuery(() => store.listRuns(modelId), [store, modelId]);
  const history = useLiveQuery(() => store.history(modelId, { limit: 500 }), [store, modelId]);
  return (
    <div className="section-stack">
      <VersionsCard {...props} versions={versions} />
      <CompareCard {...props} versions={versions ?? []} />
      <RunsCard {...props} runs={runs} />
      <HistoryCard history={history} />
    </div>
  );
}

function VersionsCard({ store, hash, readOnly, onRestored, onSaveVersion, versions }: Props & { versions: ModelVersionInfo[] | undefined }) {
  const toasts = useToasts();
  const { t } = useLanguage();
  const [confirm, setConfirm] = useState<{ kind: 'restore' | 'delete'; version: ModelVersionInfo } | null>(null);
  const act = async () => {
    if (!confirm) return;
    const { kind, version } = confirm;
    setConfirm(null);
    try {
      if (kind === 'delete') {
        await store.deleteVersion(version.id);
        toasts.show({ message: t('versions.deleted', { name: shownVersionName(version, t) }) });
        return;
      }
      const { model, safetyVersion } = await store.restoreVersion(version.id);
      onRestored(model);
      toasts.show({ message: t('versions.restored', { name: shownVersionName(version, t), safety: shownVersionName(safetyVersion, t) }) });
    } catch (error) {
      const message = errorText(error, t);
      toasts.show({ tone: 'error', message: kind === 'delete' ? t('model.deleteFailed', { error: message }) : t('versions.restoreFailed', { error: message }) });
    }
  };
  return (
    <section className="card" aria-labelledby="versions-title" data-testid="versions-card">
      <div className="card-header">
        <h2 id="versions-title">{t('versions.title')}</h2>
        <span className="subtle">{t('versions.hint')}</span>
        {!readOnly && <button type="button" className="btn btn-sm" onClick={onSaveVersion}>{t('model.saveVersion')}</button>}
      </div>
      <div className="card-body flush table-wrap">
        {versions === undefined ? (
          <p className="empty">{t('common.loading')}</p>
        ) : versions.length === 0 ? (
          <p className="empty">{t('versions.none')}</p>
        ) : (
          <table className="table" data-testid="versions-table">
            <thead>
              <tr>
                <th scope="col">{t('versions.col.version')}</th>
                <th scope="col">{t('versions.col.saved')}</th>
                <th scope="col">{t('versions.col.hash')}</th>
                <th scope="col" className="actions"><span className="visually-hidden">{t('models.col.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id} data-testid="version-row">
                  <td>
                    <div className="version-name">
                      <span data-user-content>{shownVersionName(v, t)}</span> {v.automatic && <span className="badge badge-draft">{t('versions.automatic')}</span>} {v.hash === hash && <span className="badge badge-final">{t('versions.sameAsCurrent')}</span>}
                    </div>
                    {v.note && <div className="subtle" data-user-content>{v.note}</div>}
                  </td>
                  <td className="nowrap"><When iso={v.createdAt} /></td>
                  <td className="mono subtle-cell" title={v.hash}>{shortHash(v.hash)}…</td>
                  <td className="actions">
                    {!readOnly && (
                      <>
                        <button type="button" className="btn btn-sm" onClick={() => setConfirm({ kind: 'restore', version: v })} disabled={v.hash === hash} data-testid="restore-version">{t('versions.restore')}</button>{' '}
                        <button type="button" className="btn btn-ghost btn-sm danger-text" onClick={() => setConfirm({ kind: 'delete', version: v })} aria-label={t('versions.deleteLabel', { name: shownVersionName(v, t) })}>{t('model.delete')}</button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <ConfirmDialog
        open={confirm !== null}
        title={confirm?.kind === 'delete' ? t('versions.deleteTitle') : t('versions.restoreTitle')}
        message={
          confirm?.kind === 'delete' ? (
            <p>{t('versions.deleteMessage', { name: shownVersionName(confirm.version, t) })}</p>
          ) : (
            <p>{t('versions.restoreMessage', { name: confirm ? shownVersionName(confirm.version, t) : '' })}</p>
          )
        }
        confirmLabel={confirm?.kind === 'delete' ? t('versions.deleteConfirm') : t('versions.restore')}
        tone={confirm?.kind === 'delete' ? 'danger' : 'primary'}
        onConfirm={() => void act()}
        onCancel={() => setConfirm(null)}
      />
    </section>
  );
}

type ResultsRow = { id: string; label: string; a: { cost: number; effect: number; icer: number | null; status: string } | null; b: { cost: number; effect: number; icer: number | null; status: string } | null };

async function baseCaseOf(document: unknown): Promise<BaseCaseOutcome> {
  const check = await engineWorker().checkModel(document);
  if (!check.model) return { ok: false, problems: check.issues.filter((i) => i.severity === 'error').map((i) => ({ path: i.path, message: i.message, code: i.code, ...(i.params ? { params: i.params } : {}) })) };
  return engineWorker().runBaseCase(check.model);
}

function CompareCard({ store, document, versions }: Props & { versions: ModelVersionInfo[] }) {
  const id = useId();
  const { t, fmt } = useLanguage();
  const [a, setA] = useState<string>('');
  const [b, setB] = useState<string>(CURRENT);
  const [result, setResult] = useState<{ key: unknown[]; changes: ModelChange[]; rows: ResultsRow[]; effect: 'qalys' | 'life-years'; currency: string | undefined; problems: string[] } | null>(null);
  const first = versions[0]?.id ?? '';
  const left = a || first;
  const busy = !result || result.key[0] !== left || result.key[1] !== b || result.key[2] !== document;
  const nameOf = (key: string) => (key === CURRENT ? t('versions.current') : shownVersionName(versions.find((v) => v.id === key) ?? { name: '' }, t));

  useEffect(() => {
    if (!left) return;
    let live = true;
    void (async () => {
      const docOf = async (key: string) => (key === CURRENT ? document : (await store.getVersion(key))?.document);
      const [da, db] = await Promise.all([docOf(left), docOf(b)]);
      if (!da || !db) return;
      const [ra, rb] = await Promise.all([baseCaseOf(da), baseCaseOf(db)]);
      if (!live) return;
      const ok = (r: BaseCaseOutcome) => (r.ok ? r : null);
      const ids = [...new Set([...(ok(ra)?.strategies ?? []), ...(ok(rb)?.strategies ?? [])].map((s) => s.id))];
      const pick = (r: BaseCaseOutcome, sid: string) => {
        if (!r.ok) return null;
        const s = r.strategies.find((x) => x.id === sid);
        const inc = r.incremental.find((x) => x.id === sid);
        return s && inc ? { cost: s.cost, effect: s.effect, icer: inc.icer, status: inc.status } : null;
      };
      const labelOf = (sid: string) => ok(rb)?.strategies.find((s) => s.id === sid)?.label ?? ok(ra)?.strategies.find((s) => s.id === sid)?.label ?? sid;
      const docB = db as { settings?: { currency?: string } };
      setResult({
        key: [left, b, document],
        changes: diffModelDocuments(da, db, fmt, t),
        rows: ids.map((sid) => ({ id: sid, label: labelOf(sid), a: pick(ra, sid), b: pick(rb, sid) })),
        effect: ok(rb)?.effect ?? ok(ra)?.effect ?? 'qalys',
        currency: docB.settings?.currency,
        problems: [...(ra.ok ? [] : [`${nameOf(left)}: ${ra.problems.map((p) => describeProblem(p, t, fmt)).join('; ')}`]), ...(rb.ok ? [] : [`${nameOf(b)}: ${rb.problems.map((p) => describeProblem(p, t, fmt)).join('; ')}`])],
      });
    })();
    return () => {
      live = false;
    };
    // nameOf reads the version list only for messages.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [left, b, document, store, fmt, t]);

  const options = [{ value: CURRENT, label: t('versions.current') }, ...versions.map((v) => ({ value: v.id, label: `${shownVersionName(v, t)} (${fmt.when(v.createdAt)})` }))];
  const cur = result?.currency;
  const icerText = (x: ResultsRow['a']) => (!x ? '—' : x.status === 'dominated' ? t('model.dominated') : x.status === 'extendedly-dominated' ? t('versions.extDominated') : x.status === 'reference' ? t('model.reference') : icerWords(x.icer, cur, result!.effect, t, fmt));
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="compare-card">
      <div className="card-header">
        <h2 id={`${id}-title`}>{t('versions.compare')}</h2>
        <span className="subtle">{t('versions.compareHint')}</span>
      </div>
      {versions.length === 0 ? (
        <div className="card-body"><p className="empty">{t('versions.compareEmpty')}</p></div>
      ) : (
        <>
          <div className="toolbar">
            <div className="field">
              <label className="field-label" htmlFor={`${id}-a`}>{t('structure.col.from')}</label>
              <select id={`${id}-a`} className="select" value={left} onChange={(e) => setA(e.target.value)} data-testid="compare-a">
                {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${id}-b`}>{t('structure.col.to')}</label>
              <select id={`${id}-b`} className="select" value={b} onChange={(e) => setB(e.target.value)} data-testid="compare-b">
                {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            </div>
            <span className="subtle toolbar-message" aria-live="polite">{busy ? t('versions.comparing') : result ? (result.changes.length === 1 ? t('versions.changesOne') : t('versions.changesMany', { n: result.changes.length })) : ''}</span>
          </div>
          {result && (
            <div className="card-body section-stack">
              {result.changes.length === 0 ? (
                <p className="subtle" data-testid="compare-same">{t('versions.same')}</p>
              ) : (
                <div className="table-wrap">
                  <table className="table table-fixed" data-testid="compare-changes">
                    <caption className="table-caption">{t('versions.changesCaption', { from: nameOf(left), to: nameOf(b) })}</caption>
                    <colgroup>
                      <col />
                      <col className="w-compare-value" />
                      <col className="w-compare-value" />
                    </colgroup>
                    <thead>
                      <tr>
                        <th scope="col">{t('versions.what')}</th>
                        <th scope="col" className="num">{nameOf(left)}</th>
                        <th scope="col" className="num">{nameOf(b)}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {result.changes.map((c) => (
                        <tr key={c.path} data-testid="compare-change">
                          <th scope="row" className="row-head row-head-plain">{c.subject}</th>
                          <td className="num">{c.beforeText}</td>
                          <td className="num">{c.afterText}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {result.problems.length > 0 && <div className="notice notice-warning">{result.problems.join(' ')}</div>}
              <div className="table-wrap">
                <table className="table table-fixed compare-results" data-testid="compare-results">
                  <caption className="table-caption">{t('versions.resultsCaption', { from: nameOf(left), to: nameOf(b) })}</caption>
                  <colgroup>
                    <col className="w-compare-strategy" />
                    <col />
                    <col />
                    <col />
                  </colgroup>
                  <thead>
                    <tr>
                      <th scope="col">{t('results.strategy')}</th>
                      <th scope="col" className="num">{t('versions.cost')}</th>
                      <th scope="col" className="num">{t(result.effect === 'qalys' ? 'model.effect.qalys' : 'model.effect.lifeYears')}</th>
                      <th scope="col" className="num">{t('versions.icer')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.rows.map((r) => (
                      <tr key={r.id} data-testid="compare-result-row">
                        <th scope="row" className="row-head">{r.label}</th>
                        <td className="num">
                          <div>{r.a ? formatMoney(r.a.cost, cur) : '—'} → {r.b ? formatMoney(r.b.cost, cur) : '—'}</div>
                          {r.a && r.b && <div className="subtle">{formatMoneyChange(r.b.cost - r.a.cost, cur)}</div>}
                        </td>
                        <td className="num">
                          <div>{r.a ? formatNumber(r.a.effect, 3) : '—'} → {r.b ? formatNumber(r.b.effect, 3) : '—'}</div>
                          {r.a && r.b && <div className="subtle">{formatNumberChange(r.b.effect - r.a.effect, 4)}</div>}
                        </td>
                        <td className="num">{icerText(r.a)} → {icerText(r.b)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function RunsCard({ store, hash, readOnly, onShowRun, runs }: Props & { runs: RunRecord[] | undefined }) {
  const toasts = useToasts();
  const { t } = useLanguage();
  const [confirm, setConfirm] = useState<RunRecord | null>(null);
  const showable = (kind: RunKind) => kind !== 'base-case' && kind !== 'budget-impact';
  return (
    <section className="card" aria-labelledby="runs-title" data-testid="runs-card">
      <div className="card-header">
        <h2 id="runs-title">{t('versions.runs')}</h2>
        <span className="subtle">{t('versions.runsHint')}</span>
      </div>
      <div className="card-body flush table-wrap">
        {runs === undefined ? (
          <p className="empty">{t('common.loading')}</p>
        ) : runs.length === 0 ? (
          <p className="empty">{t('versions.noRuns')}</p>
        ) : (
          <table className="table" data-testid="runs-table">
            <thead>
              <tr>
                <th scope="col">{t('versions.col.analysis')}</th>
                <th scope="col">{t('versions.col.status')}</th>
                <th scope="col">{t('versions.col.started')}</th>
                <th scope="col" className="num">{t('versions.col.took')}</th>
                <th scope="col" className="num">{t('versions.col.size')}</th>
                <th scope="col">{t('versions.col.modelHash')}</th>
                <th scope="col" className="actions"><span className="visually-hidden">{t('models.col.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => {
                const current = isCurrent(r, hash);
                return (
                  <tr key={r.id} data-testid="run-row" data-kind={r.kind} data-current={current}>
                    <td>
                      <div className="version-name">{t(`run.kind.${r.kind}` as MessageKey)}</div>
                      <div className="subtle">{t('versions.runMeta', { label: r.label, app: r.appVersion, engine: r.engineVersion })}</div>
                    </td>
                    <td>
                      <span className={current ? 'badge badge-final' : 'badge badge-unverified'}>{current ? t('versions.runCurrent') : t('versions.outOfDate')}</span>
                      {r.status === 'partial' && <> <span className="badge badge-under-review">{t('versions.partial')}</span></>}
                    </td>
                    <td className="nowrap"><When iso={r.startedAt} /></td>
                    <td className="num nowrap">{formatDuration(r.durationMs)}</td>
                    <td className="num nowrap">{formatBytes(r.resultBytes)}</td>
                    <td className="mono subtle-cell" title={r.modelHash}>{shortHash(r.modelHash)}…</td>
                    <td className="actions">
                      {showable(r.kind) && <button type="button" className="btn btn-sm" onClick={() => onShowRun(r.kind, r.id)} data-testid="show-run">{t('versions.show')}</button>}{' '}
                      {!readOnly && <button type="button" className="btn btn-ghost btn-sm danger-text" onClick={() => setConfirm(r)} aria-label={t('versions.deleteRunLabel', { label: r.label })}>{t('model.delete')}</button>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
      <ConfirmDialog
        open={confirm !== null}
        title={t('versions.deleteRunTitle')}
        message={<p>{t('versions.deleteRunMessage', { label: confirm?.label ?? '' })}</p>}
        confirmLabel={t('versions.deleteRun')}
        tone="danger"
        onConfirm={() => {
          const run = confirm;
          setConfirm(null);
          if (run) void store.deleteRun(run.id).catch((e: unknown) => toasts.show({ tone: 'error', message: t('model.deleteFailed', { error: errorText(e, t) }) }));
        }}
        onCancel={() => setConfirm(null)}
      />
    </section>
  );
}

const sourceLabels: Record<string, MessageKey> = { edit: 'versions.source.edit', 'version-restore': 'versions.source.version-restore', 'import-replace': 'versions.source.import-replace' };

function HistoryCard({ history }: { history: { seq: number; at: string; path: string; before: unknown; after: unknown; summary: string; source: string }[] | undefined }) {
  const { t, fmt } = useLanguage();
  return (
    <section className="card" aria-labelledby="model-history-title" data-testid="model-history-card">
      <div className="card-header">
        <h2 id="model-history-title">{t('versions.history')}</h2>
        <span className="subtle">{t('versions.historyHint')}</span>
      </div>
      <div className="card-body flush table-wrap">
        {history === undefined ? (
          <p className="empty">{t('common.loading')}</p>
        ) : history.length === 0 ? (
          <p className="empty">{t('versions.noHistory')}</p>
        ) : (
          <table className="table" data-testid="model-history">
            <thead>
              <tr>
                <th scope="col">{t('versions.col.when')}</th>
                <th scope="col">{t('versions.col.change')}</th>
                <th scope="col">{t('versions.col.how')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.seq} data-testid="model-history-row">
                  <td className="nowrap"><When iso={h.at} /></td>
                  <td>{historySummary(h, fmt, t)}</td>
                  <td className="subtle-cell">{sourceLabels[h.source] ? t(sourceLabels[h.source]!) : h.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
