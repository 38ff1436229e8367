// Starting points for a new model: small, valid and runnable documents of each model type, in the file format as
// an analyst would write it (no defaults filled in), so the editors and an exported file start from plain JSON.
import { MODEL_FORMAT, MODEL_FORMAT_VERSION } from './schema';
import type { ModelDocumentJson } from './document-edits';

export type ModelTemplateId = 'markov' | 'psm' | 'tree-hybrid' | 'budget-impact';

/**
 * Text a template gives that users see and edit (the model's title and description, strategies, states, cost
 * categories, parameter descriptions and units, curves, tree labels, budget-impact labels). The app passes it in the
 * display language when it creates the model, so it is stored as first shown; English by default.
 */
export const TEMPLATE_NAMES = [
  'New Markov model', 'New partitioned survival model', 'New test-and-treat model', 'New budget impact analysis',
  'Standard care', 'New treatment', 'No testing', 'Test and treat', 'Alive', 'Dead',
  'A two-state Markov cohort model to build on: add states, transitions, values and strategies.',
  'Progression-free, progressed and dead states read from PFS and OS curves; the new treatment acts through hazard ratios.',
  'A decision tree with a diagnostic test sequence (test, re-test when there is no result) leading into Markov cohort sub-models.',
  'A Markov model of the current and the new treatment, with a five-year budget impact of moving patients to the new one.',
  'Direct medical', 'Drugs', 'Care', 'Testing', 'Treatment',
  'Annual probability of death', 'Yearly cost while alive', 'Utility while alive',
  'Weibull shape of PFS on standard care', 'Weibull scale of PFS on standard care', 'Weibull shape of OS on standard care', 'Weibull scale of OS on standard care',
  'Hazard ratio of progression, new treatment vs standard care', 'Hazard ratio of death, new treatment vs standard care',
  'Drug cost of the new treatment while progression-free', 'Care cost per month alive', '1 on the new treatment (set by the strategy)',
  'years', 'days', 'EUR per month',
  'PFS, standard care', 'OS, standard care', 'PFS, new treatment', 'OS, new treatment',
  'Share with the targetable alteration', 'Test sensitivity', 'Test specificity', 'Share of tests without a result', 'Cost per test', 'Turnaround time',
  'Annual death probability on targeted therapy (with the target)', 'Annual death probability on standard therapy', 'Yearly cost of targeted therapy', 'Yearly cost of standard therapy',
  'Molecular test', 'Testing strategy', 're-test',
  'Yearly cost while alive on the new treatment', 'Budget impact of the new treatment', 'Patients starting treatment each year', 'Assumption: replace with local data',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];
export type NameInLanguage = (name: TemplateName) => string;
const asInEnglish: NameInLanguage = (name) => name;

export interface ModelTemplate {
  id: ModelTemplateId;
  title: string;
  description: string;
  create: (name?: NameInLanguage) => ModelDocumentJson;
}

const header = (title: string, description: string) => ({
  format: MODEL_FORMAT,
  version: MODEL_FORMAT_VERSION,
  metadata: { title, description },
});

const settings = { cycleLength: 1, cycles: 20, cohortSize: 1, discount: { costs: 0.035, effects: 0.035 }, counting: 'life-table', effect: 'qalys', currency: 'EUR', wtp: [20000, 50000] };

function blankMarkov(name: NameInLanguage = asInEnglish): ModelDocumentJson {
  return {
    ...header(name('New Markov model'), name('A two-state Markov cohort model to build on: add states, transitions, values and strategies.')),
    settings,
    costCategories: [{ id: 'direct', label: name('Direct medical') }],
    parameters: [
      { id: 'p_death', value: 0.1, kind: 'probability', timeUnit: 'year', description: name('Annual probability of death') },
      { id: 'c_alive', value: 1000, kind: 'cost', description: name('Yearly cost while alive') },
      { id: 'u_alive', value: 0.8, kind: 'utility', description: name('Utility while alive') },
    ],
    model: {
      type: 'markov',
      states: [
        { id: 'Alive', label: name('Alive') },
        { id: 'Dead', label: name('Dead'), dead: true },
      ],
      initial: { Alive: 1 },
      transitions: [
        { from: 'Alive', to: 'Alive', probability: 'C' },
        { from: 'Alive', to: 'Dead', probability: 'p_death' },
        { from: 'Dead', to: 'Dead', probability: 1 },
      ],
      stateValues: { Alive: { costs: { direct: 'c_alive' }, utility: 'u_alive' }, Dead: { utility: 0 } },
    },
    strategies: [{ id: 'standard', label: name('Standard care') }],
  };
}

