// Web Worker entry of the engine for the Models and Results screens (validation, base case, tornado, budget
// impact, PSA summaries), so the UI thread never runs engine work. Started by engine-client.ts.
import { expose } from 'comlink';
import { engineApi } from './engine-api';

expose(engineApi);
