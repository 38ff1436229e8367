import type { FileProblem } from '../../dossier/parse-file';
import { Dialog } from '../ui/dialog';

/** Every problem found in a file, each with where it is (path) and what is wrong. */
export function ProblemsDialog({ title, intro, problems, onClose }: { title: string; intro: string; problems: FileProblem[] | null; onClose: () => void }) {
  return (
    <Dialog
      open={problems !== null}
      wide
      title={title}
      onClose={onClose}
      testId="problems-dialog"
      footer={<button type="button" className="btn btn-primary" onClick={onClose} autoFocus>Close</button>}
    >
      <p>{intro}</p>
      <p className="subtle">
        {problems?.length === 1 ? '1 problem' : `${problems?.length ?? 0} problems`} found. Nothing was changed in your workspace.
      </p>
      <ul className="problem-list" data-testid="problem-list">
        {problems?.map((problem, i) => (
          <li key={`${problem.path}-${i}`} data-testid="problem">
            <span className="problem-path">{problem.path || '(whole file)'}</span>
            <span>{problem.message}</span>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
