import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { Placement, Stability, Task } from '../../../../src/placements/schemas.ts';
import { api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { formatDate, useLoad } from './ui.tsx';

/** Concerns and "Ring til mig" from the companies (and other tasks) on the counsellor's start page. */
export function TasksWidget() {
  const { t, i18n } = useTranslation('companies');
  const { data, error, reload } = useLoad<Static<typeof Task>[]>('/api/tasks');
  return (
    <section className="card start-widget" aria-labelledby="tasks-heading">
      <div className="card-content">
        <h2 id="tasks-heading" className="h3">{t('tasks.title')}</h2>
        {error && <Alert variant="error" headingLevel={3}>{error.message}</Alert>}
        {!data && !error && <Spinner />}
        {data && data.length === 0 && <p>{t('tasks.none')}</p>}
        {data && data.length > 0 && (
          <ul className="nobullet-list" data-testid="tasks">
            {data.map((task) => (
              <li key={task.id} className="task">
                <strong>{task.title}</strong>
                {task.body && <p>{task.body}</p>}
                <p className="form-hint">{formatDate(task.createdAt, i18n.language)}{task.createdByName ? ` · ${task.createdByName}` : ''}</p>
                {task.placementId && <Link to={`/placements/${task.placementId}`}>{t('tasks.openPlacement')}</Link>}{' '}
                <button type="button" className="button button-tertiary" onClick={() => { void api.post(`/api/tasks/${task.id}/done`).then(reload); }}>
                  {t('tasks.done')}<span className="sr-only">: {task.title}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/** Placements whose attendance stability is falling. */
export function AttentionWidget() {
  const { t } = useTranslation('companies');
  const { data, error } = useLoad<{ placement: Static<typeof Placement>; stability: Stability }[]>('/api/placements/attention');
  return (
    <section className="card start-widget" aria-labelledby="attention-heading">
      <div className="card-content">
        <h2 id="attention-heading" className="h3">{t('attention.title')}</h2>
        {error && <Alert variant="error" headingLevel={3}>{error.message}</Alert>}
        {!data && !error && <Spinner />}
        {data && data.length === 0 && <p>{t('attention.none')}</p>}
        {data && data.length > 0 && (
          <ul className="nobullet-list" data-testid="attention">
            {data.map(({ placement: p, stability }) => (
              <li key={p.id}><Link to={`/placements/${p.id}`}>{p.youngPersonName}</Link> ({p.companyName}): {stability.reason}</li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
