// The models the app knows: the bundled examples (imported at build time from resources/examples) and the files the
// user opened in this session (kept in memory, not in the workspace database).
import { useSyncExternalStore } from 'react';

export interface ModelEntry {
  id: string;
  title: string;
  description: string;
  /** "markov", "psm", "tree" or what the file says. */
  type: string;
  strategies: number;
  parameters: number;
  hasBudgetImpact: boolean;
  origin: 'example' | 'file';
  fileName: string;
  /** The parsed JSON, not yet validated (the engine worker validates it). */
  json: unknown;
}

// Model files only: resources/examples also holds the example dossier file (*.htad.json).
const exampleFiles = import.meta.glob<unknown>(['../../../resources/examples/*.json', '!../../../resources/examples/*.htad.json'], { eager: true, import: 'default' });

function record(x: unknown): Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
}

function text(x: unknown): string {
  return typeof x === 'string' ? x : '';
}

/** What the list shows about a file, read defensively (the file may be invalid). */
export function describeModelJson(id: string, fileName: string, origin: ModelEntry['origin'], json: unknown): ModelEntry {
  const root = record(json);
  const metadata = record(root.metadata);
  return {
    id,
    title: text(metadata.title) || fileName,
    description: text(metadata.description),
    type: text(record(root.model).type) || 'unknown',
    strategies: Array.isArray(root.strategies) ? root.strategies.length : 0,
    parameters: Array.isArray(root.parameters) ? root.parameters.length : 0,
    hasBudgetImpact: root.budgetImpact !== undefined,
    origin,
    fileName,
    json,
  };
}

function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}

/** The id of a bundled example: its file name without ".json". */
export function exampleIdOf(path: string): string {
  return baseName(path).replace(/\.json$/i, '');
}

export const exampleModels: readonly ModelEntry[] = Object.entries(exampleFiles)
  .map(([path, json]) => describeModelJson(exampleIdOf(path), baseName(path), 'example', json))
  .sort((a, b) => a.title.localeCompare(b.title));

/** The bundled model a dossier's model link points to ("resources/examples/x.json" → "x"), or null. */
export function exampleIdForRef(ref: string): string | null {
  const id = exampleIdOf(ref.trim());
  return exampleModels.some((m) => m.id === id) ? id : null;
}

// ---- models opened from files in this session ----
let opened: readonly ModelEntry[] = [];
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function slug(name: string): string {
  return name.toLowerCase().replace(/\.json$/, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'model';
}

/** Keeps a model the user opened (in memory) and returns its entry; ids never clash with examples or each other. */
export function addOpenedModel(fileName: string, json: unknown): ModelEntry {
  const taken = new Set([...exampleModels, ...opened].map((m) => m.id));
  let id = `file-${slug(fileName)}`;
  for (let n = 2; taken.has(id); n++) id = `file-${slug(fileName)}-${n}`;
  const entry = describeModelJson(id, fileName, 'file', json);
  opened = [...opened, entry];
  listeners.forEach((l) => l());
  return entry;
}

export function removeOpenedModel(id: string): void {
  opened = opened.filter((m) => m.id !== id);
  listeners.forEach((l) => l());
}

export function useOpenedModels(): readonly ModelEntry[] {
  return useSyncExternalStore(subscribe, () => opened);
}

export function findModel(id: string, openedModels: readonly ModelEntry[]): ModelEntry | null {
  return exampleModels.find((m) => m.id === id) ?? openedModels.find((m) => m.id === id) ?? null;
}

export const modelTypeLabels: Record<string, string> = {
  markov: 'Markov cohort',
  psm: 'Partitioned survival',
  tree: 'Decision tree',
};

/** "Decision tree + cohort models" for a tree with sub-models, else the type's name. */
export function modelTypeLabel(entry: Pick<ModelEntry, 'type' | 'json'>): string {
  if (entry.type === 'tree' && Object.keys(record(record(record(entry.json).model).submodels)).length > 0) return 'Decision tree + cohort models';
  return modelTypeLabels[entry.type] ?? entry.type;
}
