import { useRef, useState } from 'react';
import type { KeyboardEvent, Ref } from 'react';
import { diagramNumber } from '../../diagram/diagram-graph';
import { treeChildren } from '../../diagram/tree-graph';
import type { MessageKey, Translate } from '../../report/i18n/translate';
import type { NumberFormats } from '../../report/format';
import { useLanguage } from '../i18n/language';
import { describeProblem } from '../../report/engine-problems';
import * as edits from '../../engine/model/structure-edits';
import type { NodePath } from '../../engine/model/structure-edits';
import type { TreeNode } from '../../engine/tree/tree-schema';
import { DiagnosticSteps } from './diagnostic-editor';
import { modelField, readExpressionInput, timeUnitWord } from './structure-fields';
import type { StructureEditorProps } from './structure-editor';

// The decision tree as an outline (a WAI-ARIA tree: Up/Down move, Right opens or goes to the first child, Left
// closes or goes to the parent, Home/End, Enter edits the node's label) with the chosen node's fields beside it:
// kind, id, label, branch probability, one-off cost and QALYs, time, the sub-model a terminal enters; branches are
// added, removed and moved with buttons or under another parent; diagnostic constructs edit their test sequence.

type Json = Record<string, unknown>;
const rec = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});

interface Row {
  path: NodePath;
  key: string;
  node: TreeNode;
  depth: number;
  edge: string;
  hasChildren: boolean;
}

/** A diagnostic outcome's name (truePositive → "True positive") in the display language. */
function outcomeWord(key: string, t: Translate): string {
  const messageKey = `structure.outcome.${key}` as MessageKey;
  const word = t(messageKey);
  return word === messageKey ? key : word;
}

function flatten(root: TreeNode, closed: ReadonlySet<string>, t: Translate): Row[] {
  const rows: Row[] = [];
  const walk = (node: TreeNode, path: NodePath, depth: number, edge: string) => {
    const key = ['root', ...path].join('.');
    const children = treeChildren(node);
    rows.push({ path, key, node, depth, edge, hasChildren: children.length > 0 });
    if (closed.has(key)) return;
    for (const c of children) {
      const k = node.kind === 'diagnostic' ? c.key : Number(c.key);
      walk(c.node, [...path, k], depth + 1, node.kind === 'diagnostic' ? outcomeWord(c.key, t) : '');
    }
  };
  walk(root, [], 0, '');
  return rows;
}

/** A node's place as validation names it: model.root.branches[1].outcomes.truePositive … */
function pathPrefix(path: NodePath): string {
  return `model.root${path.map((k) => (typeof k === 'number' ? `.branches[${k}]` : `.outcomes.${k}`)).join('')}`;
}

function pathProblem(issues: StructureEditorProps['issues'], path: NodePath, t: Translate, fmt: NumberFormats): string | undefined {
  const prefix = pathPrefix(path);
  const hit = issues.find((i) => i.path === prefix || i.path.startsWith(`${prefix}.`) && !i.path.slice(prefix.length).includes('branches') && !i.path.slice(prefix.length).includes('outcomes'));
  return hit ? describeProblem(hit, t, fmt) : undefined;
}

