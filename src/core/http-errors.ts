import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

interface ValidationIssue {
  instancePath?: string;
  keyword?: string;
  params?: Record<string, unknown>;
  message?: string;
}

/**
 * Danish names of the API's fields, in the form "Skriv …" takes. A message never
 * shows a schema word ("body", "(date)"): a field without a name here gets a
 * sentence that needs none, and the field key stays in `field` for the form.
 */
const FIELD_NAMES: Record<string, string> = {
  firstName: 'fornavnet', lastName: 'efternavnet', birthDate: 'fødselsdatoen', name: 'navnet', title: 'titlen', body: 'teksten',
  email: 'e-mailadressen', phone: 'telefonnummeret', address: 'adressen', postalCode: 'postnummeret', city: 'byen',
  municipalCaseRef: 'sagsnummeret', guardianName: 'navnet på forælder eller værge', guardianPhone: 'forælderens eller værgens telefonnummer',
  guardianEmail: 'forælderens eller værgens e-mail', occurredOn: 'datoen', outcomeDate: 'datoen for resultatet', note: 'en begrundelse',
  password: 'adgangskoden', summary: 'et resumé', reason: 'en begrundelse', what: 'hvad der er aftalt', who: 'hvem der gør det',
};
const FORMAT_MESSAGES: Record<string, string> = {
  date: 'Datoen skal skrives som dag.måned.år.',
  'date-time': 'Tidspunktet skal skrives som dag.måned.år og klokkeslæt.',
  email: 'E-mailadressen er ikke gyldig. Skriv den som navn@eksempel.dk.',
  uuid: 'Vælg en af mulighederne.',
  time: 'Klokkeslættet skal skrives som tt:mm.',
};
const PATTERN_MESSAGES: Record<string, string> = {
  postalCode: 'Postnummeret skal være 4 cifre.',
  phone: 'Telefonnummeret skal have mindst 8 cifre, fx 20 30 40 50.',
  guardianPhone: 'Telefonnummeret skal have mindst 8 cifre, fx 20 30 40 50.',
};

/** Turns an Ajv issue into a sentence a person understands, in Danish. */
export function describe(issue: ValidationIssue): { field: string; message: string } {
  const base = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const p = issue.params ?? {};
  const field = p.missingProperty ? [base, p.missingProperty].filter(Boolean).join('.') : p.additionalProperty ? [base, p.additionalProperty].filter(Boolean).join('.') : base;
  const key = field.split('.').filter((s) => !/^[0-9]+$/.test(s)).pop() ?? '';
  const named = FIELD_NAMES[key];
  const fill = named ? `Skriv ${named}.` : 'Udfyld feltet.';
  const messages: Record<string, string> = {
    required: fill,
    additionalProperties: 'er ikke et kendt felt',
    minLength: p.limit === 1 ? fill : `Skriv mindst ${p.limit} tegn${named ? ` i ${named}` : ''}.`,
    maxLength: `Der må højst stå ${p.limit} tegn${named ? ` i ${named}` : ''}.`,
    minimum: `Tallet skal være mindst ${p.limit}.`,
    maximum: `Tallet må højst være ${p.limit}.`,
    format: FORMAT_MESSAGES[String(p.format)] ?? 'Værdien har ikke det rigtige format.',
    pattern: PATTERN_MESSAGES[key] ?? 'Værdien har ikke det rigtige format.',
    type: p.type === 'string' ? fill : p.type === 'integer' || p.type === 'number' ? 'Skriv et tal.' : 'Værdien har ikke den rigtige form.',
    enum: 'Vælg en af mulighederne.',
    const: 'Vælg en af mulighederne.',
    anyOf: 'Vælg en af mulighederne.',
    minItems: `Vælg mindst ${p.limit}.`,
    maxItems: `Vælg højst ${p.limit}.`,
  };
  return { field: field || 'data', message: messages[issue.keyword ?? ''] ?? 'Værdien er ugyldig.' };
}

// 57014: a statement ran past DB_STATEMENT_TIMEOUT_MS (overload): also 503, so the client retries later.
const DB_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', '57P01', '57P02', '57P03', '57014', '08006', '08001', '08003', '53300']);

// 23514 check violation, 22003 numeric out of range, 22007/22008 bad date/time, 22P02 bad text representation.
const DATA_RULE_CODES = new Set(['23514', '22003', '22007', '22008', '22P02']);

function isDatabaseUnavailable(err: Error & { code?: string }) {
  return (
    DB_DOWN_CODES.has(err.code ?? '') ||
    /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED/i.test(err.message)
  );
}

export function errorHandler(err: FastifyError & { code?: string }, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    if (err.headers) reply.headers(err.headers);
    return reply.status(err.status).send({ error: { code: err.code, message: err.message, fields: err.fields } });
  }
  if (err.validation) {
    const fields = err.validation.map((v) => describe(v as ValidationIssue));
    const where = err.validationContext === 'querystring' ? 'søgningen' : err.validationContext === 'params' ? 'adressen' : 'formularen';
    // Sentences only: the field keys stay in `fields` for the form, never in the text a person reads.
    const message = `Der er fejl i ${where}: ${[...new Set(fields.map((f) => (f.message === 'er ikke et kendt felt' ? `${f.field} er ikke et kendt felt.` : f.message)))].join(' ')}`;
    return reply.status(400).send({ error: { code: 'validation', message, fields } });
  }
  if (isDatabaseUnavailable(err)) {
    req.log.error({ err: { message: err.message, code: err.code } }, 'database unavailable');
    return reply
      .status(503)
      .header('retry-after', '5')
      .send({ error: { code: 'unavailable', message: 'Systemet er midlertidigt utilgængeligt. Prøv igen om lidt.' } });
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    const message = err.statusCode === 413 ? 'Det sendte er for stort.' : err.statusCode === 415 ? 'Formatet understøttes ikke.' : 'Forespørgslen kunne ikke forstås.';
    return reply.status(err.statusCode).send({ error: { code: err.code ?? 'bad_request', message } });
  }
  if (err.code && DATA_RULE_CODES.has(err.code)) {
    // A value the schema let through but a table rule refuses (e.g. rounding to 0 in a numeric(4,1)):
    // the input is wrong, not the server. Logged as an error because the schema should have caught it.
    req.log.error({ err: { message: err.message, code: err.code } }, 'database rule refused input');
    return reply.status(400).send({ error: { code: 'invalid_value', message: 'En af værdierne er uden for det tilladte. Ret den og prøv igen.' } });
  }
  req.log.error({ err }, 'unhandled error');
  return reply.status(500).send({ error: { code: 'internal', message: 'Der skete en fejl hos os. Prøv igen, og kontakt support hvis det fortsætter.' } });
}
