import type { App } from '../core/app-types.ts';
import { actorOf } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import { authorize } from '../core/policy.ts';
import { badRequest, notFound } from '../core/errors.ts';
import { ErrorResponse } from '../auth/schemas.ts';
import { findYoungPerson } from '../youth/queries.ts';
import { catalogPermissions as P } from './policy.ts';
import { allDrafts, findInitiative, searchCatalog } from './queries.ts';
import { outcomesOf, summaryOf, viewOf } from './present.ts';
import { suggestInitiatives } from './suggest.ts';
import { importCatalogFile } from './import.ts';
import { formatImportProblems } from './read-file.ts';
import { writeCatalogCsv } from './parse/csv.ts';
import { writeCatalogXlsx } from './parse/xlsx.ts';
import {
  CatalogQuery, CatalogSearchResult, CatalogSuggestions, ExportQuery, ImportQuery, ImportResult, InitiativeView, LinkBody,
  LinkParams, YouthParams,
} from './schemas.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The import body: the file itself (no multipart). 10 MB fits the published catalog many times over. */
const IMPORT_LIMIT = 10 * 1024 * 1024;
const FORMAT_OF_TYPE: Record<string, string> = { 'text/csv': 'csv', 'text/markdown': 'md', 'text/plain': 'txt', [XLSX]: 'xlsx' };

export async function catalogRoutes(app: App) {
  const { db } = app.deps;

  // File bodies arrive as raw buffers, only on this plugin's routes.
  app.addContentTypeParser(['text/csv', 'text/markdown', 'text/plain', XLSX], { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT }, (_req, body, done) => done(null, body));

  app.get('/api/catalog', {
    config: { permission: 'public' },
    schema: { tags: ['catalog'], querystring: CatalogQuery, response: { 200: CatalogSearchResult } },
  }, async (req, reply) => {
    const t0 = performance.now();
    const { total, hits, facets } = await searchCatalog(db, req.query);
    // The catalog is public and holds no personal data about young people: caching briefly is fine.
    reply.header('cache-control', 'public, max-age=60');
    return { total, items: hits.map(summaryOf), facets, tookMs: Math.round((performance.now() - t0) * 10) / 10 };
  });

  app.get('/api/catalog/export', {
    config: { permission: P['catalog.export'] },
    schema: { tags: ['catalog'], querystring: ExportQuery },
  }, async (req, reply) => {
    const entries = await allDrafts(db);
    const stamp = new Date().toISOString().slice(0, 10);
    reply.header('content-disposition', `attachment; filename="indsatskatalog-${stamp}.${req.query.format}"`);
    if (req.query.format === 'csv') return reply.type('text/csv; charset=utf-8').send(writeCatalogCsv(entries));
    return reply.type(XLSX).send(await writeCatalogXlsx(entries));
  });

  app.post('/api/catalog/import', {
    config: { permission: P['catalog.import'] },
    bodyLimit: IMPORT_LIMIT,
    schema: { tags: ['catalog'], querystring: ImportQuery, response: { 200: ImportResult, 400: ErrorResponse, 413: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const ext = FORMAT_OF_TYPE[type];
    if (!ext || !Buffer.isBuffer(req.body)) throw badRequest('Send filen som text/markdown, text/plain, text/csv eller Excel (.xlsx).');
    const fileName = req.query.fileName && req.query.fileName.toLowerCase().endsWith(`.${ext}`) ? req.query.fileName : `upload.${ext}`;
    const report = await importCatalogFile(db, fileName, req.body, { via: 'http', importedBy: actor.userId });
    const lines = formatImportProblems(report.problems);
    return {
      format: report.format, total: report.total, added: report.added.length, changed: report.changed.length,
      unchanged: report.unchanged.length, changedKeys: report.changed, problems: report.problems, refused: report.refused,
      report: report.refused ? [...lines, report.refused] : [...lines, `Tilføjet: ${report.added.length}, ændret: ${report.changed.length}, uændret: ${report.unchanged.length}.`],
    };
  });

  app.get('/api/catalog/*', {
    config: { permission: 'public' },
    schema: { tags: ['catalog'], response: { 200: InitiativeView, 404: ErrorResponse } },
  }, async (req, reply) => {
    // Keys hold one "/" ("owner/title"): a wildcard keeps the shareable link readable.
    const key = decodeURIComponent((req.params as { '*': string })['*']);
    if (!KEY_PATTERN.test(key)) throw notFound('Indsatsen');
    const row = await findInitiative(db, key);
    if (!row) throw notFound('Indsatsen');
    reply.header('cache-control', 'public, max-age=60');
    return viewOf(row, await outcomesOf(db, row.id));
  });

  app.get('/api/youth/:id/catalog-suggestions', {
    config: { permission: P['catalog.suggest'] },
    schema: { tags: ['catalog'], params: YouthParams, response: { 200: CatalogSuggestions, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const person = await authorize(actor, P['catalog.suggest'], await findYoungPerson(db, actor.partnershipId, req.params.id), db);
    const [result] = await Promise.all([
      suggestInitiatives(db, actor, person),
      audit(db, actor, { action: 'read', subjectKind: 'young_person', subjectId: person.id, purpose: 'catalog_suggestions' }),
    ]);
    return result;
  });

  app.post('/api/youth/:id/initiatives', {
    config: { permission: P['catalog.link'] },
    schema: { tags: ['catalog'], params: YouthParams, body: LinkBody, response: { 204: { type: 'null' }, 404: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    await db.transaction().execute(async (trx) => {
      const person = await authorize(actor, P['catalog.link'], await findYoungPerson(trx, actor.partnershipId, req.params.id), trx);
      const initiative = await findInitiative(trx, req.body.initiativeKey);
      if (!initiative) throw notFound('Indsatsen');
      await trx.insertInto('initiative_links')
        .values({ partnership_id: actor.partnershipId, young_person_id: person.id, initiative_id: initiative.id, linked_by: actor.userId })
        .onConflict((oc) => oc.columns(['young_person_id', 'initiative_id']).doNothing()).execute();
      await audit(trx, actor, { action: 'change', subjectKind: 'young_person', subjectId: person.id, purpose: 'casework' });
    });
    return reply.status(204).send();
  });

  app.delete('/api/youth/:id/initiatives/*', {
    config: { permission: P['catalog.link'] },
    schema: { tags: ['catalog'], params: LinkParams, response: { 204: { type: 'null' }, 404: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const key = decodeURIComponent(req.params['*']);
    await db.transaction().execute(async (trx) => {
      const person = await authorize(actor, P['catalog.link'], await findYoungPerson(trx, actor.partnershipId, req.params.id), trx);
      const initiative = KEY_PATTERN.test(key) ? await findInitiative(trx, key) : undefined;
      if (!initiative) throw notFound('Indsatsen');
      const gone = await trx.deleteFrom('initiative_links').where('young_person_id', '=', person.id).where('initiative_id', '=', initiative.id).executeTakeFirst();
      if (Number(gone.numDeletedRows) === 0) throw notFound('Koblingen');
      await audit(trx, actor, { action: 'change', subjectKind: 'young_person', subjectId: person.id, purpose: 'casework' });
    });
    return reply.status(204).send();
  });
}

const KEY_PATTERN = /^[a-z0-9-]+\/[a-z0-9-]+$/;
export { summaryOf };
