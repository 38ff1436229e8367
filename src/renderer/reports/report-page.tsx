import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import type { MouseEvent } from 'react';
import type { Dossier } from '../../dossier/schema';
import { appInfo } from '../../dossier/app-info';
import { ENGINE_VERSION } from '../../engine/version';
import { buildReport, generatedSummaryText, includedSections } from '../../report/build-report';
import { profileSections, reportPartIds, reportParts, reportProfiles } from '../../report/document';
import type { ReportPartId, ReportProfile, ReportSectionId } from '../../report/document';
import { reportLocaleLabels, reportLocales } from '../../report/format';
import type { ReportLocale } from '../../report/format';
import { renderReportBody, reportStylesheet } from '../../report/html/render-html';
import type { ReportInput } from '../../report/report-input';
import type { FileFormat } from '../../report/export-report';
import { useMenuCommand } from '../app/menu-commands';
import { routeHash } from '../app/routes';
import { fileNameStem } from '../dossiers/file-names';
import { useWorkspace } from '../dossiers/workspace-context';
import { AppFrame } from '../layout/app-frame';
import { useLiveQuery } from 'dexie-react-hooks';
import type { StoredPsaImport } from '../../dossier/psa-imports';
import { modelDocumentHash } from '../../engine/json/canonical-json';
import { usePlatform } from '../platform/platform-context';
import { useToasts } from '../ui/toasts';
import type { PreparedModels } from '../workers/report-api';
import { reportWorker } from '../workers/report-client';
import { useReportCountries } from '../countries/country-settings';
import { useLanguage } from '../i18n/language';
import { canvasRasterise } from './canvas-rasterise';
import { modelSourcesForDossier } from './report-models';
import { useReportStylesheet } from './use-report-stylesheet';
import './reports.css';
import { describeProblem } from '../../report/engine-problems';
import { errorText } from '../db/errors';

// The report preview of a dossier: choose the profile, locale and sections, edit the generated summary, read the
// report as it will print, and export it as HTML, PDF, Word or Excel. Analyses of the linked models run in the
// report worker (stored runs will be used as they are once the workspace keeps them).

type Load = { kind: 'loading' } | { kind: 'missing' } | { kind: 'loaded'; dossier: Dossier };
type AnalysesResult = { kind: 'ready'; prepared: PreparedModels; at: string } | { kind: 'failed'; message: string };
type Analyses = { kind: 'running' } | AnalysesResult;

const DEFAULT_ITERATIONS = 1000;

export function ReportScreen({ dossierId }: { dossierId: string }) {
  const workspace = useWorkspace();
  const { t } = useLanguage();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  useEffect(() => {
    let cancelled = false;
    void workspace.get(dossierId).then((dossier) => {
      if (!cancelled) setLoad(dossier ? { kind: 'loaded', dossier } : { kind: 'missing' });
    });
    return () => {
      cancelled = true;
    };
  }, [workspace, dossierId]);
  const title = load.kind === 'loaded' ? load.dossier.title : load.kind === 'missing' ? t('common.notFound') : t('common.loading');
  const crumbs = (
    <>
      <a className="crumb" href="#/library">{t('nav.library')}</a>
      <span className="crumb-sep" aria-hidden="true">›</span>
      {load.kind === 'loaded' ? <a className="crumb report-crumb-title" href={routeHash({ page: 'dossier', dossierId, section: 'overview' })}>{title}</a> : <span className="crumb">{title}</span>}
      <span className="crumb-sep" aria-hidden="true">›</span>
      <span className="current" data-testid="header-title-report">{t('reportPage.crumb')}</span>
    </>
  );
  if (load.kind !== 'loaded') {
    return (
      <AppFrame activeNav="library" title={crumbs}>
        <div className="page">
          {load.kind === 'missing' ? (
            <div className="notice notice-warning" data-testid="dossier-missing">{t('reportPage.missing')} <a href="#/library">{t('reportPage.backToLibrary')}</a></div>
          ) : (
            <p className="empty">{t('common.loading')}</p>
          )}
        </div>
      </AppFrame>
    );
  }
  return <ReportPreview key={dossierId} initial={load.dossier} crumbs={crumbs} />;
}

