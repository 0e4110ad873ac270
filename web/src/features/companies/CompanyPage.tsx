import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { CompanyDetail, Contact, Opening, ParticipationHistory } from '../../../../src/companies/schemas.ts';
import type { Placement } from '../../../../src/placements/schemas.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { CompanyForm } from './CompanyForm.tsx';
import { ContactsSection } from './Contacts.tsx';
import { OpeningForm } from './OpeningForm.tsx';
import { PlaceForm } from './PlaceForm.tsx';
import { formatDate, formatDateTime, useLoad } from './ui.tsx';
import './company.css';

export function CompanyPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation('companies');
  const { data, error, reload } = useLoad<CompanyDetail>(`/api/companies/${id}`);
  const placements = useLoad<Placement[]>('/api/placements', { companyId: id });
  const [editing, setEditing] = useState(false);
  const refresh = () => { reload(); placements.reload(); };
  if (error) return <Alert variant="error">{error.message}</Alert>;
  if (!data) return <Spinner />;
  const free = data.openings.filter((o) => o.open && o.freePlaces > 0);
  return (
    <>
      <PageTitle subtitle={[data.industry, data.city, t(`membership.${data.membership}`)].filter(Boolean).join(' · ')}>{data.name}</PageTitle>
      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{t('company.details')}</h2>
        <CompanyFacts company={data} />
        <details className="details" open={editing} onToggle={(e) => setEditing(e.currentTarget.open)}>
          <summary className="details-summary">{t('company.edit')}</summary>
          <div className="details-text">
            {editing && <CompanyForm key={data.id} company={data} onSaved={() => { setEditing(false); refresh(); }} />}
          </div>
        </details>
      </section>
      <ContactsSection companyId={data.id} contacts={data.contacts} onSaved={refresh} />
      <section aria-labelledby="openings-heading">
        <h2 id="openings-heading">{t('company.openings')}</h2>
        {data.openings.length === 0 ? <p>{t('company.noOpenings')}</p> : (
          <ul className="nobullet-list company-list" data-testid="openings">
            {data.openings.map((o) => <OpeningItem key={o.id} opening={o} contacts={data.contacts} onSaved={refresh} />)}
          </ul>
        )}
        <details className="details">
          <summary className="details-summary">{t('company.addOpening')}</summary>
          <div className="details-text"><OpeningForm companyId={data.id} contacts={data.contacts} onSaved={refresh} /></div>
        </details>
      </section>
      <section aria-labelledby="placements-heading">
        <h2 id="placements-heading">{t('company.placements')}</h2>
        {placements.data && placements.data.length === 0 && <p>{t('company.noPlacements')}</p>}
        {placements.data && placements.data.length > 0 && (
          <ul className="nobullet-list" data-testid="company-placements">
            {placements.data.map((p) => (
              <li key={p.id}><Link to={`/placements/${p.id}`}>{p.youngPersonName}</Link> – {t(`kinds.${p.kind}`)}, {t(`status.${p.status}`)} ({formatDate(p.startDate, i18n.language)})</li>
            ))}
          </ul>
        )}
        {free.length > 0 ? <PlaceForm openings={free} contacts={data.contacts} onSaved={refresh} /> : <p>{t('company.noFreePlaces')}</p>}
      </section>
      <Participation companyId={data.id} />
    </>
  );
}

