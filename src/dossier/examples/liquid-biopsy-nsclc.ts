// The bundled example dossier, seeded on first run. Every fact and figure comes from the project's domain notes
// (DOMAIN-NOTES.md, sections named in the comments) or from the published source its evidence row cites; tags:
// [V] seen in the source, [S] secondary source (→ secondarySource: true), [K] general knowledge, not retrieved
// (→ unverified: true). Where a value was "not retrieved", the example says so instead of guessing. Model
// figures are those of resources/examples/liquid-biopsy-nsclc.json; a validation test checks they agree.
import { elementTemplate } from '../core-model';
import type { AssessmentElement, Dossier, Evidence } from '../schema';

export const EXAMPLE_DOSSIER_ID = 'example-liquid-biopsy-nsclc';
export const EXAMPLE_DOSSIER_TITLE = 'Plasma ctDNA NGS (liquid biopsy) for first-line genotyping of advanced non-squamous NSCLC';
/** Fixed so the example is reproducible; the workspace stamps the seed time when it adds it to a library. */
const EXAMPLE_TIMESTAMP = '2026-11-28T00:00:00.000Z';

function ci(estimate: number, lower: number | null, upper: number | null) {
  return { estimate, lower, upper };
}

function evidenceRow(row: Partial<Evidence> & Pick<Evidence, 'id' | 'citation' | 'design'>): Evidence {
  return {
    population: '',
    n: null,
    indexTest: '',
    referenceTest: '',
    sensitivity: null,
    specificity: null,
    notes: '',
    unverified: false,
    secondarySource: false,
    ...row,
  };
}

/** A 2×2 table of NILE's Table 3 (cfDNA NGS against standard-of-care tissue genotyping, by gene). */
function nileTable(id: string, alteration: string, tp: number, fn: number, tn: number, fp: number): NonNullable<Evidence['twoByTwo']>[number] {
  return { id, indexTest: 'Comprehensive cfDNA NGS', referenceStandard: 'Standard-of-care tissue genotyping', setting: 'Newly diagnosed metastatic NSCLC', alteration, tp, fn, tn, fp, derived: false };
}

