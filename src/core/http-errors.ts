import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

interface ValidationIssue {
  instancePath?: string;
  keyword?: string;
  params?: Record<string, unknown>;
  message?: string;
}

/** Turns an Ajv issue into a sentence a person understands, in Danish. */
function describe(issue: ValidationIssue): { field: string; message: string } {
  const base = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const p = issue.params ?? {};
  const field = p.missingProperty ? [base, p.missingProperty].filter(Boolean).join('.') : p.additionalProperty ? [base, p.additionalProperty].filter(Boolean).join('.') : base;
  const messages: Record<string, string> = {
    required: 'skal udfyldes',
    additionalProperties: 'er ikke et kendt felt',
    minLength: `skal være mindst ${p.limit} tegn`,
    maxLength: `må højst være ${p.limit} tegn`,
    minimum: `skal være mindst ${p.limit}`,
    maximum: `må højst være ${p.limit}`,
    format: `har ikke det rigtige format (${p.format})`,
    pattern: 'har ikke det rigtige format',
    type: `skal være ${p.type === 'string' ? 'tekst' : p.type === 'integer' || p.type === 'number' ? 'et tal' : p.type}`,
    enum: 'har en værdi, der ikke er tilladt',
    const: 'har en værdi, der ikke er tilladt',
    anyOf: 'har en værdi, der ikke er tilladt',
    minItems: `skal have mindst ${p.limit} valg`,
    maxItems: `må højst have ${p.limit} valg`,
  };
  return { field: field || '(data)', message: messages[issue.keyword ?? ''] ?? issue.message ?? 'er ugyldigt' };
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
    const message = `Der er fejl i ${where}: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}.`;
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