/** Address, size, kind, what the company has experience with, and the notes. */
function CompanyFacts({ company: c }: { company: CompanyDetail }) {
  const { t } = useTranslation('companies');
  const address = [c.address, [c.postalCode, c.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const none = t('company.notGiven');
  return (
    <dl className="company-facts" data-testid="company-facts">
      <div><dt>{t('form.cvr')}</dt><dd>{c.cvr ?? none}</dd></div>
      <div><dt>{t('form.address')}</dt><dd>{address || none}</dd></div>
      <div><dt>{t('form.size')}</dt><dd>{c.size ? t('form.sizeEmployees', { size: c.size }) : none}</dd></div>
      <div><dt>{t('form.kind')}</dt><dd>{t(`companyKind.${c.kind}`)}</dd></div>
      <div><dt>{t('form.experienceTags')}</dt><dd>{c.experienceTags.length ? c.experienceTags.map((x) => t(`experience.${x}`)).join(', ') : none}</dd></div>
      <div className="company-facts-wide"><dt>{t('form.notes')}</dt><dd className="company-notes">{c.notes ?? none}</dd></div>
    </dl>
  );
}

/** One opening with all its details, and its own edit form. */
function OpeningItem({ opening: o, contacts, onSaved }: { opening: Opening; contacts: Contact[]; onSaved: () => void }) {
  const { t, i18n } = useTranslation('companies');
  const [editing, setEditing] = useState(false);
  const hours = t('opening.startText', { days: o.startDaysPerWeek, hours: o.startHoursPerDay })
    + (o.maxHoursPerWeek ? `, ${t('opening.upTo', { hours: o.maxHoursPerWeek })}` : '');
  return (
    <li className="company-item opening">
      <h3 className="h4">{o.title}{o.open ? '' : ` (${t('opening.closed')})`}</h3>
      {o.tasks && <p>{o.tasks}</p>}
      <dl className="company-facts">
        <div><dt>{t('opening.placementKinds')}</dt><dd>{o.placementKinds.map((k) => t(`kinds.${k}`)).join(', ')}</dd></div>
        <div><dt>{t('opening.places')}</dt><dd>{t('company.free', { free: o.freePlaces, capacity: o.capacity })}</dd></div>
        <div><dt>{t('opening.hours')}</dt><dd>{hours}{o.growth ? <><br />{o.growth}</> : null}</dd></div>
        <div><dt>{t('opening.earliestStart')}</dt><dd>{o.earliestStart ? formatDate(o.earliestStart, i18n.language) : t('opening.flexible')}</dd></div>
        <div><dt>{t('opening.requirements')}</dt><dd>{o.requirements.length ? o.requirements.map((r) => t(`requirement.${r}`)).join(', ') : t('opening.noRequirements')}</dd></div>
        <div><dt>{t('opening.mentorContactId')}</dt><dd>{o.mentor
          ? `${o.mentor.name}${o.mentor.phone ? `, ${o.mentor.phone}` : ''} (${t(o.mentorAfterHours ? 'company.afterHours' : 'company.notAfterHours')})`
          : t('opening.noMentor')}</dd></div>
        {(o.location || o.postalCode) && <div><dt>{t('opening.location')}</dt><dd>{[o.location, o.postalCode].filter(Boolean).join(', ')}</dd></div>}
      </dl>
      <button type="button" className="button button-secondary" aria-expanded={editing} onClick={() => setEditing(!editing)}>
        {t('opening.edit')}<span className="sr-only">: {o.title}</span>
      </button>
      {editing && <OpeningForm companyId={o.companyId} contacts={contacts} opening={o} onSaved={() => { setEditing(false); onSaved(); }} />}
    </li>
  );
}

/** The company's history of taking part in the network's meetings and events. */
function Participation({ companyId }: { companyId: string }) {
  const { t, i18n } = useTranslation('companies');
  const { data, error } = useLoad<ParticipationHistory>(`/api/companies/${companyId}/events`);
  return (
    <section aria-labelledby="participation-heading">
      <h2 id="participation-heading">{t('company.participation')}</h2>
      {error && <Alert variant="error">{error.message}</Alert>}
      {data && data.length === 0 && <p>{t('company.noParticipation')}</p>}
      {data && data.length > 0 && (
        <ul className="nobullet-list" data-testid="participation">
          {data.map((e) => (
            <li key={e.eventId}>
              <Link to={`/network/events/${e.eventId}`}>{e.title}</Link> ({formatDateTime(e.startsAt, i18n.language)}):{' '}
              {t(`rsvp.${e.rsvp}`)}{e.attended === null ? '' : ` · ${t(e.attended ? 'event.came' : 'event.didNotCome')}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
