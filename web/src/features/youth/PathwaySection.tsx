import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { PathwayEvent } from '../../../../src/youth/schemas.ts';
import { EDUCATIONS, OUTCOMES, STAGES, TRANSITIONS, type Stage } from '../../../../src/youth/domain.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormErrors } from './FormErrors.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Select, TextArea } from './ui.tsx';
import { formatDate, today, useLoad, useSubmit } from './hooks.ts';
import type { Person } from './YoungPersonPage.tsx';
import { limit } from './limits.ts';

type Event = Static<typeof PathwayEvent>;

/** Stage changes the server allows from here, ending with an outcome, and explicit reopening. */
export function PathwaySection({ person, onSaved }: { person: Person; onSaved: () => void }) {
  const { t, i18n } = useTranslation('youth');
  const history = useLoad<Event[]>(`/api/youth/${person.id}/pathway`);
  const stage = person.stage as Stage;
  const next = TRANSITIONS[stage] ?? [];
  const [to, setTo] = useState<string>(next[0] ?? '');
  const [outcome, setOutcome] = useState<string>('ordinary_employment');
  const [education, setEducation] = useState<string>('EUD');
  const [date, setDate] = useState(today());
  const [note, setNote] = useState('');
  const [reopenTo, setReopenTo] = useState<string>('clarification');
  const s = useSubmit();
  const send = async (body: Record<string, unknown>) => {
    const ok = await s.run(() => api.post(`/api/youth/${person.id}/pathway`, { version: person.version, ...body }));
    if (ok) {
      setNote('');
      history.reload();
      onSaved();
    }
  };
  const move = (e: FormEvent) => { e.preventDefault(); void send({ action: 'stage', toStage: to || next[0], ...(note ? { note } : {}) }); };
  const end = (e: FormEvent) => {
    e.preventDefault();
    void send({ action: 'end', outcome, outcomeDate: date, ...(outcome === 'education' ? { outcomeEducation: education } : {}), ...(note ? { note } : {}) });
  };
  const reopen = (e: FormEvent) => { e.preventDefault(); void send({ action: 'reopen', toStage: reopenTo, note }); };
  return (
    <section id="pathway" aria-labelledby="pathway-h">
      <h2 id="pathway-h">{t('pathway.heading')}</h2>
      <p data-testid="pathway-stage">{t('pathway.current', { stage: t(`stage.${stage}`) })}
        {person.outcome && <> · {t('pathway.outcomeNow', { outcome: t(`outcome.${person.outcome}`), date: formatDate(person.outcomeDate, i18n.language) })}</>}
      </p>
      <FormErrors error={s.error} prefix="pw-" onReload={() => { s.clear(); history.reload(); onSaved(); }} />
      {stage !== 'ended' ? (
        <div className="pathway-forms">
          <form onSubmit={move}>
            <Select id="pw-toStage" label={t('pathway.moveTo')} value={to || next[0]} onChange={(e) => setTo(e.target.value)} options={next.map((x) => ({ value: x, label: t(`stage.${x}`) }))} />
            <button type="submit" className="button button-secondary" disabled={s.busy || next.length === 0}>{t('pathway.move')}</button>
          </form>
          <form onSubmit={end}>
            <h3>{t('pathway.end')}</h3>
            <Select id="pw-outcome" label={t('pathway.outcome')} value={outcome} onChange={(e) => setOutcome(e.target.value)} options={OUTCOMES.map((x) => ({ value: x, label: t(`outcome.${x}`) }))} />
            {outcome === 'education' && <Select id="pw-outcomeEducation" label={t('pathway.education')} value={education} onChange={(e) => setEducation(e.target.value)} options={EDUCATIONS.map((x) => ({ value: x, label: t(`education.${x}`) }))} />}
            <Field id="pw-outcomeDate" type="date" label={t('pathway.outcomeDate')} value={date} onChange={(e) => setDate(e.target.value)} />
            <TextArea id="pw-note" {...limit.pathway('note')} label={t('pathway.note')} value={note} onChange={(e) => setNote(e.target.value)} />
            <button type="submit" className="button button-secondary" disabled={s.busy}>{t('pathway.end')}</button>
          </form>
        </div>
      ) : (
        <form onSubmit={reopen}>
          <h3>{t('pathway.reopen')}</h3>
          <Select id="pw-reopen-to" label={t('pathway.moveTo')} value={reopenTo} onChange={(e) => setReopenTo(e.target.value)} options={STAGES.filter((x) => x !== 'ended').map((x) => ({ value: x, label: t(`stage.${x}`) }))} />
          <TextArea id="pw-reopen-note" {...limit.pathway('note')} label={t('pathway.reopenNote')} value={note} required onChange={(e) => setNote(e.target.value)} />
          <button type="submit" className="button button-secondary" disabled={s.busy}>{t('pathway.reopen')}</button>
        </form>
      )}
      {history.data && (
        <DataTable<Event>
          caption={t('pathway.history')}
          rows={history.data}
          rowKey={(r) => r.changedAt + r.kind + r.toStage}
          empty="–"
          columns={[
            { key: 'when', header: t('pathway.when'), cell: (r) => formatDate(r.changedAt, i18n.language) },
            { key: 'what', header: t('pathway.what'), cell: (r) => `${t(`pathway.kind.${r.kind}`)}: ${r.fromStage ? `${t(`stage.${r.fromStage}`)} → ` : ''}${t(`stage.${r.toStage}`)}${r.outcome ? ` (${t(`outcome.${r.outcome}`)}${r.outcomeEducation ? `, ${r.outcomeEducation}` : ''})` : ''}${r.note ? ` – ${r.note}` : ''}` },
            { key: 'by', header: t('pathway.by'), cell: (r) => r.changedByName ?? '–' },
          ]}
        />
      )}
    </section>
  );
}
