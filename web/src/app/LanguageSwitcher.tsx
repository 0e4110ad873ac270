import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { setLanguage, type Language } from '../i18n/index.ts';
import { Icon } from '../components/Icon.tsx';

/**
 * The language switch in the header, visible at every width: one link to the
 * other language, written in that language (lang attribute set). The choice is
 * remembered in this browser.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const other: Language = i18n.language === 'en' ? 'da' : 'en';
  return (
    <a
      className="function-link language-link"
      href={location.pathname + location.search}
      lang={other}
      hrefLang={other}
      onClick={(e) => {
        e.preventDefault();
        void setLanguage(other);
      }}
    >
      <Icon name="language" />{t(`language.${other}`)}
    </a>
  );
}
