import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PLACEMENT_KINDS, REQUIREMENTS, type Contact, type Opening, type OpeningBody } from '../../../../src/companies/schemas.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Alert } from '../../components/Alert.tsx';
import { withLabels } from './CompanyForm.tsx';
import { Checkboxes, orNull, Select, TextArea, useSubmit } from './ui.tsx';
import './company.css';

interface State {
  title: string; tasks: string; placementKinds: string[]; startDaysPerWeek: string; startHoursPerDay: string; maxHoursPerWeek: string;
  growth: string; capacity: string; earliestStart: string; requirements: string[]; mentorContactId: string; mentorAfterHours: boolean;
  location: string; postalCode: string; open: boolean;
}

function initialState(o?: Opening): State {
  return {
    title: o?.title ?? '', tasks: o?.tasks ?? '', placementKinds: o?.placementKinds ?? ['trial', 'work_placement'],
    startDaysPerWeek: String(o?.startDaysPerWeek ?? 1), startHoursPerDay: String(o?.startHoursPerDay ?? 4),
    maxHoursPerWeek: o?.maxHoursPerWeek == null ? '' : String(o.maxHoursPerWeek), growth: o?.growth ?? '',
    capacity: String(o?.capacity ?? 1), earliestStart: o?.earliestStart ?? '', requirements: o?.requirements ?? [],
    mentorContactId: o?.mentor?.id ?? '', mentorAfterHours: o?.mentorAfterHours ?? false,
    location: o?.location ?? '', postalCode: o?.postalCode ?? '', open: o?.open ?? true,
  };
}

/** An empty number field is NaN here; JSON sends it as null, so the server names the field in its message. */
const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(',', '.')));

function toBody(f: State): OpeningBody {
  const max = num(f.maxHoursPerWeek);
  return {
    title: f.title, tasks: f.tasks, placementKinds: f.placementKinds as OpeningBody['placementKinds'],
    startDaysPerWeek: num(f.startDaysPerWeek), startHoursPerDay: num(f.startHoursPerDay),
    maxHoursPerWeek: Number.isNaN(max) ? null : max, growth: orNull(f.growth), capacity: num(f.capacity),
    earliestStart: f.earliestStart || null, requirements: f.requirements as OpeningBody['requirements'],
    mentorContactId: f.mentorContactId || null, mentorAfterHours: f.mentorAfterHours,
    location: orNull(f.location), postalCode: orNull(f.postalCode), open: f.open,
  };
}

/** Where the form saves: the counsellor's routes by default, the company contact's own on the employer pages. */
export interface OpeningPaths { create: string; update: (openingId: string) => string }

const counsellorPaths = (companyId: string): OpeningPaths => ({
  create: `/api/companies/${companyId}/openings`,
  update: (openingId) => `/api/openings/${openingId}`,
});

/**
 * An opening's fields, for adding one to a company (POST) and for editing one
 * (PATCH, when `opening` is given). The mentor is one of the company's contacts.
 */
