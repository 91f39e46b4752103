// Every PromQL expression shipped (dashboard panels and variables, alert and example rules) parses, and uses
// only metrics and labels the exporter defines (src/core/families.ts, src/core/self-metrics.ts), Prometheus'
// own series, prom-client defaults, or recording rules of this repository.
import { join } from 'node:path';
import { FAMILIES } from '../../src/core/families';
import { CONTRACT_FAMILIES } from './contract-families';
import { allValues, committedDashboards, panelQueries, substitute, variableQueries } from './grafana';
import { knownMetrics, problems, recordedNames, ROOT, ruleGroups, selectors } from './promql';

const known = knownMetrics();
const recorded = recordedNames();
const check = (expr: string) => problems(expr, known, recorded);

describe('the PromQL checker', () => {
  // The checks below are only worth something if the checker can fail.
  it('reports syntax errors, unknown metrics and unknown labels', () => {
    expect(check('sum(rate(backup_exporter_upstream_requests_total[5m])')).toEqual([
      expect.stringMatching(/^syntax error/),
    ]);
    expect(check('backup_job_state{status="failed"}')).toEqual(['unknown metric backup_job_state']);
    expect(check('backup_server_health{status="ok"}')).toEqual(['backup_server_health has no label status']);
    expect(check('backup_job_status{state="failed"}')).toEqual(['backup_job_status has no label state']);
    expect(check('backup_exporter_cache_requests_total{target="x"}')).toEqual([
      'backup_exporter_cache_requests_total has no label target',
    ]);
  });

  it("accepts the exporter's families, histogram series, scrape labels and Prometheus' own series", () => {
    expect(
      check('backup_job_status{status="failed", tenant="a", destination_id="d", job="x", instance="y"} == 1'),
    ).toEqual([]);
    expect(
      check(
        'histogram_quantile(0.9, sum by (le) (rate(backup_exporter_upstream_request_duration_seconds_bucket{code="200"}[5m])))',
      ),
    ).toEqual(['backup_exporter_upstream_request_duration_seconds_bucket has no label code']);
    expect(check('up == 0 or ALERTS or process_cpu_seconds_total or nodejs_heap_size_used_bytes')).toEqual([]);
    expect(recorded).toContain('backup_job:expected_interval_seconds');
  });

  it("knows the contract's storage, licence, coverage and component series, as src/ defines them once it does", () => {
    expect(check('backup_repository_status{state="failed", repository_name="r"}')).toEqual([]);
    expect(check('backup_objects{protection="unprotected", status="x"}')).toEqual([
      'backup_objects has no label status',
    ]);
    const defined = FAMILIES as Record<string, { labels: readonly string[] }>;
    for (const [name, labels] of Object.entries(CONTRACT_FAMILIES)) {
      const family = defined[name];
      if (family) expect({ name, labels: [...family.labels].sort() }).toEqual({ name, labels: [...labels].sort() });
    }
  });

  it('lists the selectors of an expression', () => {
    expect(selectors('a{x="1"} / on (y) b')).toEqual([
      { metric: 'a', labels: ['x'] },
      { metric: 'b', labels: [] },
    ]);
  });
});

describe.each(committedDashboards().map((d) => [d.file, d.json] as const))('dashboard %s', (_file, d) => {
  const values = allValues(d);

  it('panel queries parse and use known metrics and labels (variables substituted)', () => {
    const queries = panelQueries(d);
    expect(queries.length).toBeGreaterThan(0);
    for (const q of queries) {
      const expr = substitute(q.expr, values);
      expect(expr).not.toMatch(/\$/);
      expect({ panel: q.panel, expr, problems: check(expr) }).toEqual({ panel: q.panel, expr, problems: [] });
    }
  });

  it('variable queries select known metrics and labels', () => {
    for (const v of variableQueries(d)) {
      const expr = substitute(v.selector, values);
      expect({ variable: v.name, problems: check(expr) }).toEqual({ variable: v.name, problems: [] });
      const labels = [...(known.get(selectors(expr)[0]?.metric ?? '') ?? []), 'job', 'instance'];
      expect({ variable: v.name, label: labels.includes(v.label) }).toEqual({ variable: v.name, label: true });
    }
  });
});

describe.each([['alerts/backup-exporter.yml'], ['examples/prometheus/expected-interval.rules.yml']])(
  'rules %s',
  (file) => {
    it('every expression parses and uses known metrics and labels', () => {
      const rules = ruleGroups(join(ROOT, file)).flatMap((g) => g.rules);
      expect(rules.length).toBeGreaterThan(0);
      for (const r of rules)
        expect({ rule: r.alert ?? r.record, problems: check(r.expr) }).toEqual({
          rule: r.alert ?? r.record,
          problems: [],
        });
    });
  },
);
