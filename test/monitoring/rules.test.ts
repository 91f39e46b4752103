// Alert rules: accepted by promtool 2.42, their unit tests (alerts/tests/) pass and show every alert both firing
// and staying silent, every alert is documented in docs/runbook.md, and every selector follows the settings.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promtool, requireBinary } from '../helpers/promtool';
import { alerts, RULES, TESTS, unitTestCases } from './alert-tests';
import { ROOT, ruleGroups, selectors } from './promql';

const EXAMPLE_RULES = join(ROOT, 'examples', 'prometheus', 'expected-interval.rules.yml');
const RUNBOOK_BASE = 'https://github.com/backup-exporter/backup-exporter/blob/main/docs/runbook.md#';
const rules = alerts();

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
function anchors(markdown: string): string[] {
  return [...markdown.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) =>
    (m[1] ?? '')
      .trim()
      .toLowerCase()
      .replace(/[^\w\- ]/g, '')
      .replace(/ /g, '-'),
  );
}

describe('alert rules and promtool', () => {
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
    const tests = readdirSync(TESTS).filter((f) => f.endsWith('.test.yml'));
    expect(tests.length).toBeGreaterThanOrEqual(6);
    for (const t of tests) {
      const r = promtool(['test', 'rules', join(TESTS, t)]);
      expect({ test: t, code: r.code, output: r.output }).toEqual({
        test: t,
        code: 0,
        output: expect.stringContaining('SUCCESS'),
      });
    }
  });

  it('the unit tests show every alert (and each of its severities) firing, and staying silent', () => {
    const cases = unitTestCases();
    for (const a of rules) {
      const key = `${a.alert} ${a.labels?.severity}`;
      const c = cases.get(key) ?? { firing: 0, silent: 0 };
      expect({ key, firing: c.firing > 0, silent: c.silent > 0 }).toEqual({ key, firing: true, silent: true });
    }
  });
});

describe('alert rules', () => {
  it('every alert has a severity, a summary, a description, a runbook section and a `for`', () => {
    const runbook = anchors(readFileSync(join(ROOT, 'docs', 'runbook.md'), 'utf8'));
    expect(rules.length).toBe(24);
    for (const a of rules) {
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

  it('alerts over series a failed collector leaves out survive the outage with keep_firing_for', () => {
    for (const g of ruleGroups(RULES).filter((x) => x.name !== 'backup-exporter'))
      for (const a of g.rules)
        expect({ alert: a.alert, keep: a.keep_firing_for }).toEqual({ alert: a.alert, keep: '30m' });
  });

  it('every target series selector carries the default settings selector, and `up` only the exporter one', () => {
    for (const a of rules) {
      const own = selectors(a.expr).filter((s) => !s.metric?.includes(':')); // recording rules are the user's
      expect({ alert: a.alert, withoutJob: own.filter((s) => !s.labels.includes('job')) }).toEqual({
        alert: a.alert,
        withoutJob: [],
      });
      const jobs = [...a.expr.matchAll(/\b(\w+)\{job=~"([^"]+)"/g)].map(([, metric = '', job]) => ({ metric, job }));
      expect(jobs.length).toBe(own.length);
      for (const { metric, job } of jobs)
        expect({ alert: a.alert, metric, job }).toEqual({
          alert: a.alert,
          metric,
          job: /^(up|backup_exporter_)/.test(metric) ? 'backup|backup-exporter' : 'backup|backup-targets.*',
        });
    }
  });
});
