import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { Value } from '@sinclair/typebox/value';
import type { Database } from '../core/db.ts';
import { AppError } from '../core/errors.ts';
import { createPartnership } from './create-partnership.ts';
import { listPartnerships } from './queries.ts';
import { municipalityName, findMunicipality } from './municipalities.ts';
import { CreatePartnershipBody } from './schemas.ts';

export const PARTNERSHIP_USAGE = 'partnership create --name N --slug S --municipality M [--municipality M …] [--age-from 15] [--age-to 29] '
  + '[--weekday-evening 16:00-22:00] [--weekend 10:00-22:00] [--suppression-threshold 5] [--goals FILE.json] | partnership list';

const span = (s: string | undefined, flag: string) => {
  if (s === undefined) return undefined;
  const m = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(s);
  if (!m) throw new Error(`${flag} skal skrives som TT:MM-TT:MM, fx 16:00-22:00`);
  return [m[1], m[2]] as const;
};

const int = (s: string | undefined, flag: string) => {
  if (s === undefined) return undefined;
  if (!/^\d+$/.test(s)) throw new Error(`${flag} skal være et helt tal`);
  return Number(s);
};

/** The body of `partnership create`, built from its flags; municipalities by code or name. */
export function createBodyFromArgs(args: string[]): CreatePartnershipBody {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: 'string' }, slug: { type: 'string' }, municipality: { type: 'string', multiple: true },
      'age-from': { type: 'string' }, 'age-to': { type: 'string' }, 'weekday-evening': { type: 'string' }, weekend: { type: 'string' },
      'suppression-threshold': { type: 'string' }, goals: { type: 'string' },
    },
  });
  if (!values.name || !values.slug || !values.municipality?.length) throw new Error('--name, --slug and at least one --municipality are required');
  const municipalities = values.municipality.map((m) => {
    const found = findMunicipality(m);
    if (!found) throw new Error(`Ukendt kommune "${m}": skriv navnet (fx Herning) eller den officielle kode (fx 657)`);
    return found.code;
  });
  const evening = span(values['weekday-evening'], '--weekday-evening');
  const weekend = span(values.weekend, '--weekend');
  const body: CreatePartnershipBody = {
    name: values.name, slug: values.slug, municipalities: [...new Set(municipalities)],
    ageFrom: int(values['age-from'], '--age-from'), ageTo: int(values['age-to'], '--age-to'),
    suppressionThreshold: int(values['suppression-threshold'], '--suppression-threshold'),
    goals: values.goals ? JSON.parse(readFileSync(values.goals, 'utf8')) as CreatePartnershipBody['goals'] : undefined,
  };
  if (evening || weekend) {
    body.coverage = {
      weekdayEveningStart: evening?.[0] ?? '16:00', weekdayEveningEnd: evening?.[1] ?? '22:00',
      weekendStart: weekend?.[0] ?? '10:00', weekendEnd: weekend?.[1] ?? '22:00',
    };
  }
  for (const k of Object.keys(body) as (keyof CreatePartnershipBody)[]) if (body[k] === undefined) delete body[k];
  const first = [...Value.Errors(CreatePartnershipBody, body)][0];
  if (first) throw new Error(`Ugyldig værdi ${first.path}: ${first.message}`);
  return body;
}

export async function partnershipCommand(database: Database, args: string[], log: (line: string) => void) {
  const [sub, ...rest] = args;
  if (sub === 'list') {
    for (const p of await listPartnerships(database.db)) log(`${p.slug.padEnd(24)} ${p.name} (${p.municipalities.map(municipalityName).join(', ')})`);
    return;
  }
  if (sub !== 'create') throw new Error(`usage: ${PARTNERSHIP_USAGE}`);
  const body = createBodyFromArgs(rest);
  try {
    const p = await createPartnership(database.db, body, { userId: null, makeAdmin: false });
    log(`Created partnership "${p.name}" (${p.slug}) for ${p.municipalities.map(municipalityName).join(', ')}.`);
    log(`Next: npm run cli -- create-user --email … --name … --role admin --partnership ${p.slug}`);
  } catch (err) {
    if (err instanceof AppError) throw new Error(err.fields?.[0]?.message ? `${err.message} (${err.fields[0].field}: ${err.fields[0].message})` : err.message);
    throw err;
  }
}
