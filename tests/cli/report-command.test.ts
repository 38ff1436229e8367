// `hta report` as a user runs it (a child process through bin/hta.cjs): the bundled example to HTML and to PDF
// through the local headless Chromium (read back with pdftotext and pdfinfo), usage errors (exit 2) and bad files
// (exit 1, each problem located).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';

const ROOT = resolve(__dirname, '..', '..');
const EXAMPLE = join(ROOT, 'resources', 'examples', 'liquid-biopsy-nsclc.htad.json');
const dir = mkdtempSync(join(tmpdir(), 'hta-report-'));

/** In-process run (quick: no interpreter start-up), for errors that stop before any analysis. */
async function report(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { out: (t) => void (stdout += `${t}\n`), err: (t) => void (stderr += `${t}\n`) };
  const status = await main(['report', ...args], io);
  return { status, stdout, stderr };
}

/** The real command: a child process through bin/hta.cjs. */
function hta(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'hta.cjs'), 'report', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('hta report: usage', () => {
  it('explains itself, PDF through a local Chromium included', () => {
    const r = hta(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--format F');
    expect(r.stdout).toContain('CHROMIUM_PATH');
  });

  it.each([
    [[EXAMPLE, '--out', join(dir, 'x.html')], '--format is required'],
    [[EXAMPLE, '--format', 'odt', '--out', join(dir, 'x.odt')], '--format must be one of html, pdf, docx, xlsx'],
    [[EXAMPLE, '--format', 'html'], '--out FILE is required'],
    [[EXAMPLE, '--format', 'html', '--out', join(dir, 'x.html'), '--locale', 'de'], '--locale must be one of en, nl-BE, fr-BE'],
    [[EXAMPLE, '--format', 'html', '--out', join(dir, 'x.html'), '--profile', 'short'], '--profile must be one of full, jca'],
    [[EXAMPLE, '--format', 'html', '--out', join(dir, 'x.html'), '--sections', 'results,appendix'], 'unknown section "appendix"'],
    [[EXAMPLE, '--format', 'html', '--out', join(dir, 'x.html'), '--omit', 'accuracy,appendix'], '--omit: unknown part "appendix" (parts: accuracy)'],
    [[EXAMPLE, '--format', 'html', '--out', join(dir, 'no-such-folder', 'x.html')], 'does not exist'],
    [[join(dir, 'missing.htad.json'), '--format', 'html', '--out', join(dir, 'x.html')], 'cannot read'],
    [[EXAMPLE, '--format', 'html', '--out', join(dir, 'x.html'), '--iterations', '0'], '--iterations must be a whole number >= 1'],
  ])('exits 2 on a usage error: %s', async (args, message) => {
    const r = await report(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('exits 2 with a clear message when no Chromium is found for PDF', async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = join(dir, 'no-chromium');
    const r = await report([EXAMPLE, '--format', 'pdf', '--out', join(dir, 'x.pdf')]).finally(() => {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no Chromium found for PDF output');
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });
});

describe('hta report: bad files', () => {
  it('exits 1 on a file that is not JSON, saying where', async () => {
    const path = join(dir, 'broken.htad.json');
    writeFileSync(path, '{"format": "hta-workbench-dossier",');
    const r = await report([path, '--format', 'html', '--out', join(dir, 'broken.html')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${path}: not a valid dossier file`);
  });

  it('exits 1 on an invalid model inside the file, with the path to the bad value', async () => {
    const file = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { models: { model: { document: { parameters: { value?: unknown }[] } } }[] };
    file.models[0]!.model.document.parameters[1]!.value = 1.7;
    const path = join(dir, 'bad-model.htad.json');
    writeFileSync(path, JSON.stringify(file));
    const r = await report([path, '--format', 'html', '--out', join(dir, 'bad-model.html')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/models\[0\]\.model\.document\.parameters\[1\]\.value: parameter p_alk = 1\.7 is not a proportion/);
  });
});

describe('hta report: the bundled example', () => {
  it('writes the standalone HTML report', () => {
    const out = join(dir, 'example.html');
    const r = hta([EXAMPLE, '--format', 'html', '--out', out, '--iterations', '200']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${out}: HTML report, 11 sections`);
    expect(r.stderr).toContain('Probabilistic analysis (200 draws, seed 1)');
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<h1>Plasma ctDNA NGS (liquid biopsy) for first-line genotyping of advanced non-squamous NSCLC</h1>');
  }, 240_000);

  it('prints it to PDF with the local headless Chromium: A4, section titles and the ICER in the text', () => {
    const out = join(dir, 'example.pdf');
    const r = hta([EXAMPLE, '--format', 'pdf', '--out', out, '--iterations', '200']);
    expect(r.status, r.stderr).toBe(0);
    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThan(20);
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    for (const title of ['1 About this report', '2 Summary', '3 Scope', '4 HTA Core Model domains', '5 Evidence register', '6 Economic evaluation methods', '7 Results', '8 Uncertainty', '9 Budget impact', '10 Limitations', '11 CHEERS 2022 checklist']) {
      expect(text.replace(/[ \t]+/g, ' ')).toContain(title);
    }
    expect(text).toContain('€103,448');
    expect(text).toMatch(/Page 2 of \d+/);
  }, 240_000);

  it('writes Word with figures and Excel with sheets', () => {
    const docx = join(dir, 'example.docx');
    const r = hta([EXAMPLE, '--format', 'docx', '--out', docx, '--iterations', '200', '--sections', 'results']);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(docx).subarray(0, 2).toString('latin1')).toBe('PK');
    const xlsx = join(dir, 'example.xlsx');
    const x = hta([EXAMPLE, '--format', 'xlsx', '--out', xlsx, '--profile', 'jca', '--locale', 'nl-BE']);
    expect(x.status, x.stderr).toBe(0);
    expect(x.stderr).not.toContain('computed for this report');
    expect(readFileSync(xlsx).subarray(0, 2).toString('latin1')).toBe('PK');
  }, 240_000);
});
