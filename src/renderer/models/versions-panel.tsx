import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';
import { runKindLabels } from '../../dossier/workspace-models';
import type { RunKind, StoredModel } from '../../dossier/workspace-models';
import type { BaseCaseOutcome } from '../../engine/analysis/base-case';
import { diffModelDocuments } from '../../report/model-changes';
import type { ModelChange } from '../../report/model-changes';
import { effectLabel, formatBytes, formatDateTime, formatDuration, formatIcer, formatMoney, formatMoneyChange, formatNumber, formatNumberChange } from '../../report/format';
import type { ModelStore, ModelVersionInfo } from '../db/model-store';
import type { RunRecord } from '../db/records';
import { isCurrent } from '../results/run-status';
import { ConfirmDialog } from '../ui/dialog';
import { useToasts } from '../ui/toasts';
import { engineWorker } from '../workers/engine-client';

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
  const [confirm, setConfirm] = useState<{ kind: 'restore' | 'delete'; version: ModelVersionInfo } | null>(null);
  const act = async () => {
    if (!confirm) return;
    const { kind, version } = confirm;
    setConfirm(null);
    try {
      if (kind === 'delete') {
        await store.deleteVersion(version.id);
        toasts.show({ message: `Deleted the version “${version.name}”.` });
        return;
      }
      const { model, safetyVersion } = await store.restoreVersion(version.id);
      onRestored(model);
      toasts.show({ message: `Restored “${version.name}”. The model as it was is kept as the version “${safetyVersion.name}”.` });
    } catch (error) {
      toasts.show({ tone: 'error', message: `${kind === 'delete' ? 'Deleting' : 'Restoring'} failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  };
  return (
    <section className="card" aria-labelledby="versions-title" data-testid="versions-card">
      <div className="card-header">
        <h2 id="versions-title">Versions</h2>
        <span className="subtle">Named copies of the model; restoring one keeps the current model as a version first</span>
        {!readOnly && <button type="button" className="btn btn-sm" onClick={onSaveVersion}>Save version…</button>}
      </div>
      <div className="card-body flush table-wrap">
        {versions === undefined ? (
          <p className="empty">Loading…</p>
        ) : versions.length === 0 ? (
          <p className="empty">No versions yet. “Save version…” keeps the model as it is now under a name, with a note.</p>
        ) : (
          <table className="table" data-testid="versions-table">
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Saved</th>
                <th scope="col">SHA-256</th>
                <th scope="col" className="actions"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id} data-testid="version-row">
                  <td>
                    <div className="version-name">
                      {v.name} {v.automatic && <span className="badge badge-draft">Automatic</span>} {v.hash === hash && <span className="badge badge-final">Same as current</span>}
                    </div>
                    {v.note && <div className="subtle">{v.note}</div>}
                  </td>
                  <td className="nowrap">{formatDateTime(v.createdAt)}</td>
                  <td className="mono subtle-cell" title={v.hash}>{shortHash(v.hash)}…</td>
                  <td className="actions">
                    {!readOnly && (
                      <>
                        <button type="button" className="btn btn-sm" onClick={() => setConfirm({ kind: 'restore', version: v })} disabled={v.hash === hash} data-testid="restore-version">Restore</button>{' '}
                        <button type="button" className="btn btn-ghost btn-sm danger-text" onClick={() => setConfirm({ kind: 'delete', version: v })} aria-label={`Delete version ${v.name}`}>Delete</button>
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
        title={confirm?.kind === 'delete' ? 'Delete this version?' : 'Restore this version?'}
        message={
          confirm?.kind === 'delete' ? (
            <p>The version “{confirm.version.name}” will be deleted. The model itself does not change.</p>
          ) : (
            <p>The model goes back to “{confirm?.version.name}”. The model as it is now is kept as an automatic version, so you can come back to it.</p>
          )
        }
        confirmLabel={confirm?.kind === 'delete' ? 'Delete version' : 'Restore'}
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
  if (!check.model) return { ok: false, problems: check.issues.filter((i) => i.severity === 'error').map((i) => ({ path: i.path, message: i.message })) };
  return engineWorker().runBaseCase(check.model);
}

function CompareCard({ store, document, versions }: Props & { versions: ModelVersionInfo[] }) {
  const id = useId();
  const [a, setA] = useState<string>('');
  const [b, setB] = useState<string>(CURRENT);
  const [result, setResult] = useState<{ key: unknown[]; changes: ModelChange[]; rows: ResultsRow[]; effect: 'qalys' | 'life-years'; currency: string | undefined; problems: string[] } | null>(null);
  const first = versions[0]?.id ?? '';
  const left = a || first;
  const busy = !result || result.key[0] !== left || result.key[1] !== b || result.key[2] !== document;
  const nameOf = (key: string) => (key === CURRENT ? 'Current model' : (versions.find((v) => v.id === key)?.name ?? ''));

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
        changes: diffModelDocuments(da, db),
        rows: ids.map((sid) => ({ id: sid, label: labelOf(sid), a: pick(ra, sid), b: pick(rb, sid) })),
        effect: ok(rb)?.effect ?? ok(ra)?.effect ?? 'qalys',
        currency: docB.settings?.currency,
        problems: [...(ra.ok ? [] : [`${nameOf(left)}: ${ra.problems.map((p) => p.message).join('; ')}`]), ...(rb.ok ? [] : [`${nameOf(b)}: ${rb.problems.map((p) => p.message).join('; ')}`])],
      });
    })();
    return () => {
      live = false;
    };
    // nameOf reads the version list only for messages.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [left, b, document, store]);

  const options = [{ value: CURRENT, label: 'Current model' }, ...versions.map((v) => ({ value: v.id, label: `${v.name} (${formatDateTime(v.createdAt)})` }))];
  const cur = result?.currency;
  const icerText = (x: ResultsRow['a']) => (!x ? '—' : x.status === 'dominated' ? 'Dominated' : x.status === 'extendedly-dominated' ? 'Ext. dominated' : x.status === 'reference' ? 'Reference' : formatIcer(x.icer, cur, result!.effect));
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="compare-card">
      <div className="card-header">
        <h2 id={`${id}-title`}>Compare</h2>
        <span className="subtle">Every changed parameter and setting, and the base-case results of both</span>
      </div>
      {versions.length === 0 ? (
        <div className="card-body"><p className="empty">Save a version to compare it with the current model or with another version.</p></div>
      ) : (
        <>
          <div className="toolbar">
            <div className="field">
              <label className="field-label" htmlFor={`${id}-a`}>From</label>
              <select id={`${id}-a`} className="select" value={left} onChange={(e) => setA(e.target.value)} data-testid="compare-a">
                {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${id}-b`}>To</label>
              <select id={`${id}-b`} className="select" value={b} onChange={(e) => setB(e.target.value)} data-testid="compare-b">
                {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            </div>
            <span className="subtle toolbar-message" aria-live="polite">{busy ? 'Comparing…' : result ? `${result.changes.length} change${result.changes.length === 1 ? '' : 's'}` : ''}</span>
          </div>
          {result && (
            <div className="card-body section-stack">
              {result.changes.length === 0 ? (
                <p className="subtle" data-testid="compare-same">The two are the same model.</p>
              ) : (
                <div className="table-wrap">
                  <table className="table table-fixed" data-testid="compare-changes">
                    <caption className="table-caption">Changes from “{nameOf(left)}” to “{nameOf(b)}”</caption>
                    <colgroup>
                      <col />
                      <col className="w-compare-value" />
                      <col className="w-compare-value" />
                    </colgroup>
                    <thead>
                      <tr>
                        <th scope="col">What</th>
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
                  <caption className="table-caption">Base-case results per patient (discounted), from “{nameOf(left)}” to “{nameOf(b)}”</caption>
                  <colgroup>
                    <col className="w-compare-strategy" />
                    <col />
                    <col />
                    <col />
                  </colgroup>
                  <thead>
                    <tr>
                      <th scope="col">Strategy</th>
                      <th scope="col" className="num">Cost</th>
                      <th scope="col" className="num">{effectLabel(result.effect)}</th>
                      <th scope="col" className="num">ICER</th>
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
  const [confirm, setConfirm] = useState<RunRecord | null>(null);
  const showable = (kind: RunKind) => kind !== 'base-case' && kind !== 'budget-impact';
  return (
    <section className="card" aria-labelledby="runs-title" data-testid="runs-card">
      <div className="card-header">
        <h2 id="runs-title">Stored runs</h2>
        <span className="subtle">Each with the SHA-256 of the model it ran on, app and engine versions, seed and timing</span>
      </div>
      <div className="card-body flush table-wrap">
        {runs === undefined ? (
          <p className="empty">Loading…</p>
        ) : runs.length === 0 ? (
          <p className="empty">No runs yet. Results of the base case, the tornado, two-way and threshold analyses, scenarios, the PSA, EVPPI and the budget impact are kept here.</p>
        ) : (
          <table className="table" data-testid="runs-table">
            <thead>
              <tr>
                <th scope="col">Analysis</th>
                <th scope="col">Status</th>
                <th scope="col">Started</th>
                <th scope="col" className="num">Took</th>
                <th scope="col" className="num">Size</th>
                <th scope="col">Model SHA-256</th>
                <th scope="col" className="actions"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => {
                const current = isCurrent(r, hash);
                return (
                  <tr key={r.id} data-testid="run-row" data-kind={r.kind} data-current={current}>
                    <td>
                      <div className="version-name">{runKindLabels[r.kind]}</div>
                      <div className="subtle">{r.label} · app {r.appVersion}, engine {r.engineVersion}</div>
                    </td>
                    <td>
                      <span className={current ? 'badge badge-final' : 'badge badge-unverified'}>{current ? 'Current' : 'Out of date'}</span>
                      {r.status === 'partial' && <> <span className="badge badge-under-review">Partial</span></>}
                    </td>
                    <td className="nowrap">{formatDateTime(r.startedAt)}</td>
                    <td className="num nowrap">{formatDuration(r.durationMs)}</td>
                    <td className="num nowrap">{formatBytes(r.resultBytes)}</td>
                    <td className="mono subtle-cell" title={r.modelHash}>{shortHash(r.modelHash)}…</td>
                    <td className="actions">
                      {showable(r.kind) && <button type="button" className="btn btn-sm" onClick={() => onShowRun(r.kind, r.id)} data-testid="show-run">Show</button>}{' '}
                      {!readOnly && <button type="button" className="btn btn-ghost btn-sm danger-text" onClick={() => setConfirm(r)} aria-label={`Delete the run ${r.label}`}>Delete</button>}
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
        title="Delete this run?"
        message={<p>The stored results of “{confirm?.label}” will be deleted. Reports that cite this run can no longer show it.</p>}
        confirmLabel="Delete run"
        tone="danger"
        onConfirm={() => {
          const run = confirm;
          setConfirm(null);
          if (run) void store.deleteRun(run.id).catch((e: unknown) => toasts.show({ tone: 'error', message: `Deleting failed: ${e instanceof Error ? e.message : String(e)}` }));
        }}
        onCancel={() => setConfirm(null)}
      />
    </section>
  );
}

const sourceLabels: Record<string, string> = { edit: 'Edit', 'version-restore': 'Version restored', 'import-replace': 'Import' };

function HistoryCard({ history }: { history: { seq: number; at: string; summary: string; source: string }[] | undefined }) {
  return (
    <section className="card" aria-labelledby="model-history-title" data-testid="model-history-card">
      <div className="card-header">
        <h2 id="model-history-title">Edit history</h2>
        <span className="subtle">Every change to the model, newest first</span>
      </div>
      <div className="card-body flush table-wrap">
        {history === undefined ? (
          <p className="empty">Loading…</p>
        ) : history.length === 0 ? (
          <p className="empty">No changes yet.</p>
        ) : (
          <table className="table" data-testid="model-history">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Change</th>
                <th scope="col">How</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.seq} data-testid="model-history-row">
                  <td className="nowrap">{formatDateTime(h.at)}</td>
                  <td>{h.summary}</td>
                  <td className="subtle-cell">{sourceLabels[h.source] ?? h.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
