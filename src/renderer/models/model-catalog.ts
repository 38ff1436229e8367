// The bundled example models (imported at build time from resources/examples): read-only templates that "Use this
// model" copies into the workspace. And what the model lists show about any model document, read defensively
// (a stored document may be invalid while it is being built).
import type { StoredModel } from '../../dossier/workspace-models';
import type { MessageKey, Translate } from '../../report/i18n/translate';

export interface ModelSummary {
  title: string;
  description: string;
  /** "markov", "psm", "tree" or what the document says. */
  type: string;
  strategies: number;
  parameters: number;
  hasBudgetImpact: boolean;
  /** A tree with cohort sub-models. */
  hybrid: boolean;
}

export interface ExampleModel extends ModelSummary {
  /** The file name without ".json". */
  id: string;
  fileName: string;
  document: StoredModel['document'];
}

// Model files only: resources/examples also holds the example dossier file (*.htad.json).
const exampleFiles = import.meta.glob<StoredModel['document']>(['../../../resources/examples/*.json', '!../../../resources/examples/*.htad.json'], { eager: true, import: 'default' });

function record(x: unknown): Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
}

function text(x: unknown): string {
  return typeof x === 'string' ? x : '';
}

export function summariseDocument(json: unknown, fallbackTitle = 'Untitled model'): ModelSummary {
  const root = record(json);
  const metadata = record(root.metadata);
  const structure = record(root.model);
  return {
    title: text(metadata.title) || fallbackTitle,
    description: text(metadata.description),
    type: text(structure.type) || 'unknown',
    strategies: Array.isArray(root.strategies) ? root.strategies.length : 0,
    parameters: Array.isArray(root.parameters) ? root.parameters.length : 0,
    hasBudgetImpact: root.budgetImpact !== undefined,
    hybrid: structure.type === 'tree' && Object.keys(record(structure.submodels)).length > 0,
  };
}

function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}

/** The id of a bundled example: its file name without ".json". */
export function exampleIdOf(path: string): string {
  return baseName(path).replace(/\.json$/i, '');
}

export const exampleModels: readonly ExampleModel[] = Object.entries(exampleFiles)
  .map(([path, document]) => ({ id: exampleIdOf(path), fileName: baseName(path), document: structuredClone(document), ...summariseDocument(document, baseName(path)) }))
  .sort((a, b) => a.title.localeCompare(b.title));

export function findExample(id: string): ExampleModel | null {
  return exampleModels.find((m) => m.id === id) ?? null;
}

/** The bundled model a dossier's model link points to ("resources/examples/x.json" → "x"), or null. */
export function exampleIdForRef(ref: string): string | null {
  const id = exampleIdOf(ref.trim());
  return exampleModels.some((m) => m.id === id) ? id : null;
}

const modelTypeKeys: Record<string, MessageKey> = {
  markov: 'models.type.markov',
  psm: 'models.type.psm',
  tree: 'models.type.tree',
};

/** "Decision tree + cohort models" for a tree with sub-models, else the type's name (in the display language). */
export function modelTypeLabel(summary: Pick<ModelSummary, 'type' | 'hybrid'>, t: Translate): string {
  if (summary.hybrid) return t('models.type.hybrid');
  const key = modelTypeKeys[summary.type];
  return key ? t(key) : summary.type;
}