// §3.3 C, §3.2, §3.3 D–G, §3.3 A–B, §2.1 of DOMAIN-NOTES.md.
function exampleEvidence(): Evidence[] {
  return [
    evidenceRow({
      id: 'ev-chen-2023',
      citation: 'Chen C, Douglas MP, Ragavan MV, Phillips KA, Jansen JP. medRxiv 2023.10.27.23297657 (preprint).',
      design: 'Systematic review and meta-analysis of test accuracy (18 studies; 13 pooled)',
      population: 'Advanced NSCLC',
      indexTest: 'Plasma ctDNA NGS',
      referenceTest: 'Tissue genotyping',
      sensitivity: ci(0.69, 0.63, 0.74),
      specificity: ci(0.99, 0.97, 1.0),
      notes: 'Pooled accuracy for any driver alteration. Sensitivity by gene ranges from 0.29 (0.13–0.53) for ROS1 to 0.77 (0.63–0.86) for KRAS. Preprint server: check for the peer-reviewed version.',
    }),
    evidenceRow({
      id: 'ev-nile-2019',
      citation: 'Leighl NB, et al. NILE study. Clin Cancer Res 2019;25(15):4691.',
      design: 'Comparison of cfDNA NGS with standard-of-care tissue genotyping',
      population: 'Newly diagnosed metastatic NSCLC (n = 282)',
      n: 282,
      indexTest: 'Comprehensive cfDNA NGS',
      referenceTest: 'Tissue genotyping (standard of care)',
      sensitivity: ci(0.8, null, null),
      notes:
        'Clinical sensitivity 80% for any guideline-recommended biomarker (48 of 60 tissue-positive patients also cfDNA-positive); 95% CI not retrieved. ' +
        'Concordance >98.2% and PPV 100% (34/34) for EGFR, ALK, ROS1 and BRAF. The 2×2 tables are those of Table 3 by gene (patients with both a tissue and a cfDNA result; ALK after the reanalysis that turned one false negative positive). ' +
        'Detection: tissue 60 (21.3%) vs cfDNA 77 (27.3%); adding cfDNA to tissue raised detection by 48% (60 → 89). Median turnaround 9 days (cfDNA) vs 15 days (tissue).',
      twoByTwo: [
        nileTable('nile-egfr-ex19', 'EGFR exon 19 deletion', 18, 4, 201, 0),
        nileTable('nile-egfr-l858r', 'EGFR L858R', 9, 1, 213, 0),
        nileTable('nile-alk', 'ALK', 6, 2, 207, 0),
        nileTable('nile-ros1', 'ROS1', 0, 2, 151, 0),
        nileTable('nile-braf', 'BRAF V600E', 2, 0, 90, 0),
      ],
    }),
    evidenceRow({
      id: 'ev-cui-2017',
      citation: 'Cui S, Zhang W, Xiong L, et al. Use of capture-based next-generation sequencing to detect ALK fusion in plasma cell-free DNA of patients with non-small-cell lung cancer. Oncotarget 2017;8:2771–80.',
      design: 'Diagnostic accuracy study: plasma cfDNA capture-based NGS against tissue ALK status',
      population: 'NSCLC, 24 patients with tissue ALK fusion and 15 without (n = 39)',
      n: 39,
      indexTest: 'Plasma cfDNA capture-based NGS',
      referenceTest: 'Tissue ALK testing',
      sensitivity: ci(0.542, null, null),
      specificity: ci(1, null, null),
      notes: 'Overall sensitivity 54.2% (13 of 24), specificity 100%, accuracy 71.8% (abstract). The false-positive and true-negative cells are derived from the reported specificity of 100% in the 15 ALK-negative patients.',
      twoByTwo: [
        { id: 'cui-alk', indexTest: 'Plasma cfDNA capture-based NGS', referenceStandard: 'Tissue ALK testing', setting: 'NSCLC, China (single centre)', alteration: 'ALK', tp: 13, fn: 11, tn: 15, fp: 0, derived: true },
      ],
    }),
    evidenceRow({
      id: 'ev-ontario-2020',
      citation: 'Ontario Health (Quality). cfDNA blood testing to detect EGFR T790M. Ont Health Technol Assess Ser 2020. PMID 32206157.',
      design: 'HTA: test-accuracy review (19 studies), cost-effectiveness analysis and 5-year budget impact analysis',
      population: 'Advanced EGFR-mutated NSCLC tested for the T790M resistance mutation',
      indexTest: 'Plasma cfDNA test for EGFR T790M (PCR-era liquid biopsy)',
      referenceTest: 'Tissue biopsy testing',
      sensitivity: ci(0.68, null, null),
      specificity: ci(0.86, null, null),
      notes:
        'PPV 89%, NPV 61%; 95% CIs not retrieved. Liquid biopsy ≈ CAD 700 vs tissue biopsy ≈ CAD 2,500. A triage strategy (tissue if plasma negative) gave the most correct decisions but "may not be cost-effective"; budget impact CAD 0.06–3 M over 5 years. ' +
        'Indirect evidence for this dossier: a single-gene PCR-era test at progression, not first-line NGS.',
    }),
    evidenceRow({
      id: 'ev-thompson-2016',
      citation: 'Thompson JC, et al. Clin Cancer Res 2016;22(23):5772–82.',
      design: 'Comparison of plasma ctDNA NGS with tissue NGS',
      population: 'Advanced NSCLC (n = 102)',
      n: 102,
      indexTest: 'Plasma ctDNA NGS',
      referenceTest: 'Tissue NGS',
      notes: 'ctDNA detectable in 84% (86/102); tissue NGS successful in only 49% (50/102), the basis of a pessimistic tissue-failure scenario (0.51).',
    }),
    evidenceRow({
      id: 'ev-ezeife-2022',
      citation: 'Ezeife DA, et al. The economic value of liquid biopsy for genomic profiling in advanced non-small cell lung cancer. Ther Adv Med Oncol 2022;14:17588359221112696.',
      design: 'Cost-effectiveness analysis: decision-analytic Markov model, 2-year horizon, Ontario public payer; transition probabilities from the VALUE trial (NCT03576937)',
      population: 'Treatment-naïve stage IV non-squamous NSCLC, ≤10 pack-years',
      indexTest: 'Liquid biopsy (Guardant360) plus tissue testing',
      referenceTest: 'Tissue testing alone',
      notes: 'Actionable alterations found in 68.5% (liquid biopsy + tissue) vs 52.7% (tissue alone). The abstract reports an incremental cost saving for liquid biopsy + tissue; the numeric value was not retrieved.',
    }),
    evidenceRow({
      id: 'ev-lema-koole',
      citation: 'Koole SN, …, Retèl VP. Cell-free DNA at diagnosis for stage IV NSCLC: costs, time to diagnosis and clinical relevance (LEMA trial). University of Twente repository.',
      design: 'Probabilistic discrete-event simulation using LEMA trial data (10 Dutch hospitals)',
      population: 'Stage IV NSCLC at diagnosis (n = 209)',
      n: 209,
      indexTest: 'cfDNA first; tissue first with cfDNA if tissue fails',
      referenceTest: 'Tissue only',
      notes: 'Clinically relevant result 84% / 93% / 93%; diagnostic throughput 20 / 9 / 19 days; mean cost per patient €2,304 / €3,218 / €2,448 (tissue only / cfDNA first / tissue first).',
    }),
    evidenceRow({
      id: 'ev-singapore-2024',
      citation: 'The cost-effectiveness of including liquid biopsy into molecular profiling strategies for newly diagnosed advanced non-squamous non-small cell lung cancer in an Asian population. Lung Cancer 2024;191:107794. PMID 38636314 (Singapore).',
      design: 'Cost-utility analysis: decision tree + partitioned survival model, 20-year horizon, Singapore health system',
      population: 'Advanced NSCLC',
      indexTest: 'Five strategies: tissue NGS, plasma NGS, concurrent, tissue → plasma, plasma → tissue',
      referenceTest: 'Tissue NGS alone',
      notes:
        'Tissue → plasma vs tissue alone: +0.0981 QALY, +S$3,074, ICER S$31,318/QALY, INMB S$1,343. Plasma → tissue and plasma alone were dominated. Results sensitive to pembrolizumab and osimertinib costs and to the re-biopsy probability (value not retrieved).',
    }),
    evidenceRow({
      id: 'ev-yang-2022',
      citation: 'Yang SC, Lin CC, Chen YL, Su WC. Front Oncol 2022;12:873111.',
      design: 'Probabilistic decision-tree model (Taiwan)',
      population: 'Advanced NSCLC; 9 actionable genes including KRAS G12C and HER2',
      indexTest: 'Plasma-first and complementary (concurrent) NGS',
      referenceTest: 'Tissue-first NGS; re-biopsy if tissue insufficient and plasma negative',
      notes: 'Tissue-first was cheapest: US$2,354 (1,963–2,779). Complementary testing was fastest: 12.7 days (10.8–14.9).',
    }),
    evidenceRow({
      id: 'ev-germany-2022',
      citation: 'Englmeier F, Bleckmann A, Brückl W, Griesinger F, Fleitz A, Nagels K. Clinical benefit and cost-effectiveness analysis of liquid biopsy application in patients with advanced non-small cell lung cancer (NSCLC): a modelling approach. J Cancer Res Clin Oncol 2023;149(4):1495–1511 (online 2022). doi:10.1007/s00432-022-04034-w. PMID 35532791.',
      design: 'Decision tree + Markov microsimulation, 10-year horizon, costs discounted 3% per year, German care setting (CRISP registry inputs)',
      population: 'Stage IV non-squamous NSCLC; cohort II: tissue biopsy infeasible',
      indexTest: 'Liquid biopsy (ctDNA multigene testing) added to tissue biopsy',
      referenceTest: 'Tissue biopsy alone (usual care)',
      notes: 'Add-on €144,981 vs €144,587 per patient, 1.20 vs 1.19 QALYs: ICER €53,909/QALY; cost-saving and QALY-increasing in EGFR-mutated patients (ICER −€13,247/QALY). The ICER was sensitive to liquid-biopsy sensitivity.',
    }),
    evidenceRow({
      id: 'ev-breadner-2024',
      citation: 'Breadner D, Hwang DM, Husereau D, et al. Implementation of liquid biopsy in non-small-cell lung cancer: an Ontario perspective. Curr Oncol 2024;31(10):6017–31. doi:10.3390/curroncol31100449. PMID 39451753.',
      design: 'Report of a multidisciplinary working group (consensus)',
      population: 'Advanced NSCLC, Ontario public health-care system',
      notes: 'Proposed eligibility criteria for reimbursing liquid biopsy: (1) insufficient tissue for complete testing or failed tissue biomarker testing; (2) suspected advanced NSCLC where a tissue biopsy is not feasible; (3) high risk of deterioration or death before tissue results are expected (e.g. within 14–21 days).',
    }),
    evidenceRow({
      id: 'ev-patel-2021',
      citation: 'Patel YP, Husereau D, Leighl NB, Melosky B, Nam J. Curr Oncol 2021;28(6):5278–94.',
      design: 'Health and budget impact analysis, top-down epidemiology, 3-year horizon, Canadian public payer',
      population: 'Tissue-limited advanced NSCLC',
      indexTest: 'Liquid-biopsy comprehensive genomic profiling',
      notes: 'Budget impact CAD 14.7 M and 168 life-years gained. Inputs: insufficient tissue ≈10%, insufficient DNA ≈16% (Canadian centres). Roche-affiliated authors.',
    }),
    evidenceRow({
      id: 'ev-spain-f1lcdx-2024',
      citation: 'J Med Econ 2024;27(1):1379–87 (Spain, FoundationOne Liquid CDx).',
      design: 'Decision tree + partitioned survival model, lifetime, 3% discounting of costs and effects, direct costs (€2023)',
      population: 'Advanced NSCLC in whom tissue testing is infeasible',
      indexTest: 'FoundationOne Liquid CDx (plasma)',
      referenceTest: 'No molecular diagnosis',
      notes: 'Per 1,000 patients: 386 alterations detected; +383.95 LY, +305.94 QALY, +€2,898,308; €9,473/QALY.',
    }),
    evidenceRow({
      id: 'ev-biopsy-complications',
      citation: 'Meta-analysis of complications of CT-guided transthoracic lung biopsy: 36 studies, 23,104 patients. PMC7362905.',
      design: 'Systematic review and meta-analysis',
      population: 'Patients undergoing CT-guided transthoracic biopsy',
      n: 23104,
      notes: 'Pneumothorax 25.9%; chest drain 6.9%. "Risks of transthoracic needle biopsy: how high?" (Clin Pulm Med 2013;20(1):29–35) gives pneumothorax 15–25%, chest tube 4–6%, significant haemorrhage ~1%, air embolism or seeding <1%.',
    }),
    evidenceRow({
      id: 'ev-flaura',
      citation: 'Soria JC, et al. NEJM 2018;378:113–25 (FLAURA, PFS). Ramalingam SS, et al. NEJM 2020;382:41–50 (FLAURA, OS).',
      design: 'Randomised controlled trial',
      population: 'EGFR-mutated advanced NSCLC, first line (n = 556)',
      n: 556,
      notes: 'Osimertinib vs gefitinib/erlotinib: median PFS 18.9 vs 10.2 months, HR 0.46; median OS 38.6 (95% CI 34.5–41.8) vs 31.8 months, HR 0.80 (0.64–1.00).',
    }),
    evidenceRow({
      id: 'ev-flaura-landmarks',
      citation: 'Ramalingam SS. FLAURA final overall survival, ESMO 2019 (LBA5_PR), as reported by BTOG (btog.org) and Medicom conference reports.',
      design: 'Conference presentation of a randomised controlled trial (secondary reports)',
      population: 'EGFR-mutated advanced NSCLC, first line (n = 556)',
      n: 556,
      notes: 'Landmark OS with osimertinib: 74% at 24 months (vs 59%), 54% at 36 months (vs 44%) [S]; used to shape the model’s EGFR overall-survival curve (24-month point fitted, 36-month point a check). Check against the NEJM 2020 article before use.',
      secondarySource: true,
    }),
    evidenceRow({
      id: 'ev-alex',
      citation: 'Mok T, et al. Ann Oncol 2020;31(8):1056–64 (ALEX). Peters S, et al. Ann Oncol 2025 (ALEX final OS).',
      design: 'Randomised controlled trial',
      population: 'ALK-positive advanced NSCLC, first line (n = 303)',
      n: 303,
      notes: 'Alectinib vs crizotinib: investigator-assessed PFS 34.8 vs 10.9 months, HR 0.43; 5-year OS 62.5% vs 45.5%; final median OS 81.1 vs 54.2 months.',
    }),
    evidenceRow({
      id: 'ev-keynote-189',
      citation: 'Gadgeel S, et al. JCO 2020;38(14):1505–17 (KEYNOTE-189). Garassino MC, et al. JCO 2023;41(11):1992–98 (5-year update).',
      design: 'Randomised controlled trial',
      population: 'Advanced NSCLC without EGFR/ALK alterations, first line (n = 616)',
      n: 616,
      notes: 'Pembrolizumab + pemetrexed-platinum vs placebo + pemetrexed-platinum: OS 22.0 vs 10.7 months, HR 0.56; PFS 9.0 vs 4.9 months, HR 0.48. 5-year update: OS 22.0 (95% CI 19.5–24.5) vs 10.6 (8.7–13.6) months, HR 0.60; PFS 9.0 (8.1–10.4) vs 4.9 (4.7–5.5); 5-year OS 19.4% vs 11.3%. First report (Gandhi L et al. NEJM 2018): 12-month OS 69.2% vs 49.4%.',
    }),
    evidenceRow({
      id: 'ev-immunotarget-2019',
      citation: 'Mazieres J, et al. Immune checkpoint inhibitors for patients with advanced lung cancer and oncogenic driver alterations: results from the IMMUNOTARGET registry. Ann Oncol 2019.',
      design: 'Retrospective multicentre registry (24 centres, 10 countries)',
      population: '551 patients with advanced NSCLC and a driver alteration treated with immune checkpoint inhibitor monotherapy (KRAS 271, EGFR 125, BRAF 43, MET 36, HER2 29, ALK 23, RET 16, ROS1 7)',
      n: 551,
      notes: 'Median PFS 2.8 months and OS 13.3 months overall; PFS 2.1 months for EGFR, 2.5 for ALK, 3.1 BRAF, 2.5 HER2, 2.1 RET, 3.4 MET, 3.2 KRAS; response 0% in ALK. Used in the model for patients whose actionable alteration is missed (an assumption: first-line chemo-immunotherapy in driver-positive disease taken to do as poorly as checkpoint inhibitors did here).',
    }),
    evidenceRow({
      id: 'ev-de-jager-2024',
      citation: 'de Jager VD, Timens W, Bayle A, et al. Lancet Reg Health Eur 2024;38:100838, Table 3.',
      design: 'Published table of biomarker testing rates by country',
      population: 'NSCLC in European countries',
      notes: 'EGFR testing rates: Austria 77.1%, Belgium 51% (2011 data), Czech Republic 79.3%, England 92%, France 53%, Germany 72.5%, Netherlands ~60–82%, Slovenia 91%, Spain 91.4%. ALK: Austria 62.5%, Czech Republic 82.7%, England 80%, France 46%, Germany 74.5%, Netherlands ~35–55%, Slovenia 87%, Spain 80.1%.',
    }),
    evidenceRow({
      id: 'ev-bcr-2022',
      citation: 'Belgian Cancer Registry. Latest data on cancer diagnoses (incidence year 2022) and "20 years of cancer statistics" (incidence year 2023). kankerregister.org.',
      design: 'Population-based cancer registry',
      population: 'Belgium',
      notes: '76,220 new cancer diagnoses in 2022, of which 9,410 lung cancers; 77,344 diagnoses in 2023; lung cancer 5-year net survival 35% in women and 27% in men (diagnoses 2019–2023). Stage and histology shares were not retrieved.',
    }),
    evidenceRow({
      id: 'ev-lombardy-2025',
      citation: 'Tumori J 2025. doi:10.1177/03008916251341996 (Lombardy, 2023 real-world data).',
      design: 'Real-world cohort, 9-biomarker NGS',
      population: 'Advanced lung adenocarcinoma tested in Lombardy in 2023 (n = 2,343)',
      n: 2343,
      notes: 'Any actionable alteration in 45.5% (1,068/2,343); 84.2% of the 2,784 expected patients were tested.',
    }),
    evidenceRow({
      id: 'ev-prevalence-reviews',
      citation: 'Exploration of Targeted Anti-tumor Therapy, art. 1002244, Table 2; Int J Mol Sci 2021;22(2):612, Table 1 (PMC7827915).',
      design: 'Narrative reviews (prevalence tables)',
      population: 'NSCLC',
      notes: 'EGFR 10–20% non-Asian (10–16% Western) and up to 60–70% (40–50%) Asian; ALK 4–5% / 1–10%; ROS1 1–2% / 0.9–2.6%; BRAF V600 1–2%; KRAS G12C 10–15%; MET exon 14 2–3%; RET 2–4%; NTRK1–3 0.2%; HER2 mutation 2–3%.',
    }),
    evidenceRow({
      id: 'ev-accelerate-2023',
      citation: 'García-Pardo M, et al. JAMA Netw Open 2023 (ACCELERATE), as reported by quadshotnews.',
      design: 'Clinical study (design details not retrieved)',
      population: 'Advanced NSCLC (n = 150)',
      n: 150,
      notes: 'Referral to treatment start 39 vs 62 days (arms as in the secondary report). Secondary report [S]: check against the journal article before use.',
      secondarySource: true,
    }),
    evidenceRow({
      id: 'ev-ivdr-class',
      citation: 'MDCG 2020-16 (IVDR classification guidance), as summarised by regulatoryaffairsnews.com.',
      design: 'Regulatory guidance (secondary summary)',
      notes: 'Cancer tests are typically IVDR class C [S]. A companion diagnostic is "essential for the safe and effective use of a corresponding medicinal product" and needs consultation of EMA or a national medicines agency (IVDR Art 48(3)) [V].',
      secondarySource: true,
    }),
    evidenceRow({
      id: 'ev-htar-ivd-eligibility',
      citation: 'Regulation (EU) 2021/2282 on health technology assessment, Art 7(1)(b)–(c). OJ L 458, 22.12.2021, p. 1–32.',
      design: 'Legislation',
      notes:
        'Eligibility of devices and IVDs for joint clinical assessment: high-risk devices, and IVDs of class D with an expert-panel opinion, selected by the Coordination Group. Stated from general knowledge of the text, which was not retrieved [K]: verify against Art 7 before relying on it.',
      unverified: true,
    }),
  ];
}