export function TreeEditor({ document, issues, values, readOnly, apply }: StructureEditorProps) {
  const { t, fmt } = useLanguage();
  const m = rec(document.model);
  const root = m.root as TreeNode;
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState('root');
  const list = useRef<HTMLUListElement>(null);
  const labelInput = useRef<HTMLInputElement>(null);
  const rows = flatten(root, closed, t);
  const index = Math.max(0, rows.findIndex((r) => r.key === selected));
  const row = rows[index]!;
  const submodels = Object.keys(rec(m.submodels));
  const categories = ((document.costCategories as Json[] | undefined) ?? []).map((c) => String(c.id));

  const focusRow = (key: string) => {
    setSelected(key);
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus());
  };
  const toggle = (key: string, open: boolean) => {
    const next = new Set(closed);
    if (open) next.delete(key);
    else next.add(key);
    setClosed(next);
  };
  const onKey = (event: KeyboardEvent) => {
    const go = (i: number) => focusRow(rows[Math.max(0, Math.min(rows.length - 1, i))]!.key);
    const actions: Record<string, () => void> = {
      ArrowDown: () => go(index + 1),
      ArrowUp: () => go(index - 1),
      Home: () => go(0),
      End: () => go(rows.length - 1),
      ArrowRight: () => (row.hasChildren && closed.has(row.key) ? toggle(row.key, true) : row.hasChildren ? go(index + 1) : undefined),
      ArrowLeft: () => {
        if (row.hasChildren && !closed.has(row.key)) toggle(row.key, false);
        else if (row.path.length > 0) focusRow(['root', ...row.path.slice(0, -1)].join('.'));
      },
      Enter: () => labelInput.current?.focus(),
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };
  const node = row.node;
  const parent = row.path.length > 0 ? rows.find((r) => r.key === ['root', ...row.path.slice(0, -1)].join('.'))?.node : undefined;
  const isBranch = typeof row.path[row.path.length - 1] === 'number';
  const set = (field: Parameters<typeof edits.setNodeField>[2], text: string) => apply((d) => edits.setNodeField(d, row.path, field, field === 'label' || field === 'id' || field === 'submodel' ? (text.trim() === '' ? null : text.trim()) : readExpressionInput(text)), `node:${row.key}:${field}`);
  const problem = pathProblem(issues, row.path, t, fmt);
  const strategyId = row.path.length > 0 && typeof row.path[0] === 'number' ? (root.branches?.[row.path[0]]?.id ?? undefined) : undefined;
  const probValue = node.probability !== undefined && node.probability !== 'C' && values ? values.value(node.probability, strategyId) : null;

  return (
    <section className="card" aria-labelledby="tree-editor-title" data-testid="tree-editor">
      <div className="card-header">
        <h2 id="tree-editor-title">{t('models.type.tree')}</h2>
        <span className="subtle">{t('structure.treeHint')}</span>
      </div>
      <div className="card-body tree-editor">
        <ul className="tree-outline" role="tree" aria-label={t('structure.treeNodes')} ref={list} data-testid="tree-outline">
          {rows.map((r) => (
            <li
              key={r.key}
              role="treeitem"
              aria-level={r.depth + 1}
              aria-selected={r.key === row.key}
              aria-expanded={r.hasChildren ? !closed.has(r.key) : undefined}
              tabIndex={r.key === row.key ? 0 : -1}
              data-key={r.key}
              className={`tree-row${r.key === row.key ? ' selected' : ''}${pathProblem(issues, r.path, t, fmt) ? ' has-error' : ''}`}
              style={{ paddingLeft: 8 + r.depth * 18 }}
              onClick={() => focusRow(r.key)}
              onKeyDown={r.key === row.key ? onKey : undefined}
              data-testid={`tree-node-${r.key}`}
            >
              {r.hasChildren ? <span aria-hidden="true" className="tree-twisty">{closed.has(r.key) ? '▸' : '▾'}</span> : <span aria-hidden="true" className="tree-twisty" />}
              <span className={`tree-kind tree-kind-${r.node.kind}`} aria-hidden="true" />
              {r.edge && <span className="subtle">{r.edge}: </span>}
              <span>{r.node.label ?? r.node.id ?? r.node.kind}</span>
              {r.node.probability !== undefined && <span className="subtle mono"> · {String(r.node.probability)}</span>}
              {r.node.submodel && <span className="subtle"> → {r.node.submodel}</span>}
            </li>
          ))}
        </ul>
        <div key={row.key} className="tree-node-form" data-testid="tree-node-form">
          <h3>{node.label ?? node.id ?? node.kind}</h3>
          {problem && <p className="field-error" role="alert">{problem}</p>}
          <div className="settings-form">
            {node.kind !== 'diagnostic' && (
              <label className="setting-field">
                <span>{t('structure.kind')}</span>
                <select className="select" value={node.kind} disabled={readOnly || row.path.length === 0} onChange={(e) => apply((d) => edits.setNodeKind(d, row.path, e.target.value as 'chance' | 'decision' | 'terminal'))} data-testid="node-kind">
                  <option value="chance">{t('structure.kind.chance')}</option>
                  <option value="decision">{t('structure.kind.decision')}</option>
                  <option value="terminal">{t('structure.kind.terminal')}</option>
                </select>
              </label>
            )}
            <Field label={t('structure.id')} value={node.id ?? ''} onCommit={(typed) => set('id', typed)} readOnly={readOnly} testId="node-id" />
            <Field label={t('structure.label')} value={node.label ?? ''} onCommit={(typed) => set('label', typed)} readOnly={readOnly} testId="node-label" inputRef={labelInput} />
            {parent?.kind === 'chance' && isBranch && <Field label={probValue !== null ? t('structure.probabilityValue', { value: diagramNumber(probValue, fmt) }) : t('structure.probability')} value={String(node.probability ?? '')} onCommit={(typed) => set('probability', typed)} readOnly={readOnly} testId="node-probability" />}
            {categories.map((c) => <Field key={c} label={t('structure.costColumn', { category: c })} value={String(node.costs?.[c] ?? '')} onCommit={(typed) => apply((d) => edits.setNodeCost(d, row.path, c, readExpressionInput(typed)))} readOnly={readOnly} testId={`node-cost-${c}`} />)}
            <Field label={t('structure.qalys')} value={String(node.qalys ?? '')} onCommit={(typed) => set('qalys', typed)} readOnly={readOnly} testId="node-qalys" />
            <Field label={t('structure.time', { unit: timeUnitWord(String(m.timeUnit ?? 'day'), t) })} value={String(node.time ?? '')} onCommit={(typed) => set('time', typed)} readOnly={readOnly} testId="node-time" />
            {node.kind === 'terminal' && (
              <label className="setting-field">
                <span>{t('structure.entersSubmodel')}</span>
                <select className="select" value={node.submodel ?? ''} disabled={readOnly} onChange={(e) => set('submodel', e.target.value)} data-testid="node-submodel">
                  <option value="">{t('structure.noSubmodel')}</option>
                  {submodels.map((s) => <option key={s} value={s}>{s}</option>)}
                </select>
              </label>
            )}
            {node.kind === 'diagnostic' && <Field label={t('structure.prevalence')} value={String(node.prevalence ?? '')} onCommit={(typed) => set('prevalence', typed)} readOnly={readOnly} testId="node-prevalence" />}
          </div>
          {node.kind === 'diagnostic' && <DiagnosticSteps document={document} issues={issues} values={values} readOnly={readOnly} apply={apply} path={row.path} steps={node.steps ?? []} problemPrefix={pathPrefix(row.path)} />}
          {isBranch && row.path.length >= 2 && !readOnly && <MoveTo document={document} path={row.path} apply={apply} onMoved={(to) => setSelected(['root', ...to].join('.'))} />}
          {!readOnly && (
            <div className="btn-group">
              {(node.kind === 'chance' || node.kind === 'decision') && <button type="button" className="btn btn-sm" onClick={() => apply((d) => edits.addBranch(d, row.path, row.path.length === 0 ? { kind: 'terminal', id: `strategy_${(node.branches?.length ?? 0) + 1}`, label: t('structure.newStrategy') } : { kind: 'terminal', ...(node.kind === 'chance' ? { probability: 0 } : {}) }))} data-testid="node-add-branch">{t('structure.addBranch')}</button>}
              {isBranch && <button type="button" className="btn btn-sm" onClick={() => { apply((d) => edits.moveNode(d, row.path, -1)); }} aria-label={t('structure.branchUp')} data-testid="node-up">↑</button>}
              {isBranch && <button type="button" className="btn btn-sm" onClick={() => { apply((d) => edits.moveNode(d, row.path, 1)); }} aria-label={t('structure.branchDown')} data-testid="node-down">↓</button>}
              {isBranch && <button type="button" className="btn btn-sm danger-text" onClick={() => { apply((d) => edits.removeNode(d, row.path)); setSelected(['root', ...row.path.slice(0, -1)].join('.')); }} data-testid="node-remove">{t('structure.removeBranch')}</button>}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}

function Field({ label, value, onCommit, readOnly, testId, inputRef }: { label: string; value: string; onCommit: (t: string) => void; readOnly: boolean; testId: string; inputRef?: Ref<HTMLInputElement> }) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft !== value) onCommit(draft);
    setDraft(null);
  };
  return (
    <label className="setting-field">
      <span>{label}</span>
      <input
        ref={inputRef}
        className="input"
        value={draft ?? value}
        readOnly={readOnly}
        {...modelField(draft !== null && draft !== value)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            setDraft(null);
          }
        }}
        data-testid={testId}
      />
    </label>
  );
}