function ReportPreview({ initial, crumbs }: { initial: Dossier; crumbs: React.ReactNode }) {
  const workspace = useWorkspace();
  const platform = usePlatform();
  const toasts = useToasts();
  // The dossier as opened; the one field this screen edits (the summary) lives in `summary` and is saved on its own.
  const dossier = initial;
  const [profile, setProfile] = useState<ReportProfile>('full');
  const { t, locale: displayLocale } = useLanguage();
  const [locale, setLocale] = useState<ReportLocale>(displayLocale);
  const countries = useReportCountries();
  const [chosen, setChosen] = useState<ReadonlySet<ReportSectionId>>(new Set(profileSections.full));
  const [omitted, setOmitted] = useState<ReadonlySet<ReportPartId>>(new Set());
  const [iterations, setIterations] = useState(DEFAULT_ITERATIONS);
  const [seed, setSeed] = useState(1);
  const [runKey, setRunKey] = useState(0);
  const [result, setResult] = useState<{ key: string; value: AnalysesResult } | null>(null);
  const [summary, setSummary] = useState(initial.reporting?.summary ?? '');
  const [busy, setBusy] = useState<string | null>(null);

  // The linked workspace models with their stored runs; re-read when a model or one of its runs changes.
  const resolvedNow = useLiveQuery(() => modelSourcesForDossier(dossier, workspace.models), [dossier, workspace]);
  const resolved = useMemo(() => resolvedNow ?? { sources: [], unresolvedLinks: [] }, [resolvedNow]);
  // PSA results of other models imported with the dossier, oldest first (as in its file); the report summarises them.
  const importedPsa = useLiveQuery(async () => {
    const infos = await workspace.psaImports.list(dossier.id);
    const items = await Promise.all([...infos].reverse().map((info) => workspace.psaImports.get(info.id)));
    return items.filter((item): item is StoredPsaImport => item !== undefined);
  }, [dossier.id, workspace]);
  // A new request when a model's document or its stored runs change, as well as the seed or the draws.
  const sourcesKey = useMemo(() => resolved.sources.map((x) => `${x.id}:${modelDocumentHash(x.document)}:${x.runs.map((r) => r.id).join(',')}`).join('|'), [resolved]);
  const requestKey = `${sourcesKey}/${seed}/${iterations}/${runKey}`;
  // A result belongs to the request that made it; a newer request shows "running" until its own result arrives.
  const analyses = useMemo<Analyses>(() => (result !== null && result.key === requestKey ? result.value : { kind: 'running' }), [result, requestKey]);

  // Analyses of the linked models, in the worker; run again when the models, the seed or the draws change.
  useEffect(() => {
    let cancelled = false;
    const at = new Date().toISOString();
    reportWorker()
      .prepareReportModels(resolved.sources, { seed, iterations, appVersion: appInfo.version, now: at })
      .then((prepared) => !cancelled && setResult({ key: requestKey, value: { kind: 'ready', prepared, at } }))
      .catch((error: unknown) => !cancelled && setResult({ key: requestKey, value: { kind: 'failed', message: error instanceof Error ? error.message : String(error) } }));
    return () => {
      cancelled = true;
    };
  }, [resolved, seed, iterations, requestKey]);

  const unresolvedLinks = resolved.unresolvedLinks;
  const input = useMemo<ReportInput | null>(
    () =>
      analyses.kind === 'ready'
        ? {
            dossier: { ...dossier, reporting: { ...dossier.reporting, summary } },
            models: analyses.prepared.models,
            unresolvedLinks,
            ...(importedPsa && importedPsa.length > 0 ? { importedPsa } : {}),
            appVersion: appInfo.version,
            engineVersion: ENGINE_VERSION,
            generatedAt: analyses.at,
          }
        : null,
    [analyses, dossier, summary, unresolvedLinks, importedPsa],
  );
  const sectionsKey = includedSections({ profile, sections: [...chosen], countries }).join(',');
  const omittedKey = [...omitted].sort().join(',');
  const doc = useMemo(() => {
    const sections = sectionsKey === '' ? [] : (sectionsKey.split(',') as ReportSectionId[]);
    const omitParts = omittedKey === '' ? [] : (omittedKey.split(',') as ReportPartId[]);
    return input ? buildReport(input, { profile, locale, sections, omitParts, countries }) : null;
  }, [input, profile, locale, sectionsKey, omittedKey, countries]);
  const body = useMemo(() => (doc ? renderReportBody(doc) : ''), [doc]);
  useReportStylesheet(doc ? reportStylesheet(doc) : '');
  // The generated summary does not depend on the edited one; without it in the input, it is stable while typing.
  const generatedInput = analyses.kind === 'ready' ? analyses : null;
  const generated = useMemo(
    () =>
      generatedInput
        ? generatedSummaryText(
            { dossier, models: generatedInput.prepared.models, unresolvedLinks, appVersion: appInfo.version, engineVersion: ENGINE_VERSION, generatedAt: generatedInput.at },
            { profile, locale, sections: sectionsKey === '' ? [] : (sectionsKey.split(',') as ReportSectionId[]), countries },
          )
        : '',
    [generatedInput, dossier, unresolvedLinks, profile, locale, sectionsKey, countries],
  );

  // The edited summary is part of the dossier (reporting.summary), saved shortly after typing stops.
  const saveTimer = useRef<number | null>(null);
  const saveSummary = (text: string) => {
    setSummary(text);
    if (saveTimer.current !== null) window.clearTimeout(saveTimer.current);
    saveTimer.current = window.setTimeout(() => {
      saveTimer.current = null;
      void workspace
        .update(dossier.id, (d) => ({ ...d, reporting: { ...d.reporting, summary: text } }))
        .catch((error: unknown) => toasts.show({ tone: 'error', message: t('reportPage.summarySaveFailed', { message: errorText(error, t) }) }));
    }, 600);
  };
  useEffect(() => () => {
    if (saveTimer.current !== null) window.clearTimeout(saveTimer.current);
  }, []);

  const stem = `${fileNameStem(dossier.title)}-${profile === 'jca' ? 'jca-report' : 'report'}`;
  const exportFile = async (format: FileFormat) => {
    if (!input || !doc) return;
    setBusy(format);
    try {
      const { exportReport, formatInfo } = await import('../../report/export-report');
      const content = await exportReport(input, doc, format, { rasterise: canvasRasterise });
      const info = formatInfo[format];
      const outcome = await platform.saveFile({
        suggestedName: `${stem}.${info.extension}`,
        content: format === 'html' ? new TextDecoder().decode(content) : content,
        mimeType: info.mimeType,
        fileTypes: [{ name: info.name, extensions: [info.extension] }],
      });
      if (outcome.saved) toasts.show({ message: t(outcome.via === 'file' ? 'reportPage.saved' : 'reportPage.downloaded', { location: outcome.location }) });
    } catch (error) {
      toasts.show({ tone: 'error', message: t('reportPage.exportFailed', { message: errorText(error, t) }) });
    } finally {
      setBusy(null);
    }
  };
  const printPdf = async () => {
    if (!doc) return;
    setBusy('pdf');
    try {
      const outcome = await platform.printToPdf({ suggestedName: `${stem}.pdf` });
      if (outcome.printed && outcome.location) toasts.show({ message: t('reportPage.saved', { location: outcome.location }) });
    } catch (error) {
      toasts.show({ tone: 'error', message: t('reportPage.printFailed', { message: errorText(error, t) }) });
    } finally {
      setBusy(null);
    }
  };
  useMenuCommand((command) => {
    if (command !== 'print-to-pdf') return false;
    void printPdf();
    return true;
  });

  // Links of the report's table of contents scroll the preview instead of changing the app's route.
  const onPreviewClick = (event: MouseEvent<HTMLDivElement>) => {
    const link = (event.target as HTMLElement).closest('a[href^="#"]');
    if (!link) return;
    event.preventDefault();
    const target = document.getElementById(link.getAttribute('href')!.slice(1));
    target?.scrollIntoView({ block: 'start' });
    target?.querySelector<HTMLElement>('h2, h3, h4')?.focus?.();
  };

  const toggleSection = (id: ReportSectionId) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const togglePart = (id: ReportPartId) =>
    setOmitted((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const ready = doc !== null && busy === null;
  const exportButtons = (
    <div className="report-exports" role="group" aria-labelledby="report-export-label">
      <span id="report-export-label" className="report-exports-label">{t('reportPage.export')}</span>
      <button type="button" className="btn" disabled={!ready} onClick={() => void exportFile('html')} data-testid="report-export-html">HTML</button>
      <button type="button" className="btn" disabled={!ready} onClick={() => void printPdf()} data-testid="report-export-pdf">{platform.kind === 'electron' ? 'PDF' : t('reportPage.printPdf')}</button>
      <button type="button" className="btn" disabled={!ready} onClick={() => void exportFile('docx')} data-testid="report-export-docx">Word</button>
      <button type="button" className="btn" disabled={!ready} onClick={() => void exportFile('xlsx')} data-testid="report-export-xlsx">Excel</button>
    </div>
  );

  return (
    <AppFrame activeNav="library" title={crumbs} headerExtra={exportButtons}>
      <div className="report-layout" data-testid="report-screen">
        <aside className="report-options" aria-label={t('reportPage.options')}>
          <fieldset className="report-fieldset">
            <legend>{t('reportPage.profile')}</legend>
            {reportProfiles.map((p) => (
              <label key={p} className="report-choice">
                <input type="radio" name="report-profile" value={p} checked={profile === p} onChange={() => setProfile(p)} data-testid={`report-profile-${p}`} />
                <span>{t(`report.profile.${p}`)}</span>
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label className="field-label" htmlFor="report-locale">{t('reportPage.locale')}</label>
            <select id="report-locale" className="select" value={locale} onChange={(e) => setLocale(e.target.value as ReportLocale)} data-testid="report-locale">
              {reportLocales.map((l) => (
                <option key={l} value={l}>{reportLocaleLabels[l]}</option>
              ))}
            </select>
          </div>
          <fieldset className="report-fieldset">
            <legend>{t('reportPage.sections')}</legend>
            {profileSections[profile].map((id) => (
              <Fragment key={id}>
                <label className="report-choice">
                  <input type="checkbox" checked={chosen.has(id)} onChange={() => toggleSection(id)} data-testid={`report-section-${id}`} />
                  <span>{t(`report.section.${id}`)}</span>
                </label>
                {reportPartIds
                  .filter((part) => reportParts[part].section === id && partApplies(part, dossier))
                  .map((part) => (
                    <label key={part} className="report-choice report-choice-part">
                      <input type="checkbox" checked={chosen.has(id) && !omitted.has(part)} disabled={!chosen.has(id)} onChange={() => togglePart(part)} data-testid={`report-part-${part}`} />
                      <span>{t(`report.part.${part}`)}</span>
                    </label>
                  ))}
              </Fragment>
            ))}
          </fieldset>
          <div className="field">
            <label className="field-label" htmlFor="report-summary">{t('reportPage.summary')}</label>
            <textarea
              id="report-summary"
              className="textarea"
              rows={8}
              value={summary}
              placeholder={generated ? t('reportPage.summaryGenerated', { text: generated }) : t('reportPage.summaryPlaceholder')}
              onChange={(e) => saveSummary(e.target.value)}
              aria-describedby="report-summary-hint"
              data-testid="report-summary"
            />
            <span id="report-summary-hint" className="field-hint">{t('reportPage.summaryHint')}</span>
            <div className="report-summary-actions">
              <button type="button" className="btn btn-sm" disabled={!generated} onClick={() => saveSummary(generated)} data-testid="report-summary-start">{t('reportPage.editGenerated')}</button>
              <button type="button" className="btn btn-sm" disabled={summary === ''} onClick={() => saveSummary('')} data-testid="report-summary-reset">{t('reportPage.useGenerated')}</button>
            </div>
          </div>
          <AnalysesPanel analyses={analyses} iterations={iterations} seed={seed} onIterations={setIterations} onSeed={setSeed} onRerun={() => setRunKey((k) => k + 1)} unresolved={resolved.unresolvedLinks.map((u) => `${u.link.name}: ${u.reason}`)} />
        </aside>
        <div className="report-preview-scroll" data-testid="report-preview-scroll">
          {doc === null ? (
            <div className="report-waiting" role="status" data-testid="report-status">
              {analyses.kind === 'failed' ? t('reportPage.analysesFailed', { message: analyses.message }) : t('reportPage.runningAll')}
            </div>
          ) : (
            // The report body is HTML built by src/report from escaped text (no user markup reaches it unescaped).
            <div className="report-preview" data-report-print="" data-testid="report-preview" onClick={onPreviewClick} dangerouslySetInnerHTML={{ __html: body }} />
          )}
        </div>
      </div>
    </AppFrame>
  );
}

/** Whether an optional part has anything to show for this dossier (only those are offered). */
function partApplies(part: ReportPartId, dossier: Dossier): boolean {
  return part === 'accuracy' ? dossier.evidence.some((e) => (e.twoByTwo ?? []).length > 0) : true;
}

function AnalysesPanel({
  analyses, iterations, seed, onIterations, onSeed, onRerun, unresolved,
}: {
  analyses: Analyses;
  iterations: number;
  seed: number;
  onIterations: (n: number) => void;
  onSeed: (n: number) => void;
  onRerun: () => void;
  unresolved: string[];
}) {
  const { t, fmt } = useLanguage();
  const [draws, setDraws] = useState(String(iterations));
  const [seedText, setSeedText] = useState(String(seed));
  const drawsValid = /^\d+$/.test(draws) && Number(draws) >= 1 && Number(draws) <= 100000;
  const seedValid = /^\d+$/.test(seedText) && Number(seedText) <= 0xffffffff;
  const apply = () => {
    if (!drawsValid || !seedValid) return;
    if (Number(draws) === iterations && Number(seedText) === seed) onRerun();
    onIterations(Number(draws));
    onSeed(Number(seedText));
  };
  return (
    <section className="report-analyses" aria-labelledby="report-analyses-title" data-testid="report-analyses">
      <h2 id="report-analyses-title">{t('reportPage.analyses')}</h2>
      {analyses.kind === 'running' && <p className="muted" role="status">{t('reportPage.running')}</p>}
      {analyses.kind === 'failed' && <p className="field-error" role="alert">{analyses.message}</p>}
      {analyses.kind === 'ready' && (
        <>
          {analyses.prepared.models.length === 0 && <p className="muted">{t('reportPage.noModel')}</p>}
          {analyses.prepared.models.map((m) => (
            <div key={m.id} className="report-model">
              <div className="report-model-title" data-user-content>{m.title}</div>
              <ul className="report-runs">
                {m.runs.map((r) => (
                  <li key={r.kind}>
                    {t(`run.kind.${r.kind}`)}: {r.source === 'stored' ? t('reportPage.storedRun', { label: r.label }) : t('reportPage.computedNow')}
                    {r.iterations !== null ? t('reportPage.drawsSeed', { n: fmt.number(r.iterations, 0), seed: r.seed ?? '—' }) : ''}
                  </li>
                ))}
                {m.problems.map((p) => {
                  // A translated problem loses the place the engine's message starts with: it is put back in front.
                  const problem = describeProblem(p, t, fmt);
                  const location = p.params?.location;
                  return <li key={p.kind} className="field-error">{t(`run.kind.${p.kind}`)}: {problem !== p.message && location ? `${location}: ${problem}` : problem}</li>;
                })}
              </ul>
            </div>
          ))}
          {analyses.prepared.problems.map((p) => (
            <p key={p} className="field-error">{p}</p>
          ))}
        </>
      )}
      {unresolved.map((u) => (
        <p key={u} className="field-hint">{u}</p>
      ))}
      <div className="report-psa-settings">
        <div className="field">
          <label className="field-label" htmlFor="report-draws">{t('reportPage.psaDraws')}</label>
          <input id="report-draws" className="input" inputMode="numeric" value={draws} aria-invalid={!drawsValid || undefined} onChange={(e) => setDraws(e.target.value)} data-testid="report-draws" />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="report-seed">{t('reportPage.seed')}</label>
          <input id="report-seed" className="input" inputMode="numeric" value={seedText} aria-invalid={!seedValid || undefined} onChange={(e) => setSeedText(e.target.value)} data-testid="report-seed" />
        </div>
        <button type="button" className="btn btn-sm" disabled={!drawsValid || !seedValid || analyses.kind === 'running'} onClick={apply} data-testid="report-rerun">{t('reportPage.rerun')}</button>
      </div>
    </section>
  );
}
