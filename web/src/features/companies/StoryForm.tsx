import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Story } from '../../../../src/companies/schemas.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { Alert } from '../../components/Alert.tsx';
import { TextArea, useSubmit } from './ui.tsx';

/** A short story about a placement; the network sees it only after the young person says yes to it on their own page. */
export function StoryForm({ placementId, name }: { placementId: string; name: string }) {
  const { t } = useTranslation('companies');
  const [f, setF] = useState({ title: '', body: '' });
  const [saved, setSaved] = useState(false);
  const s = useSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (await s.run(() => api.post<Story>('/api/network/stories', { placementId, title: f.title.trim(), body: f.body.trim() }))) {
      setSaved(true);
      setF({ title: '', body: '' });
    }
  };
  return (
    <details className="details">
      <summary className="details-summary">{t('story.write')}</summary>
      <form onSubmit={submit} noValidate className="details-text">
        <div role="status" aria-live="polite">{saved && <Alert variant="success">{t('story.saved', { name })}</Alert>}</div>
        {s.error && <Alert variant="error">{s.error.message}</Alert>}
        <Field id="story-title" label={t('story.title')} maxLength={200} value={f.title} onChange={(e) => setF({ ...f, title: e.target.value })} required />
        <TextArea id="story-body" label={t('story.body')} hint={t('story.bodyHint')} rows={5} maxLength={4000} value={f.body} onChange={(e) => setF({ ...f, body: e.target.value })} required />
        <button type="submit" className="button button-secondary" disabled={s.busy || !f.title.trim() || !f.body.trim()}>{t('story.save')}</button>
      </form>
    </details>
  );
}
