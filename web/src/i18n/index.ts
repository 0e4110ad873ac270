import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import da from './da.json';
import en from './en.json';

export const LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'fodfaeste.language';

type Messages = Record<string, unknown>;

/**
 * Each feature's web/src/features/<feature>/i18n/{da,en}.json becomes the
 * namespace <feature> ('youth:nav.caseload'); common strings live in the
 * default namespace 'common' (no prefix needed).
 */
function collectResources(): Record<Language, Record<string, Messages>> {
  const resources: Record<Language, Record<string, Messages>> = { da: { common: da }, en: { common: en } };
  const files = import.meta.glob<Messages>('../features/*/i18n/*.json', { eager: true, import: 'default' });
  for (const [file, messages] of Object.entries(files)) {
    const match = /features\/([^/]+)\/i18n\/(da|en)\.json$/.exec(file);
    if (match) resources[match[2] as Language][match[1]] = messages;
  }
  return resources;
}

export function storedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return saved === 'en' ? 'en' : 'da';
  } catch {
    return 'da';
  }
}

export async function setLanguage(lang: Language) {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode without storage: the switch still works for this visit.
  }
  await i18n.changeLanguage(lang);
}

const resources = collectResources();
void i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage(),
  fallbackLng: 'da',
  ns: [...new Set([...Object.keys(resources.da), ...Object.keys(resources.en)])],
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

// Screen readers and hyphenation follow the page language.
document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

export default i18n;
