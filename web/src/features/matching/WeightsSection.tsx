import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { WeightsResponse } from '../../../../src/matching/schemas.ts';
import { api, ApiError } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { useLoad } from './hooks.ts';

type Weights = Static<typeof WeightsResponse>;
type WeightKind = 'opening' | 'mentor';

/** The partnership's weights per criterion (defaults explained in docs/matching.md). */
export function WeightsSection() {
  const { t } = useTranslation('matching');
  const { data, reload } = useLoad<Weights>('/api/matching/weights');
  const [kind, setKind] = useState<WeightKind>('opening');
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (data) setDraft(Object.fromEntries(Object.entries(data[kind].weights).map(([k, v]) => [k, String(v)])));
  }, [data, kind]);
  if (!data) return null;
  const set = data[kind];

  async function save(reset: boolean) {
    setMessage(null);
    try {
      const weights = reset ? null : Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, Number(v)]));
      await api.put('/api/matching/weights', { kind, weights });
      setMessage({ ok: true, text: t(reset ? 'weights.reset' : 'weights.saved') });
      reload();
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiError ? err.message : String(err) });
    }
  }

  return (
    <section aria-labelledby="match-weights">
      <h2 id="match-weights">{t('weights.title')}</h2>
      <p>{t('weights.intro')}</p>
      <div className="form-group">
        <label className="form-label" htmlFor="weights-kind">{t('weights.kind')}</label>
        <select id="weights-kind" className="form-select" value={kind} onChange={(e) => setKind(e.target.value as WeightKind)}>
          <option value="opening">{t('kind.openings')}</option>
          <option value="mentor">{t('kind.mentors')}</option>
        </select>
      </div>
      <form onSubmit={(e) => { e.preventDefault(); void save(false); }}>
        {Object.keys(set.defaults).map((k) => (
          <div className="form-group" key={`${kind}-${k}`}>
            <label className="form-label" htmlFor={`weight-${kind}-${k}`}>{t(`criteria.${k}`)}</label>
            <span className="form-hint" id={`weight-${kind}-${k}-hint`}>{t('weights.default', { value: set.defaults[k] })}</span>
            <input id={`weight-${kind}-${k}`} className="form-input input-width-xs" type="number" min={0} max={100} step={1} required
              aria-describedby={`weight-${kind}-${k}-hint`} value={draft[k] ?? ''} onChange={(e) => setDraft((d) => ({ ...d, [k]: e.target.value }))} />
          </div>
        ))}
        {message && <Alert variant={message.ok ? 'success' : 'error'} headingLevel={3}>{message.text}</Alert>}
        <div className="match-actions">
          <button type="submit" className="button button-primary">{t('weights.save')}</button>
          {set.custom && <button type="button" className="button button-secondary" onClick={() => void save(true)}>{t('weights.toDefaults')}</button>}
        </div>
      </form>
    </section>
  );
}
