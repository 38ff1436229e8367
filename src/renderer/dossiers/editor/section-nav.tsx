import type { KeyboardEvent } from 'react';
import type { Dossier } from '../../../dossier/schema';
import { editorSections } from './sections';
import { useLanguage } from '../../i18n/language';

// Vertical tab list: arrow keys move between sections, Home/End jump (WAI-ARIA tabs pattern).

export function SectionNav({ dossier, active, onSelect }: { dossier: Dossier; active: string; onSelect: (id: string) => void }) {
  const { t } = useLanguage();
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = editorSections.findIndex((s) => s.id === active);
    const next =
      event.key === 'ArrowDown' ? Math.min(index + 1, editorSections.length - 1)
        : event.key === 'ArrowUp' ? Math.max(index - 1, 0)
        : event.key === 'Home' ? 0
        : event.key === 'End' ? editorSections.length - 1
        : null;
    if (next === null) return;
    event.preventDefault();
    const target = editorSections[next]!;
    onSelect(target.id);
    const button = event.currentTarget.querySelector<HTMLButtonElement>(`[data-section="${target.id}"]`);
    button?.focus();
  };
  return (
    <div className="section-nav" role="tablist" aria-orientation="vertical" aria-label={t('dossier.nav.label')} onKeyDown={onKeyDown}>
      {editorSections.map((section, index) => {
        const heading = index === 0 || editorSections[index - 1]!.group !== section.group ? section.group : null;
        const selected = section.id === active;
        return (
          <div key={section.id} role="presentation">
            {heading && <div className="section-nav-group" role="presentation">{t(heading)}</div>}
            <button
              type="button"
              role="tab"
              id={`tab-${section.id}`}
              aria-selected={selected}
              aria-controls="section-panel"
              tabIndex={selected ? 0 : -1}
              className="section-tab"
              data-section={section.id}
              data-testid={`section-${section.id}`}
              onClick={() => onSelect(section.id)}
            >
              {section.domain && <span className="tab-code">{section.domain}</span>}
              <span>{t(section.label)}</span>
              {section.count && <span className="tab-count">{section.count(dossier)}</span>}
            </button>
          </div>
        );
      })}
    </div>
  );
}
