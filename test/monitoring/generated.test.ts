// The shipped dashboards, alert rules and PrometheusRule are generated from the default monitoring settings, and a
// user generates their own with one command (docs/monitoring.md).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { renderAll } from '../../dashboards/src';
import { main } from '../../dashboards/src/cli';
import { DEFAULTS, resolveSettings } from '../../dashboards/src/config';
import { promtool, requireBinary } from '../helpers/promtool';
import { ROOT } from './promql';

const tmp = () => mkdtempSync(join(tmpdir(), 'monitoring-'));

describe('generated monitoring files', () => {
  it('every shipped file is what `npm run dashboards` generates from the defaults', () => {
    const generated = renderAll(DEFAULTS);
    const shipped = readdirSync(join(ROOT, 'dashboards')).filter((f) => f.endsWith('.json'));
    expect(shipped.map((f) => `dashboards/${f}`).sort()).toEqual(
      [...generated.keys()].filter((p) => p.startsWith('dashboards/')).sort(),
    );
    // On failure: run `npm run dashboards` and commit the result.
    for (const [path, content] of generated)
      expect({ path, content: readFileSync(join(ROOT, path), 'utf8') }).toEqual({ path, content });
  });

  it('the PrometheusRule carries exactly the rule groups of alerts/backup-exporter.yml', () => {
    const rules = parse(readFileSync(join(ROOT, 'alerts', 'backup-exporter.yml'), 'utf8'));
    const pr = parse(readFileSync(join(ROOT, 'examples', 'kubernetes', 'prometheusrule.yaml'), 'utf8'));
    expect(pr.spec.groups).toEqual(rules.groups);
  });

  it('settings are strict: unknown keys, wrong types and bad selectors are named with their path', () => {
    expect(() => resolveSettings({ selector: {} })).toThrow(/\(top level\): Unrecognized key: "selector"/);
    expect(() => resolveSettings({ thresholds: { repositoryFreeRatio: 10 } })).toThrow(
      /thresholds\.repositoryFreeRatio/,
    );
    expect(() => resolveSettings({ selectors: { exporter: 'job=backup' } })).toThrow(
      /selectors\.exporter: must be PromQL label matchers/,
    );
    expect(() => resolveSettings({ for: { targetDown: '10 minutes' } })).toThrow(
      /for\.targetDown: must be a Prometheus duration/,
    );
    expect(resolveSettings({ thresholds: { licenseWarningDays: 45 } }).thresholds).toEqual({
      ...DEFAULTS.thresholds,
      licenseWarningDays: 45,
    });
  });

  it('`main` writes the repository layout for a settings file and rejects bad input with exit code 1', () => {
    const dir = tmp();
    const lines: string[] = [];
    try {
      const settings = join(dir, 'my-settings.yaml');
      writeFileSync(settings, 'selectors:\n  targets: job="backup-probe"\n');
      expect(main(['--config', settings, `--out=${join(dir, 'out')}`], (l) => lines.push(l))).toBe(0);
      expect(readFileSync(join(dir, 'out', 'alerts', 'backup-exporter.yml'), 'utf8')).toContain(
        'backup_target_up{job="backup-probe"} == 0',
      );
      expect(lines).toHaveLength(renderAll(DEFAULTS).size);
      const errors: string[] = [];
      writeFileSync(settings, 'thresholds: { tenantQuotaRatio: high }\n');
      expect(main(['--config', settings, '--out', dir], undefined, (l) => errors.push(l))).toBe(1);
      expect(main(['--out'], undefined, (l) => errors.push(l))).toBe(1);
      expect(main(['--config', settings], undefined, (l) => errors.push(l))).toBe(1);
      expect(errors[0]).toMatch(/thresholds\.tenantQuotaRatio/);
      expect(errors.slice(1).every((e) => e.includes('usage: npm run monitoring'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('`npm run monitoring -- --config my-settings.json --out dir` works as documented, and promtool accepts the rules', () => {
    const dir = tmp();
    try {
      const settings = {
        selectors: { exporter: 'job="be-self"', targets: 'job=~"be-probe-.+"' },
        runbookUrl: 'https://wiki.example.com/backup-runbook',
        thresholds: { collectionNearTimeoutRatio: 0.7 },
      };
      writeFileSync(join(dir, 'my-settings.json'), JSON.stringify(settings));
      // Run from the user's folder: relative paths are theirs, not the repository's.
      const args = [
        '--prefix',
        ROOT,
        'run',
        '--silent',
        'monitoring',
        '--',
        '--config',
        'my-settings.json',
        '--out',
        'out',
      ];
      const r = spawnSync('npm', args, { cwd: dir, encoding: 'utf8' });
      expect({ code: r.status, stderr: r.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
      const rules = readFileSync(join(dir, 'out', 'alerts', 'backup-exporter.yml'), 'utf8');
      expect(rules).toContain('up{job="be-self"} == 0');
      expect(rules).toContain('backup_target_scrape_timeout_seconds{job=~"be-probe-.+"} > 0.7');
      expect(rules).toContain('runbook_url: https://wiki.example.com/backup-runbook#backuptargetdown');
      expect(readdirSync(join(dir, 'out', 'dashboards'))).toHaveLength(6);
      if (!requireBinary('promtool')) return;
      const check = promtool(['check', 'rules', join(dir, 'out', 'alerts', 'backup-exporter.yml')]);
      expect({ code: check.code, output: check.output }).toEqual({
        code: 0,
        output: expect.stringContaining('SUCCESS'),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
