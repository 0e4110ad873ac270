// parseCatalog: the regional initiative catalog (indsatskatalog) as exported
// from Word, to entry drafts. Pure and total: any input gives a result, and
// what cannot be understood is reported per line in Danish.
//
// Structure it recognises, whatever the heading levels:
//   owner heading        "## Favrskov Kommune", "**Mercantec**", "Region Midtjylland"
//   initiative heading   "### Indsats: SKUB", "Indsats: Café 16+" (optional)
//   rows                 "Projekt navn (overskrift)<TAB>…", "Kort beskrivelse …<TAB>…",
//                        "Kontaktperson …<TAB>…", "Projektperiode:<TAB>…"
// A new initiative starts at an initiative heading, or at a project-name row
// when the current initiative already has one (initiatives without heading).

import { buildEntries, type RawEntry, type RawRow } from './build.ts';
import { htmlToLine } from './html.ts';
import type { RowKind } from './labels.ts';
import { classifyLine, type Line } from './lines.ts';
import { looksLikeOwner, normaliseOwner, type OwnerName } from './owners.ts';
import type { CatalogProblem, ParseResult } from './types.ts';

export interface ParseOptions {
  /** "Today" for deciding whether a project has ended; defaults to the current date. */
  today?: Date | string;
}

type Heading = Extract<Line, { kind: 'heading' }>;
type RowLine = Extract<Line, { kind: 'row' }>;

class CatalogReader {
  readonly entries: RawEntry[] = [];
  readonly problems: CatalogProblem[] = [];
  private owner: { name: OwnerName; level: number | null } | null = null;
  private pending: Heading | null = null;
  private current: RawEntry | null = null;
  private lastRow: RawRow | null = null;
  private lastSignature = '';

  read(line: Line): void {
    if (line.kind === 'heading') this.heading(line);
    else if (line.kind === 'row') this.row(line);
    else if (line.kind === 'text') this.stray(line.line, line.text);
  }

  finish(): void {
    this.close();
    this.dropPending();
  }

  private problem(line: number, message: string): void {
    this.problems.push({ line, message });
  }

  private close(): void {
    if (this.current) this.entries.push(this.current);
    this.current = null;
    this.lastRow = null;
    this.lastSignature = '';
  }

  private dropPending(): void {
    if (this.pending?.initiative) {
      this.problem(this.pending.line, `overskriften "${this.pending.text}" har ingen felter under sig og er sprunget over`);
    }
    this.pending = null;
  }

  private isOwnerHeading(h: Heading): boolean {
    if (h.initiative) return false;
    if (looksLikeOwner(h.text) || !this.owner) return true;
    // Without "Indsats:" only a deeper markdown level makes a heading an initiative.
    return h.level === null || this.owner.level === null || h.level <= this.owner.level;
  }

  private heading(h: Heading): void {
    this.close();
    this.dropPending();
    if (!this.isOwnerHeading(h)) {
      this.pending = h;
      return;
    }
    const name = normaliseOwner(h.text);
    this.owner = { name, level: h.level };
    if (name.correctedFrom) {
      this.problem(h.line, `ejernavnet "${name.correctedFrom}" er rettet til "${name.owner}"`);
    }
  }

  private open(line: number): RawEntry {
    const entry: RawEntry = {
      owner: this.owner ? { ...this.owner.name } : null,
      heading: this.pending ? { text: this.pending.text, line: this.pending.line } : null,
      startLine: this.pending?.line ?? line,
      rows: {},
      extra: [],
    };
    this.pending = null;
    this.current = entry;
    return entry;
  }

  /** Whether a row of this kind starts a new initiative instead of adding to the current one. */
  private startsNew(kind: RowKind): boolean {
    const cur = this.current;
    if (!cur || this.pending) return true;
    if (kind === 'title') return !!cur.rows.title;
    // A description after the contact or period rows belongs to an initiative
    // whose heading and name row are both missing.
    if (kind === 'description') return !!(cur.rows.contact || cur.rows.period);
    return false;
  }

  private row(r: RowLine): void {
    if (r.continuation) return this.continueRow(r);
    if (!r.rowKind) return this.unknownRow(r);
    const signature = `${r.rowKind}|${r.value.replace(/\s+/g, ' ').toLowerCase()}`;
    if (this.lastRow && signature === this.lastSignature) return; // the same row twice in a row
    const fresh = this.startsNew(r.rowKind);
    if (!fresh && this.current?.rows[r.rowKind]?.signatures.includes(signature)) return; // repeated further down
    if (fresh) {
      this.close();
      this.open(r.line);
    }
    const entry = this.current as RawEntry;
    const target = (entry.rows[r.rowKind] ??= { kind: r.rowKind, line: r.line, parts: [], signatures: [] });
    target.parts.push(r.value);
    target.signatures.push(signature);
    this.lastRow = target;
    this.lastSignature = signature;
  }

  /** A value Word broke onto the next line: empty label, or the second half of the label. */
  private continueRow(r: RowLine): void {
    if (!this.lastRow || !this.current) {
      if (r.value) this.stray(r.line, htmlToLine(r.value));
      return;
    }
    const parts = this.lastRow.parts;
    // A repeated fragment is a duplicated line, not more text.
    if (r.value && parts[parts.length - 1] !== r.value) parts.push(r.value);
  }

  private unknownRow(r: RowLine): void {
    if (!this.current && !this.pending) {
      if (this.owner) this.problem(r.line, `rækken "${r.label}" hører ikke til nogen indsats og er sprunget over`);
      return;
    }
    const entry = this.current ?? this.open(r.line);
    entry.extra.push({ line: r.line, text: [r.label, htmlToLine(r.value)].filter(Boolean).join(': ') });
    this.problem(r.line, `ukendt felt "${r.label}"; teksten er lagt i den generelle beskrivelse`);
  }

  private stray(line: number, text: string): void {
    if (this.current) {
      this.current.extra.push({ line, text });
      this.problem(line, 'løs tekst uden for tabellen; lagt i den generelle beskrivelse af indsatsen ovenfor');
    } else if (this.entries.length > 0 || this.pending) {
      this.problem(line, 'løs tekst uden for en indsats; sprunget over');
    }
    // Text before the first initiative is the document's introduction.
  }
}

/** Parses the catalog text into entry drafts and line-level problems. Never throws. */
export function parseCatalog(text: string, options: ParseOptions = {}): ParseResult {
  const today = options.today ?? new Date();
  try {
    const reader = new CatalogReader();
    const lines = String(text ?? '').split(/\r\n|\r|\n/);
    lines.forEach((raw, i) => reader.read(classifyLine(raw, i + 1)));
    reader.finish();
    const built = buildEntries(reader.entries, today);
    const problems = [...reader.problems, ...built.problems].sort((a, b) => a.line - b.line);
    return { entries: built.entries, problems };
  } catch (error) {
    // A bug must not take the import down; report it like any other problem.
    return { entries: [], problems: [{ line: 0, message: `intern fejl under indlæsning: ${String(error)}` }] };
  }
}

/** The problems as a human-readable Danish report, one "Linje N: …" per line. */
export function formatProblems(problems: { line: number; message: string }[]): string {
  return problems.map((p) => `Linje ${p.line}: ${p.message}`).join('\n');
}
