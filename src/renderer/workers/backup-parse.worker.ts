// Parses and validates a workspace backup file off the UI thread (a backup of 2,000 dossiers is tens of MB).
import '../zod-setup';
import { parseBackupFile } from '../../dossier/parse-file';
import { answerOneShot } from './one-shot-worker';

answerOneShot(parseBackupFile);
