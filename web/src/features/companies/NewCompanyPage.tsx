import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle.tsx';
import { CompanyForm } from './CompanyForm.tsx';

export function NewCompanyPage() {
  const { t } = useTranslation('companies');
  const navigate = useNavigate();
  return (
    <>
      <PageTitle>{t('form.title')}</PageTitle>
      <CompanyForm onSaved={(id) => navigate(`/companies/${id}`)} />
    </>
  );
}
