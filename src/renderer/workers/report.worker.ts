// Web Worker entry of the report preview's analyses (report-api.ts), so a PSA for a report never blocks the UI.
import { expose } from 'comlink';
import { reportApi } from './report-api';

expose(reportApi);
