// Checks one model file in a worker of its own, so the Models screen can stop it (Cancel, time limit) by
// terminating the worker without touching the shared engine worker.
import '../zod-setup';
import { checkModel } from '../../engine/analysis/model-check';
import { answerOneShot } from './one-shot-worker';

answerOneShot(checkModel);