/** Moves the chosen branch with its subtree under another chance or decision node (a keyboard-usable "drag"). */
function MoveTo({ document, path, apply, onMoved }: { document: StructureEditorProps['document']; path: NodePath; apply: StructureEditorProps['apply']; onMoved: (to: NodePath) => void }) {
  const { t } = useLanguage();
  const root = rec(document.model).root as TreeNode;
  const targets = edits.moveTargets(document, path);
  const [choice, setChoice] = useState('');
  if (targets.length === 0) return null;
  const nodeAt = (p: NodePath): TreeNode => p.reduce<TreeNode>((n, k) => (typeof k === 'number' ? n.branches![k]! : (n.outcomes as Record<string, TreeNode>)[k]!), root);
  const describe = (p: NodePath) => {
    const names = p.map((k, i) => {
      const n = nodeAt(p.slice(0, i + 1));
      const name = n.label ?? n.id ?? n.kind;
      return typeof k === 'string' ? `${outcomeWord(k, t)}: ${name}` : name;
    });
    return names.join(' › ');
  };
  const chosen = targets.find((t) => t.join('.') === choice);
  return (
    <div className="move-to inline-field">
      <label className="inline-field">
        <span>{t('structure.moveUnder')}</span>
        <select className="select" value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="node-move-target">
          <option value="">{t('structure.chooseNode')}</option>
          {targets.map((t) => <option key={t.join('.')} value={t.join('.')}>{describe(t)}</option>)}
        </select>
      </label>
      <button
        type="button"
        className="btn btn-sm"
        disabled={!chosen}
        onClick={() => {
          if (!chosen) return;
          const parentNode = nodeAt(chosen);
          apply((d) => edits.moveNodeTo(d, path, chosen));
          // Appended as the last branch; the parent's path is unchanged unless it came after the moved node among
          // the same siblings, where removing the original shifts it one place up.
          const to = [...chosen];
          const depth = path.length - 1;
          if (to.length > depth && path.slice(0, depth).every((k, i) => to[i] === k) && typeof to[depth] === 'number' && (to[depth] as number) > (path[depth] as number)) to[depth] = (to[depth] as number) - 1;
          onMoved([...to, parentNode.branches?.length ?? 0]);
          setChoice('');
        }}
        data-testid="node-move"
      >
        {t('structure.move')}
      </button>
    </div>
  );
}