/** An answered element; its topic and question are the Core Model template's (src/dossier/core-model.ts). */
function el(id: string, answer: string, status: AssessmentElement['status'], evidenceIds: string[] = []): AssessmentElement {
  const template = elementTemplate(id);
  if (!template) throw new Error(`example dossier: no Core Model template for element ${id}`);
  return { id, topic: template.topic, issue: template.issue, answer, status, evidenceIds };
}

/** Model strategy ids named in the PICO questions (one to one with resources/examples/liquid-biopsy-nsclc.json). */
export const EXAMPLE_MODEL_STRATEGIES = ['tissue_only', 'tissue_first_plasma_rescue', 'plasma_first', 'concurrent'] as const;

// Published cost-effectiveness analyses of plasma testing in advanced NSCLC (DOMAIN-NOTES.md §3.2) and the
// nearest comparison in the example model (base case of resources/examples/liquid-biopsy-nsclc.json).
const PUBLISHED_CEA_TABLE = [
  '| Study | Setting and model | Comparison | Published result | This model (Belgium, 20 years) |',
  '|---|---|---|---|---|',
  '| Singapore 2024 (Lung Cancer 191:107794) | Singapore; decision tree + partitioned survival, 20 years | tissue → plasma NGS vs tissue NGS | +0.0981 QALY, +S$3,074: S$31,318/QALY; plasma → tissue and plasma alone more costly and less effective | tissue-first rescue vs tissue-only: +0.056 QALY, +€3,756: €67,168/QALY; plasma-first €103,448/QALY over rescue; concurrent dominated |',
  '| Englmeier 2022 (J Cancer Res Clin Oncol) | Germany; decision tree + Markov microsimulation, 10 years | liquid biopsy added to tissue vs tissue | €144,981 vs €144,587, 1.20 vs 1.19 QALYs: €53,909/QALY; EGFR subgroup cost-saving | concurrent vs tissue-only: +€5,148, +0.068 QALY (€75,396/QALY); no subgroup saves money at the assumed drug prices |',
  '| Ezeife 2022 (Ther Adv Med Oncol) | Ontario; Markov, 2 years (VALUE trial) | liquid biopsy + tissue vs tissue | actionable alterations found in 68.5% vs 52.7%; "incremental cost saving" (value not retrieved) | concurrent finds 24.5 vs 21.5 per 100 a first-line target; costlier over 20 years |',
  '| Koole (LEMA) | Netherlands; discrete-event simulation | tissue only / cfDNA first / tissue first | €2,304 / €3,218 / €2,448 per patient; 20 / 9 / 19 days to a result | tests, biopsies and complications €1,017 / €1,842 / €1,199; 18.5 / 16.9 / 20.1 days to treatment (means) |',
  '| Yang 2022 (Front Oncol) | Taiwan; probabilistic decision tree | tissue-first, plasma-first, complementary | tissue-first cheapest (US$2,354); complementary fastest (12.7 days) | tissue-only and rescue cheapest to test; plasma-first and concurrent fastest |',
  '| Spain 2024 (J Med Econ) | Spain; decision tree + partitioned survival, lifetime | plasma CDx vs no molecular diagnosis when tissue is infeasible | €9,473/QALY | not modelled: tissue-infeasible patients are not a separate population here |',
  '| Ontario Health 2020 (EGFR T790M) | Ontario; test-accuracy review, CEA, 5-year BIA | plasma triage vs tissue at progression | triage "may not be cost-effective"; budget impact CAD 0.06–3 M over 5 years | first line, not at progression; 5-year budget impact +€6.51 M |',
].join('\n');

