import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { JournalEntry } from '../../../../src/youth/schemas.ts';
import { JOURNAL_KINDS } from '../../../../src/youth/domain.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Select, TextArea } from './ui.tsx';
import { formatDate, today, useLoad, useSubmit } from './hooks.ts';
import type { Person } from './YoungPersonPage.tsx';
import { limit } from './limits.ts';

type Entry = Static<typeof JournalEntry>;
interface Draft { kind: string; occurredOn: string; sensitivity: string; body: string }

function EntryForm({ idPrefix, initial, submitLabel, onSubmit, onCancel, busy }: {
  idPrefix: string; initial: Draft; submitLabel: string; onSubmit: (d: Draft) => void; onCancel?: () => void; busy: boolean;
}) {
  const { t } = useTranslation('youth');
  const [d, setD] = useState(initial);
  const submit = (e: FormEvent) => { e.preventDefault(); onSubmit(d); };
  return (
    <form onSubmit={submit} noValidate>
      <Select id={`${idPrefix}-kind`} label={t('journal.kind')} value={d.kind} onChange={(e) => setD({ ...d, kind: e.target.value })} options={JOURNAL_KINDS.map((k) => ({ value: k, label: t(`journalKind.${k}`) }))} />
      <Field id={`${idPrefix}-date`} type="date" label={t('journal.occurredOn')} value={d.occurredOn} onChange={(e) => setD({ ...d, occurredOn: e.target.value })} />
      <Select id={`${idPrefix}-sensitivity`} label={t('journal.sensitivity')} value={d.sensitivity} onChange={(e) => setD({ ...d, sensitivity: e.target.value })} options={['ordinary', 'special'].map((k) => ({ value: k, label: t(`sensitivity.${k}`) }))} />
      <TextArea id={`${idPrefix}-body`} {...limit.journal('body')} label={t('journal.body')} value={d.body} onChange={(e) => setD({ ...d, body: e.target.value })} />
      <button type="submit" className="button button-primary" disabled={busy}>{submitLabel}</button>
      {onCancel && <button type="button" className="button button-tertiary" onClick={onCancel}>{t('journal.cancel')}</button>}
    </form>
  );
}

/** The journal: entries are never edited in place; a correction is a new version and earlier ones stay readable. */
export function JournalSection({ person }: { person: Person }) {
  const { t, i18n } = useTranslation('youth');
  const list = useLoad<Entry[]>(`/api/youth/${person.id}/journal`);
  const [editing, setEditing] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const s = useSubmit();
  const add = async (d: Draft) => {
    if (await s.run(() => api.post(`/api/youth/${person.id}/journal`, d))) {
      setFormKey((k) => k + 1);
      list.reload();
    }
  };
  const correct = async (e: Entry, d: Draft) => {
    if (await s.run(() => api.post(`/api/youth/${person.id}/journal/${e.entryId}/versions`, { ...d, baseVersion: e.version }))) {
      setEditing(null);
      list.reload();
    }
  };
  return (
    <section id="journal" aria-labelledby="journal-h">
      <h2 id="journal-h">{t('journal.heading')}</h2>
      {s.error && <Alert variant="error">{s.error.message}</Alert>}
      <h3>{t('journal.add')}</h3>
      <EntryForm key={formKey} idPrefix="j-new" initial={{ kind: 'meeting', occurredOn: today(), sensitivity: 'ordinary', body: '' }} submitLabel={t('journal.add')} onSubmit={add} busy={s.busy} />
      {list.data && list.data.length === 0 && <p>{t('journal.empty')}</p>}
      <ul className="nobullet-list journal-list">
        {list.data?.map((e) => (
          <li key={e.entryId} className="journal-entry">
            <p className="journal-meta">
              {t('journal.meta', { date: formatDate(e.occurredOn, i18n.language), kind: t(`journalKind.${e.kind}`), author: e.authorName ?? '' })}
              {e.sensitivity === 'special' && <> · <strong>{t('screening.special')}</strong></>}
              {e.version > 1 && <> · {t('journal.version', { version: e.version })}</>}
            </p>
            {editing === e.entryId ? (
              <EntryForm idPrefix={`j-${e.entryId}`} initial={{ kind: e.kind, occurredOn: e.occurredOn, sensitivity: e.sensitivity, body: e.body }}
                submitLabel={t('journal.saveCorrection')} onSubmit={(d) => void correct(e, d)} onCancel={() => setEditing(null)} busy={s.busy} />
            ) : (
              <>
                <p className="journal-body">{e.body}</p>
                <button type="button" className="button button-tertiary" onClick={() => setEditing(e.entryId)}>{t('journal.correct')}<span className="sr-only"> {formatDate(e.occurredOn, i18n.language)}</span></button>
              </>
            )}
            {e.earlier.length > 0 && (
              <details>
                <summary>{t('journal.earlier', { count: e.earlier.length })}</summary>
                <ol>
                  {e.earlier.map((v) => <li key={v.id}>{t('journal.version', { version: v.version })}, {formatDate(v.createdAt, i18n.language)}, {v.authorName}: {v.body}</li>)}
                </ol>
              </details>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
