// What the report worker does for the report preview: for each linked model, validate it, take its stored runs and
// run the analyses still missing (base case, one-way, threshold, two-way, scenarios, PSA, EVPPI, budget impact),
// off the UI thread. Plain functions over src/report and the engine, so they run in the worker and in vitest.
import { prepareReportModel, ReportInputError } from '../../report/report-input';
import type { PrepareSettings, ReportModel, ReportModelSource } from '../../report/report-input';

export interface PreparedModels {
  models: ReportModel[];
  /** Models that could not be used, each problem located ("Model title: parameters[3].value: …"). */
  problems: string[];
}

export function prepareReportModels(sources: ReportModelSource[], settings: PrepareSettings): PreparedModels {
  const models: ReportModel[] = [];
  const problems: string[] = [];
  sources.forEach((source) => {
    try {
      models.push(prepareReportModel(source, source.title, settings));
    } catch (error) {
      // "Title.model.document.parameters[3].value: …" reads better on screen as "Title: parameters[3].value: …".
      if (error instanceof ReportInputError) problems.push(...error.problems.map((p) => p.replace(`${source.title}.model.document.`, `${source.title}: `).replace(`${source.title}.runs`, `${source.title}: stored runs`)));
      else problems.push(`${source.title}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  return { models, problems };
}

export const reportApi = { prepareReportModels };
export type ReportApi = typeof reportApi;
