// Alert rules: accepted by promtool 2.42, their unit tests (alerts/tests/) pass, every alert is documented in
// docs/runbook.md, and the Kubernetes PrometheusRule is the generated copy.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROMETHEUS_RULE_FILE, renderPrometheusRule } from '../../dashboards/src/prometheus-rule';
import { promtool, requireBinary } from '../helpers/promtool';
import { ROOT, ruleGroups } from './promql';

const RULES = join(ROOT, 'alerts', 'backup-exporter.yml');
const EXAMPLE_RULES = join(ROOT, 'examples', 'prometheus', 'expected-interval.rules.yml');
const alerts = ruleGroups(RULES)
  .flatMap((g) => g.rules)
  .filter((r) => r.alert);
const RUNBOOK_BASE = 'https://github.com/backup-exporter/backup-exporter/blob/main/docs/runbook.md#';

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
function anchors(markdown: string): string[] {
  return [...markdown.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) =>
    m[1]!
      .trim()
      .toLowerCase()
      .replace(/[^\w\- ]/g, '')
      .replace(/ /g, '-'),
  );
}

describe('alert rules', () => {
  const hasPromtool = requireBinary('promtool');

  it('promtool check rules accepts the rules and the example recording rule (Prometheus 2.42)', () => {
    if (!hasPromtool) return;
    for (const file of [RULES, EXAMPLE_RULES]) {
      const r = promtool(['check', 'rules', file]);
      expect({ file, code: r.code, output: r.output }).toEqual({
        file,
        code: 0,
        output: expect.stringContaining('SUCCESS'),
      });
    }
  });

  it('promtool test rules: every case in alerts/tests passes', () => {
    if (!hasPromtool) return;
    const tests = readdirSync(join(ROOT, 'alerts', 'tests')).filter((f) => f.endsWith('.test.yml'));
    expect(tests.length).toBeGreaterThanOrEqual(3);
    for (const t of tests) {
      const r = promtool(['test', 'rules', join(ROOT, 'alerts', 'tests', t)]);
      expect({ test: t, code: r.code, output: r.output }).toEqual({
        test: t,
        code: 0,
        output: expect.stringContaining('SUCCESS'),
      });
    }
  });

  it('the unit tests exercise every alert', () => {
    const text = readdirSync(join(ROOT, 'alerts', 'tests'))
      .map((f) => readFileSync(join(ROOT, 'alerts', 'tests', f), 'utf8'))
      .join('\n');
    for (const a of alerts)
      expect({ alert: a.alert, tested: text.includes(`alertname: ${a.alert}\n`) }).toEqual({
        alert: a.alert,
        tested: true,
      });
  });

  it('every alert has a severity, a summary, a description and a runbook section', () => {
    const runbook = anchors(readFileSync(join(ROOT, 'docs', 'runbook.md'), 'utf8'));
    expect(alerts.length).toBe(12);
    for (const a of alerts) {
      expect({ alert: a.alert, severity: a.labels?.severity }).toEqual({
        alert: a.alert,
        severity: expect.stringMatching(/^(critical|warning|info)$/),
      });
      expect(a.annotations?.summary).toBeTruthy();
      expect(a.annotations?.description).toBeTruthy();
      const url = a.annotations?.runbook_url ?? '';
      expect(url.startsWith(RUNBOOK_BASE)).toBe(true);
      expect({ alert: a.alert, anchorInRunbook: runbook.includes(url.slice(RUNBOOK_BASE.length)) }).toEqual({
        alert: a.alert,
        anchorInRunbook: true,
      });
      expect(a.for).toBeTruthy(); // pending first: a single bad scrape never pages
    }
  });

  it('job and log export alerts survive a collector outage with keep_firing_for', () => {
    for (const a of alerts.filter((x) => /^Backup(Job|LogExport)/.test(x.alert!))) {
      expect({ alert: a.alert, keep: a.keep_firing_for }).toEqual({ alert: a.alert, keep: '30m' });
    }
  });

  it('examples/kubernetes/prometheusrule.yaml is generated from the rules (`npm run dashboards`)', () => {
    expect(readFileSync(PROMETHEUS_RULE_FILE, 'utf8')).toBe(renderPrometheusRule());
  });
});
