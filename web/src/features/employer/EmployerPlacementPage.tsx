import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { formatDate, TextArea, useLoad, useSubmit } from '../companies/ui.tsx';
import type { EmployerPlacement } from './types.ts';
import { telHref } from '../lifeline/hooks.ts';

const show = (v: unknown): string => (Array.isArray(v) ? v.join(', ') : v === null || v === undefined ? '–' : String(v));

/** One young person as this company may see them, the last two weeks' attendance, and "Ring til mig". */
export function EmployerPlacementPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation('employer');
  const { data, error } = useLoad<EmployerPlacement>(`/api/employer/placements/${id}`);
  const [message, setMessage] = useState('');
  const [sent, setSent] = useState(false);
  const s = useSubmit();
  if (error) return <Alert variant="error">{error.message}</Alert>;
  if (!data) return <Spinner />;
  const name = String(data.youngPerson.firstName ?? '');
  const { screening, id: _id, firstName: _f, ...rest } = data.youngPerson as Record<string, unknown>;
  void _id; void _f;
  const shared = { ...rest, ...((screening as Record<string, unknown> | null | undefined) ?? {}) };
  const send = async (callMe: boolean) => {
    setSent(false);
    if (await s.run(() => api.post(`/api/employer/placements/${data.id}/concern`, { message: message.trim() || t('placement.callMe'), callMe }))) {
      setSent(true);
      setMessage('');
    }
  };
  return (
    <>
      <PageTitle subtitle={data.openingTitle}>{name}</PageTitle>
      {data.status === 'paused' && <Alert variant="info" heading={t('placement.pausedHeading')}>{t('placement.paused', { name })}</Alert>}
      {data.counsellor && (
        <section aria-labelledby="counsellor-heading">
          <h2 id="counsellor-heading">{t('placement.counsellorHeading')}</h2>
          <p>{t('placement.counsellor', { name: data.counsellor.name })}{data.counsellor.phone && <>
            {' '}<a className="tap-target" href={telHref(data.counsellor.phone)}>{t('placement.callCounsellor', { phone: data.counsellor.phone })}</a></>}</p>
        </section>
      )}
      <section aria-labelledby="shared-heading">
        <h2 id="shared-heading">{t('placement.shared', { name })}</h2>
        <p>{t('placement.sharedIntro')}</p>
        {Object.keys(shared).length === 0 ? <p data-testid="nothing-shared">{t('placement.nothingShared')}</p> : (
          <dl data-testid="shared-fields">
            {Object.entries(shared).map(([k, v]) => <div key={k}><dt>{t(`fields.${k}`, { defaultValue: k })}</dt>
              <dd>{k === 'phone' && typeof v === 'string' && v ? <a href={telHref(v)}>{v}</a> : show(v)}</dd></div>)}
          </dl>
        )}
      </section>
      <section aria-labelledby="att-heading">
        <h2 id="att-heading">{t('placement.thisWeek')}</h2>
        {data.attendance.length === 0 ? <p>{t('placement.noAttendance')}</p> : (
          <ul className="nobullet-list">
            {data.attendance.map((a) => <li key={a.day}>{formatDate(a.day, i18n.language)}: {t(`att.${a.status}`)}</li>)}
          </ul>
        )}
      </section>
      <section aria-labelledby="concern-heading">
        <h2 id="concern-heading">{t('placement.concernTitle')}</h2>
        <div role="status" aria-live="polite">{sent && <Alert variant="success">{t('placement.sent')}</Alert>}</div>
        {s.error && <Alert variant="error">{s.error.message}</Alert>}
        <TextArea id="concern-message" label={t('placement.message')} value={message} maxLength={1000} onChange={(e) => setMessage(e.target.value)} />
        <div className="attendance-buttons">
          <button type="button" className="button button-primary" disabled={s.busy} onClick={() => void send(true)}>{t('placement.callMe')}</button>
          <button type="button" className="button button-secondary" disabled={s.busy || !message.trim()} onClick={() => void send(false)}>{t('placement.sendConcern')}</button>
        </div>
      </section>
    </>
  );
}
