// GET /: a small page with the version and one row per target.
import type { Exporter } from '../core/exporter';
import { VERSION } from '../common/version';

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function landingPage(exporter: Exporter, telemetryPath = '/metrics'): string {
  const rows = exporter.targets.map((r) => {
    const c = r.lastCollection;
    const up = c ? (c.up ? 'up' : 'down') : 'not collected yet';
    const when = c ? new Date(c.endedAt).toISOString() : '';
    const kind =
      c?.error?.kind ??
      (c && c.failures.length > 0 ? `collectors failing: ${c.failures.map((f) => f.collector).join(', ')}` : '');
    const name = encodeURIComponent(r.target.name);
    return (
      `<tr><td>${esc(r.target.name)}</td><td>${r.target.product}</td><td>${up}</td><td>${when}</td><td>${esc(kind)}</td>` +
      `<td><a href="probe?target=${name}">probe</a> <a href="probe?target=${name}&amp;debug=true">debug</a></td></tr>`
    );
  });
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>backup-exporter</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}</style>
</head><body><h1>backup-exporter</h1><p>Version ${esc(VERSION)}</p>
<p><a href="${esc(telemetryPath.replace(/^\//, ''))}">Metrics</a> · <a href="targets">Targets (service discovery)</a> · <a href="-/healthy">Health</a></p>
<table><tr><th>target</th><th>product</th><th>status</th><th>last collected</th><th>error</th><th></th></tr>
${rows.join('\n')}
</table></body></html>
`;
}
