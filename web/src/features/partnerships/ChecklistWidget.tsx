import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SetupChecklist } from '../../../../src/partnerships/schemas.ts';
import { useLoad } from '../../components/useApi.ts';
import { InstallationLink } from './InstallationLink.tsx';
import './partnerships.css';

/** The administrator's start page: what a new partnership still needs, each step ticked from its data. */
export function ChecklistWidget() {
  const { t } = useTranslation('partnerships');
  const { data } = useLoad<SetupChecklist>('/api/partnership/checklist');
  if (!data) return null;
  const done = data.steps.filter((s) => s.done).length;
  return (
    <section aria-labelledby="checklist-heading" className="setup-checklist">
      <h2 id="checklist-heading">{t('checklist.title')}</h2>
      <p>{data.complete ? t('checklist.complete') : t('checklist.progress', { done, total: data.steps.length })}</p>
      {!data.complete && (
        <ul className="setup-steps">
          {data.steps.map((s) => (
            <li key={s.key} className={s.done ? 'is-done' : undefined}>
              <span aria-hidden="true" className="setup-mark">{s.done ? '✓' : '○'}</span>{' '}
              <Link className="tap-target" to={s.href}>{t(`checklist.steps.${s.key}`)}</Link>
              <span className="sr-only">: {s.done ? t('checklist.done') : t('checklist.todo')}</span>
            </li>
          ))}
        </ul>
      )}
      <p><Link className="tap-target" to="/admin/partnership">{t('settings.title')}</Link></p>
      <InstallationLink />
    </section>
  );
}
