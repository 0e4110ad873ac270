import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MUNICIPALITIES, municipalityName } from '../../../../src/partnerships/municipalities.ts';
import type { CoverageHours } from '../../../../src/partnerships/schemas.ts';
import { Field } from '../../components/Field.tsx';
import { Select } from '../../components/FormControls.tsx';

export interface PartnershipForm {
  name: string;
  slug: string;
  municipalities: string[];
  ageFrom: number;
  ageTo: number;
  coverage: CoverageHours;
  suppressionThreshold: number;
}

export const EMPTY_FORM: PartnershipForm = {
  name: '', slug: '', municipalities: [], ageFrom: 15, ageTo: 29, suppressionThreshold: 5,
  coverage: { weekdayEveningStart: '16:00', weekdayEveningEnd: '22:00', weekendStart: '10:00', weekendEnd: '22:00' },
};

export const FIELD_IDS: Record<string, string> = {
  name: 'p-name', slug: 'p-slug', municipalities: 'p-municipality', ageFrom: 'p-ageFrom', ageTo: 'p-ageTo', suppressionThreshold: 'p-threshold',
};

const slugify = (s: string) => s.toLowerCase().normalize('NFKD').replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa')
  .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);

/** The fields of a partnership, shared by "Opret partnerskab" and "Indstillinger for partnerskabet". */
export function PartnershipFields({ form, setForm, fieldError, autoSlug }: {
  form: PartnershipForm; setForm: (f: PartnershipForm) => void; fieldError: (f: string) => string | undefined; autoSlug: boolean;
}) {
  const { t } = useTranslation('partnerships');
  const [pick, setPick] = useState('');
  const cov = (k: keyof CoverageHours, v: string) => setForm({ ...form, coverage: { ...form.coverage, [k]: v } });
  const add = () => {
    if (pick && !form.municipalities.includes(pick)) setForm({ ...form, municipalities: [...form.municipalities, pick].sort() });
    setPick('');
  };
  return (
    <>
      <Field id="p-name" label={t('fields.name')} value={form.name} maxLength={200} required error={fieldError('name')}
        onChange={(e) => setForm({ ...form, name: e.target.value, ...(autoSlug ? { slug: slugify(e.target.value) } : {}) })} />
      <Field id="p-slug" label={t('fields.slug')} hint={t('fields.slugHint')} value={form.slug} maxLength={60} required error={fieldError('slug')}
        onChange={(e) => setForm({ ...form, slug: e.target.value })} />
      <fieldset className="form-group">
        <legend className="form-label">{t('fields.municipalities')}</legend>
        {form.municipalities.length > 0 && (
          <ul className="partnership-municipalities">
            {form.municipalities.map((c) => (
              <li key={c}>{municipalityName(c)} ({c}){' '}
                <button type="button" className="button button-tertiary" onClick={() => setForm({ ...form, municipalities: form.municipalities.filter((x) => x !== c) })}>
                  {t('fields.remove')}<span className="sr-only"> {municipalityName(c)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <Select id="p-municipality" label={t('fields.addMunicipality')} value={pick} error={fieldError('municipalities')} onChange={(e) => setPick(e.target.value)}
          options={[{ value: '', label: t('fields.choose') }, ...MUNICIPALITIES.filter((m) => !form.municipalities.includes(m.code))
            .slice().sort((a, b) => a.name.localeCompare(b.name, 'da')).map((m) => ({ value: m.code, label: `${m.name} (${m.code})` }))]} />
        <button type="button" className="button button-secondary" onClick={add} disabled={!pick}>{t('fields.add')}</button>
      </fieldset>
      <fieldset className="form-group">
        <legend className="form-label">{t('fields.ageBand')}</legend>
        <div className="partnership-pair">
          <Field id="p-ageFrom" label={t('fields.ageFrom')} type="number" inputMode="numeric" min={10} max={40} value={String(form.ageFrom)} error={fieldError('ageFrom')}
            onChange={(e) => setForm({ ...form, ageFrom: Number(e.target.value) })} />
          <Field id="p-ageTo" label={t('fields.ageTo')} type="number" inputMode="numeric" min={10} max={40} value={String(form.ageTo)} error={fieldError('ageTo')}
            onChange={(e) => setForm({ ...form, ageTo: Number(e.target.value) })} />
        </div>
      </fieldset>
      <fieldset className="form-group">
        <legend className="form-label">{t('fields.coverage')}</legend>
        <p className="form-hint">{t('fields.coverageHint')}</p>
        <div className="partnership-pair">
          <Field id="p-wes" label={t('fields.weekdayEveningStart')} type="time" value={form.coverage.weekdayEveningStart} onChange={(e) => cov('weekdayEveningStart', e.target.value)} />
          <Field id="p-wee" label={t('fields.weekdayEveningEnd')} type="time" value={form.coverage.weekdayEveningEnd} onChange={(e) => cov('weekdayEveningEnd', e.target.value)} />
        </div>
        <div className="partnership-pair">
          <Field id="p-ws" label={t('fields.weekendStart')} type="time" value={form.coverage.weekendStart} onChange={(e) => cov('weekendStart', e.target.value)} />
          <Field id="p-we" label={t('fields.weekendEnd')} type="time" value={form.coverage.weekendEnd} onChange={(e) => cov('weekendEnd', e.target.value)} />
        </div>
      </fieldset>
      <Field id="p-threshold" label={t('fields.suppressionThreshold')} hint={t('fields.suppressionHint')} type="number" inputMode="numeric" min={3} max={20}
        value={String(form.suppressionThreshold)} error={fieldError('suppressionThreshold')} onChange={(e) => setForm({ ...form, suppressionThreshold: Number(e.target.value) })} />
    </>
  );
}
