// A small HTML → plain text converter for the catalog's Word export. The
// values only use a handful of tags (p, br, ul/ol/li, b/i/u, a), so a
// tokenizer is enough; no DOM and no extra package.
//
// Output: paragraphs separated by a blank line, list items as "- item"
// (ordered lists "1. item", nested lists indented two spaces), inline
// formatting dropped, entities decoded, whitespace collapsed.

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ',
  aelig: 'æ', AElig: 'Æ', oslash: 'ø', Oslash: 'Ø', aring: 'å', Aring: 'Å',
  auml: 'ä', Auml: 'Ä', ouml: 'ö', Ouml: 'Ö', uuml: 'ü', Uuml: 'Ü', szlig: 'ß',
  eacute: 'é', Eacute: 'É', egrave: 'è', Egrave: 'È', ecirc: 'ê', euml: 'ë',
  aacute: 'á', Aacute: 'Á', agrave: 'à', acirc: 'â', atilde: 'ã',
  iacute: 'í', Iacute: 'Í', igrave: 'ì', icirc: 'î', iuml: 'ï',
  oacute: 'ó', Oacute: 'Ó', ograve: 'ò', ocirc: 'ô', otilde: 'õ',
  uacute: 'ú', Uacute: 'Ú', ugrave: 'ù', ucirc: 'û', yacute: 'ý', Yacute: 'Ý',
  ccedil: 'ç', Ccedil: 'Ç', ntilde: 'ñ', Ntilde: 'Ñ',
  ndash: '–', mdash: '—', hellip: '…', bull: '•', middot: '·',
  lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
  laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›',
  euro: '€', pound: '£', dollar: '$', cent: '¢', yen: '¥',
  copy: '©', reg: '®', trade: '™', deg: '°', sect: '§', para: '¶',
  plusmn: '±', times: '×', divide: '÷', frac12: '½', frac14: '¼', frac34: '¾',
  sup1: '¹', sup2: '²', sup3: '³', ordf: 'ª', ordm: 'º', micro: 'µ',
  shy: '', zwnj: '', zwj: '', lrm: '', rlm: '', ensp: ' ', emsp: ' ', thinsp: ' ',
  iexcl: '¡', iquest: '¿', percnt: '%', num: '#', excl: '!', quest: '?',
  lpar: '(', rpar: ')', comma: ',', period: '.', colon: ':', semi: ';',
  sol: '/', bsol: '\\', ast: '*', plus: '+', equals: '=', lowbar: '_', hyphen: '-',
};

const ENTITY_RE = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/g;

/** Decodes named and numeric character references; unknown names are left as written. */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY_RE, (whole, body: string) => {
    if (body[0] !== '#') return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()] ?? whole;
    const hex = body[1] === 'x' || body[1] === 'X';
    const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      return '\uFFFD';
    }
    if (code === 0xa0) return ' ';
    if (code === 0xad) return '';
    return String.fromCodePoint(code);
  });
}

// A tag as the HTML parser reads one: the name runs to a space, '/' or '>' ("<p!>" is a tag named "p!",
// not text), so what is left after the tags are taken out cannot join into a new tag ("<p<p>>").
const TAG_RE = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][^\s/>]*)([\s/][^>]*)?>/g;
const BLOCK_TAGS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article',
  'header', 'footer', 'table', 'tr', 'pre', 'address', 'dl', 'dt', 'dd', 'hr',
]);
const BULLET_RE = /^[▶▸►➤➔→✔•·▪◦‣●○■□➢►✓\-–—*]\s+/;

interface ListLevel {
  ordered: boolean;
  n: number;
}

class TextBuilder {
  // Chunks instead of one growing string: trimming the end of a long string
  // on every paragraph made long descriptions quadratic.
  private chunks: string[] = [];
  private pending = 0; // 0 none, 1 line break, 2 paragraph break
  private prefix = '';
  private pendingItemOrdered = false;
  private itemIndent = '';
  lists: ListLevel[] = [];

  /** Grows whenever text is added; used to see whether a link had any text. */
  get size(): number {
    return this.chunks.length;
  }

  private endsWithSpace(): boolean {
    return this.chunks[this.chunks.length - 1]?.endsWith(' ') ?? false;
  }

