import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import { diagramParts, diagramValues, drawModelDiagram } from '../../diagram/model-diagram';
import { defaultCollapsed, treeChildren } from '../../diagram/tree-graph';
import type { HtaModel, TreeModel } from '../../engine/model/schema';
import type { TreeNode } from '../../engine/tree/tree-schema';
import { svgToPng } from '../charts/chart-export';
import '../charts/charts.css';
import { mimeTypes, useExports } from '../exports/export-context';
import { ExportMenu } from '../exports/export-menu';
import { formatPercent } from '../settings/display-format';
import { useLanguage } from '../i18n/language';
import { ScrollRegion } from '../ui/scroll-region';
import type { CurvePlot } from '../../diagram/diagram-graph';

// The model's structure diagram on screen: the same SVG the reports print (src/diagram), with a choice of part
// (a tree's sub-models), folding of tree subtrees (click or Enter/Space on a node's fold button), SVG/PNG export
// and the table of arrows for screen readers.

function allFoldable(root: TreeNode): Set<string> {
  const out = new Set<string>();
  const walk = (node: TreeNode, id: string, depth: number) => {
    for (const { key, node: child } of treeChildren(node)) {
      const childId = `${id}.${key}`;
      if (treeChildren(child).length > 0) out.add(childId);
      walk(child, childId, depth + 1);
    }
  };
  walk(root, 'root', 0);
  return out;
}

