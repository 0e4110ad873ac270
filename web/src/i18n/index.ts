import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import da from './da.json';

export const LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'fodfaeste.language';

type Messages = Record<string, unknown>;

/**
 * Each feature's web/src/features/<feature>/i18n/{da,en}.json becomes the
 * namespace <feature> ('youth:nav.caseload'); common strings live in the
 * default namespace 'common' (no prefix needed). Danish is built in; English is
 * loaded when it is first chosen, so the first page carries one language.
 */
const danish = import.meta.glob<Messages>('../features/*/i18n/da.json', { eager: true, import: 'default' });
const otherLanguages: Record<Exclude<Language, 'da'>, Record<string, () => Promise<Messages>>> = {
  en: {
    ...import.meta.glob<Messages>('../features/*/i18n/en.json', { import: 'default' }),
    './en.json': () => import('./en.json').then((m) => m.default as Messages),
  },
};

const namespaceOf = (file: string) => /features\/([^/]+)\/i18n\//.exec(file)?.[1] ?? 'common';

function danishResources(): Record<string, Messages> {
  const resources: Record<string, Messages> = { common: da };
  for (const [file, messages] of Object.entries(danish)) resources[namespaceOf(file)] = messages;
  return resources;
}

async function loadLanguage(lang: Language) {
  if (lang === 'da' || i18n.hasResourceBundle(lang, 'common')) return;
  const files = Object.entries(otherLanguages[lang]);
  const loaded = await Promise.all(files.map(async ([file, load]) => [namespaceOf(file), await load()] as const));
  for (const [ns, messages] of loaded) i18n.addResourceBundle(lang, ns, messages, true, true);
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
  await loadLanguage(lang);
  await i18n.changeLanguage(lang);
}

const resources = { da: danishResources() };
void i18n.use(initReactI18next).init({
  resources,
  lng: 'da',
  fallbackLng: 'da',
  ns: Object.keys(resources.da),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Resolves when the stored language is loaded and in use: the app renders after it. */
export const i18nReady: Promise<unknown> = storedLanguage() === 'da' ? Promise.resolve() : setLanguage(storedLanguage());

// Screen readers and hyphenation follow the page language.
document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

export default i18n;
