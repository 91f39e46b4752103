// What the promtool unit tests in alerts/tests/ cover: per alert and severity, how many evaluations expect it to
// fire and how many expect silence.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT, type Rule, ruleGroups } from './promql';

export const RULES = join(ROOT, 'alerts', 'backup-exporter.yml');
export const TESTS = join(ROOT, 'alerts', 'tests');

export const alerts = (): Rule[] =>
  ruleGroups(RULES)
    .flatMap((g) => g.rules)
    .filter((r) => r.alert);

interface AlertTest {
  alertname: string;
  exp_alerts: Array<{ exp_labels: Record<string, string> }>;
}

function alertTests(): AlertTest[] {
  return readdirSync(TESTS)
    .filter((f) => f.endsWith('.test.yml'))
    .flatMap((f) => {
      const doc = parse(readFileSync(join(TESTS, f), 'utf8')) as { tests: Array<{ alert_rule_test?: AlertTest[] }> };
      return doc.tests.flatMap((t) => t.alert_rule_test ?? []);
    });
}

/** `alertname severity` → evaluations expecting it to fire, and expecting no alert of that name at all. */
export function unitTestCases(): Map<string, { firing: number; silent: number }> {
  const cases = new Map<string, { firing: number; silent: number }>();
  const count = (key: string, what: 'firing' | 'silent') => {
    const c = cases.get(key) ?? { firing: 0, silent: 0 };
    c[what]++;
    cases.set(key, c);
  };
  const rules = alerts();
  for (const t of alertTests()) {
    const severities = rules.filter((a) => a.alert === t.alertname).map((a) => a.labels?.severity ?? '');
    if (t.exp_alerts.length === 0) for (const s of severities) count(`${t.alertname} ${s}`, 'silent');
    for (const s of new Set(t.exp_alerts.map((a) => a.exp_labels.severity ?? '')))
      count(`${t.alertname} ${s}`, 'firing');
  }
  return cases;
}
