// PSA results made by another model (a company's spreadsheet, BCEA or dampack output), imported with "Analyse PSA
// results…" and stored with a dossier: where they came from (file name, its SHA-256, worksheet, layout detected),
// the per-draw costs and effects of each strategy, the parameter columns if any, and the settings they were analysed
// with. Files (dossier format 3, backup format 3) carry each as one block; its number arrays are written as
// {"$float64": "<base64>"} (typed-json.ts), and a block whose arrays do not match its draws and strategies is
// refused with its path. Summaries are not stored: they are recomputed from the draws by the engine (deterministic).
import { z } from 'zod';
import { MAX_SHORT_TEXT } from './limits';
import { idSchema, shortText, timestampSchema } from './schema';
import { sha256HexSchema } from './workspace-models';
import { TypedJsonError, base64ToFloat64, float64ToBase64 } from './typed-json';

export const drawsLayouts = ['wide-named', 'wide-numbered', 'long'] as const;

/** Per file (and per workspace): at most this many imported PSA results. */
export const MAX_PSA_IMPORTS = 1_000;
export const MAX_IMPORT_STRATEGIES = 100;
export const MAX_IMPORT_PARAMETERS = 1_000;
/** Cost, effect and parameter values of one import together (80 MB as doubles). */
export const MAX_IMPORT_VALUES = 10_000_000;

const float64Block = z.strictObject({ $float64: z.string() });

/** How the results were analysed when stored (the screen's settings). */
export const psaImportSettingsSchema = z.strictObject({
  /** Highest willingness to pay of the CEAC/EVPI grid (101 thresholds from 0). */
  maxWtp: z.number().positive().finite(),
  /** Threshold of the EVPPI, or null (no parameter columns). */
  evppiWtp: z.number().nonnegative().finite().nullable(),
  currency: shortText,
  /** Names given to c1…cN strategies, comma-separated ('' when the file names them). */
  strategyNames: shortText,
});
export type PsaImportSettings = z.infer<typeof psaImportSettingsSchema>;

const psaImportFields = {
  id: idSchema,
  dossierId: idSchema,
  /** The file's name as chosen (no folder). */
  fileName: shortText.min(1),
  /** SHA-256 of the file's bytes. */
  fileSha256: sha256HexSchema,
  /** Worksheet read (workbooks), else null. */
  sheet: shortText.nullable(),
  layout: z.enum(drawsLayouts),
  strategyIds: z.array(shortText.min(1)).min(1).max(MAX_IMPORT_STRATEGIES),
  draws: z.number().int().positive(),
  parameterNames: z.array(shortText.min(1)).max(MAX_IMPORT_PARAMETERS),
  ignoredColumns: z.array(z.string().max(MAX_SHORT_TEXT)).max(MAX_IMPORT_PARAMETERS),
  settings: psaImportSettingsSchema,
  importedAt: timestampSchema,
};

type IssueSink = { addIssue: (issue: { code: 'custom'; path: (string | number)[]; message: string }) => void };

/** The number arrays of one block: lengths that match draws × strategies (× parameters), finite values, unique names. */
function checkArrays(block: { draws: number; strategyIds: string[]; parameterNames: string[] }, arrays: Record<'costs' | 'effects' | 'parameterValues', Float64Array | null>, ctx: IssueSink): void {
  const expected = { costs: block.draws * block.strategyIds.length, effects: block.draws * block.strategyIds.length, parameterValues: block.draws * block.parameterNames.length };
  if (expected.costs * 2 + expected.parameterValues > MAX_IMPORT_VALUES) ctx.addIssue({ code: 'custom', path: ['draws'], message: `too many values (${block.draws} draws × ${block.strategyIds.length} strategies and ${block.parameterNames.length} parameters; at most ${MAX_IMPORT_VALUES} numbers)` });
  for (const key of ['costs', 'effects', 'parameterValues'] as const) {
    const values = arrays[key];
    if (values === null) continue;
    if (values.length !== expected[key]) {
      const shape = key === 'parameterValues' ? `${block.draws} draws × ${block.parameterNames.length} parameters` : `${block.draws} draws × ${block.strategyIds.length} strategies`;
      ctx.addIssue({ code: 'custom', path: [key], message: `holds ${values.length} numbers; ${shape} needs ${expected[key]}` });
      continue;
    }
    const bad = values.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) ctx.addIssue({ code: 'custom', path: [key], message: `value ${bad + 1} is not a finite number` });
  }
  const duplicate = (names: string[], key: 'strategyIds' | 'parameterNames') =>
    names.forEach((n, i) => {
      if (names.indexOf(n) !== i) ctx.addIssue({ code: 'custom', path: [key, i], message: `"${n}" appears twice` });
    });
  duplicate(block.strategyIds, 'strategyIds');
  duplicate(block.parameterNames, 'parameterNames');
}

