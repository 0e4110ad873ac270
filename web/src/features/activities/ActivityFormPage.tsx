import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { ActivityView, AssociationView } from '../../../../src/activities/schemas.ts';
import { ACTIVITY_KINDS } from '../../../../src/activities/schemas.ts';
import { api } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { Alert } from '../../components/Alert.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Field } from '../../components/Field.tsx';
import { Select, TextArea } from '../../components/FormControls.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useLoad, useSubmit } from '../lifeline/hooks.ts';
import { CancellationList, newSchedule, ScheduleFields, ScheduleList, type Schedule } from './ScheduleEditor.tsx';

type Activity = Static<typeof ActivityView>;
interface Details { name: string; kind: string; associationId: string; place: string; description: string }

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/**
 * An association contact or counsellor creates an activity with its weekly times,
 * or edits one: details, weekly times, and cancelling a meeting (the young people
 * signed up get a message).
 */
export function ActivityFormPage() {
  const { id } = useParams();
  const { t } = useTranslation('activities');
  const navigate = useNavigate();
  const location = useLocation();
  const session = useSession();
  const activity = useLoad<Activity>(id ? `/api/activities/${id}` : null);
  const associations = useLoad<Static<typeof AssociationView>[]>('/api/associations');
  const [d, setD] = useState<Details>({ name: '', kind: 'network_meeting', associationId: '', place: '', description: '' });
  const [schedules, setSchedules] = useState<Schedule[]>([newSchedule()]);
  const [saved, setSaved] = useState(Boolean((location.state as { created?: boolean } | null)?.created));
  const submit = useSubmit();
  useEffect(() => {
    const a = activity.data;
    if (a) setD({ name: a.name, kind: a.kind, associationId: a.associationId ?? '', place: a.place ?? '', description: a.description ?? '' });
  }, [activity.data]);

  if (id && activity.error) return <><PageTitle>{t('form.editTitle')}</PageTitle><Alert variant="error">{activity.error.message}</Alert></>;
  if (id && !activity.data) return <Spinner />;
  const set = (k: keyof Details, v: string) => { setD((x) => ({ ...x, [k]: v })); setSaved(false); };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const body = { name: d.name.trim(), kind: d.kind, associationId: orNull(d.associationId), place: orNull(d.place), description: orNull(d.description) };
    if (id) {
      if (await submit.run(() => api.patch<Activity>(`/api/activities/${id}`, body))) { setSaved(true); activity.reload(); }
      return;
    }
    // A counsellor's activity is led by the association's contact person, who then takes attendance.
    const contact = associations.data?.find((a) => a.id === d.associationId)?.contactUserId;
    const leader = session.role === 'counsellor' && contact ? { leaderUserId: contact } : {};
    const res = await submit.run(() => api.post<Activity>('/api/activities', { ...body, ...leader, schedules: schedules.map((s) => ({ ...s, validUntil: s.validUntil || null })) }));
    if (res) navigate(`/activities/${res.id}/edit`, { state: { created: true } });
  }

  const a = activity.data;
  return (
    <>
      <p><Link to="/activities">{t('attendance.back')}</Link></p>
      <PageTitle subtitle={a ? undefined : t('form.newIntro')}>{a ? t('form.editHeading', { name: a.name }) : t('form.newTitle')}</PageTitle>
      {saved && <Alert variant="success">{t('form.saved')}</Alert>}
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="activity-details-h">
        <h2 id="activity-details-h">{t('form.details')}</h2>
        <ErrorSummary errors={submit.error?.fields ?? []} idFor={(k) => `a-${k.split('.')[0]}`} />
        {submit.error && submit.error.fields.length === 0 && <Alert variant="error">{submit.error.message}</Alert>}
        <Field id="a-name" label={t('form.name')} value={d.name} onChange={(e) => set('name', e.target.value)} required maxLength={120} error={submit.fieldError('name')} />
        <Select id="a-kind" label={t('form.kind')} value={d.kind} onChange={(e) => set('kind', e.target.value)} options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        <Select id="a-associationId" label={t('form.association')} value={d.associationId} onChange={(e) => set('associationId', e.target.value)} error={submit.fieldError('associationId')}
          hint={session.role === 'counsellor' && !id ? t('form.associationHint') : undefined}
          options={[{ value: '', label: t('form.noAssociation') }, ...(associations.data ?? []).map((s) => ({ value: s.id, label: s.name }))]} />
        <Field id="a-place" label={t('form.place')} value={d.place} onChange={(e) => set('place', e.target.value)} maxLength={200} />
        <TextArea id="a-description" label={t('form.description')} value={d.description} onChange={(e) => set('description', e.target.value)} maxLength={2000} />
        {!id && (
          <fieldset className="form-group">
            <legend className="h3">{t('schedule.heading')}</legend>
            <p className="form-hint">{t('schedule.hint')}</p>
            {schedules.map((s, i) => (
              <div key={i} className="schedule-row">
                <ScheduleFields prefix={`a-s${i}`} value={s} onChange={(v) => setSchedules((x) => x.map((y, j) => (j === i ? v : y)))}
                  error={(f) => submit.fieldError(`schedules.${i}.${f}`)} />
                {schedules.length > 1 && (
                  <button type="button" className="button button-tertiary" onClick={() => setSchedules((x) => x.filter((_, j) => j !== i))}>
                    {t('schedule.removeRow')}<span className="sr-only"> {i + 1}</span>
                  </button>
                )}
              </div>
            ))}
            <button type="button" className="button button-secondary" disabled={schedules.length >= 7} onClick={() => setSchedules((x) => [...x, newSchedule()])}>{t('schedule.addRow')}</button>
          </fieldset>
        )}
        <button type="submit" className="button button-primary" disabled={submit.busy}>{id ? t('form.save') : t('form.create')}</button>
      </form>
      {a && id && (
        <>
          <ScheduleList activity={a} onChange={activity.reload} />
          <CancellationList activityId={id} onChange={activity.reload} />
        </>
      )}
    </>
  );
}
