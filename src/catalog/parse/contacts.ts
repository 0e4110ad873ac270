// Contacts from the "Kontaktperson" value. The catalog writes them in many
// ways, often several people in one cell:
//   "Majbrit V Lambæk, uvmv@herning.dk , 30360683 Ulla Høy Henriksen, uuvuh@herning.dk , 20358156"
//   "<p>Afdelingsleder Joan Thyregaard Mail: … Tlf.: 9974 1411</p> <p>Faglig koordinator …</p>"
//   "Ander Skov Centerchef Tlf. 51 57 59 93 Mail. ands@aarhus.dk"
// Each e-mail address anchors one contact: phone numbers right after an
// address belong to it, the text before it (up to the previous contact) holds
// the name and role. A name is a run of 2–5 capitalised words that is not an
// organisation, place or job title.

import { htmlToLine } from './html.ts';
import { MUNICIPALITY_STEMS } from './owners.ts';
import type { CatalogContact } from './types.ts';

const BREAK = ' ¶ ';
const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const PHONE_RE = /(\+45\s?)?(?<![\d+])\d(?: ?\d){7}(?!\d)/g;
const LABEL_RE = /\b(e-?mail|mail|tlf|telefon(?:nr)?|mobil|mob|tel|direkte|fax)\b\s*[.:]*/gi;
/** What may follow an address and still belong to that contact. */
const TRAILING_INFO = /^(?:\s+|¶|[,;:&./–-]+|\+45|(?:tlf|telefon|mobil|mob|tel|direkte)\b\.?|\d+|\([^()]{0,20}\))*/i;

const ROLE_WORD = /(leder|chef|konsulent|koordinator|medarbejder|vejleder|rådgiver|direktør|sekretær|mentor|assistent|psykolog|terapeut|formand|ansvarlig|specialist)$/i;
const NOT_NAME = new Set([
  'kommune', 'kommunes', 'jobcenter', 'jobcentret', 'center', 'centre', 'centret', 'team', 'job', 'unge',
  'uddannelse', 'erhverv', 'innovation', 'universitet', 'region', 'midtjylland', 'midt', 'service', 'career',
  'via', "via's", 'sekretariatet', 'sekretariat', 'ungeenheden', 'ungeindsatsen', 'afdeling', 'afdelingen',
  'enhed', 'enheden', 'ungdomscenter', 'projekt', 'projektet', 'mail', 'email', 'e-mail', 'tlf', 'telefon',
  'mobil', 'lokal', 'nationalt', 'hk', 'uu', 'fgu', 'stu', 'kui', 'a/s', 'aps',
  ...MUNICIPALITY_STEMS.map((s) => s.toLowerCase()),
]);

function isNameWord(word: string): boolean {
  if (NOT_NAME.has(word.toLowerCase()) || ROLE_WORD.test(word)) return false;
  return /^\p{Lu}\.?$/u.test(word) || /^\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}[\p{Ll}\p{M}]+)*$/u.test(word);
}

/** Finds a person's name inside one part of the text; returns it and what is left. */
function nameIn(part: string): { name: string; rest: string } | null {
  const words = part.split(/\s+/).filter(Boolean);
  const ok = words.map(isNameWord);
  const strong = (ws: string[]) => ws.filter((w) => w.replace('.', '').length > 1).length >= 2;
  if (words.length >= 2 && words.length <= 5 && ok.every(Boolean) && strong(words)) {
    return { name: words.join(' '), rest: '' };
  }
  let lead = 0;
  while (lead < words.length && ok[lead]) lead++;
  let trail = 0;
  while (trail < words.length && ok[words.length - 1 - trail]) trail++;
  const hasRole = (ws: string[]) => ws.some((w) => ROLE_WORD.test(w));
  if (lead >= 2 && lead <= 5 && strong(words.slice(0, lead)) && hasRole(words.slice(lead))) {
    return { name: words.slice(0, lead).join(' '), rest: words.slice(lead).join(' ') };
  }
  const cut = words.length - trail;
  if (trail >= 2 && trail <= 5 && strong(words.slice(cut)) && hasRole(words.slice(0, cut))) {
    return { name: words.slice(cut).join(' '), rest: words.slice(0, cut).join(' ') };
  }
  return null;
}

function normalisePhone(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  return digits.length === 10 && digits.startsWith('45') ? digits.slice(2) : digits;
}

const cleanPart = (s: string): string => s.replace(/^[\s.,;:&–-]+|[\s.,;:&–-]+$/g, '').replace(/\s+/g, ' ');

