// The command table of `hta`. Each command's module loads only when that command runs (or shows its help), so
// `hta --help` and `hta validate` never load the PSA machinery. Add a command by writing a CliCommand in its own
// module and one line here; its summary is repeated here for the general help (a test keeps the two equal).
import type { CliCommand } from './command';

export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<CliCommand>;
}

export const commands: CommandEntry[] = [
  { name: 'run', summary: 'run a model: costs, effects and the incremental analysis per strategy', load: async () => (await import('./run-command')).runCommand },
  { name: 'validate', summary: 'check a model file and list every problem with its location', load: async () => (await import('./validate-command')).validateCommand },
  { name: 'psa', summary: 'probabilistic analysis: means, CEAC, CEAF, expected loss, EVPI (and EVPPI) from sampled parameters', load: async () => (await import('./commands/psa-command')).psaCommand },
  { name: 'dsa', summary: 'deterministic sensitivity: tornado (one-way), thresholds, two-way grid and named scenarios', load: async () => (await import('./commands/dsa-command')).dsaCommand },
  { name: 'bia', summary: 'budget impact analysis: current vs new world budgets per year, by category, tornado and scenarios', load: async () => (await import('./commands/bia-command')).biaCommand },
  { name: 'accuracy', summary: 'meta-analysis of test accuracy: pooled sensitivity and specificity from 2×2 rows (bivariate model)', load: async () => (await import('./commands/accuracy-command')).accuracyCommand },
  { name: 'fit', summary: 'survival curves: maximum-likelihood fits (exponential … generalised gamma) to patient data, with Kaplan–Meier', load: async () => (await import('./commands/fit-command')).fitCommand },
  { name: 'reconstruct', summary: 'patient data rebuilt from a digitised Kaplan–Meier curve and its numbers at risk (Guyot 2012)', load: async () => (await import('./commands/reconstruct-command')).reconstructCommand },
  { name: 'voi', summary: 'value of information from PSA results made elsewhere (BCEA / dampack layouts): CEAC, CEAF, EVPI, EVPPI', load: async () => (await import('./commands/voi-command')).voiCommand },
  { name: 'report', summary: 'assessment report of a dossier file (.htad.json) as HTML, PDF, Word or Excel, with CHEERS 2022', load: async () => (await import('./commands/report-command')).reportCommand },
  { name: 'countries', summary: "country comparison: the model under each country's discounting and thresholds, optimal strategy and price headroom per country", load: async () => (await import('./commands/countries-command')).countriesCommand },
];
