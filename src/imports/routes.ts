import { Type } from '@sinclair/typebox';
import type { App } from '../core/app-types.ts';
import { actorOf } from '../core/actor.ts';
import { badRequest } from '../core/errors.ts';
import { ErrorResponse } from '../auth/schemas.ts';
import { importPermissions as P } from './policy.ts';
import { ExportQuery, ImportColumns, ImportQuery, ImportReport, ImportSetParams } from './schemas.ts';
import { importFile } from './import-file.ts';
import { exportSet } from './export-set.ts';
import { setOf } from './sets.ts';
import { SHEET_LIMITS, XLSX_TYPE } from './sheet.ts';

const EXT_OF_TYPE: Record<string, 'csv' | 'xlsx'> = { 'text/csv': 'csv', 'text/plain': 'csv', 'application/vnd.ms-excel': 'csv', [XLSX_TYPE]: 'xlsx' };

/** The uploaded file: the body itself (no multipart), typed by its content type. */
function fileOf(req: { headers: Record<string, unknown>; body: unknown; query: { fileName?: string } }) {
  const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const ext = EXT_OF_TYPE[type];
  if (!ext || !Buffer.isBuffer(req.body)) throw badRequest('Send filen som CSV (text/csv) eller Excel (.xlsx).', [{ field: 'file', message: 'Vælg en CSV- eller Excel-fil.' }]);
  const fileName = req.query.fileName?.toLowerCase().endsWith(`.${ext}`) ? req.query.fileName : `upload.${ext}`;
  return { fileName, data: req.body };
}

export async function importRoutes(app: App) {
  const { db } = app.deps;
  app.addContentTypeParser(Object.keys(EXT_OF_TYPE), { parseAs: 'buffer', bodyLimit: SHEET_LIMITS.bytes }, (_req, body, done) => done(null, body));

  app.get('/api/imports/:set/columns', {
    config: { permission: P['imports.run'] },
    schema: { tags: ['imports'], params: ImportSetParams, response: { 200: ImportColumns } },
  }, async (req) => setOf(req.params.set).columns.map((c) => ({ header: c.header, aliases: c.aliases, required: Boolean(c.required) })));

  app.post('/api/imports/:set/dry-run', {
    config: { permission: P['imports.run'] },
    bodyLimit: SHEET_LIMITS.bytes,
    schema: { tags: ['imports'], params: ImportSetParams, querystring: ImportQuery, response: { 200: ImportReport, 400: Type.Union([ImportReport, ErrorResponse]), 413: ImportReport } },
  }, async (req, reply) => {
    const result = await importFile(db, { set: req.params.set, ...fileOf(req), actor: actorOf(req), dryRun: true });
    return reply.status(result.fileRefused ?? 200).send(result);
  });

  // All or nothing: 200 when every row was imported, 422 with the same report when nothing was.
  app.post('/api/imports/:set', {
    config: { permission: P['imports.run'] },
    bodyLimit: SHEET_LIMITS.bytes,
    schema: { tags: ['imports'], params: ImportSetParams, querystring: ImportQuery, response: { 200: ImportReport, 422: ImportReport, 400: Type.Union([ImportReport, ErrorResponse]), 413: ImportReport } },
  }, async (req, reply) => {
    const result = await importFile(db, { set: req.params.set, ...fileOf(req), actor: actorOf(req), dryRun: false });
    return reply.status(result.fileRefused ?? (result.imported ? 200 : 422)).send(result);
  });

  app.get('/api/imports/:set/export', {
    config: { permission: P['imports.export'] },
    schema: { tags: ['imports'], params: ImportSetParams, querystring: ExportQuery },
  }, async (req, reply) => {
    const file = await exportSet(db, { set: req.params.set, format: req.query.format, actor: actorOf(req) });
    reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
    return reply.type(file.contentType).send(file.data);
  });
}