function contactFrom(segment: string): CatalogContact | null {
  const email = segment.match(EMAIL_RE)?.[0];
  const phones = [...new Set([...segment.matchAll(PHONE_RE)].map((m) => normalisePhone(m[0])))];
  const qualifiers = [...segment.matchAll(/\(([^()]{1,20})\)/g)].map((m) => m[1].trim());
  const rest = segment
    .replace(EMAIL_RE, ' ¶ ')
    .replace(PHONE_RE, ' ¶ ')
    .replace(/\([^()]{0,20}\)/g, ' ')
    .replace(LABEL_RE, ' ¶ ');
  const parts = rest
    .split(/¶|[,;]|\s[–-]\s|\.\s+(?=\p{Lu})|\.$/u)
    .map(cleanPart)
    .filter((p) => /\p{L}/u.test(p));
  let name = '';
  const roles: string[] = [];
  for (const part of parts) {
    const found = name ? null : nameIn(part);
    if (found) {
      name = found.name;
      if (found.rest) roles.push(cleanPart(found.rest));
    } else roles.push(part);
  }
  if (!name && roles.length > 0 && !email && phones.length === 0) return null;
  if (!name && roles.length > 0) name = roles.shift() ?? '';
  roles.push(...qualifiers.filter((q) => /\p{L}/u.test(q)));
  const role = [...new Set(roles.filter(Boolean))].join(', ');
  if (!name && !email && phones.length === 0) return null;
  const contact: CatalogContact = { name };
  if (role) contact.role = role;
  if (phones.length) contact.phone = phones.join(' / ');
  if (email) contact.email = email;
  return contact;
}

/** Splits the text into one segment per e-mail address (or one segment when there is none). */
function segments(text: string): string[] {
  const emails = [...text.matchAll(EMAIL_RE)];
  if (emails.length <= 1) return [text];
  const out: string[] = [];
  let start = 0;
  emails.forEach((m, i) => {
    const afterEmail = m.index + m[0].length;
    const next = emails[i + 1];
    if (!next) {
      out.push(text.slice(start));
      return;
    }
    const between = text.slice(afterEmail, next.index);
    const own = TRAILING_INFO.exec(between)?.[0].length ?? 0;
    out.push(text.slice(start, afterEmail + own));
    start = afterEmail + own;
  });
  return out;
}

/** Parses the contact cell (HTML) into contacts; an empty list when nothing could be read. */
export function parseContacts(html: string): CatalogContact[] {
  const marked = html
    // Keep the address of a link whose text is a name, not the address.
    .replace(/<a\b[^>]*href\s*=\s*["']?mailto:([^"'\s>?]+)[^>]*>([\s\S]*?)<\/a>/gi, (_m, addr: string, inner: string) =>
      inner.includes('@') ? inner : `${inner} ${addr}`)
    .replace(/<\/?(p|div|li|b|strong|h\d)\b[^>]*>|<br\s*\/?>/gi, BREAK);
  const text = htmlToLine(marked);
  const contacts: CatalogContact[] = [];
  for (const segment of segments(text)) {
    const c = contactFrom(segment);
    if (!c) continue;
    const dup = contacts.find((o) => (c.email && o.email === c.email) || (!c.email && o.name === c.name && c.name));
    if (!dup) contacts.push(c);
  }
  return contacts;
}

/** Contacts as "Name (role) <email> phone; …" for spreadsheets. */
export function formatContacts(contacts: CatalogContact[]): string {
  const safe = (s: string) => s.replace(/[;<>]/g, ',').replace(/\s+/g, ' ').trim();
  return contacts
    .map((c) =>
      [safe(c.name), c.role ? `(${safe(c.role)})` : '', c.email ? `<${safe(c.email)}>` : '', c.phone ? safe(c.phone) : '']
        .filter(Boolean)
        .join(' '),
    )
    .join('; ');
}

/** Inverse of formatContacts. */
export function readContacts(text: string): CatalogContact[] {
  const out: CatalogContact[] = [];
  for (const raw of text.split(';')) {
    const item = raw.trim();
    if (!item) continue;
    const m = /^([^(<]*?)\s*(?:\((.*)\))?\s*(?:<([^<>]*)>)?\s*((?:[+\d][^<>()]*)?)$/s.exec(item);
    if (!m) {
      out.push({ name: item });
      continue;
    }
    const contact: CatalogContact = { name: m[1].trim() };
    if (m[2]?.trim()) contact.role = m[2].trim();
    if (m[3]?.trim()) contact.email = m[3].trim();
    if (m[4]?.trim()) contact.phone = m[4].trim();
    out.push(contact);
  }
  return out;
}
