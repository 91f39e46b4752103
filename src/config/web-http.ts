// `http_server_config` of the exporter-toolkit web configuration, with exporter-toolkit's own rules so that one
// file serves every exporter of a host: `headers` may set only five security headers (X-Content-Type-Options
// only to `nosniff`, X-Frame-Options only to `deny` or `sameorigin`; names spelt exactly so; an empty value
// sets nothing where any value is allowed), and `http2` is accepted. This exporter serves HTTP/1.1 only (Node's HTTP server; its TLS
// offers no h2), so `http2: true` changes nothing here and `http2: false` is what it does anyway.
import { z } from 'zod';
import type { Problems } from './problems';
import { didYouMean } from './suggest';

/** Header → its accepted values (none listed: any value). exporter-toolkit web/handler.go `extraHTTPHeaders`. */
const HEADERS: Readonly<Record<string, readonly string[]>> = {
  'Strict-Transport-Security': [],
  'X-Content-Type-Options': ['nosniff'],
  'X-Frame-Options': ['deny', 'sameorigin'],
  'X-XSS-Protection': [],
  'Content-Security-Policy': [],
};

export const httpServerSchema = z.strictObject({
  http2: z.boolean().optional(),
  // Plain YAML scalars as Go's YAML reads them into strings: `X-XSS-Protection: 1` is exporter-toolkit's example.
  headers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).nullable()).optional(),
});

/** The headers to add to every answer, checked against exporter-toolkit's list; problems at their keys. */
export function checkHeaders(
  headers: Record<string, string | number | boolean | null>,
  problems: Problems,
): Record<string, string> {
  const out: Record<string, string> = {};
  const at = ['http_server_config', 'headers'];
  for (const [name, value] of Object.entries(headers)) {
    const accepted = HEADERS[name];
    if (accepted === undefined) {
      const allowed = Object.keys(HEADERS).join(', ');
      problems.add([...at, name], `cannot be configured${didYouMean(name, Object.keys(HEADERS))} (only ${allowed})`);
      continue;
    }
    // As in exporter-toolkit, an empty value (or none) sets nothing, and is an error where values are listed.
    const text = value === null ? '' : String(value);
    if (accepted.length > 0 && !accepted.includes(text))
      problems.add([...at, name], `must be one of: ${accepted.join(', ')}`);
    else if (text !== '') out[name] = text;
  }
  return out;
}