export function OpeningForm({ companyId, contacts, opening, paths = counsellorPaths(companyId), onSaved }: {
  companyId: string; contacts: Contact[]; opening?: Opening; paths?: OpeningPaths; onSaved: (saved: Opening) => void;
}) {
  const { t } = useTranslation('companies');
  const [f, setF] = useState<State>(() => initialState(opening));
  const s = useSubmit();
  const prefix = opening ? `opening-${opening.id}` : 'opening';
  const id = (k: string) => `${prefix}-${k}`;
  const set = <K extends keyof State>(k: K, v: State[K]) => setF((old) => ({ ...old, [k]: v }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = opening
      ? await s.run(() => api.patch<Opening>(paths.update(opening.id), toBody(f)))
      : await s.run(() => api.post<Opening>(paths.create, toBody(f)));
    if (saved) {
      if (!opening) setF(initialState());
      onSaved(saved);
    }
  };
  const text = (k: 'title' | 'growth' | 'location' | 'postalCode', extra: Record<string, unknown> = {}) => (
    <Field id={id(k)} label={t(`opening.${k}`)} value={f[k]} onChange={(e) => set(k, e.target.value)} error={s.fieldError(k)} {...extra} />
  );
  const number = (k: 'startDaysPerWeek' | 'startHoursPerDay' | 'maxHoursPerWeek' | 'capacity', extra: Record<string, unknown>) => (
    <Field id={id(k)} type="number" inputMode="decimal" label={t(`opening.${k}`)} value={f[k]} onChange={(e) => set(k, e.target.value)}
      error={s.fieldError(k)} {...extra} />
  );
  // Memoised: a new array on every render would move the focus back to the summary while the user types.
  const summary = useMemo(() => withLabels(s.error?.fields ?? [], (k) => (k in initialState() ? t(`opening.${k}`) : undefined)), [s.error, t]);
  return (
    <form onSubmit={submit} noValidate className="opening-form">
      {s.error && s.error.fields.length > 0 && <ErrorSummary errors={summary} idFor={id} />}
      {s.error && s.error.fields.length === 0 && <Alert variant="error" headingLevel={3}>{s.error.message}</Alert>}
      {text('title', { required: true })}
      <TextArea id={id('tasks')} label={t('opening.tasks')} value={f.tasks} onChange={(e) => set('tasks', e.target.value)} error={s.fieldError('tasks')} />
      <Checkboxes id={id('placementKinds')} legend={t('opening.placementKinds')} value={f.placementKinds} error={s.fieldError('placementKinds')}
        onChange={(v) => set('placementKinds', v)} options={PLACEMENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
      <fieldset className="form-group">
        <legend className="form-label">{t('opening.hours')}</legend>
        {number('startDaysPerWeek', { min: 1, max: 7, step: 1 })}
        {number('startHoursPerDay', { min: 0.5, max: 24, step: 0.5 })}
        {number('maxHoursPerWeek', { min: 1, max: 80, step: 0.5, hint: t('opening.maxHoursHint') })}
        {text('growth', { hint: t('opening.growthHint') })}
      </fieldset>
      {number('capacity', { min: 0, max: 500, step: 1 })}
      <Field id={id('earliestStart')} type="date" label={t('opening.earliestStart')} hint={t('opening.earliestStartHint')} value={f.earliestStart}
        onChange={(e) => set('earliestStart', e.target.value)} error={s.fieldError('earliestStart')} />
      <Checkboxes id={id('requirements')} legend={t('opening.requirements')} value={f.requirements} error={s.fieldError('requirements')}
        onChange={(v) => set('requirements', v)} options={REQUIREMENTS.map((r) => ({ value: r, label: t(`requirement.${r}`) }))} />
      <Select id={id('mentorContactId')} label={t('opening.mentorContactId')} value={f.mentorContactId} error={s.fieldError('mentorContactId')}
        hint={contacts.length === 0 ? t('opening.noContactsHint') : undefined} onChange={(e) => set('mentorContactId', e.target.value)}
        options={[{ value: '', label: t('opening.noMentor') }, ...contacts.map((c) => ({ value: c.id, label: c.title ? `${c.name}, ${c.title}` : c.name }))]} />
      <Checkboxes id={id('flags')} legend={t('opening.mentorAndStatus')} value={[f.mentorAfterHours ? 'afterHours' : '', f.open ? 'open' : ''].filter(Boolean)}
        onChange={(v) => setF((old) => ({ ...old, mentorAfterHours: v.includes('afterHours'), open: v.includes('open') }))}
        options={[{ value: 'afterHours', label: t('opening.mentorAfterHours') }, { value: 'open', label: t('opening.open') }]} />
      {text('location', { hint: t('opening.locationHint') })}
      {text('postalCode', { inputMode: 'numeric', maxLength: 4 })}
      <button type="submit" className="button button-primary" disabled={s.busy}>{t(opening ? 'opening.saveChanges' : 'opening.save')}</button>
    </form>
  );
}
