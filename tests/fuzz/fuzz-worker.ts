// Worker thread of the fuzz tests: runs one case at a time (the CLI's main() in-process, or the dossier import
// parser) so the test can stop a case that exceeds its time limit, even one stuck in a synchronous loop.
import { parentPort } from 'node:worker_threads';
import { parseBackupFile, parseDossierFile } from '../../src/dossier/parse-file';

// The worker starts under tsx's CommonJS hook; the CLI's commands load through import(), which needs its ESM hook too.
const cli = import('tsx/esm/api').then(({ register }) => {
  register();
  return import('../../src/cli/main');
});

export type FuzzJob = { kind: 'cli'; argv: string[] } | { kind: 'dossier' | 'backup'; text: string };
export type FuzzRequest = FuzzJob & { id: number };

export interface FuzzReply {
  id: number;
  code: number;
  stdout: string;
  stderr: string;
  /** Dossier cases: the problems of a rejected file (empty when accepted). */
  problems: { path: string; message: string }[];
  thrown: string | null;
}

const port = parentPort;
if (port) {
  port.on('message', (request: FuzzRequest) => {
    void run(request).then((reply) => port.postMessage(reply));
  });
}

async function run(request: FuzzRequest): Promise<FuzzReply> {
  const reply: FuzzReply = { id: request.id, code: -1, stdout: '', stderr: '', problems: [], thrown: null };
  try {
    if (request.kind === 'cli') {
      const { main } = await cli;
      reply.code = await main(request.argv, { out: (t) => (reply.stdout += `${t}\n`), err: (t) => (reply.stderr += `${t}\n`) });
    } else {
      const parsed = request.kind === 'dossier' ? parseDossierFile(request.text) : parseBackupFile(request.text);
      reply.code = parsed.ok ? 0 : 1;
      if (!parsed.ok) reply.problems = parsed.problems;
    }
  } catch (e) {
    reply.thrown = e instanceof Error ? (e.stack ?? e.message) : String(e);
  }
  return reply;
}
