// The bundled example dossier, seeded on first run. Every fact and figure comes from the project's domain
// research notes (DOMAIN-NOTES, sections named in the comments; sources cited per item); tags: [V] seen in the source,
// [S] secondary source (→ secondarySource: true), [K] general knowledge, not retrieved (→ unverified: true).
// Where the notes say a value was "not retrieved", the example says so instead of guessing.
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
      population: 'Advanced NSCLC (n = 282)',
      n: 282,
      indexTest: 'Comprehensive cfDNA NGS',
      referenceTest: 'Tissue genotyping (standard of care)',
      sensitivity: ci(0.8, null, null),
      notes:
        'Clinical sensitivity 80% for any guideline-recommended biomarker (48 of 60 tissue-positive patients also cfDNA-positive); 95% CI not retrieved. ' +
        'Concordance >98.2% and PPV 100% (34/34) for EGFR, ALK, ROS1 and BRAF; specificity as such not retrieved. ' +
        'Detection: tissue 60 (21.3%) vs cfDNA 77 (27.3%); adding cfDNA to tissue raised detection by 48% (60 → 89). Median turnaround 9 days (cfDNA) vs 15 days (tissue).',
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
      citation: 'Lung Cancer 2024;191:107794. PMID 38636314 (Singapore).',
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
      citation: 'J Cancer Res Clin Oncol 2022. doi:10.1007/s00432-022-04034-w (German care setting).',
      design: 'Decision tree + Markov microsimulation, 10-year horizon, costs discounted 3% per year',
      population: 'Advanced NSCLC; cohort II: tissue biopsy infeasible',
      indexTest: 'Liquid biopsy added to tissue biopsy',
      referenceTest: 'Tissue biopsy alone',
      notes: 'Liquid-biopsy add-on was costlier and more effective; cost-saving and QALY-increasing in the EGFR subgroup. The ICER was sensitive to liquid-biopsy sensitivity.',
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
      notes: 'Osimertinib vs gefitinib/erlotinib: median PFS 18.9 vs 10.2 months, HR 0.46; median OS 38.6 vs 31.8 months, HR 0.80 (0.64–1.00).',
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
      notes: 'Pembrolizumab + pemetrexed-platinum vs placebo + pemetrexed-platinum: OS 22.0 vs 10.7 months, HR 0.56; PFS 9.0 vs 4.9 months, HR 0.48. 5-year update: OS 22.0 vs 10.6 months, HR 0.60; 5-year OS 19.4% vs 11.3%.',
    }),
    evidenceRow({
      id: 'ev-de-jager-2024',
      citation: 'de Jager VD, Timens W, Bayle A, et al. Lancet Reg Health Eur 2024;38:100838, Table 3.',
      design: 'Published table of biomarker testing rates by country',
      population: 'NSCLC in European countries',
      notes: 'EGFR testing rates: Austria 77.1%, Belgium 51% (2011 data), Czech Republic 79.3%, England 92%, France 53%, Germany 72.5%, Netherlands ~60–82%, Slovenia 91%, Spain 91.4%. ALK: Austria 62.5%, Czech Republic 82.7%, England 80%, France 46%, Germany 74.5%, Netherlands ~35–55%, Slovenia 87%, Spain 80.1%.',
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

function el(id: string, topic: string, issue: string, answer: string, status: AssessmentElement['status'], evidenceIds: string[] = []): AssessmentElement {
  return { id, topic, issue, answer, status, evidenceIds };
}

// Answers draw on DOMAIN-NOTES.md §2.4 (what a dossier for a plasma ctDNA NGS test should contain) and §3.
function exampleDomains(): Dossier['domains'] {
  return {
    CUR: {
      elements: [
        el('A0002', 'Target Condition', 'What is the disease or health condition in the scope of this assessment?',
          'Treatment-naïve advanced (stage IV) non-squamous non-small-cell lung cancer (NSCLC), in which first-line treatment depends on actionable genomic alterations: EGFR, ALK, ROS1, BRAF V600, KRAS G12C, MET exon 14, RET, NTRK1–3 and HER2 (ERBB2).',
          'complete', ['ev-prevalence-reviews']),
        el('A0006', 'Target Condition', 'What is the burden of the disease or health condition, including its prevalence and incidence?',
          'Prevalence of actionable alterations in NSCLC: EGFR 10–20% in non-Asian and up to 60–70% in Asian patients; ALK 4–5%; ROS1 1–2%; BRAF V600 1–2%; KRAS G12C 10–15%; MET exon 14 2–3%; RET 2–4%; NTRK1–3 0.2%; HER2 2–3%. In real-world 9-biomarker NGS testing in Lombardy (2023), 45.5% of tested advanced adenocarcinomas had an actionable alteration. ' +
          'Incidence of stage IV non-squamous NSCLC in the assessing country (e.g. from the Belgian Cancer Registry) was not retrieved.',
          'in-progress', ['ev-prevalence-reviews', 'ev-lombardy-2025']),
        el('A0013', 'Current Management of the Condition', 'How is the disease/health condition currently diagnosed or screened?',
          'Current practice genotypes tumour tissue (single-gene tests or tissue NGS), with a re-biopsy when tissue is insufficient. Testing rates vary widely across Europe: EGFR testing ranges from 51% (Belgium, 2011 data) and 53% (France) to 91–92% (Slovenia, Spain, England). In Belgium, molecular tests linked to a treatment are reimbursed under nomenclature article 33ter (from 1 July 2019), and the RIZIV/INAMI NGS convention ran as a pilot with 10 NGS networks from July 2019 to 30 June 2024.',
          'complete', ['ev-de-jager-2024']),
      ],
    },
    TEC: {
      elements: [
        el('B0001', 'Features of the technology', 'What is this technology?',
          'Next-generation sequencing of cell-free/circulating tumour DNA (cfDNA/ctDNA) extracted from a plasma sample. Specimen: plasma; analyte: cfDNA/ctDNA; panel content: the guideline genes and variant types (SNV/indel, fusion, CNV). Platform and panel differ between products, and product-to-product differences can change diagnostic performance, so the assessment should name the assay (published studies used Guardant360 and FoundationOne Liquid CDx).',
          'complete', ['ev-ezeife-2022', 'ev-spain-f1lcdx-2024']),
        el('B0018', 'Features of the technology', 'Are the reference values or cut-off points clearly established?',
          'To be documented per assay: limit of detection and variant allele frequency cut-off, the failure rate (ctDNA not detected) and reproducibility. ctDNA is detectable in about 84% of patients (86/102, Thompson 2016), so a negative plasma result does not rule out an alteration; no analytical-validity values were collected for this example.',
          'in-progress', ['ev-thompson-2016']),
      ],
    },
    SAF: {
      elements: [
        el('C0008', 'Patient safety', 'How safe is the technology in comparison to the comparator(s)?',
          'A blood draw carries negligible direct risk. The main safety effect is indirect: re-biopsies avoided when tissue is insufficient. CT-guided transthoracic biopsy causes pneumothorax in 25.9% and needs a chest drain in 6.9% (meta-analysis of 36 studies, 23,104 patients). Harms of wrong results: a false-negative plasma result can withhold targeted therapy if tissue is not tested; with pooled specificity 0.99, false positives are rare.',
          'complete', ['ev-biopsy-complications', 'ev-chen-2023']),
      ],
    },
    EFF: {
      elements: [
        el('D1001', 'Test accuracy', 'What is the accuracy of the test against the reference standard?',
          'Against tissue genotyping, pooled sensitivity for any driver is 0.69 (95% CI 0.63–0.74) and specificity 0.99 (0.97–1.00), with sensitivity by gene from 0.29 (ROS1) to 0.77 (KRAS) (Chen 2023, preprint). In NILE, clinical sensitivity was 80% (48/60) with PPV 100% for EGFR, ALK, ROS1 and BRAF. Tissue is an imperfect reference: it fails or is insufficient in a sizeable share of patients.',
          'complete', ['ev-chen-2023', 'ev-nile-2019']),
        el('D1007', 'Test accuracy', 'How does test accuracy vary in different settings?',
          'Accuracy depends on tumour shedding (ctDNA detectable in about 84%), on the gene (ROS1 fusions are detected least well) and on the assay generation: a PCR-era single-gene test for EGFR T790M at progression had sensitivity 68% and specificity 86% (Ontario Health 2020), which should not be transferred to first-line NGS panels.',
          'complete', ['ev-thompson-2016', 'ev-chen-2023', 'ev-ontario-2020']),
        el('D0020', 'Change-in management', 'Does use of the test lead to improved detection of the condition?',
          'Yes, as an add-on: in NILE, adding cfDNA to tissue raised the number of patients with a guideline biomarker by 48% (60 → 89 of 282); in the VALUE-based analysis, actionable alterations were found in 68.5% with liquid biopsy plus tissue vs 52.7% with tissue alone. In LEMA, a clinically relevant result was obtained in 93% with cfDNA first or tissue first vs 84% with tissue only.',
          'complete', ['ev-nile-2019', 'ev-ezeife-2022', 'ev-lema-koole']),
        el('D0026', 'Change-in management', 'How does the technology modify the effectiveness of subsequent interventions?',
          'Faster results can bring targeted therapy forward: median turnaround 9 vs 15 days (NILE); diagnostic throughput 9 days with cfDNA first vs 20 days with tissue only (LEMA); ACCELERATE reported 39 vs 62 days from referral to treatment start (secondary report; arms and details to be verified).',
          'in-progress', ['ev-nile-2019', 'ev-lema-koole', 'ev-accelerate-2023']),
        el('D0032', 'Test-treatment chain', 'How does the test-treatment intervention modify the magnitude and frequency of morbidity?',
          'Linked evidence: patients whose alteration is detected receive matched first-line therapy, e.g. osimertinib for EGFR (FLAURA: PFS 18.9 vs 10.2 months, HR 0.46; OS 38.6 vs 31.8 months, HR 0.80) or alectinib for ALK (ALEX: PFS 34.8 vs 10.9 months, HR 0.43); patients without an actionable alteration receive chemo-immunotherapy (KEYNOTE-189: OS 22.0 vs 10.7 months, HR 0.56). The test acts as an add-on (or triage) to tissue testing; the chain links test accuracy and detection yield from diagnostic studies with treatment effects from the drug trials.',
          'complete', ['ev-flaura', 'ev-alex', 'ev-keynote-189']),
      ],
    },
    ECO: {
      elements: [
        el('E0001', 'Resource utilization', 'What types of resources are used when delivering the technology and its comparators (resource-use identification)?',
          'Plasma NGS test, tissue biopsy and tissue genotyping, re-biopsies and the treatment of their complications, first-line targeted therapies and chemo-immunotherapy, and follow-up of progression. Perspective for Belgium: health-care payer for costs (KCE Report 183C).',
          'complete', ['ev-biopsy-complications']),
        el('E0002', 'Resource utilization', 'What amounts of resources are used when delivering the technology and its comparators?',
          'Insufficient tissue ≈10% and insufficient DNA ≈16% of successful biopsies (Patel 2021) give a derived probability of no usable tissue result of 0.10 + 0.16 × 0.90 ≈ 0.24 (our derivation, not a published figure); a pessimistic scenario uses 0.51 (tissue NGS successful in 49%, Thompson 2016).',
          'in-progress', ['ev-patel-2021', 'ev-thompson-2016']),
        el('E0003', 'Resource utilization', 'What are the unit costs of the resources used, including the costs of false positive and false negative results?',
          'Dutch per-patient diagnostic costs: tissue only €2,304, cfDNA first €3,218, tissue first €2,448 (LEMA). Ontario: liquid biopsy ≈ CAD 700 vs tissue biopsy ≈ CAD 2,500. Belgian unit costs (RIZIV/INAMI NGS tariffs, biopsy) were not retrieved; the article 33ter patient co-payment is €8.68.',
          'in-progress', ['ev-lema-koole', 'ev-ontario-2020']),
        el('E0005', 'Measurement and estimation of outcomes', 'What are the incremental effects of the technology relative to its comparators?',
          'Published analyses disagree by setting: in Singapore, tissue → plasma vs tissue alone gave +0.0981 QALY at S$31,318/QALY, while plasma-first and plasma-only were dominated; in Germany the add-on was costlier and more effective (cost-saving for EGFR); in Spain, plasma CDx for patients without usable tissue cost €9,473/QALY vs no molecular diagnosis; in Ontario (VALUE) liquid biopsy plus tissue was reported as cost saving.',
          'complete', ['ev-singapore-2024', 'ev-germany-2022', 'ev-spain-f1lcdx-2024', 'ev-ezeife-2022']),
        el('E0011', 'Characterising uncertainty', 'How is heterogeneity characterised (variation of costs and effects between subgroups)?',
          'Results vary by alteration prevalence (much higher EGFR prevalence in Asian populations), by tissue adequacy and re-biopsy probability, by liquid-biopsy sensitivity and by drug prices (pembrolizumab, osimertinib). Subgroups: EGFR-positive patients; patients in whom tissue is infeasible.',
          'in-progress', ['ev-singapore-2024', 'ev-germany-2022', 'ev-prevalence-reviews']),
      ],
    },
    ETH: {
      elements: [
        el('F0018', 'Benefit-harm balance', 'Are the accuracy measures decided and balanced in a transparent and acceptable way?',
          'The trade-off is between high specificity (0.99: few patients wrongly given targeted therapy) and modest sensitivity (0.69): a negative plasma result must trigger tissue testing so that patients are not denied targeted therapy. Incidental or germline findings from broad panels need a policy on disclosure and consent.',
          'complete', ['ev-chen-2023']),
      ],
    },
    ORG: {
      elements: [
        el('G0100', 'Health delivery process', 'What is the patient/participant flow, including waiting times?',
          'Blood sample at diagnosis (concurrent with or before biopsy), transport to an NGS laboratory, results to the molecular tumour board. Waiting times: cfDNA turnaround 9 vs 15 days for tissue (NILE); complementary testing 12.7 days (Yang 2022).',
          'complete', ['ev-nile-2019', 'ev-yang-2022']),
        el('G0101', 'Health delivery process', 'What processes ensure access to the technology for patients/participants?',
          'In Belgium, laboratories performing article 33ter tests must be accredited (ISO 15189); NGS was organised in networks under the RIZIV/INAMI convention (10 networks, 25 institutions; volume from 12,000 tests in the first year to 23,000 in 2023). Reimbursement conditions for plasma NGS were not retrieved.',
          'in-progress'),
      ],
    },
    SOC: {
      elements: [
        el('H0002', 'Major life areas', 'Who are the important others affected by the technology (e.g. relatives in genetic testing)?',
          'Relatives, when a panel reveals a possible germline variant; carers, who benefit from fewer biopsy procedures and a shorter diagnostic phase.',
          'in-progress'),
        el('H0012', 'Major life areas', 'Are there factors that could prevent a group or person from gaining access to or participating in the use of the technology?',
          'Access depends on the hospital’s NGS network and on reimbursement; testing rates differ markedly between countries (EGFR 51–92%). A blood test may reach patients too frail for a re-biopsy.',
          'in-progress', ['ev-de-jager-2024']),
      ],
    },
    LEG: {
      elements: [
        el('I0011', 'Equality in health care', 'Do laws/binding rules require appropriate processes or resources to guarantee equal access?',
          'Regulation (EU) 2021/2282 applies from 12 January 2025 and covers IVDs; most liquid-biopsy companion diagnostics (typically IVDR class C) would not themselves be eligible for joint clinical assessment (our inference; the Art 7 eligibility wording is unverified), so co-dependent medicine JCAs and national HTA remain the main routes. Under IVDR Art 48(3) a companion diagnostic requires consultation of EMA or a national medicines agency.',
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
    picos: [
      {
        id: 'pico-1',
        label: 'Add-on plasma NGS at diagnosis',
        population: 'Adults with treatment-naïve stage IV non-squamous NSCLC eligible for first-line systemic therapy',
        intervention: 'Plasma ctDNA NGS concurrently with tissue genotyping (tissue + liquid biopsy)',
        comparators: ['Tissue-only genotyping (single-gene tests or tissue NGS), with re-biopsy if tissue is insufficient'],
        outcomes: [
          'Detection of actionable alterations (detection yield)',
          'Test accuracy against tissue (sensitivity, specificity, PPV, NPV)',
          'Turnaround time and time to treatment start',
          'Proportion receiving matched first-line targeted therapy',
          'Progression-free and overall survival',
          'Re-biopsies avoided and biopsy complications',
          'Costs, QALYs and budget impact',
        ],
      },
      {
        id: 'pico-2',
        label: 'Sequential strategies',
        population: 'Adults with treatment-naïve stage IV non-squamous NSCLC eligible for first-line systemic therapy',
        intervention: 'Plasma-first testing (tissue only if plasma is negative or uninformative)',
        comparators: ['Tissue-first testing with plasma NGS if tissue is insufficient or negative', 'Tissue-only genotyping'],
        outcomes: ['Clinically relevant result', 'Diagnostic throughput time', 'Costs per patient', 'Costs per QALY'],
      },
      {
        id: 'pico-3',
        label: 'Tissue insufficient or biopsy infeasible',
        population: 'Adults with stage IV non-squamous NSCLC in whom tissue is insufficient or a biopsy is infeasible',
        intervention: 'Plasma ctDNA NGS (comprehensive genomic profiling)',
        comparators: ['No molecular diagnosis (first-line therapy without genotyping)'],
        outcomes: ['Alterations detected', 'Life-years and QALYs gained', 'Costs and budget impact'],
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
      heterogeneity: 'Not analysed: subgroups by alteration (EGFR, ALK, ROS1, …) share one prevalence and one pooled sensitivity.',
      engagement: 'No patients or members of the public were involved in this illustrative example.',
      engagementEffect: 'Not applicable: no engagement took place.',
      funding: 'None: an illustrative example shipped with HTA Workbench, not a funded assessment.',
      conflictsOfInterest: 'None declared (example).',
      limitations: '',
      summary: '',
      confidentiality: 'Illustrative example — not for decision making',
    },
    modelLinks: [{ id: 'model-liquid-biopsy-nsclc', name: 'Genotyping strategies: decision tree + partitioned survival', ref: 'resources/examples/liquid-biopsy-nsclc.json', description: 'Tissue-only vs plasma-first vs concurrent plasma + tissue NGS; matched targeted therapy or chemo-immunotherapy (partitioned survival); Belgian discounting.' }],
  };
}