  private trimEnd(): void {
    while (this.endsWithSpace()) {
      const last = (this.chunks.pop() as string).trimEnd();
      if (last) this.chunks.push(last);
    }
  }

  brk(level: 1 | 2): void {
    if (this.size === 0) return;
    this.pending = Math.max(this.pending, level);
  }

  lineBreak(): void {
    if (this.size === 0) return;
    this.pending = Math.min(2, this.pending + 1);
  }

  startItem(): void {
    const level = this.lists[this.lists.length - 1];
    if (!level) return;
    level.n += 1;
    this.brk(1);
    const indent = '  '.repeat(this.lists.length - 1);
    this.prefix = indent + (level.ordered ? `${level.n}. ` : '- ');
    this.pendingItemOrdered = level.ordered;
    this.itemIndent = indent;
  }

  text(raw: string): void {
    let t = decodeEntities(raw).replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, ' ');
    if (t === '') return;
    if (t === ' ') {
      if (this.size > 0 && this.pending === 0 && !this.prefix && !this.endsWithSpace()) this.chunks.push(' ');
      return;
    }
    if (this.pending > 0 || this.prefix) {
      t = t.trimStart();
      if (this.prefix) {
        t = t.replace(BULLET_RE, '');
        // Items already numbered by hand ("<li>1. Etablering</li>") keep their own number.
        if (this.pendingItemOrdered && /^\d+[.)]\s/.test(t)) this.prefix = this.itemIndent;
      }
      if (this.size > 0) {
        this.trimEnd();
        this.chunks.push(this.pending >= 2 ? '\n\n' : '\n');
      }
      if (this.prefix) this.chunks.push(this.prefix);
      this.pending = 0;
      this.prefix = '';
    } else if (this.endsWithSpace() && t.startsWith(' ')) {
      t = t.trimStart();
    }
    if (t) this.chunks.push(t);
  }

  result(): string {
    return this.chunks
      .join('')
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  }
}

/** Converts an HTML fragment (possibly broken or truncated) to clean plain text. */
export function htmlToText(html: string): string {
  let source = html.replace(/\r\n?/g, '\n').replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ');
  // A tag cut off at the end of a truncated value.
  const lastOpen = source.lastIndexOf('<');
  if (lastOpen >= 0 && !source.includes('>', lastOpen) && /^<\/?[a-zA-Z]/.test(source.slice(lastOpen))) {
    source = source.slice(0, lastOpen);
  }
  const b = new TextBuilder();
  let anchor: { href: string; at: number } | null = null;
  let last = 0;
  for (const m of source.matchAll(TAG_RE)) {
    b.text(source.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[0].startsWith('<!--')) continue;
    const closing = m[1] === '/';
    const name = m[2].toLowerCase();
    if (name === 'br') b.lineBreak();
    else if (name === 'ul' || name === 'ol') {
      if (closing) {
        b.lists.pop();
        b.brk(b.lists.length > 0 ? 1 : 2);
      } else {
        b.brk(b.lists.length > 0 ? 1 : 2);
        b.lists.push({ ordered: name === 'ol', n: 0 });
      }
    } else if (name === 'li') {
      if (!closing) b.startItem();
    } else if (BLOCK_TAGS.has(name)) b.brk(b.lists.length > 0 ? 1 : 2);
    else if (name === 'td' || name === 'th') b.text(' ');
    else if (name === 'a') {
      if (!closing) {
        const href = /href\s*=\s*["']?([^"'\s>]*)/i.exec(m[3] ?? '')?.[1] ?? '';
        anchor = { href, at: b.size };
      } else if (anchor) {
        // An empty link still carries information (usually an e-mail address).
        const target = anchor.href.replace(/^mailto:/i, '');
        if (b.size === anchor.at && target && target !== '#') b.text(target);
        anchor = null;
      }
    }
  }
  b.text(source.slice(last));
  return b.result();
}

/** Like htmlToText but on one line: for titles, labels and short values. */
export function htmlToLine(html: string): string {
  return htmlToText(html).replace(/\s+/g, ' ').trim();
}

/** True when text still looks like HTML (a tag or an entity). Used by tests and validation. */
export function containsHtml(text: string): boolean {
  return /<\/?[a-zA-Z][a-zA-Z0-9]*([\s/][^<>]*)?>/.test(text) || /&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]{1,31});/i.test(text);
}
