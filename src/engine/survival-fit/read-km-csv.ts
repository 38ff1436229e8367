// Digitised Kaplan–Meier points and published numbers at risk from CSV text, with or without a header row
// (digitisers such as WebPlotDigitizer export headerless x,y files): time and survival; time and number at risk.
import { columnIndex, numericColumn, parseCsv } from './csv-table';
import type { DigitisedCurve, RiskTable } from './reconstruct-ipd';

export function readDigitisedCurveCsv(text: string): DigitisedCurve {
  const table = parseCsv(text, { header: 'auto', defaultHeader: ['time', 'survival'] });
  const time = numericColumn(table, columnIndex(table, 'time', ['x', 't']));
  const survival = numericColumn(table, columnIndex(table, 'survival', ['surv', 's', 'y', 'km']));
  return { time: Array.from(time), survival: Array.from(survival) };
}

export function readRiskTableCsv(text: string): RiskTable {
  const table = parseCsv(text, { header: 'auto', defaultHeader: ['time', 'n_risk'] });
  const time = numericColumn(table, columnIndex(table, 'time', ['t']));
  const nRisk = numericColumn(table, columnIndex(table, 'n_risk', ['nrisk', 'n.risk', 'at_risk', 'n']));
  return { time: Array.from(time), nRisk: Array.from(nRisk) };
}
