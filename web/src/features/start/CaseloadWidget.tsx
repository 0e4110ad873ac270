import type { Static } from '@sinclair/typebox';
import { useTranslation } from 'react-i18next';
import type { YoungPersonSummary } from '../../../../src/youth/schemas.ts';
import { useSession } from '../../app/session.tsx';
import { useApiGet } from '../../components/useApi.ts';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';

type Summary = Static<typeof YoungPersonSummary>;

/** The API's page limit: at this count the list may hold more than it shows. */
const LIMIT = 200;

/** Counts the partnership's young people (GET /api/youth) and how many have this user as counsellor. */
export function CaseloadWidget() {
  const { t } = useTranslation('start');
  const session = useSession();
  const result = useApiGet<Summary[]>('/api/youth', { limit: LIMIT });
  return (
    <section className="card start-widget" aria-labelledby="caseload-heading">
      <div className="card-content">
        <h2 id="caseload-heading" className="h3">{t('caseload.heading')}</h2>
        {result.state === 'loading' && <Spinner />}
        {result.state === 'error' && <Alert variant="error" headingLevel={3}>{result.error.message}</Alert>}
        {result.state === 'done' && (
          <dl className="key-figures">
            <div>
              <dt>{t('caseload.total')}</dt>
              <dd data-testid="caseload-total">{result.data.length >= LIMIT ? `${LIMIT}+` : result.data.length}</dd>
            </div>
            {session.role === 'counsellor' && (
              <div>
                <dt>{t('caseload.mine')}</dt>
                <dd data-testid="caseload-mine">{result.data.filter((y) => y.counsellorId === session.user.id).length}</dd>
              </div>
            )}
          </dl>
        )}
      </div>
    </section>
  );
}
