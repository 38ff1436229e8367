import { useId } from 'react';
import type { ReactNode } from 'react';
import { appInfo } from '../../dossier/app-info';
import { LibraryIcon } from '../ui/icons';
import { ModelsIcon } from '../models/models-icon';
import { SurvivalIcon } from '../survival/survival-icon';
import { displayLanguageLabels, displayLanguages } from '../settings/app-settings';
import type { DisplayLanguage } from '../settings/app-settings';
import { useSettings } from '../settings/settings-context';
import { CountriesIcon } from '../countries/countries-icon';
import { useLanguage } from '../i18n/language';
import type { MessageKey } from '../../report/i18n/translate';

// The frame every screen sits in: navigation on the left, a header with where you are and the saved state.

export interface NavItem {
  id: string;
  label: MessageKey;
  href: string;
  icon: ReactNode;
}

/** Top-level screens; later features (models, results, reports) add their entries here. */
export const navItems: readonly NavItem[] = [
  { id: 'library', label: 'nav.library', href: '#/library', icon: <LibraryIcon /> },
  { id: 'models', label: 'nav.models', href: '#/models', icon: <ModelsIcon /> },
  { id: 'survival', label: 'nav.survival', href: '#/survival', icon: <SurvivalIcon /> },
  { id: 'countries', label: 'nav.countries', href: '#/countries', icon: <CountriesIcon /> },
];

export interface AppFrameProps {
  activeNav: string;
  /** Breadcrumb: what is open (e.g. the dossier title). */
  title: ReactNode;
  /** Right side of the header: saved state and page actions. */
  headerExtra?: ReactNode;
  /** Under the header, outside the scrolled content (what is not saved and why): wraps at any width. */
  headerNote?: ReactNode;
  children: ReactNode;
  footerNote?: string;
}

export function AppFrame({ activeNav, title, headerExtra, headerNote, children, footerNote }: AppFrameProps) {
  const { t } = useLanguage();
  return (
    <div className="app-frame">
      <nav className="app-nav" aria-label={t('nav.main')}>
        <div className="app-brand">
          <div className="app-brand-name">HTA Workbench</div>
          <div className="app-brand-sub">{t('nav.brandSub')}</div>
        </div>
        <div className="nav-section">
          <div className="nav-section-title">{t('nav.workspace')}</div>
          {navItems.map((item) => (
            <a key={item.id} className="nav-link" href={item.href} aria-current={item.id === activeNav ? 'page' : undefined} data-testid={`nav-${item.id}`}>
              {item.icon}
              {t(item.label)}
            </a>
          ))}
        </div>
        <div className="nav-footer">
          <DisplayLanguageSelect />
          <div>{footerNote ?? t('nav.localWorkspace')}</div>
          <div data-testid="app-version">{t('nav.version', { version: appInfo.version })}</div>
        </div>
      </nav>
      <div className="app-main">
        <header className="app-header" data-keep-clear-of-notices>
          <div className="app-header-title" data-testid="header-title">{title}</div>
          <div className="app-header-spacer" />
          {headerExtra}
        </header>
        {headerNote}
        <main className="app-content" id="main-content">{children}</main>
      </div>
    </div>
  );
}

/** The display-language setting: numbers and dates on every screen and in every field follow it. */
function DisplayLanguageSelect() {
  const { settings, setDisplayLanguage } = useSettings();
  const { t } = useLanguage();
  const id = useId();
  return (
    <div className="nav-setting">
      <label htmlFor={id}>{t('app.language')}</label>
      <select id={id} className="nav-select" value={settings.displayLanguage} onChange={(e) => setDisplayLanguage(e.target.value as DisplayLanguage)} data-testid="display-language">
        {displayLanguages.map((l) => <option key={l} value={l}>{displayLanguageLabels[l]}</option>)}
      </select>
    </div>
  );
}
