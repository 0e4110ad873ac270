
import type { App } from '../core/app-types.ts';
import { actorOf } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import { badRequest } from '../core/errors.ts';
import type { Actor } from '../core/policy.ts';
import type { Queryable } from '../core/db.ts';
import { ErrorResponse } from '../auth/schemas.ts';
import { reportPermissions as P, TEAM_ROLES } from './policy.ts';
import { ExportQuerySchema, KeyFiguresSchema, ReportBundleSchema, ReportCounsellors, ReportQuerySchema } from './schemas.ts';
import { runReport } from './service.ts';
import type { ReportQuery } from './queries.ts';
import { counsellorsOf, NETWORK_TABLE_IDS } from './queries.ts';
import { goalRoutes } from './goal-routes.ts';
import { toCsv } from './export-csv.ts';
import { toXlsx } from './export-xlsx.ts';
import { toPdf } from './export-pdf.ts';
import { viewLabel, type ViewKind } from './bundle.ts';
import { isoDate } from './dates.ts';
import { todayInDenmark } from '../core/today.ts';
import { suppressedPeriod } from './periods.ts';
import { exportFileName } from './export-name.ts';

/**
 * Period defaults: this calendar year up to today, status read today. A
 * suppressed view takes only fixed, completed periods and no filters
 * (periods.ts: differencing).
 */
export function resolveQuery(q: ReportQuerySchema, today = isoDate(new Date()), view: ViewKind = 'team'): ReportQuery {
  if (view === 'suppressed') return suppressedPeriod(q, today);
  const from = q.from ?? `${today.slice(0, 4)}-01-01`;
  const to = q.to ?? today;
  const asOf = q.asOf ?? today;
  if (from > to) throw badRequest('Perioden slutter før den begynder: vælg en slutdato efter startdatoen.', [{ field: 'to', message: 'Slutdatoen skal ligge efter startdatoen.' }]);
  if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 10) throw badRequest('Perioden er for lang: vælg højst 10 år.', [{ field: 'from', message: 'Højst 10 år.' }]);
  if (asOf < from) throw badRequest('Statusdatoen ligger før perioden begynder.', [{ field: 'asOf', message: 'Statusdatoen skal ligge i eller efter perioden.' }]);
  return { from, to, asOf, counsellorId: q.counsellorId, ageBand: q.ageBand, readiness: q.readiness };
}

/** A counsellor filter must name a counsellor of the actor's own partnership. */
async function checkCounsellor(db: Queryable, partnershipId: string, counsellorId: string | undefined) {
  if (!counsellorId) return;
  const known = await db.selectFrom('memberships').select('user_id')
    .where('partnership_id', '=', partnershipId).where('user_id', '=', counsellorId).where('role', '=', 'counsellor').executeTakeFirst();
  if (!known) throw badRequest('Vejlederen findes ikke i netværket: vælg en vejleder fra listen.', [{ field: 'counsellorId', message: 'Ukendt vejleder.' }]);
}

/** The team sees exact figures and may preview the suppressed view; others always get it suppressed. */
export function viewFor(actor: Actor, asked?: ViewKind): ViewKind {
  return TEAM_ROLES.includes(actor.role) ? (asked ?? 'team') : 'suppressed';
}

const criterion = (q: ReportQuery, view: ViewKind, extra = '') =>
  [`${q.from}..${q.to}`, `asOf=${q.asOf}`, `view=${view}`, q.counsellorId && 'counsellor', q.ageBand && `age=${q.ageBand}`, q.readiness && `readiness=${q.readiness}`, extra].filter(Boolean).join(';');

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export async function reportRoutes(app: App) {
  const { db } = app.deps;

  /** Runs the report for the actor's view; returns once the read is on record. */
  const auditedReport = async (actor: Actor, query: Parameters<typeof resolveQuery>[0] & { view?: string }, part?: string) => {
    const view = viewFor(actor, query.view);
    const q = resolveQuery(query, todayInDenmark(), view);
    await checkCounsellor(db, actor.partnershipId, q.counsellorId);
    const [bundle] = await Promise.all([
      runReport(db, actor.partnershipId, q, view),
      audit(db, actor, { action: 'read', subjectKind: 'report', criterion: criterion(q, view, part), purpose: 'reporting' }),
    ]);
    return bundle;
  };

  app.get('/api/reports', {
    config: { permission: P['reports.view'] },
    schema: { tags: ['reports'], querystring: ReportQuerySchema, response: { 200: ReportBundleSchema, 400: ErrorResponse } },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return auditedReport(actorOf(req), req.query);
  });

  app.get('/api/reports/key-figures', {
    config: { permission: P['reports.view'] },
    schema: { tags: ['reports'], querystring: ReportQuerySchema, response: { 200: KeyFiguresSchema, 400: ErrorResponse } },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    const b = await auditedReport(actorOf(req), req.query, 'key-figures');
    return { partnership: b.partnership, period: b.period, view: b.view, keyFigures: b.keyFigures, goals: b.goals };
  });

  app.get('/api/reports/export', {
    config: { permission: P['reports.export'] },
    schema: { tags: ['reports'], querystring: ExportQuerySchema, response: { 400: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const { format, separator, tables: wanted, ...rest } = req.query;
    const view = viewFor(actor, rest.view);
    const q = resolveQuery(rest, todayInDenmark(), view);
    await checkCounsellor(db, actor.partnershipId, q.counsellorId);
    const ids = wanted ? new Set(wanted.split(',')) : null;
    // An export of other tables needs no network tables: skip their queries (the PDF has every table).
    const networkTables = !ids || NETWORK_TABLE_IDS.some((id) => ids.has(id));
    const bundle = await runReport(db, actor.partnershipId, q, view, { networkTables });
    const tables = ids ? bundle.tables.filter((t) => ids.has(t.id)) : bundle.tables;
    if (ids && tables.length === 0) throw badRequest('Ingen af de valgte tabeller findes i rapporten.', [{ field: 'tables', message: 'Ukendt tabel.' }]);
    const file = format === 'csv'
      ? Buffer.from(toCsv(tables, { separator: separator === 'semicolon' ? ';' : ',' }), 'utf8')
      : format === 'xlsx'
        ? await toXlsx(tables, { partnership: bundle.partnership.name, period: `${q.from} – ${q.to}, status pr. ${q.asOf}`, view: viewLabel(bundle) })
        : await toPdf(bundle);
    // Recorded once the file is made (a refused export is not one), before it is sent.
    await audit(db, actor, { action: 'export', subjectKind: 'report', criterion: criterion(q, view, `format=${format}`), purpose: 'reporting' });
    const name = exportFileName(bundle.partnership.name, q.from, q.to, format);
    return reply
      .header('content-type', CONTENT_TYPES[format])
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'no-store')
      .send(file as never);
  });

  app.get('/api/reports/counsellors', {
    config: { permission: P['reports.view'] },
    schema: { tags: ['reports'], response: { 200: ReportCounsellors } },
  }, async (req) => counsellorsOf(db, actorOf(req).partnershipId));

  await goalRoutes(app);
}

