import type { FileProblem } from '../../dossier/parse-file';
import { Dialog } from '../ui/dialog';
import { useLanguage } from '../i18n/language';
import { describeFileProblem } from '../../report/file-problems';

/** Every problem found in a file, each with where it is (path, as in the file) and what is wrong (in the display language). */
export function ProblemsDialog({ title, intro, problems, onClose }: { title: string; intro: string; problems: FileProblem[] | null; onClose: () => void }) {
  const { t, fmt } = useLanguage();
  const count = problems?.length ?? 0;
  return (
    <Dialog
      open={problems !== null}
      wide
      title={title}
      onClose={onClose}
      testId="problems-dialog"
      footer={<button type="button" className="btn btn-primary" onClick={onClose} autoFocus>{t('shell.close')}</button>}
    >
      <p>{intro}</p>
      <p className="subtle">{count === 1 ? t('library.problems.one') : t('library.problems.other', { n: count })}</p>
      <ul className="problem-list" data-testid="problem-list">
        {problems?.map((problem, i) => (
          <li key={`${problem.path}-${i}`} data-testid="problem">
            <span className="problem-path">{problem.path || t('library.wholeFile')}</span>
            <span>{describeFileProblem(problem, t, fmt)}</span>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
