// A distribution in a comma-decimal language separates its arguments with the language's semicolon, never with the
// comma that is also the decimal mark ("Uniform(0,5, 1,5)" read as three numbers): the screens' parameter table,
// the edit history, the report's parameter table (HTML, PDF and Word are drawn from it) and the spreadsheet's
// Inputs sheet use the one helper.
import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../src/engine/model/schema';
import { buildReport } from '../../src/report/build-report';
import { allBlocks } from '../../src/report/document';
import { renderReportBody } from '../../src/report/html/render-html';
import { formatsFor } from '../../src/report/format';
import { translator } from '../../src/report/i18n/translate';
import { describeValue } from '../../src/report/model-changes';
import { describeDistribution } from '../../src/report/model-description';
import type { ReportInput } from '../../src/report/report-input';
import { workbookContent } from '../../src/report/xlsx/workbook-content';
import { exampleInput } from './report-fixture';

const spaces = (s: string) => s.replace(/[\u00a0\u202f]/gu, ' ');
const words = (locale: 'en' | 'fr-BE' | 'nl-BE', d: Distribution, numbers: 'typed' | 'grouped' = 'typed') => spaces(describeDistribution(d, formatsFor(locale), translator(locale), numbers));

describe('distribution arguments in comma-decimal languages', () => {
  it('uses a semicolon in French and Dutch and a comma in English', () => {
    const uniform: Distribution = { type: 'uniform', min: 0.5, max: 1.5 };
    expect(words('en', uniform)).toBe('Uniform(0.5, 1.5)');
    expect(words('fr-BE', uniform)).toBe('Uniforme(0,5 ; 1,5)');
    expect(words('nl-BE', uniform)).toBe('Uniform(0,5; 1,5)');
    expect(words('fr-BE', { type: 'triangular', min: 0.5, mode: 1, max: 1.5 })).toBe('Triangulaire(0,5 ; 1 ; 1,5)');
    expect(words('nl-BE', { type: 'beta', alpha: 0.5, beta: 1.5 })).toBe('Beta(α = 0,5; β = 1,5)');
    expect(words('fr-BE', { type: 'lognormal', meanlog: -0.5, sdlog: 0.25 })).toBe('Log-normale(μ = −0,5 ; σ = 0,25)');
    expect(words('fr-BE', { type: 'gamma', mean: 1.5, se: 0.5 })).toBe('Gamma(moyenne 1,5 ; ET 0,5)');
    expect(words('nl-BE', { type: 'gamma', shape: 1.5, rate: 0.5 })).toBe('Gamma(vorm 1,5; snelheid 0,5)');
    expect(words('fr-BE', { type: 'gamma', shape: 1.5, scale: 0.5 })).toBe('Gamma(forme 1,5 ; échelle 0,5)');
    expect(words('fr-BE', { type: 'normal', mean: 0.5, sd: 0.1, lower: 0, upper: 1.5 })).toBe('Normale(moyenne 0,5 ; ÉT 0,1) dans [0 ; 1,5]');
    expect(words('en', { type: 'normal', mean: 0.5, sd: 0.1, lower: 0, upper: 1.5 })).toBe('Normal(mean 0.5, SD 0.1) in [0, 1.5]');
    // Grouped for readers (the screens' parameter table) the same way.
    expect(words('fr-BE', { type: 'uniform', min: 1500.5, max: 2500 }, 'grouped')).toBe('Uniforme(1 500,5 ; 2 500)');
  });

  it('keeps the French semicolon off the start of a line (a no-break space before it)', () => {
    expect(describeDistribution({ type: 'uniform', min: 0.5, max: 1.5 }, formatsFor('fr-BE'), translator('fr-BE'))).toBe('Uniforme(0,5\u202f; 1,5)');
  });

  it('agrees with the edit history and with the report\'s parameter table in French and Dutch', () => {
    const distribution: Distribution = { type: 'uniform', min: 0.5, max: 1.5 };
    for (const locale of ['fr-BE', 'nl-BE'] as const) {
      const history = describeValue(distribution as never, 'uncertainty.distribution', formatsFor(locale), translator(locale));
      expect(history).toBe(describeDistribution(distribution, formatsFor(locale), translator(locale), 'grouped'));
    }
    const input = structuredClone(exampleInput()) as ReportInput;
    const parameter = input.models[0]!.model.parameters[0]!;
    parameter.uncertainty = { ...parameter.uncertainty, distribution };
    for (const [locale, expected] of [['fr-BE', 'Uniforme(0,5 ; 1,5)'], ['nl-BE', 'Uniform(0,5; 1,5)'], ['en', 'Uniform(0.5, 1.5)']] as const) {
      const doc = buildReport(input, { profile: 'full', locale });
      const cells = allBlocks(doc).flatMap((b) => (b.kind === 'table' ? b.rows.flatMap((r) => r.cells.map(String)) : []));
      expect(cells.map(spaces)).toContain(expected);
      expect(spaces(renderReportBody(doc))).toContain(expected);
      // The spreadsheet's Inputs sheet writes the same text.
      const inputs = workbookContent(input, doc)[1]!.blocks[0]!;
      const column = inputs.columns.findIndex((c) => c.header === (locale === 'en' ? 'Distribution' : translator(locale)('xlsx.Distribution')));
      expect(inputs.rows.map((r) => spaces(String(r[column]))), locale).toContain(expected);
    }
  });
});
