// The structure diagrams of a model: the model itself, and for a tree → cohort hybrid each of its sub-models.
// One entry point for the model screen, exports and reports: model → graph → layout → SVG.
import type { HtaModel, MarkovModel, PsmModel, TreeModel } from '../engine/model/schema';
import { structureValues } from '../engine/model/structure-values';
import type { StructureValues } from '../engine/model/structure-values';
import type { CurvePlot, DiagramGraph } from './diagram-graph';
import { layoutDiagram } from './layout';
import { markovGraph } from './markov-graph';
import { psmGraph } from './psm-graph';
import { renderDiagramSvg } from './render-svg';
import { treeGraph } from './tree-graph';

import { translator } from '../report/i18n/translate';
import type { Translate } from '../report/i18n/translate';
import type { NumberFormats } from '../report/format';

export interface DiagramPart {
  /** "model", or "submodel:<id>". */
  key: string;
  title: string;
}

export interface DrawnDiagram {
  svg: string;
  width: number;
  height: number;
  description: string;
  /** From, to, label: the data table that stands for the picture. */
  rows: string[][];
  nodeCount: number;
  /** The survival curves plotted in the cards (partitioned survival), for the data table beside the picture. */
  plots: { title: string; plot: CurvePlot }[];
}

/** The diagrams a model has: its structure, then each sub-model of a tree. */
export function diagramParts(model: HtaModel, t: Translate = translator('en')): DiagramPart[] {
  const type = model.model.type;
  const parts: DiagramPart[] = [{ key: 'model', title: t(type === 'tree' ? 'diagram.part.tree' : type === 'psm' ? 'diagram.part.psm' : 'diagram.part.markov') }];
  if (model.model.type === 'tree') {
    for (const [id, sub] of Object.entries((model.model as TreeModel).submodels)) parts.push({ key: `submodel:${id}`, title: t('diagram.part.submodel', { id, kind: t(sub.type === 'psm' ? 'diagram.kind.psm' : 'diagram.kind.markov') }) });
  }
  return parts;
}

/** Values of the model's expressions, or none when the model cannot be compiled (the diagram then shows expressions only). */
export function diagramValues(model: HtaModel): StructureValues | null {
  try {
    return structureValues(model);
  } catch {
    return null;
  }
}

export interface DiagramOptions {
  /** Which diagram (a key of diagramParts); the model's own by default. */
  part?: string;
  /** Folded tree nodes. */
  collapsed?: ReadonlySet<string>;
  values?: StructureValues | null;
  /** The diagram's language (default English). */
  t?: Translate;
  /** The number formats of that language (default English). */
  fmt?: NumberFormats;
}

export function diagramGraph(model: HtaModel, options: DiagramOptions = {}): DiagramGraph | null {
  const values = options.values === undefined ? diagramValues(model) : options.values;
  const part = options.part ?? 'model';
  const structure = model.model;
  if (part.startsWith('submodel:')) {
    if (structure.type !== 'tree') return null;
    const sub = (structure as TreeModel).submodels[part.slice('submodel:'.length)];
    if (!sub) return null;
    return sub.type === 'markov' ? markovGraph(sub as MarkovModel, values, [], '', options.t, options.fmt) : psmGraph(sub as PsmModel, model, values, model.strategies, '', options.t, options.fmt);
  }
  if (structure.type === 'markov') return markovGraph(structure, values, model.strategies, '', options.t, options.fmt);
  if (structure.type === 'psm') return psmGraph(structure, model, values, model.strategies, '', options.t, options.fmt);
  return treeGraph(model, values, { ...(options.collapsed ? { collapsed: options.collapsed } : {}), ...(options.t ? { t: options.t } : {}), ...(options.fmt ? { fmt: options.fmt } : {}) });
}

/** Draws one diagram of a model as SVG (null when the part does not exist). */
export function drawModelDiagram(model: HtaModel, id: string, options: DiagramOptions & { interactive?: boolean; title?: string } = {}): DrawnDiagram | null {
  const graph = diagramGraph(model, options);
  if (!graph) return null;
  const laid = layoutDiagram(graph);
  const t = options.t ?? translator('en');
  const title = options.title ?? diagramParts(model, t).find((p) => p.key === (options.part ?? 'model'))?.title ?? t('diagram.modelStructure');
  const drawn = renderDiagramSvg(laid, { id, title, interactive: options.interactive ?? false });
  const plots = graph.nodes.flatMap((n) => (n.plot ? [{ title: n.title, plot: n.plot }] : []));
  return { ...drawn, description: graph.description, rows: graph.rows, nodeCount: graph.nodes.length, plots };
}
