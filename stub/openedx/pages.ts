/** The few HTML pages of the login bootstrap: a persona picker and plain confirmations. An
 *  empty inline icon keeps the browser from asking the stub for /favicon.ico, a request no
 *  contract answers (it would show as unmatched in the journal and the coverage). */
import type { Persona } from './personas';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · LMS stub</title>
<link rel="icon" href="data:,">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}
a.persona{display:block;padding:.6rem .9rem;margin:.4rem 0;border:1px solid #ccc;border-radius:6px;text-decoration:none;color:inherit}
a.persona:hover{border-color:#0a3055}.active{border-color:#0a3055;background:#eef4fa}small{color:#555}</style>
</head><body>${body}</body></html>
`;

export function pickerPage(personas: Persona[], active: string, next: string | undefined): string {
  const links = personas
    .map((persona) => {
      const query = new URLSearchParams({ persona: persona.name, ...(next && { next }) });
      const who = persona.user
        ? `${persona.user.name} (${persona.user.username})`
        : 'not logged in';
      return `<a class="persona${persona.name === active ? ' active' : ''}" href="/login?${escapeHtml(query.toString())}">
<strong>${escapeHtml(persona.name)}</strong> · ${escapeHtml(who)}<br><small>${escapeHtml(persona.description)}</small></a>`;
    })
    .join('\n');
  const target = next ? `<p>You will go back to <code>${escapeHtml(next)}</code>.</p>` : '';
  return page(
    'Log in',
    `<h1>Log in to the LMS stub</h1><p>Choose a persona.</p>${target}\n${links}`,
  );
}

export function messagePage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);
}
