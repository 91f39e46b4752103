// The shipped dashboards, alert rules and PrometheusRule are generated from the default monitoring settings, and a
// user generates their own with one command (docs/monitoring.md).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { renderAll } from '../../dashboards/src';
import { main, writeOutputs } from '../../dashboards/src/cli';
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
});

describe('monitoring settings and the generator', () => {
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
      // `npm run` starts the script in the repository: relative paths are taken from where the user typed it.
      const before = process.env.INIT_CWD;
      process.env.INIT_CWD = dir;
      try {
        expect(main(['--out', 'relative'], () => undefined)).toBe(0);
      } finally {
        if (before === undefined) delete process.env.INIT_CWD;
        else process.env.INIT_CWD = before;
      }
      expect(readdirSync(join(dir, 'relative', 'dashboards'))).toHaveLength(6);
      expect(errors.slice(1).every((e) => e.includes('usage: npm run monitoring'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('documented settings and commands', () => {
  it("docs/monitoring.md's example settings are valid, and promtool accepts the rules they generate", () => {
    const doc = readFileSync(join(ROOT, 'docs', 'monitoring.md'), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
    const cfg = resolveSettings(JSON.parse(example ?? 'null'));
    expect(cfg.selectors.targets).toBe('job=~"backup-probe.*", cluster="prod"');
    const dir = tmp();
    try {
      writeOutputs(cfg, dir);
      const rules = readFileSync(join(dir, 'alerts', 'backup-exporter.yml'), 'utf8');
      expect(rules).toContain('runbook_url: https://wiki.example.com/backup/runbook#backuprepositoryalmostfull');
      if (!requireBinary('promtool')) return;
      const check = promtool(['check', 'rules', join(dir, 'alerts', 'backup-exporter.yml')]);
      expect({ code: check.code, output: check.output }).toEqual({
        code: 0,
        output: expect.stringContaining('SUCCESS'),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the README's generator snippet works as pasted in a clone, and promtool accepts the rules it writes", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const snippet = /```sh\n(echo [^\n]+my-settings\.json\nnpm run monitoring [^\n]+)\n```/.exec(readme)?.[1];
    expect(snippet).toBeDefined();
    // A folder that looks like a clone (the repository's package.json, node_modules and generator), so that the
    // snippet's files land there and not in this repository.
    const dir = tmp();
    try {
      for (const f of ['package.json', 'node_modules', 'dashboards']) symlinkSync(join(ROOT, f), join(dir, f));
      const r = spawnSync('sh', ['-c', snippet ?? 'false'], { cwd: dir, encoding: 'utf8' });
      expect({ code: r.status, stderr: r.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
      const rules = readFileSync(join(dir, 'my-monitoring', 'alerts', 'backup-exporter.yml'), 'utf8');
      expect(rules).toContain('up{job="be-self"} == 0');
      expect(rules).toContain('backup_target_up{job=~"be-probe.*"} == 0');
      expect(readdirSync(join(dir, 'my-monitoring', 'dashboards'))).toHaveLength(6);
      if (!requireBinary('promtool')) return;
      const check = promtool(['check', 'rules', join(dir, 'my-monitoring', 'alerts', 'backup-exporter.yml')]);
      expect({ code: check.code, output: check.output }).toEqual({
        code: 0,
        output: expect.stringContaining('SUCCESS'),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
