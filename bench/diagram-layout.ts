// `npm run bench:diagram`: time to lay out and draw structure diagrams (model → graph → dagre layout → SVG), the
// median of 21 rounds after a warm-up, for the bundled liquid-biopsy tree, the HIV state diagram and a generated
// tree of about 200 nodes (fully expanded). Not a test: timings on a shared machine are noisy.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { diagramGraph, drawModelDiagram } from '../src/diagram/model-diagram';
import { layoutDiagram } from '../src/diagram/layout';
import { parseModel } from '../src/engine/compile-model';
import type { HtaModel } from '../src/engine/model/schema';
import { modelTemplate } from '../src/engine/model/templates';
import { descendantCount } from '../src/diagram/tree-graph';
import { generatedTree } from '../tests/diagram/generated-tree';

const example = (name: string): HtaModel => parseModel(JSON.parse(readFileSync(resolve(__dirname, '..', 'resources', 'examples', name), 'utf8')));

function median(run: () => void, rounds = 21): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(rounds / 2)]!;
}

const base = parseModel(modelTemplate('tree-hybrid')!.create());
const root = generatedTree(200);
const big = { ...base, model: { ...base.model, root } } as HtaModel;
const cases: [string, HtaModel][] = [
  ['liquid-biopsy tree', example('liquid-biopsy-nsclc.json')],
  ['HIV state diagram', example('hiv-chancellor-1997.json')],
  [`generated tree (${1 + descendantCount(root)} nodes)`, big],
];
console.log(`Node ${process.version}, ${new Date().toISOString()}`);
for (const [name, model] of cases) {
  const graph = diagramGraph(model)!;
  const layout = median(() => layoutDiagram(graph));
  const total = median(() => drawModelDiagram(model, 'bench'));
  console.log(`${name}: ${graph.nodes.length} nodes, layout ${layout.toFixed(1)} ms, graph + layout + SVG ${total.toFixed(1)} ms (medians of 21)`);
}
