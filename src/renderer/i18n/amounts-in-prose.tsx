import type { ReactNode } from 'react';
import type { MessageKey, Translate } from '../../report/i18n/translate';

// A sign before an amount ("−€1,234") is a place a line may break. In prose the named amounts sit in a no-wrap span,
// so sign and amount stay together; the text itself is unchanged (no invisible joiner), so copying an amount gives
// exactly the characters shown. Table cells and axes need none of this (their own layout keeps an amount whole).
const open = '\ue000';
const close = '\ue001';

/** A catalogue message with the placeholders named in `amounts` kept whole on a line. */
export function proseWithAmounts(t: Translate, key: MessageKey, params: Record<string, string | number>, amounts: readonly string[]): ReactNode {
  const marked = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, amounts.includes(name) ? `${open}${name}${close}` : value]));
  const parts = t(key, marked).split(new RegExp(`${open}(\\w+)${close}`, 'u'));
  // split keeps the captured names at odd positions.
  return parts.map((part, i) =>
    i % 2 === 0 ? (
      part
    ) : (
      <span key={i} className="nowrap">
        {String(params[part])}
      </span>
    ),
  );
}