function partitionedSurvival(name: NameInLanguage = asInEnglish): ModelDocumentJson {
  return {
    ...header(name('New partitioned survival model'), name('Progression-free, progressed and dead states read from PFS and OS curves; the new treatment acts through hazard ratios.')),
    settings: { ...settings, cycleLength: 1 / 12, cycles: 120, counting: 'half-cycle' },
    costCategories: [{ id: 'drug', label: name('Drugs') }, { id: 'care', label: name('Care') }],
    parameters: [
      { id: 'pfs_shape', value: 1.2, kind: 'other', description: name('Weibull shape of PFS on standard care') },
      { id: 'pfs_scale', value: 1.1, kind: 'time', unit: name('years'), description: name('Weibull scale of PFS on standard care') },
      { id: 'os_shape', value: 1.1, kind: 'other', description: name('Weibull shape of OS on standard care') },
      { id: 'os_scale', value: 2.5, kind: 'time', unit: name('years'), description: name('Weibull scale of OS on standard care') },
      { id: 'hr_pfs', value: 0.7, kind: 'hazard-ratio', description: name('Hazard ratio of progression, new treatment vs standard care') },
      { id: 'hr_os', value: 0.8, kind: 'hazard-ratio', description: name('Hazard ratio of death, new treatment vs standard care') },
      { id: 'c_new', value: 3000, kind: 'cost', unit: name('EUR per month'), description: name('Drug cost of the new treatment while progression-free') },
      { id: 'c_care', value: 500, kind: 'cost', unit: name('EUR per month'), description: name('Care cost per month alive') },
      { id: 'u_pf', value: 0.75, kind: 'utility' },
      { id: 'u_pd', value: 0.6, kind: 'utility' },
      { id: 'on_new', value: 0, kind: 'other', description: name('1 on the new treatment (set by the strategy)') },
    ],
    model: {
      type: 'psm',
      curves: {
        pfs_soc: { dist: 'weibull', shape: 'pfs_shape', scale: 'pfs_scale', label: name('PFS, standard care') },
        os_soc: { dist: 'weibull', shape: 'os_shape', scale: 'os_scale', label: name('OS, standard care') },
        pfs_new: { dist: 'hazard-ratio', curve: 'pfs_soc', hr: 'hr_pfs', label: name('PFS, new treatment') },
        os_new: { dist: 'hazard-ratio', curve: 'os_soc', hr: 'hr_os', label: name('OS, new treatment') },
      },
      pfs: 'pfs_soc',
      os: 'os_soc',
      strategyCurves: { new_treatment: { pfs: 'pfs_new', os: 'os_new' } },
      stateValues: {
        PF: { costs: { drug: 'on_new * c_new', care: 'c_care' }, utility: 'u_pf' },
        PD: { costs: { care: 'c_care' }, utility: 'u_pd' },
        Dead: { utility: 0 },
      },
    },
    strategies: [
      { id: 'standard', label: name('Standard care') },
      { id: 'new_treatment', label: name('New treatment'), parameters: { on_new: 1 } },
    ],
  };
}

const alive = (name: NameInLanguage, pDeath: string, cost: string, utility: string) => ({
  type: 'markov',
  states: [{ id: 'Alive', label: name('Alive') }, { id: 'Dead', label: name('Dead'), dead: true }],
  initial: { Alive: 1 },
  transitions: [
    { from: 'Alive', to: 'Alive', probability: 'C' },
    { from: 'Alive', to: 'Dead', probability: pDeath },
    { from: 'Dead', to: 'Dead', probability: 1 },
  ],
  stateValues: { Alive: { costs: { treatment: cost }, utility } },
});