// Answers draw on DOMAIN-NOTES.md §2.4 (what a dossier for a plasma ctDNA NGS test should contain) and §3; the
// model figures are those of resources/examples/liquid-biopsy-nsclc.json (engine 1.2.0), pinned in
// tests/validation/liquid-biopsy-example.test.ts and bia-liquid-biopsy-nsclc.test.ts.
function exampleDomains(): Dossier['domains'] {
  return {
    CUR: {
      elements: [
        el('A0002',
          'Treatment-naïve advanced (stage IV) non-squamous non-small-cell lung cancer (NSCLC), in which first-line treatment depends on actionable genomic alterations: EGFR, ALK, ROS1, BRAF V600, KRAS G12C, MET exon 14, RET, NTRK1–3 and HER2 (ERBB2).',
          'complete', ['ev-prevalence-reviews']),
        el('A0006',
          'Prevalence of actionable alterations in NSCLC: EGFR 10–20% in non-Asian and up to 60–70% in Asian patients; ALK 4–5%; ROS1 1–2%; BRAF V600 1–2%; KRAS G12C 10–15%; MET exon 14 2–3%; RET 2–4%; NTRK1–3 0.2%; HER2 2–3%. In real-world 9-biomarker NGS testing in Lombardy (2023), 45.5% of tested advanced adenocarcinomas had an actionable alteration. ' +
          'Belgium: the Belgian Cancer Registry recorded 9,410 lung cancers in 2022 (76,220 cancers of all sites); lung cancer 5-year net survival was 35% in women and 27% in men (diagnoses 2019–2023). The registry’s stage and histology shares were not retrieved.',
          'in-progress', ['ev-prevalence-reviews', 'ev-lombardy-2025', 'ev-bcr-2022']),
        el('A0007',
          'Adults with newly diagnosed stage IV non-squamous NSCLC, fit for first-line systemic therapy and due for genotyping. In Belgium about 1,800 patients a year: 9,410 lung cancers (registry, 2022) × NSCLC 85% × stage IV 45% × non-squamous 70% × fit for therapy 80% × genotyped 90% = 1,814; every share after the registry count is an assumption (NSCLC 85% is a review figure, not Belgian).',
          'in-progress', ['ev-bcr-2022']),
        el('A0013',
          'Current practice genotypes tumour tissue (single-gene tests or tissue NGS), with a re-biopsy when tissue is insufficient. Testing rates vary widely across Europe: EGFR testing ranges from 51% (Belgium, 2011 data) and 53% (France) to 91–92% (Slovenia, Spain, England). In Belgium, molecular tests linked to a treatment are reimbursed under nomenclature article 33ter (from 1 July 2019), and the RIZIV/INAMI NGS convention ran as a pilot with 10 NGS networks from July 2019 to 30 June 2024.',
          'complete', ['ev-de-jager-2024']),
        el('A0018',
          'The alternatives are other ways of using tissue and plasma: tissue-only genotyping (with re-biopsy when tissue fails), tissue-first with plasma NGS when tissue gives no result, plasma-first with tissue when plasma finds no target, and concurrent plasma + tissue testing. The example model compares exactly these four (PICO questions 1–3).',
          'complete', ['ev-singapore-2024', 'ev-lema-koole']),
      ],
    },
    TEC: {
      elements: [
        el('B0001',
          'Next-generation sequencing of cell-free/circulating tumour DNA (cfDNA/ctDNA) extracted from a plasma sample. Specimen: plasma; analyte: cfDNA/ctDNA; panel content: the guideline genes and variant types (SNV/indel, fusion, CNV). Platform and panel differ between products, and product-to-product differences can change diagnostic performance, so the assessment should name the assay (published studies used Guardant360 and FoundationOne Liquid CDx).',
          'complete', ['ev-ezeife-2022', 'ev-spain-f1lcdx-2024']),
        el('B0018',
          'To be documented per assay: limit of detection and variant allele frequency cut-off, the failure rate (ctDNA not detected) and reproducibility. ctDNA is detectable in about 84% of patients (86/102, Thompson 2016), so a negative plasma result does not rule out an alteration; no analytical-validity values were collected for this example.',
          'in-progress', ['ev-thompson-2016']),
      ],
    },
    SAF: {
      elements: [
        el('C0001',
          'A blood draw carries negligible direct risk. The main safety effect is indirect: re-biopsies avoided when tissue is insufficient. CT-guided transthoracic biopsy causes pneumothorax in 25.9% and needs a chest drain in 6.9% (meta-analysis of 36 studies, 23,104 patients). In the model, plasma rescue lowers re-biopsies from 12.2 to 10.1 per 100 patients. Harms of wrong results: a missed alteration withholds targeted therapy (immunotherapy works poorly in driver-positive disease: IMMUNOTARGET median PFS 2.1 months for EGFR, 2.5 for ALK); a false-positive plasma result (specificity 0.99 against tissue) could lead to an ineffective targeted therapy.',
          'complete', ['ev-biopsy-complications', 'ev-immunotarget-2019']),
      ],
    },
    EFF: {
      elements: [
        el('D1001',
          'Against tissue genotyping, the published bivariate meta-analysis of 13 studies gives sensitivity 0.69 (95% CI 0.63–0.74) and specificity 0.99 (0.97–1.00) for any driver (Chen 2023, preprint; its 2×2 tables were not retrieved). Sensitivity differs by gene: ROS1 0.29 (0.13–0.53), KRAS 0.77 (Chen); in NILE (Table 3, counts in this dossier) 82% for EGFR exon 19 deletion (18/22), 90% for L858R (9/10), 75% for ALK (6/8), 0/2 for ROS1 and 2/2 for BRAF V600E, with no false positive among 90–213 tissue-negative patients per gene. The two ALK tables (NILE, Cui 2017: 13/24) pool to 58.4% (41.3–73.7%; REML, univariate with two studies). Weighted by the alteration mix of the model, plasma sensitivity is 0.649. Tissue is an imperfect reference: it fails or is insufficient in a sizeable share of patients, and plasma-only findings counted as false positives may be true (NILE: PPV 100%, 34/34). Plasma misses and tissue failures are assumed independent given the alteration; a scenario lets plasma miss twice as often when tissue fails.',
          'complete', ['ev-nile-2019', 'ev-cui-2017', 'ev-chen-2023']),
        el('D1007',
          'Accuracy depends on tumour shedding (ctDNA detectable in about 84%), on the gene (ROS1 fusions are detected least well) and on the assay generation: a PCR-era single-gene test for EGFR T790M at progression had sensitivity 68% and specificity 86% (Ontario Health 2020), which should not be transferred to first-line NGS panels.',
          'complete', ['ev-thompson-2016', 'ev-chen-2023', 'ev-ontario-2020']),
        el('D0020',
          'Yes, as an add-on: in NILE, adding cfDNA to tissue raised the number of patients with a guideline biomarker by 48% (60 → 89 of 282); in the VALUE-based analysis, actionable alterations were found in 68.5% with liquid biopsy plus tissue vs 52.7% with tissue alone. In LEMA, a clinically relevant result was obtained in 93% with cfDNA first or tissue first vs 84% with tissue only. In the model, patients matched to first-line targeted therapy per 100: tissue-only 21.5, tissue-first rescue 23.9, plasma-first and concurrent 24.5, of 26.2 with a first-line target.',
          'complete', ['ev-nile-2019', 'ev-ezeife-2022', 'ev-lema-koole']),
        el('D0026',
          'Faster results can bring targeted therapy forward: median turnaround 9 vs 15 days (NILE); diagnostic throughput 9 days with cfDNA first vs 20 days with tissue only (LEMA); ACCELERATE reported 39 vs 62 days from referral to treatment start (secondary report; arms and details to be verified). The model gives mean times to treatment of 18.5 days (tissue-only), 20.1 (tissue-first rescue) and 16.9 (plasma-first, concurrent). It measures survival from diagnosis, so a shorter wait adds quality of life (utility 0.653 while waiting) but no life-years unless excess mortality while waiting is assumed (0 in the base case: no source quantifies it; 0.5 per year in a scenario).',
          'in-progress', ['ev-nile-2019', 'ev-lema-koole', 'ev-accelerate-2023']),
        el('D0032',
          'Linked evidence: patients whose alteration is detected receive matched first-line therapy, e.g. osimertinib for EGFR (FLAURA: PFS 18.9 vs 10.2 months, HR 0.46; OS 38.6 vs 31.8 months, HR 0.80; 74% alive at 24 months) or alectinib for ALK (ALEX: PFS 34.8 vs 10.9 months, HR 0.43; 5-year OS 62.5%); patients without an actionable alteration receive chemo-immunotherapy (KEYNOTE-189: OS 22.0 vs 10.7 months, HR 0.56; 5-year OS 19.4%). Patients whose alteration is missed do poorly on immunotherapy (IMMUNOTARGET: median PFS 2.1 months EGFR, 2.5 ALK; OS 13.3 months overall). The model draws each overall-survival curve through a published median and landmark (log-logistic) and uses the IMMUNOTARGET outcomes for missed patients.',
          'complete', ['ev-flaura', 'ev-flaura-landmarks', 'ev-alex', 'ev-keynote-189', 'ev-immunotarget-2019']),
        el('D0001',
          'Through the test-treatment chain only. Discounted life-years per patient in the model: tissue-only 3.494, tissue-first rescue 3.564, plasma-first and concurrent 3.578: +0.070 and +0.084 life-years, all from patients moved from immunotherapy-in-driver-positive outcomes to targeted therapy. No trial has measured overall mortality by genotyping strategy.',
          'in-progress', ['ev-flaura', 'ev-alex', 'ev-immunotarget-2019']),
      ],
    },
    ECO: {
      elements: [
        el('E0001',
          'Plasma NGS test, tissue biopsy and tissue genotyping, re-biopsies and the treatment of their complications, first-line targeted therapies and chemo-immunotherapy, and follow-up of progression. Perspective for Belgium: health-care payer for costs (KCE Report 183C).',
          'complete', ['ev-biopsy-complications']),
        el('E0002',
          'Insufficient tissue ≈10% and insufficient DNA ≈16% of successful biopsies (Patel 2021) give a derived probability of no usable tissue result of 0.10 + 0.16 × 0.90 ≈ 0.24 (our derivation, not a published figure); a pessimistic scenario uses 0.51 (tissue NGS successful in 49%, Thompson 2016). Per 100 patients the model uses 24.4 plasma tests with tissue-first rescue and 100 with plasma-first or concurrent testing, and 12.2 (tissue-only) or 10.1 (the others) re-biopsies.',
          'in-progress', ['ev-patel-2021', 'ev-thompson-2016']),
        el('E0003',
          'Dutch per-patient diagnostic costs: tissue only €2,304, cfDNA first €3,218, tissue first €2,448 (LEMA). Ontario: liquid biopsy ≈ CAD 700 vs tissue biopsy ≈ CAD 2,500. Belgian unit costs (RIZIV/INAMI NGS tariffs, biopsy) were not retrieved; the article 33ter patient co-payment is €8.68. The model’s unit costs are stated assumptions (plasma NGS €1,000, tissue NGS €660 after an Italian full cost, re-biopsy €2,000, targeted therapy €5,000 and chemo-immunotherapy €7,000 a month). The costs of false results follow from the treatment arms: a missed alteration gives immunotherapy outcomes, a false positive an ineffective targeted therapy.',
          'in-progress', ['ev-lema-koole', 'ev-ontario-2020']),
        el('E0005',
          'Model results per patient (discounted, KCE rates; Belgian prices not retrieved, so drug and test prices are assumptions):\n' +
          '- tissue-only €175,477, 2.459 QALYs, 3.494 life-years;\n' +
          '- tissue-first with plasma rescue €179,233, 2.515 QALYs: +€3,756 and +0.056 QALY, €67,168 per QALY;\n' +
          '- plasma-first €180,511, 2.527 QALYs: +€1,278 and +0.012 QALY over rescue, €103,448 per QALY;\n' +
          '- concurrent €180,624 with plasma-first’s QALYs: dominated (it pays tissue NGS for plasma positives and finds no one more).\n' +
          'Probabilistic analysis (10,000 draws, seed 2027): tissue-only has the highest net benefit in 99.7% of draws at €30,000 per QALY and 90.8% at €50,000 (tissue-first rescue 6.9%, plasma-first 2.3%); the expected value of perfect information is €1 and €31 per patient.\n' +
          'Reconciliation with the Singapore study (tissue → plasma vs tissue: S$31,318/QALY; plasma-first and plasma-only more costly and less effective): the order of the strategies agrees — tissue-first with plasma rescue is the first step beyond tissue-only in both — but the ratio here is about twice as high. Three reasons: fewer patients have a first-line target in a European population (26% here; EGFR alone is 40–50% in Asian populations), so each plasma test finds fewer; every patient found moves to a targeted therapy whose assumed price makes the switch itself cost €62,000–66,000 per QALY against immunotherapy outcomes (ALK, EGFR); and plasma-first is not dominated here because the diagnostic tissue block is assumed to be in the laboratory already, so plasma-first is never slower than tissue-only (the Singapore model’s timing assumptions were not retrieved). Englmeier 2022 (Germany) found liquid biopsy added to tissue costlier and more effective at €53,909 per QALY; concurrent testing here is €75,396 per QALY against tissue-only, dominated by plasma-first.\n\n' +
          PUBLISHED_CEA_TABLE,
          'complete', ['ev-singapore-2024', 'ev-germany-2022', 'ev-ezeife-2022', 'ev-lema-koole', 'ev-yang-2022', 'ev-spain-f1lcdx-2024', 'ev-ontario-2020']),
        el('E0011',
          'Results vary by alteration group (the model runs EGFR, ALK, other actionable and none separately: a found ALK patient gains 4.9 QALYs, an EGFR patient 2.1, at €62,000 and €66,000 per QALY), by alteration prevalence (much higher EGFR prevalence in Asian populations), by tissue adequacy and re-biopsy probability (the widest one-way ranges of the budget impact), by plasma sensitivity per gene and by drug prices: tissue-first rescue becomes the best strategy at €50,000 per QALY when targeted therapy costs less than about €3,560 a month. Englmeier 2022 found liquid biopsy cost-saving in EGFR-mutated patients; this model does not, at its assumed prices.',
          'in-progress', ['ev-singapore-2024', 'ev-germany-2022', 'ev-prevalence-reviews']),
      ],
    },
    ETH: {
      elements: [
        el('F0018',
          'The trade-off is between high specificity (0.99 against tissue: few patients wrongly given targeted therapy) and modest sensitivity (about 0.65 over the alteration mix): a plasma result without a target must trigger tissue testing so that patients are not denied targeted therapy, which all four modelled strategies do. Incidental or germline findings from broad panels need a policy on disclosure and consent.',
          'complete', ['ev-chen-2023', 'ev-nile-2019']),
      ],
    },
    ORG: {
      elements: [
        el('G0100',
          'Blood sample at diagnosis (concurrent with or before biopsy), transport to an NGS laboratory, results to the molecular tumour board. Waiting times: cfDNA turnaround 9 vs 15 days for tissue (NILE); complementary testing 12.7 days (Yang 2022). In plasma-first testing the diagnostic biopsy is still taken (histology) and its block kept for tissue NGS if plasma finds no target; the model assumes that tissue result comes as soon as in tissue-only testing.',
          'complete', ['ev-nile-2019', 'ev-yang-2022']),
        el('G0101',
          'In Belgium, laboratories performing article 33ter tests must be accredited (ISO 15189); NGS was organised in networks under the RIZIV/INAMI convention (10 networks, 25 institutions; volume from 12,000 tests in the first year to 23,000 in 2023). Reimbursement conditions for plasma NGS were not retrieved. An Ontario multidisciplinary working group proposed three eligibility criteria for reimbursing liquid biopsy, the first being insufficient tissue or failed tissue testing — the tissue-first rescue strategy of PICO 1.',
          'in-progress', ['ev-breadner-2024']),
      ],
    },
    SOC: {
      elements: [
        el('H0002',
          'Relatives, when a panel reveals a possible germline variant; carers, who benefit from fewer biopsy procedures and a shorter diagnostic phase.',
          'in-progress'),
        el('H0012',
          'Access depends on the hospital’s NGS network and on reimbursement; testing rates differ markedly between countries (EGFR 51–92%). A blood test may reach patients too frail for a re-biopsy.',
          'in-progress', ['ev-de-jager-2024']),
      ],
    },
    LEG: {
      elements: [
        el('I0011',
          'Equal access depends on reimbursement of plasma NGS and on each hospital’s NGS network. Legal frame: Regulation (EU) 2021/2282 applies from 12 January 2025 and covers IVDs; most liquid-biopsy companion diagnostics (typically IVDR class C) would not themselves be eligible for joint clinical assessment (our inference; the Art 7 eligibility wording is unverified), so co-dependent medicine JCAs and national HTA remain the main routes. Under IVDR Art 48(3) a companion diagnostic requires consultation of EMA or a national medicines agency.',
          'in-progress', ['ev-htar-ivd-eligibility', 'ev-ivdr-class']),
      ],
    },
  };
}

