import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** `webcal:` makes a phone or Outlook offer to subscribe at once; the feed itself is the same https URL. */
export const webcalOf = (url: string) => url.replace(/^https?:/, 'webcal:');

/**
 * A private calendar link shown once (#21): the link to select, a copy button that
 * says it copied, and a webcal: link that opens the calendar app's subscribe dialogue.
 * Used wherever a feed link is made (activities, a young person, "Mine data").
 */
export function FeedUrl({ id, label, hint, url }: { id: string; label: string; hint: string; url: string }) {
  const { t } = useTranslation('activities');
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      // No clipboard (an old browser, or not allowed): the link is selected for a manual copy instead.
      (document.getElementById(id) as HTMLInputElement | null)?.select();
      setCopied('no');
    }
  };
  return (
    <div className="form-group feed-url">
      <label className="form-label" htmlFor={id}>{label}</label>
      <span className="form-hint" id={`${id}-hint`}>{hint}</span>
      <input id={id} className="form-input input-width-xl" readOnly value={url} aria-describedby={`${id}-hint`} onFocus={(e) => e.target.select()} />
      <div className="feed-url-actions">
        <button type="button" className="button button-secondary" onClick={() => void copy()}>{t('feed.copy')}</button>
        <a className="button button-tertiary" href={webcalOf(url)}>{t('feed.openInCalendar')}</a>
      </div>
      <p role="status" aria-live="polite" className="form-hint">{copied === 'yes' ? t('feed.copied') : copied === 'no' ? t('feed.copyFailed') : ''}</p>
    </div>
  );
}
