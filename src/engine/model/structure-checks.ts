// Checks that need no expression compiling: duplicate ids and names that clash with the language.
import type { HtaModel } from './schema';
import { COMPLEMENT } from './schema';
import type { ModelIssue } from '../errors';
import { BUILTIN_NAMES } from '../expression/compile';
import { functionNames } from '../expression/functions';

function duplicateIssues(items: { id: string }[], where: string, what: string): ModelIssue[] {
  const first = new Map<string, number>();
  const out: ModelIssue[] = [];
  items.forEach((item, i) => {
    const at = first.get(item.id);
    if (at === undefined) first.set(item.id, i);
    else out.push({ code: 'duplicate-id', severity: 'error', path: [...where.split('.'), i, 'id'], message: `duplicate ${what} id '${item.id}' (first defined at ${where}[${at}])` });
  });
  return out;
}

/** Names of the expression language (model variables, constants, functions, the complement "C"): no parameter or table may take one. */
export function reservedNames(): Set<string> {
  return new Set<string>([...BUILTIN_NAMES, ...functionNames(), COMPLEMENT]);
}

export function structuralIssues(model: HtaModel): ModelIssue[] {
  const issues: ModelIssue[] = [
    ...duplicateIssues(model.parameters, 'parameters', 'parameter'),
    ...duplicateIssues(model.tables, 'tables', 'table'),
    ...duplicateIssues(model.strategies, 'strategies', 'strategy'),
    ...duplicateIssues(model.costCategories, 'costCategories', 'cost category'),
    ...duplicateIssues(model.scenarios, 'scenarios', 'scenario'),
  ];
  if (model.model.type === 'markov') issues.push(...duplicateIssues(model.model.states, 'model.states', 'state'));
  const reserved = reservedNames();
  const tableIds = new Set(model.tables.map((t) => t.id));
  model.parameters.forEach((p, i) => {
    if (reserved.has(p.id)) issues.push({ code: 'reserved-name', severity: 'error', path: ['parameters', i, 'id'], message: `'${p.id}' is a reserved name of the expression language; rename the parameter`, params: { id: p.id, kind: 'parameter', clash: 'language' } });
    else if (tableIds.has(p.id)) issues.push({ code: 'reserved-name', severity: 'error', path: ['parameters', i, 'id'], message: `parameter '${p.id}' has the same name as a table`, params: { id: p.id, kind: 'parameter', clash: 'table' } });
  });
  model.tables.forEach((t, i) => {
    if (reserved.has(t.id)) issues.push({ code: 'reserved-name', severity: 'error', path: ['tables', i, 'id'], message: `'${t.id}' is a reserved name of the expression language; rename the table`, params: { id: t.id, kind: 'table', clash: 'language' } });
  });
  return issues;
}