/** A fresh copy of the bundled example (callers may change it freely). */
export function exampleDossier(): Dossier {
  return {
    id: EXAMPLE_DOSSIER_ID,
    title: EXAMPLE_DOSSIER_TITLE,
    createdAt: EXAMPLE_TIMESTAMP,
    updatedAt: EXAMPLE_TIMESTAMP,
    status: 'draft',
    archived: false,
    indication: 'Advanced (stage IV) non-squamous NSCLC, first line',
    technology: {
      name: 'Plasma ctDNA next-generation sequencing panel (liquid biopsy)',
      type: 'liquid-biopsy',
      manufacturer: 'Assay-agnostic example (published studies used Guardant360 and FoundationOne Liquid CDx)',
      regulatoryStatus: 'CE-IVDR; cancer tests are typically class C (secondary source) — confirm per product. As a companion diagnostic: IVDR Art 48(3) consultation of EMA or a national medicines agency.',
      intendedUse:
        'Detection of actionable genomic alterations (EGFR, ALK, ROS1, BRAF V600, KRAS G12C, MET exon 14, RET, NTRK1–3, HER2) in circulating tumour DNA from plasma, to select first-line targeted therapy in treatment-naïve advanced non-squamous NSCLC; used with tissue genotyping (concurrently, plasma-first or as tissue-first rescue).',
    },
    // One to one with the model's strategies (EXAMPLE_MODEL_STRATEGIES): each intervention and comparator names its
    // model strategy; PICO 1 is the reimbursement question and the budget impact's new world.
    picos: [
      {
        id: 'pico-1',
        label: 'Plasma NGS when tissue gives no result (tissue-first rescue)',
        population: 'Adults with treatment-naïve stage IV non-squamous NSCLC eligible for first-line systemic therapy',
        intervention: 'Tissue-first NGS, plasma ctDNA NGS when the tissue gives no result, re-biopsy if neither settles it (model strategy: tissue_first_plasma_rescue)',
        comparators: ['Tissue-only NGS, with re-biopsy if tissue is insufficient (model strategy: tissue_only)'],
        outcomes: [
          'Detection of actionable alterations (patients matched to first-line targeted therapy)',
          'Test accuracy against tissue (sensitivity by alteration, specificity)',
          'Time to treatment',
          'Progression-free and overall survival',
          'Re-biopsies avoided and biopsy complications',
          'Costs, QALYs, life-years and budget impact',
        ],
      },
      {
        id: 'pico-2',
        label: 'Plasma-first testing',
        population: 'Adults with treatment-naïve stage IV non-squamous NSCLC eligible for first-line systemic therapy',
        intervention: 'Plasma-first NGS, tissue NGS on the diagnostic block when plasma finds no target or gives no result (model strategy: plasma_first)',
        comparators: ['Tissue-first NGS with plasma rescue (model strategy: tissue_first_plasma_rescue)', 'Tissue-only NGS (model strategy: tissue_only)'],
        outcomes: ['Clinically relevant result', 'Time to treatment', 'Costs per patient', 'Costs per QALY'],
      },
      {
        id: 'pico-3',
        label: 'Concurrent plasma + tissue testing',
        population: 'Adults with treatment-naïve stage IV non-squamous NSCLC eligible for first-line systemic therapy',
        intervention: 'Plasma ctDNA NGS concurrently with tissue NGS at diagnosis (model strategy: concurrent)',
        comparators: ['Plasma-first NGS (model strategy: plasma_first)', 'Tissue-first NGS with plasma rescue (model strategy: tissue_first_plasma_rescue)', 'Tissue-only NGS (model strategy: tissue_only)'],
        outcomes: ['Detection of actionable alterations', 'Time to treatment', 'Costs per patient', 'Costs per QALY'],
      },
    ],
    domains: exampleDomains(),
    evidence: exampleEvidence(),
    assessors: [
      { id: 'assessor-1', name: 'Example clinical assessor', role: 'Clinical assessment (CUR, TEC, SAF, EFF)', organisation: 'Example HTA agency' },
      { id: 'assessor-2', name: 'Example health economist', role: 'Non-clinical assessment (ECO, ORG)', organisation: 'Example HTA agency' },
    ],
    // Reporting details for the CHEERS 2022 checklist; perspective and setting after KCE Report 183C (§4).
    reporting: {
      analysisPlan: 'No health economic analysis plan was written for this illustrative example.',
      setting: 'Belgium (illustrative): first-line genotyping of advanced non-squamous NSCLC in hospital molecular pathology networks; Belgian discount rates and population, assumed unit costs.',
      perspective: 'Costs: health-care payer (government and patients); outcomes: health effects on patients, valued by the public — the Belgian guideline (KCE Report 183C, 2012).',
      heterogeneity: 'Not analysed beyond the model structure: survival and plasma sensitivity differ by alteration group (EGFR, ALK, other actionable, none), but no subgroup results are reported separately.',
      engagement: 'No patients or members of the public were involved in this illustrative example.',
      engagementEffect: 'Not applicable: no engagement took place.',
      funding: 'None: an illustrative example shipped with HTA Workbench, not a funded assessment.',
      conflictsOfInterest: 'None declared (example).',
      limitations: '',
      summary: '',
      confidentiality: 'Illustrative example — not for decision making',
    },
    modelLinks: [{ id: 'model-liquid-biopsy-nsclc', name: 'Genotyping strategies: decision tree + partitioned survival', ref: 'resources/examples/liquid-biopsy-nsclc.json', description: 'Tissue-only vs tissue-first with plasma rescue vs plasma-first vs concurrent plasma + tissue NGS, by alteration group (EGFR, ALK, other actionable, none); matched targeted therapy or chemo-immunotherapy (partitioned survival, survival from diagnosis); Belgian discounting and a five-year Belgian budget impact.' }],
  };
}
