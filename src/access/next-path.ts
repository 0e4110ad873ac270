/**
 * Where to go after login: the page the user asked for (`/login?next=…` or the
 * path they were sent away from), but only a path on this site. Refused, so the
 * start page is used: anything not starting with one '/', protocol-relative
 * '//evil', '/\evil' (browsers read '\' as '/'), absolute URLs, control
 * characters, and the login page itself. No imports: the web client uses it.
 */
export function safeNextPath(raw: string | null | undefined): string | null {
  if (!raw || raw.length > 2000) return null;
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, 'https://same.invalid');
  } catch {
    return null;
  }
  if (url.origin !== 'https://same.invalid') return null;
  if (url.pathname === '/login' || url.pathname.startsWith('/login/')) return null;
  return url.pathname + url.search + url.hash;
}
