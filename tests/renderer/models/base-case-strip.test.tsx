// @vitest-environment jsdom
// The base-case strip reads "7.991 life-years" (the effect inside a phrase, lower case as elsewhere), not
// "7.991 Life-years", in every display language.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HtaModel } from '../../../src/engine/model/schema';
import { BaseCaseStrip } from '../../../src/renderer/models/model-view';
import { SettingsProvider } from '../../../src/renderer/settings/settings-context';

const model = { settings: { currency: 'GBP', effect: 'life-years' } } as unknown as HtaModel;
const evaluation = {
  updating: false,
  baseCase: { outcome: { ok: true, effect: 'life-years', incremental: [{ id: 'mono', label: 'Monotherapy', cost: 44663, effect: 7.991, status: 'reference', icer: null }] } },
} as never;

function storageIn(language: string) {
  const stored = JSON.stringify({ displayLanguage: language });
  return { getItem: () => stored, setItem: () => undefined };
}

describe('BaseCaseStrip', () => {
  afterEach(cleanup);

  it.each([
    ['en', 'life-years'],
    ['fr-BE', 'années de vie'],
    ['nl-BE', 'levensjaren'],
  ])('words the effect in lower case mid-phrase (%s)', (language, noun) => {
    render(<SettingsProvider storage={storageIn(language)}>{() => <BaseCaseStrip model={model} evaluation={evaluation} />}</SettingsProvider>);
    const values = screen.getByTestId('strip-item').querySelector('.strip-values')!.textContent!;
    expect(values).toMatch(new RegExp(`7[.,]991 ${noun}$`));
  });
});
