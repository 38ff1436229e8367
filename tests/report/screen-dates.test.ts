// Screens show one date convention: medium date and time in the reader's time zone (Brussels here), short enough
// for a 190 px column, with the exact instant and its zone for a title; reports keep UTC with "UTC".
process.env.TZ = 'Europe/Brussels';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatsFor } from '../../src/report/format';
import { projectRoot, rendererSourceFiles } from '../renderer-source-files';

const en = formatsFor('en');
const fr = formatsFor('fr-BE');
const nl = formatsFor('nl-BE');
const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('dates on screens', () => {
  it('medium date and time in the reader’s time zone, in each language', () => {
    const at = '2026-12-07T04:30:00.000Z';
    expect(spaces(en.when(at))).toBe('7 Dec 2026, 05:30');
    expect(spaces(fr.when(at))).toBe('7 déc. 2026, 05:30');
    expect(spaces(nl.when(at))).toBe('7 dec 2026, 05:30');
    // Late on New Year's Eve in UTC is already the next year in Brussels.
    expect(spaces(fr.day('2026-12-31T23:30:00.000Z'))).toBe('1 janv. 2027');
    expect(spaces(nl.time('2026-07-01T12:00:05.000Z'))).toBe('14:00:05');
    // Reports stay in UTC and say so.
    expect(en.dateTime(at)).toBe('7 December 2026 at 04:30 UTC');
  });

  it('the exact instant, with seconds and the zone, for a title attribute', () => {
    expect(spaces(fr.whenExact('2026-12-07T04:30:09.000Z'))).toMatch(/^lundi 7 décembre 2026 à 05:30:09 (UTC\+1|CET)$/);
    expect(spaces(en.whenExact('2026-07-07T04:30:09.000Z'))).toMatch(/^Tuesday,? 7 July 2026 at 06:30:09 (CEST|GMT\+2)$/);
  });

  it('is at most 20 characters in every month and language (a 190 px column), and a text that is no date is shown as it is', () => {
    for (const f of [en, fr, nl]) {
      for (let month = 0; month < 12; month += 1) expect(f.when(new Date(2026, month, 28, 23, 59)).length).toBeLessThanOrEqual(20);
      expect(f.when('yesterday')).toBe('yesterday');
    }
  });

  it('no screen formats a date itself', () => {
    const files = rendererSourceFiles();
    const own = files.filter((file) => /new Date\([^)]*\)\.toLocale|toLocaleDateString|toLocaleTimeString|fmt\.dateTime\(|fmt\.date\(/.test(readFileSync(resolve(projectRoot, file), 'utf8')));
    expect(own).toEqual([]);
  });
});
