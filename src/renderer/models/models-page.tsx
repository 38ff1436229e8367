import { useRef, useState } from 'react';
import { routeHash } from '../app/routes';
import { readJsonText } from '../../dossier/json-text';
import { formatPath } from '../../engine/errors';
import { MAX_MODEL_JSON_DEPTH } from '../../engine/model/limits';
import { ProblemsDialog } from '../dossiers/problems-dialog';
import { usePlatform } from '../platform/platform-context';
import { UploadIcon } from '../ui/icons';
import { useToasts } from '../ui/toasts';
import { MODEL_CHECK_TIMEOUT_MS, checkModelInWorker } from '../workers/file-jobs';
import { WorkerStoppedError } from '../workers/one-shot-worker';
import { addOpenedModel, exampleModels, modelTypeLabel, removeOpenedModel, useOpenedModels } from './model-catalog';
import type { ModelEntry } from './model-catalog';
import './models.css';

// The Models screen: bundled example models and the model files opened in this session. Opening a file validates
// it in a worker of its own, with a time limit and a Cancel button (the worker is terminated, so a pathological
// file cannot keep the screen waiting); an invalid file shows every located problem and is not added.

export const modelFileTypes = [{ name: 'HTA Workbench model', extensions: ['json'] }];
export const maxModelBytes = 20 * 1024 * 1024;

interface Problems {
  title: string;
  intro: string;
  problems: { path: string; message: string }[];
}

export function ModelsPage({ onOpen }: { onOpen: (id: string) => void }) {
  const platform = usePlatform();
  const toasts = useToasts();
  const opened = useOpenedModels();
  const [problems, setProblems] = useState<Problems | null>(null);
  const [checking, setChecking] = useState<string | null>(null);
  const cancelCheck = useRef<AbortController | null>(null);

  const openFile = async () => {
    const file = await platform.openFile({ fileTypes: modelFileTypes, maxBytes: maxModelBytes });
    if (!file.opened) {
      if (file.reason !== 'canceled') setProblems({ title: 'The file could not be read', intro: 'HTA Workbench could not read the file you chose.', problems: [{ path: '', message: file.message ?? file.reason }] });
      return;
    }
    // The same reader as dossier import and the CLI: line and column of a syntax error, duplicate keys refused.
    const read = readJsonText(file.content, { maxDepth: MAX_MODEL_JSON_DEPTH });
    if (!read.ok) {
      setProblems({ title: 'This file cannot be opened', intro: `${file.name} is not valid JSON.`, problems: read.problems.map((p) => ({ path: p.path.length > 0 ? formatPath(p.path) : '', message: p.message })) });
      return;
    }
    const json = read.value;
    const controller = new AbortController();
    cancelCheck.current = controller;
    setChecking(file.name);
    try {
      const check = await checkModelInWorker(json, { signal: controller.signal });
      if (!check.valid) {
        setProblems({
          title: 'This model cannot be opened',
          intro: `${file.name} is not a valid HTA Workbench model.`,
          problems: check.issues.map((i) => ({ path: i.path, message: i.severity === 'warning' ? `Warning: ${i.message}` : i.message })),
        });
        return;
      }
      const entry = addOpenedModel(file.name, json);
      toasts.show({ message: `Opened “${entry.title}”.` });
      onOpen(entry.id);
    } catch (error) {
      if (error instanceof WorkerStoppedError && error.reason === 'cancelled') {
        toasts.show({ message: `Checking ${file.name} was cancelled. The file was not opened.` });
      } else if (error instanceof WorkerStoppedError) {
        setProblems({
          title: 'This model took too long to check',
          intro: `${file.name} was not opened.`,
          problems: [{ path: '', message: `Checking was stopped after ${MODEL_CHECK_TIMEOUT_MS / 1000} seconds. The file may be too large or too deeply nested for HTA Workbench.` }],
        });
      } else {
        toasts.show({ tone: 'error', message: `Checking the model failed: ${error instanceof Error ? error.message : String(error)}` });
      }
    } finally {
      cancelCheck.current = null;
      setChecking(null);
    }
  };

  return (
    <div className="page" data-testid="models-page">
      <div className="page-header">
        <div className="page-title">
          <h1>Models</h1>
          <p>Cost-effectiveness and budget impact models: run the base case, sensitivity analyses and budget impact.</p>
        </div>
        {checking !== null && (
          <div className="check-progress" role="status" data-testid="model-check-progress">
            <span className="subtle">Checking {checking}…</span>
            <button type="button" className="btn" onClick={() => cancelCheck.current?.abort()} data-testid="cancel-model-check">Cancel</button>
          </div>
        )}
        <button type="button" className="btn btn-primary" onClick={() => void openFile()} disabled={checking !== null} data-testid="open-model-file">
          <UploadIcon />
          {checking !== null ? 'Checking…' : 'Open model file…'}
        </button>
      </div>
      <div className="section-stack">
        <ModelTable title="Bundled examples" models={exampleModels} testId="example-models" />
        <ModelTable
          title="Opened in this session"
          models={opened}
          testId="opened-models"
          empty="Models you open from a file appear here. They are kept until you close the app."
          onRemove={(m) => removeOpenedModel(m.id)}
        />
      </div>
      <ProblemsDialog title={problems?.title ?? ''} intro={problems?.intro ?? ''} problems={problems?.problems ?? null} onClose={() => setProblems(null)} />
    </div>
  );
}

function ModelTable({ title, models, testId, empty, onRemove }: { title: string; models: readonly ModelEntry[]; testId: string; empty?: string; onRemove?: (m: ModelEntry) => void }) {
  return (
    <section className="card" aria-labelledby={`${testId}-title`}>
      <div className="card-header">
        <h2 id={`${testId}-title`}>{title}</h2>
        <span className="subtle">{models.length === 1 ? '1 model' : `${models.length} models`}</span>
      </div>
      <div className="card-body flush">
        {models.length === 0 ? (
          <p className="empty">{empty}</p>
        ) : (
          <table className="table table-fixed" data-testid={testId}>
            <colgroup>
              <col />
              <col className="w-model-type" />
              <col className="w-model-count" />
              <col className="w-model-count" />
              <col className="w-model-bia" />
              {onRemove && <col className="w-model-actions" />}
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">Type</th>
                <th scope="col" className="num">Strategies</th>
                <th scope="col" className="num">Parameters</th>
                <th scope="col">Budget impact</th>
                {onRemove && <th scope="col" className="actions"><span className="visually-hidden">Actions</span></th>}
              </tr>
            </thead>
            <tbody>
              {models.map((m) => (
                <tr key={m.id} data-testid="model-row" data-model-id={m.id}>
                  <td className="title-cell">
                    <a href={routeHash({ page: 'model', modelId: m.id, tab: 'model' })} data-testid="open-model">{m.title}</a>
                    <div className="subtle one-line" title={m.description || m.fileName}>{m.description || m.fileName}</div>
                  </td>
                  <td>{modelTypeLabel(m)}</td>
                  <td className="num">{m.strategies}</td>
                  <td className="num">{m.parameters}</td>
                  <td>{m.hasBudgetImpact ? <span className="badge badge-info">Included</span> : <span className="subtle">—</span>}</td>
                  {onRemove && (
                    <td className="actions">
                      <button type="button" className="btn btn-ghost btn-sm" onClick={() => onRemove(m)} aria-label={`Close ${m.title}`}>Close</button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
