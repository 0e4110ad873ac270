import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';
import { CPR_MESSAGE, cprFields } from './cpr.ts';

/**
 * preHandler for every route: a request body with a CPR-like number in any of
 * its text fields (free text, the case number, a name…) is refused with 400
 * before anything is saved, naming each field (src/core/cpr.ts is the rule).
 */
export async function refuseCpr(req: FastifyRequest) {
  if (req.body === undefined || req.body === null || req.method === 'GET') return;
  const fields = cprFields(req.body);
  if (fields.length) throw new AppError(400, 'cpr_number', CPR_MESSAGE, fields.map((field) => ({ field, message: CPR_MESSAGE })));
}
