import type { App } from '../core/app-types.ts';
import { PASSWORD_MIN } from '../auth/passwords.ts';

/**
 * The page the invite e-mail links to (/invitation#<token>). It lives outside the
 * web app because the visitor is not logged in yet. The token stays in the URL
 * fragment, so it never reaches server logs or a Referer header; a small script
 * (served from our origin, as the CSP requires) posts it with the chosen password.
 */
export const PAGE = `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Vælg din kode – Fodfæste</title><link rel="stylesheet" href="/invitation.css"></head>
<body><main>
<h1>Vælg din kode</h1>
<p>Din vejleder har givet dig adgang til Fodfæste. Vælg en kode, så kan du logge ind.</p>
<form id="invite-form" novalidate>
  <label for="password">Ny kode</label>
  <p id="password-hint" class="hint">Mindst ${PASSWORD_MIN} tegn. Brug gerne tre ord.</p>
  <input id="password" name="password" type="password" autocomplete="new-password" required aria-describedby="password-hint">
  <button type="submit">Gem min kode</button>
</form>
<p id="status" role="status" aria-live="polite"></p>
<p id="done" hidden><a href="/login">Log ind nu</a></p>
</main><script src="/invitation.js"></script></body></html>`;

const SCRIPT = `(function () {
  var form = document.getElementById('invite-form');
  var status = document.getElementById('status');
  var token = location.hash.slice(1);
  if (!token) { status.textContent = 'Linket mangler en del. Åbn det fra din mail igen.'; form.hidden = true; return; }
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    status.textContent = 'Gemmer …';
    fetch('/api/invites/accept', { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: token, password: document.getElementById('password').value }) })
      .then(function (res) {
        if (res.status === 204) {
          history.replaceState(null, '', '/invitation');
          form.hidden = true;
          status.textContent = 'Din kode er gemt.';
          document.getElementById('done').hidden = false;
          return;
        }
        return res.json().then(function (b) { status.textContent = (b && b.error && b.error.message) || 'Det gik ikke. Prøv igen.'; });
      })
      .catch(function () { status.textContent = 'Der er ingen forbindelse. Prøv igen om lidt.'; });
  });
})();`;

const CSS = `body{font-family:system-ui,sans-serif;margin:0;padding:1rem;color:#1a1a1a;line-height:1.5}
main{max-width:32rem;margin:0 auto}label{display:block;font-weight:600;margin-top:1rem}.hint{margin:0;color:#454545}
input{display:block;width:100%;box-sizing:border-box;font:inherit;padding:.5rem;border:2px solid #454545;border-radius:4px;margin:.25rem 0 1rem}
button{font:inherit;min-height:48px;padding:.5rem 1.25rem;background:#0059b3;color:#fff;border:0;border-radius:4px;cursor:pointer}
button:focus-visible,input:focus-visible,a:focus-visible{outline:3px solid #0059b3;outline-offset:2px}a{color:#0059b3}`;

export async function invitePageRoutes(app: App) {
  app.get('/invitation', { schema: { hide: true } }, async (_req, reply) => reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(PAGE));
  app.get('/invitation.js', { schema: { hide: true } }, async (_req, reply) => reply.type('text/javascript; charset=utf-8').send(SCRIPT));
  app.get('/invitation.css', { schema: { hide: true } }, async (_req, reply) => reply.type('text/css; charset=utf-8').send(CSS));
}
