// Bundled example data for the Survival screen (resources/examples/survival, public data of R's survival package).
import amlAtRisk from '../../../resources/examples/survival/aml-at-risk.csv?raw';
import amlDigitised from '../../../resources/examples/survival/aml-digitised-km.csv?raw';
import aml from '../../../resources/examples/survival/aml.csv?raw';
import ovarian from '../../../resources/examples/survival/ovarian.csv?raw';

export interface PatientDataExample {
  id: string;
  name: string;
  /** The catalogue key of its description. */
  description: 'survival.example.ovarian' | 'survival.example.aml';
  csv: string;
  timeUnit: 'day' | 'week' | 'month' | 'year';
}

export const patientDataExamples: readonly PatientDataExample[] = [
  { id: 'ovarian', name: 'ovarian.csv', description: 'survival.example.ovarian', csv: ovarian, timeUnit: 'day' },
  { id: 'aml', name: 'aml.csv', description: 'survival.example.aml', csv: aml, timeUnit: 'week' },
];

export const digitisedExample = {
  name: 'aml Kaplan–Meier, digitised',
  curve: amlDigitised,
  atRisk: amlAtRisk,
  timeUnit: 'week' as const,
};
