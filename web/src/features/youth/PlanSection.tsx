import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { PlanBody, PlanResponse } from '../../../../src/youth/schemas.ts';
import { GOAL_STATUS } from '../../../../src/youth/domain.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormErrors } from './FormErrors.tsx';
import { Select, TextArea } from './ui.tsx';
import { orNull, useLoad, useSubmit } from './hooks.ts';
import type { Person } from './YoungPersonPage.tsx';
import { limit } from './limits.ts';

type Plan = Static<typeof PlanResponse>;
type Body = Static<typeof PlanBody>;
type Goal = Body['goals'][number];
type Agreement = Body['agreements'][number];

/** The plan: goals with sub-goals, K-meeting agreements and the contact person; saved as a new version. */
export function PlanSection({ person }: { person: Person }) {
  const { t } = useTranslation('youth');
  const plan = useLoad<Plan>(`/api/youth/${person.id}/plan`);
  const counsellors = useLoad<{ id: string; name: string }[]>('/api/youth/counsellors');
  const [summary, setSummary] = useState('');
  const [contact, setContact] = useState('');
  const [goals, setGoals] = useState<Goal[]>([]);
  const [agreements, setAgreements] = useState<Agreement[]>([]);
  const s = useSubmit();
  // After a conflict the newest version is fetched, but what the counsellor typed stays (dirty).
  const [dirty, setDirty] = useState(false);
  const edit = <T,>(set: (v: T) => void) => (v: T) => { setDirty(true); set(v); };
  useEffect(() => {
    if (dirty) return;
    const p = plan.data?.plan;
    setSummary(p?.summary ?? '');
    setContact(p?.contactPerson?.id ?? person.counsellorId ?? '');
    setGoals(p?.goals ?? []);
    setAgreements(p?.agreements ?? []);
  }, [plan.data, person.counsellorId, dirty]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await s.run(() => api.put<Plan>(`/api/youth/${person.id}/plan`, {
      baseVersion: plan.data?.plan?.version ?? 0, contactPersonId: contact || null, summary: orNull(summary), goals, agreements,
    }));
    if (ok) {
      setDirty(false);
      plan.reload();
    }
  };
  const setGoal = (i: number, g: Partial<Goal>) => edit(setGoals)(goals.map((x, j) => (j === i ? { ...x, ...g } : x)));
  const statusOptions = GOAL_STATUS.map((x) => ({ value: x, label: t(`goalStatus.${x}`) }));
  return (
    <section id="plan" aria-labelledby="plan-h">
      <h2 id="plan-h">{t('plan.heading')}</h2>
      {plan.data?.plan && <p>{t('plan.versions', { count: plan.data.history.length })} <a href={`/api/youth/${person.id}/plan/print`} target="_blank" rel="noopener">{t('plan.print')}</a></p>}
      <form onSubmit={submit} noValidate>
        <FormErrors error={s.error} prefix="p-" onReload={() => { s.clear(); plan.reload(); }} />
        <TextArea id="p-summary" {...limit.plan('summary')} label={t('plan.summary')} value={summary} onChange={(e) => edit(setSummary)(e.target.value)} />
        <Select id="p-contactPersonId" label={t('plan.contactPerson')} value={contact} onChange={(e) => edit(setContact)(e.target.value)} error={s.fieldError('contactPersonId')}
          options={[{ value: '', label: '–' }, ...(counsellors.data ?? []).map((c) => ({ value: c.id, label: c.name }))]} />
        <h3>{t('plan.goals')}</h3>
        {goals.map((g, i) => (
          <fieldset key={i} className="plan-goal">
            <legend>{t('plan.goal')} {i + 1}</legend>
            <Field id={`p-goal-${i}`} {...limit.plan('goals.title')} label={t('plan.goal')} value={g.title} onChange={(e) => setGoal(i, { title: e.target.value })} />
            <Field id={`p-goal-${i}-date`} type="date" label={t('plan.dueDate')} value={g.dueDate ?? ''} onChange={(e) => setGoal(i, { dueDate: e.target.value || null })} />
            <Select id={`p-goal-${i}-status`} label={t('plan.status')} value={g.status} onChange={(e) => setGoal(i, { status: e.target.value as Goal['status'] })} options={statusOptions} />
            {g.subGoals.map((sg, k) => (
              <div key={k} className="plan-subgoal">
                <Field id={`p-goal-${i}-sub-${k}`} {...limit.plan('goals.subGoals.title')} label={`${t('plan.subGoal')} ${k + 1}`} value={sg.title}
                  onChange={(e) => setGoal(i, { subGoals: g.subGoals.map((x, j) => (j === k ? { ...x, title: e.target.value } : x)) })} />
                <Select id={`p-goal-${i}-sub-${k}-status`} label={t('plan.status')} value={sg.status}
                  onChange={(e) => setGoal(i, { subGoals: g.subGoals.map((x, j) => (j === k ? { ...x, status: e.target.value as Goal['status'] } : x)) })} options={statusOptions} />
              </div>
            ))}
            <button type="button" className="button button-tertiary" onClick={() => setGoal(i, { subGoals: [...g.subGoals, { title: '', dueDate: null, status: 'not_started' }] })}>{t('plan.addSubGoal')}</button>
            <button type="button" className="button button-tertiary" onClick={() => edit(setGoals)(goals.filter((_, j) => j !== i))}>{t('plan.remove')}</button>
          </fieldset>
        ))}
        <button type="button" className="button button-secondary" onClick={() => edit(setGoals)([...goals, { title: '', dueDate: null, status: 'not_started', subGoals: [] }])}>{t('plan.addGoal')}</button>
        <h3>{t('plan.agreements')}</h3>
        {agreements.map((a, i) => (
          <fieldset key={i} className="plan-agreement">
            <legend>{t('plan.who')} / {t('plan.what')} {i + 1}</legend>
            <Field id={`p-ag-${i}-who`} {...limit.plan('agreements.who')} label={t('plan.who')} value={a.who} onChange={(e) => edit(setAgreements)(agreements.map((x, j) => (j === i ? { ...x, who: e.target.value } : x)))} />
            <Field id={`p-ag-${i}-what`} {...limit.plan('agreements.what')} label={t('plan.what')} value={a.what} onChange={(e) => edit(setAgreements)(agreements.map((x, j) => (j === i ? { ...x, what: e.target.value } : x)))} />
            <Field id={`p-ag-${i}-by`} type="date" label={t('plan.byWhen')} value={a.byWhen ?? ''} onChange={(e) => edit(setAgreements)(agreements.map((x, j) => (j === i ? { ...x, byWhen: e.target.value || null } : x)))} />
            <Field id={`p-ag-${i}-meeting`} type="date" label={t('plan.meetingDate')} value={a.meetingDate ?? ''} onChange={(e) => edit(setAgreements)(agreements.map((x, j) => (j === i ? { ...x, meetingDate: e.target.value || null } : x)))} />
            <button type="button" className="button button-tertiary" onClick={() => edit(setAgreements)(agreements.filter((_, j) => j !== i))}>{t('plan.remove')}</button>
          </fieldset>
        ))}
        <button type="button" className="button button-secondary" onClick={() => edit(setAgreements)([...agreements, { who: '', what: '', byWhen: null, meetingDate: null }])}>{t('plan.addAgreement')}</button>
        <p><button type="submit" className="button button-primary" disabled={s.busy}>{t('plan.save')}</button></p>
      </form>
    </section>
  );
}
