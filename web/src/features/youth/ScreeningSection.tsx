import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { ScreeningView } from '../../../../src/youth/schemas.ts';
import { AFTER_HOURS_MENTOR, BARRIERS, READINESS, TRANSPORT } from '../../../../src/youth/domain.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormErrors } from './FormErrors.tsx';
import { Checkboxes, Select, TextArea } from './ui.tsx';
import { formatDate, numOrNull, orNull, useLoad, useSubmit } from './hooks.ts';
import type { Person } from './YoungPersonPage.tsx';
import { limit } from './limits.ts';

type Screening = Static<typeof ScreeningView>;
const SPECIAL = new Set(['diagnosis', 'cognitive', 'substance_abuse', 'crime']);
const tags = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
/** Yes/no/not asked as a select value ('' = not asked → null). */
const yesNo = (b: boolean | null | undefined) => (b === true ? 'yes' : b === false ? 'no' : '');
const fromYesNo = (v: string) => (v === 'yes' ? true : v === 'no' ? false : null);

const fromScreening = (x: Screening | null | undefined) => ({
  barriers: x?.barriers ?? [], barrierNote: x?.barrierNote ?? '', healthNote: x?.healthNote ?? '',
  strengths: (x?.strengths ?? []).join(', '), interests: (x?.interests ?? []).join(', '), wishes: x?.wishes ?? '',
  daysPerWeek: x?.daysPerWeek?.toString() ?? '', hoursPerDay: x?.hoursPerDay?.toString() ?? '', earliestStart: x?.earliestStart ?? '',
  transport: x?.transport ?? [], maxTravelMinutes: x?.maxTravelMinutes?.toString() ?? '', readiness: x?.readiness ?? '',
  canDoEarlyMornings: yesNo(x?.canDoEarlyMornings), canLift: yesNo(x?.canLift), afterHoursMentor: x?.afterHoursMentor ?? '',
});

