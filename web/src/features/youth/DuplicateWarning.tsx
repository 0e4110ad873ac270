import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { LikelyDuplicate } from '../../../../src/youth/schemas.ts';
import { api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';

type Dup = Static<typeof LikelyDuplicate>;

/**
 * Intake: a warning with links when the young person may already be registered
 * (same birth date and a similar name, or the same phone or e-mail). The
 * counsellor can still go on and create.
 */
export function DuplicateWarning({ firstName, lastName, birthDate, phone, email }: { firstName: string; lastName: string; birthDate: string; phone: string; email: string }) {
  const { t } = useTranslation('youth');
  const [found, setFound] = useState<Dup[]>([]);
  useEffect(() => {
    if (!firstName.trim() || !lastName.trim() || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) {
      setFound([]);
      return;
    }
    const controller = new AbortController();
    // Asked after a pause in typing, not on every key.
    const timer = setTimeout(() => {
      const query: Record<string, string> = { firstName: firstName.trim(), lastName: lastName.trim(), birthDate };
      if (phone.trim()) query.phone = phone.trim();
      if (email.trim()) query.email = email.trim();
      api.get<Dup[]>('/api/youth/duplicates', { query, signal: controller.signal }).then(setFound).catch(() => setFound([]));
    }, 600);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [firstName, lastName, birthDate, phone, email]);
  if (!found.length) return null;
  return (
    <Alert variant="warning" heading={t('duplicates.heading')}>
      <p>{t('duplicates.intro')}</p>
      <ul>
        {found.map((d) => (
          <li key={d.id}><Link to={`/youth/${d.id}`}>{`${d.firstName} ${d.lastName}`}</Link> ({d.birthDate.split('-').reverse().join('.')})</li>
        ))}
      </ul>
    </Alert>
  );
}
