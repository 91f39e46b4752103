// Real Prometheus tools check our output. Without Debian's binaries the checks skip loudly on a developer
// machine and fail in CI (CI=true), so a missing install step can never turn a check into a silent pass.
import { execFileSync, spawnSync } from 'node:child_process';

export function hasBinary(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

/** Returns false (and warns) when `name` is missing outside CI; throws in CI. */
export function requireBinary(name: string): boolean {
  if (hasBinary(name)) return true;
  const message = `${name} not found: install Debian's prometheus and prometheus-alertmanager packages`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`SKIPPING: ${message}`);
  return false;
}

/** Runs `promtool check metrics` on an exposition; returns its findings ('' when clean). */
export function promtoolCheckMetrics(exposition: string): string {
  const r = spawnSync('promtool', ['check', 'metrics'], { input: exposition, encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`.trim() + (r.status === 0 ? '' : `\n(exit ${r.status})`);
}

export function promtool(args: string[], cwd?: string): { code: number; output: string } {
  const r = spawnSync('promtool', args, { encoding: 'utf8', cwd });
  return { code: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
}

export { execFileSync };