/** Screening: every save is a new version; the history shows progression. */
export function ScreeningSection({ person, onSaved }: { person: Person; onSaved: () => void }) {
  const { t, i18n } = useTranslation('youth');
  const history = useLoad<Screening[]>(`/api/youth/${person.id}/screenings`);
  const [f, setF] = useState(() => fromScreening(person.screening));
  const s = useSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await s.run(() => api.post<Screening>(`/api/youth/${person.id}/screenings`, {
      baseVersion: person.screening?.version ?? 0, barriers: f.barriers, barrierNote: orNull(f.barrierNote), healthNote: orNull(f.healthNote),
      strengths: tags(f.strengths), interests: tags(f.interests), wishes: orNull(f.wishes), daysPerWeek: numOrNull(f.daysPerWeek),
      hoursPerDay: numOrNull(f.hoursPerDay), earliestStart: orNull(f.earliestStart), transport: f.transport,
      maxTravelMinutes: numOrNull(f.maxTravelMinutes), readiness: f.readiness || null,
      canDoEarlyMornings: fromYesNo(f.canDoEarlyMornings), canLift: fromYesNo(f.canLift),
      afterHoursMentor: (f.afterHoursMentor || null) as (typeof AFTER_HOURS_MENTOR)[number] | null,
    }));
    if (ok) {
      history.reload();
      onSaved();
    }
  };
  const yesNoSelect = (k: 'canDoEarlyMornings' | 'canLift') => (
    <Select id={`s-${k}`} label={t(`screening.${k}`)} hint={t('screening.matchingHint')} value={f[k]} error={s.fieldError(k)}
      onChange={(e) => setF({ ...f, [k]: e.target.value })}
      options={[{ value: '', label: t('screening.notAsked') }, { value: 'yes', label: t('screening.yes') }, { value: 'no', label: t('screening.no') }]} />
  );
  const text = (k: 'strengths' | 'interests' | 'daysPerWeek' | 'hoursPerDay' | 'earliestStart' | 'maxTravelMinutes', extra: Record<string, unknown> = {}) => (
    <Field id={`s-${k}`} label={t(`screening.${k}`)} value={f[k]} onChange={(e) => setF({ ...f, [k]: e.target.value })} error={s.fieldError(k)} {...extra} />
  );
  return (
    <section id="screening" aria-labelledby="screening-h">
      <h2 id="screening-h">{t('screening.heading')}</h2>
      <form onSubmit={submit} noValidate>
        <FormErrors error={s.error} prefix="s-" onReload={() => { s.clear(); history.reload(); onSaved(); }} />
        <Checkboxes id="s-barriers" legend={t('screening.barriers')} value={f.barriers} onChange={(v) => setF({ ...f, barriers: v })}
          options={BARRIERS.map((b) => ({ value: b, label: <>{t(`barrier.${b}`)}{SPECIAL.has(b) && <> ({t('screening.special')})</>}</> }))} />
        <TextArea id="s-barrierNote" {...limit.screening('barrierNote')} label={t('screening.barrierNote')} value={f.barrierNote} onChange={(e) => setF({ ...f, barrierNote: e.target.value })} />
        <TextArea id="s-healthNote" {...limit.screening('healthNote')} label={t('screening.healthNote')} value={f.healthNote} onChange={(e) => setF({ ...f, healthNote: e.target.value })} />
        {text('strengths', { hint: t('screening.tagsHint'), ...limit.screeningTags('strengths') })}
        {text('interests', { hint: t('screening.tagsHint'), ...limit.screeningTags('interests') })}
        <TextArea id="s-wishes" {...limit.screening('wishes')} label={t('screening.wishes')} value={f.wishes} onChange={(e) => setF({ ...f, wishes: e.target.value })} />
        <fieldset>
          <legend className="h3">{t('screening.practical')}</legend>
          {text('daysPerWeek', { type: 'number', min: 0, max: 7, inputMode: 'numeric' })}
          {text('hoursPerDay', { type: 'number', min: 0, max: 24, inputMode: 'numeric' })}
          {text('earliestStart', { type: 'date' })}
          <Checkboxes id="s-transport" legend={t('screening.transport')} value={f.transport} onChange={(v) => setF({ ...f, transport: v })}
            options={TRANSPORT.map((x) => ({ value: x, label: t(`transport.${x}`) }))} />
          {text('maxTravelMinutes', { type: 'number', min: 0, inputMode: 'numeric' })}
          {yesNoSelect('canDoEarlyMornings')}
          {yesNoSelect('canLift')}
          <Select id="s-afterHoursMentor" label={t('screening.afterHoursMentor')} hint={t('screening.afterHoursMentorHint')} value={f.afterHoursMentor}
            error={s.fieldError('afterHoursMentor')} onChange={(e) => setF({ ...f, afterHoursMentor: e.target.value })}
            options={[{ value: '', label: t('screening.notAsked') }, ...AFTER_HOURS_MENTOR.map((v) => ({ value: v, label: t(`afterHoursMentor.${v}`) }))]} />
        </fieldset>
        <Select id="s-readiness" label={t('screening.readiness')} value={f.readiness} error={s.fieldError('readiness')} onChange={(e) => setF({ ...f, readiness: e.target.value })}
          options={[{ value: '', label: t('screening.none') }, ...READINESS.map((r) => ({ value: r, label: t(`readiness.${r}`) }))]} />
        <button type="submit" className="button button-primary" disabled={s.busy}>{t('screening.save')}</button>
      </form>
      {history.data && history.data.length > 0 && (
        <>
          <h3>{t('screening.history')}</h3>
          <ol className="screening-history" data-testid="screening-history">
            {history.data.map((h) => (
              <li key={h.version}>
                <strong>{t('screening.version', { version: h.version, date: formatDate(h.createdAt, i18n.language), by: h.createdByName ?? '' })}</strong>
                {': '}{h.readiness ? t(`readiness.${h.readiness}`) : t('screening.none')}
                {h.barriers && h.barriers.length > 0 && <> · {h.barriers.map((b) => t(`barrier.${b}`)).join(', ')}</>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