function treeHybrid(name: NameInLanguage = asInEnglish): ModelDocumentJson {
  const outcome = (id: string, submodel: string) => ({ kind: 'terminal', id, submodel });
  return {
    ...header(name('New test-and-treat model'), name('A decision tree with a diagnostic test sequence (test, re-test when there is no result) leading into Markov cohort sub-models.')),
    settings: { ...settings, cycles: 10 },
    costCategories: [{ id: 'test', label: name('Testing') }, { id: 'treatment', label: name('Treatment') }],
    parameters: [
      { id: 'prevalence', value: 0.2, kind: 'proportion', description: name('Share with the targetable alteration') },
      { id: 'sens', value: 0.9, kind: 'probability', description: name('Test sensitivity') },
      { id: 'spec', value: 0.98, kind: 'probability', description: name('Test specificity') },
      { id: 'fail', value: 0.05, kind: 'probability', description: name('Share of tests without a result') },
      { id: 'c_test', value: 500, kind: 'cost', description: name('Cost per test') },
      { id: 'tat', value: 10, kind: 'time', unit: name('days'), description: name('Turnaround time') },
      { id: 'p_death_targeted', value: 0.2, kind: 'probability', timeUnit: 'year', description: name('Annual death probability on targeted therapy (with the target)') },
      { id: 'p_death_standard', value: 0.35, kind: 'probability', timeUnit: 'year', description: name('Annual death probability on standard therapy') },
      { id: 'c_targeted', value: 40000, kind: 'cost', description: name('Yearly cost of targeted therapy') },
      { id: 'c_standard', value: 15000, kind: 'cost', description: name('Yearly cost of standard therapy') },
      { id: 'u_alive', value: 0.7, kind: 'utility' },
    ],
    model: {
      type: 'tree',
      timeUnit: 'day',
      tests: [{ id: 'test', label: name('Molecular test'), sensitivity: 'sens', specificity: 'spec', noResult: 'fail', costs: { test: 'c_test' }, turnaround: 'tat' }],
      submodels: {
        targeted: alive(name, 'p_death_targeted', 'c_targeted', 'u_alive'),
        standard: alive(name, 'p_death_standard', 'c_standard', 'u_alive'),
      },
      root: {
        kind: 'decision',
        label: name('Testing strategy'),
        branches: [
          { kind: 'terminal', id: 'no_test', label: name('No testing'), submodel: 'standard' },
          {
            kind: 'diagnostic',
            id: 'test_treat',
            label: name('Test and treat'),
            prevalence: 'prevalence',
            steps: [{ tests: ['test'] }, { tests: ['test'], when: ['no-result'], label: name('re-test') }],
            outcomes: {
              truePositive: outcome('tp_targeted', 'targeted'),
              falsePositive: outcome('fp_standard', 'standard'),
              falseNegative: outcome('fn_standard', 'standard'),
              trueNegative: outcome('tn_standard', 'standard'),
              noResult: outcome('nr_standard', 'standard'),
            },
          },
        ],
      },
    },
    strategies: [
      { id: 'no_test', label: name('No testing') },
      { id: 'test_treat', label: name('Test and treat') },
    ],
  };
}

function budgetImpact(name: NameInLanguage = asInEnglish): ModelDocumentJson {
  const markov = blankMarkov(name);
  return {
    ...markov,
    metadata: { title: name('New budget impact analysis'), description: name('A Markov model of the current and the new treatment, with a five-year budget impact of moving patients to the new one.') },
    parameters: [...(markov.parameters as object[]), { id: 'c_new', value: 2500, kind: 'cost', description: name('Yearly cost while alive on the new treatment') }],
    strategies: [
      { id: 'standard', label: name('Standard care') },
      { id: 'new_treatment', label: name('New treatment'), parameters: { c_alive: 'c_new' } },
    ],
    budgetImpact: {
      label: name('Budget impact of the new treatment'),
      horizonYears: 5,
      population: { eligible: { value: 1000, label: name('Patients starting treatment each year'), source: name('Assumption: replace with local data') } },
      currentWorld: { shares: { standard: 1, new_treatment: 0 } },
      newWorld: { shares: { standard: 'rest', new_treatment: { shape: 'linear', from: 0.1, to: 0.5 } } },
    },
  };
}

export const MODEL_TEMPLATES: readonly ModelTemplate[] = [
  { id: 'markov', title: 'Markov cohort model', description: 'Two states (alive, dead) and one strategy: add states, transitions and values.', create: blankMarkov },
  { id: 'psm', title: 'Partitioned survival', description: 'PFS and OS curves (Weibull) with hazard ratios for a new treatment.', create: partitionedSurvival },
  { id: 'tree-hybrid', title: 'Decision tree → cohort', description: 'Test-and-treat tree with a diagnostic test and re-test, leading into Markov sub-models.', create: treeHybrid },
  { id: 'budget-impact', title: 'Budget impact', description: 'A Markov model of two treatments with a five-year budget impact analysis.', create: budgetImpact },
];

export function modelTemplate(id: string): ModelTemplate | undefined {
  return MODEL_TEMPLATES.find((t) => t.id === id);
}
