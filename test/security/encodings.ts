// Secrets with the characters that encodings and escapes change, and the forms an upstream or a serialiser
// writes them in: what the secret-hiding tests look for.

/** Secrets with every character that encodings and escapes change. */
export const HOSTILE = ['M365-S3cr3t!pw', 'qu"o\\te', 'pe%rc+ent', 'sp ace & <tag>', "it's ~*()é€"];

/** The ways a secret appears once an upstream or a serialiser has written it. */
export function encodings(s: string) {
  return {
    raw: s,
    uri: encodeURIComponent(s),
    form: new URLSearchParams({ v: s }).toString().slice(2),
    formLowerHex: new URLSearchParams({ v: s })
      .toString()
      .slice(2)
      .replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
    json: JSON.stringify(s).slice(1, -1),
    jsonTwice: JSON.stringify(JSON.stringify(s)).slice(3, -3),
    jsonAscii: JSON.stringify(s)
      .slice(1, -1)
      .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    backslash: s.replace(/[\\"']/g, '\\$&'),
    html: s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
  };
}

type Reply = { status: number; type: string; body: string };

/** How each echoing upstream answers the password grant; `raw` is the request body (form-encoded). */
export const STYLES: Record<string, (pw: string, raw: string) => Reply> = {
  form: (_pw, raw) => ({ status: 500, type: 'text/plain', body: `cannot parse request body: ${raw}` }),
  raw: (pw) => ({ status: 500, type: 'text/plain', body: `login failed for monitor/${pw}` }),
  uri: (pw) => ({ status: 502, type: 'text/plain', body: `GET /?password=${encodeURIComponent(pw)} failed` }),
  json: (pw) => ({ status: 500, type: 'application/json', body: JSON.stringify({ request: { password: pw } }) }),
  ascii: (pw) => ({ status: 500, type: 'application/json', body: encodings(pw).jsonAscii }),
  backslash: (pw) => ({ status: 500, type: 'text/plain', body: `password="${pw.replace(/[\\"]/g, '\\$&')}"` }),
  html: (pw) => ({ status: 500, type: 'text/html', body: `<p>${encodings(pw).html}</p>` }),
  cut: (_pw, raw) => ({ status: 500, type: 'text/plain', body: `${'x'.repeat(180)}${raw}${'y'.repeat(400)}` }),
  cut2: (pw) => ({ status: 500, type: 'text/plain', body: `${'x'.repeat(197)}${pw}${'y'.repeat(400)}` }),
  notjson: (_pw, raw) => ({ status: 200, type: 'text/html', body: `<html>${raw}</html>` }),
  described: (pw) => ({
    status: 400,
    type: 'application/json',
    body: JSON.stringify({ error: 'invalid_grant', error_description: `wrong password ${pw}` }),
  }),
};

/** Every form of every secret, and a beginning of five or more characters of one that a cut left before `…`. */
export function leaks(text: string): string[] {
  const found = new Set<string>();
  for (const secret of HOSTILE) {
    for (const [name, form] of Object.entries(encodings(secret))) {
      for (const shown of [form, JSON.stringify(form).slice(1, -1)])
        if (text.includes(shown)) found.add(`${name}: ${shown}`);
      for (let n = 5; n < form.length; n++)
        if (text.includes(`${form.slice(0, n)}…`)) found.add(`${name} cut: ${form.slice(0, n)}`);
    }
  }
  return [...found];
}
