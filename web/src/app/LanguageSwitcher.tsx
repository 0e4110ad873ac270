import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { LANGUAGES, setLanguage } from '../i18n/index.ts';
import { Icon } from '../components/Icon.tsx';

/** DKFDS language switcher bar: Danish first, English second; the choice is remembered in this browser. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const here = location.pathname + location.search;
  return (
    <div className="language-switcher">
      <div className="container">
        <ul aria-label={t('language.label')}>
          {LANGUAGES.map((lang) => {
            const current = i18n.language === lang;
            return (
              <li key={lang}>
                <a
                  href={here}
                  lang={lang}
                  aria-current={current ? 'true' : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    void setLanguage(lang);
                  }}
                >
                  {current && <Icon name="check" />}
                  {t(`language.${lang}`)}
                </a>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
