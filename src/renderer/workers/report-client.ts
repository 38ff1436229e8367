// The report preview's handle on its worker: started on first use, one for the app; calls typed by report-api.ts.
import { wrap } from 'comlink';
import type { Remote } from 'comlink';
import type { ReportApi } from './report-api';

let remote: Remote<ReportApi> | null = null;

export function reportWorker(): Remote<ReportApi> {
  if (remote === null) {
    const worker = new Worker(new URL('./report.worker.ts', import.meta.url), { type: 'module', name: 'report' });
    remote = wrap<ReportApi>(worker);
  }
  return remote;
}