export function StructureDiagramView({ model }: { model: HtaModel }) {
  const id = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const { t, fmt } = useLanguage();
  const parts = useMemo(() => diagramParts(model, t), [model, t]);
  const [part, setPart] = useState('model');
  const activePart = parts.some((p) => p.key === part) ? part : 'model';
  const root = model.model.type === 'tree' ? (model.model as TreeModel).root : null;
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => (root ? defaultCollapsed(root) : new Set()));
  const values = useMemo(() => diagramValues(model), [model]);
  const drawn = useMemo(() => drawModelDiagram(model, `diagram-${id}`, { part: activePart, collapsed, values, interactive: true, t, fmt }), [model, id, activePart, collapsed, values, t, fmt]);
  const canvas = useRef<HTMLDivElement>(null);
  const refocus = useRef<string | null>(null);
  const exports = useExports();
  const isTree = root !== null && activePart === 'model';
  // Diagrams up to about a screen wide fit its width; larger ones (big trees) start at their actual size and scroll,
  // so their text stays readable. The button switches.
  const [fitChoice, setFit] = useState<boolean | null>(null);

  useEffect(() => {
    if (!refocus.current) return;
    canvas.current?.querySelector<SVGElement>(`[data-fold="${CSS.escape(refocus.current)}"]`)?.focus();
    refocus.current = null;
  }, [drawn]);

  const toggle = (nodeId: string) => {
    refocus.current = nodeId;
    setCollapsed((c) => {
      const next = new Set(c);
      if (next.has(nodeId)) next.delete(nodeId);
      else next.add(nodeId);
      return next;
    });
  };
  const onClick = (event: MouseEvent) => {
    const fold = (event.target as Element).closest('[data-fold]');
    if (fold) toggle(fold.getAttribute('data-fold')!);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const fold = (event.target as Element).closest('[data-fold]');
    if (fold && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      toggle(fold.getAttribute('data-fold')!);
    }
  };
  const fit = fitChoice ?? (drawn === null || drawn.width <= 1400);
  const title = parts.find((p) => p.key === activePart)?.title ?? t('structure.diagram');
  const picture = () => drawModelDiagram(model, 'diagram', { part: activePart, collapsed, values, title, t, fmt })!;

  return (
    <figure className="chart structure-diagram" aria-labelledby={`${id}-title`} data-testid="structure-diagram">
      <figcaption className="chart-caption">
        <div className="chart-caption-text">
          <h3 id={`${id}-title`}>{t('structure.diagram')}</h3>
          <p className="subtle">{drawn?.description}</p>
        </div>
        <div className="btn-group">
          {parts.length > 1 && (
            <label className="inline-field">
              <span>{t('structure.show')}</span>
              <select className="select" value={activePart} onChange={(e) => setPart(e.target.value)} data-testid="diagram-part">
                {parts.map((p) => <option key={p.key} value={p.key}>{p.title}</option>)}
              </select>
            </label>
          )}
          <button type="button" className="btn btn-sm" aria-pressed={!fit} onClick={() => setFit(!fit)} data-testid="diagram-fit">{fit ? t('structure.actualSize') : t('structure.fitWidth')}</button>
          {isTree && (
            <>
              <button type="button" className="btn btn-sm" onClick={() => setCollapsed(new Set())} data-testid="diagram-expand-all">{t('structure.expandAll')}</button>
              <button type="button" className="btn btn-sm" onClick={() => setCollapsed(allFoldable(root))} data-testid="diagram-collapse-all">{t('structure.collapseAll')}</button>
            </>
          )}
          {exports && drawn && (
            <ExportMenu
              label={t('structure.exportDiagram')}
              testId="diagram-export"
              choices={[
                { label: t('structure.diagramSvg'), testId: 'diagram-export-svg', onSelect: () => exports.save(exports.fileName(title, 'svg'), () => picture().svg, mimeTypes.svg) },
                { label: t('structure.diagramPng'), testId: 'diagram-export-png', onSelect: () => exports.save(exports.fileName(title, 'png'), () => svgToPng(picture()), mimeTypes.png) },
              ]}
            />
          )}
        </div>
      </figcaption>
      {drawn ? (
        // The SVG is made by our own code from the model (text escaped by src/diagram/svg-markup.ts).
        <div className={`diagram-canvas${fit ? ' fit' : ''}`} ref={canvas} onClick={onClick} onKeyDown={onKeyDown} data-testid="diagram-canvas" dangerouslySetInnerHTML={{ __html: drawn.svg }} />
      ) : (
        <p className="empty">{t('structure.nothingToDraw')}</p>
      )}
      {drawn && (
        <details className="chart-data">
          <summary>{t('structure.dataTable')}</summary>
          {/* A long table scrolls in its box: then it is a labelled region a keyboard user can scroll. */}
          <ScrollRegion className="chart-data-body" label={t('charts.dataTableOf', { title })} vertical>
            <table className="table chart-table">
              <caption className="visually-hidden">{t('structure.arrows', { title })}</caption>
              <thead>
                <tr>{(model.model.type === 'psm' && activePart === 'model' ? [t('report.methods.curve'), t('structure.col.defines'), t('structure.col.distribution')] : [t('structure.col.from'), t('structure.col.to'), t('structure.probability')]).map((h) => <th key={h} scope="col">{h}</th>)}</tr>
              </thead>
              <tbody>
                {drawn.rows.map((r, i) => <tr key={i}>{r.map((c, k) => (k === 0 ? <th key={k} scope="row">{c}</th> : <td key={k}>{c}</td>))}</tr>)}
              </tbody>
            </table>
            {drawn.plots.length > 0 && <CurveTable plots={drawn.plots} />}
          </ScrollRegion>
        </details>
      )}
    </figure>
  );
}

/** The survival plotted in the curve cards, at each whole year of the horizon (the nearest point drawn). */
function CurveTable({ plots }: { plots: readonly { title: string; plot: CurvePlot }[] }) {
  const { t } = useLanguage();
  const xMax = Math.max(...plots.map((p) => p.plot.xMax));
  const years = Array.from({ length: Math.floor(xMax) + 1 }, (_, k) => k);
  const at = (plot: CurvePlot, t: number) => {
    const points = plot.series[0]?.points ?? [];
    let best = points[0];
    for (const p of points) if (best === undefined || Math.abs(p[0] - t) < Math.abs(best[0] - t)) best = p;
    return best === undefined ? Number.NaN : best[1];
  };
  return (
    <table className="table chart-table" data-testid="diagram-curve-table">
      <caption className="table-caption">{t('structure.curveTable')}</caption>
      <thead>
        <tr><th scope="col">{t('structure.year')}</th>{plots.map((p) => <th key={p.title} scope="col" className="num">{p.title}</th>)}</tr>
      </thead>
      <tbody>
        {years.map((year) => <tr key={year}><th scope="row">{year}</th>{plots.map((p) => <td key={p.title} className="num">{formatPercent(at(p.plot, year), 1)}</td>)}</tr>)}
      </tbody>
    </table>
  );
}
