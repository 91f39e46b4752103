// Secrets with the characters that encodings and escapes change, and the forms an upstream or a serialiser
// writes them in: what the secret-hiding tests look for.

/** Secrets with every character that encodings and escapes change. */
export const HOSTILE = ['M365-S3cr3t!pw', 'qu"o\\te', 'pe%rc+ent', 'sp ace & <tag>', "it's ~*()é€"];

/** The ways a secret appears once an upstream or a serialiser has written it. */
export function encodings(s: string): Record<string, string> {
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