function decodedOrIssue(block: { $float64: string }, key: string, ctx: IssueSink): Float64Array | null {
  try {
    return base64ToFloat64(block.$float64, key);
  } catch (e) {
    if (!(e instanceof TypedJsonError)) throw e;
    ctx.addIssue({ code: 'custom', path: [key, '$float64'], message: e.message.replace(`${key}: `, '') });
    return null;
  }
}

/** One imported PSA result as a file carries it (arrays as base64 blocks). */
export const psaImportFileSchema = z
  .strictObject({ ...psaImportFields, costs: float64Block, effects: float64Block, parameterValues: float64Block })
  .superRefine((block, ctx) => {
    const arrays = {
      costs: decodedOrIssue(block.costs, 'costs', ctx),
      effects: decodedOrIssue(block.effects, 'effects', ctx),
      parameterValues: decodedOrIssue(block.parameterValues, 'parameterValues', ctx),
    };
    checkArrays(block, arrays, ctx);
  })
  .meta({ title: 'Imported PSA results', description: 'Per-draw costs and effects (and parameter values) of another model, stored with a dossier.' });
export type PsaImportFileBlock = z.infer<typeof psaImportFileSchema>;

const float64ArraySchema = z.custom<Float64Array>((v) => v instanceof Float64Array, { error: 'expected an array of numbers (Float64Array)' });

/** The same, as the workspace holds it (arrays as Float64Array). */
export const psaImportSchema = z
  .strictObject({ ...psaImportFields, costs: float64ArraySchema, effects: float64ArraySchema, parameterValues: float64ArraySchema })
  .superRefine((block, ctx) => checkArrays(block, block, ctx));
export type StoredPsaImport = z.infer<typeof psaImportSchema>;
/** What lists show: everything but the arrays. */
export type PsaImportInfo = Omit<StoredPsaImport, 'costs' | 'effects' | 'parameterValues'>;

export function psaImportToFile(item: StoredPsaImport): PsaImportFileBlock {
  const encode = (values: Float64Array) => ({ $float64: float64ToBase64(values) });
  return { ...item, costs: encode(item.costs), effects: encode(item.effects), parameterValues: encode(item.parameterValues) };
}

/** A block the file schema accepted, with its arrays decoded. */
export function psaImportFromFile(block: PsaImportFileBlock): StoredPsaImport {
  return { ...block, costs: base64ToFloat64(block.costs.$float64), effects: base64ToFloat64(block.effects.$float64), parameterValues: base64ToFloat64(block.parameterValues.$float64) };
}

/** Every import's id is unique and belongs to a dossier of the file. */
export function checkPsaImportOwners(imports: readonly { id: string; dossierId: string }[], dossierIds: ReadonlySet<string>, ctx: IssueSink, what: string): void {
  const seen = new Set<string>();
  imports.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['psaImports', i, 'id'], message: `duplicate imported PSA id "${item.id}"` });
    seen.add(item.id);
    if (!dossierIds.has(item.dossierId)) ctx.addIssue({ code: 'custom', path: ['psaImports', i, 'dossierId'], message: `belongs to dossier "${item.dossierId}", which is not ${what}` });
  });
}
