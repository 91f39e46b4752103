// The shipped dashboards: Grafana's import form at the schema of Grafana 11.0 (checked against that version's own
// schema), stable uids, no datasource uid, and the scrape job and instance variables in every query.
import { renderDashboard } from '../../dashboards/src';
import { resolveSettings } from '../../dashboards/src/config';
import { allPanels, committedDashboards, type DashboardJson } from './grafana';
import { grafana11Problems } from './grafana-schema';
import { selectors } from './promql';

const EXPECTED_UIDS: Record<string, string> = {
  'backup-overview.json': 'backup-overview',
  'backup-vb365.json': 'backup-vb365',
  'backup-veeam-azure.json': 'backup-veeam-azure',
  'backup-ahsay.json': 'backup-ahsay',
  'backup-huawei-clouddc.json': 'backup-huawei-clouddc',
  'backup-exporter-health.json': 'backup-exporter-health',
};

const committed = committedDashboards();
function byUid(uid: string): DashboardJson {
  const d = committed.find((c) => c.json.uid === uid);
  if (!d) throw new Error(`no dashboard ${uid}`);
  return d.json;
}
const variables = (d: DashboardJson) => d.templating.list.map((v) => v.name);
// biome-ignore lint/suspicious/noExplicitAny: parsed dashboard JSON, probed field by field
type Raw = Record<string, any>;
// Grafana's variable syntax, not a template literal.
const DS_VARIABLE = '${datasource}';
// Grafana's import input syntax.
const DS_INPUT = '${DS_PROMETHEUS}';

/** Every `datasource` object anywhere in the JSON, with where it was found. */
function datasourceRefs(node: unknown, path = '$', out: Array<{ path: string; ref: unknown }> = []) {
  if (Array.isArray(node)) {
    for (const [i, n] of node.entries()) datasourceRefs(n, `${path}[${i}]`, out);
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'datasource' && typeof v === 'object') out.push({ path: `${path}.${k}`, ref: v });
      datasourceRefs(v, `${path}.${k}`, out);
    }
  }
  return out;
}

describe('dashboards for Grafana 11.0 and later', () => {
  it('have stable, unique uids', () => {
    expect(Object.fromEntries(committed.map((c) => [c.file, c.json.uid]))).toEqual(EXPECTED_UIDS);
  });

  it.each(committed.map((c) => [c.file, c.json as unknown as Raw] as const))(
    '%s is in the import form: a DS_PROMETHEUS input, Grafana 11.0 and every panel plugin required',
    (_file, d) => {
      expect(d.schemaVersion).toBe(39); // Grafana 11.0; docs/monitoring.md names the versions supported
      expect(d.__inputs).toEqual([
        expect.objectContaining({ name: 'DS_PROMETHEUS', type: 'datasource', pluginId: 'prometheus' }),
      ]);
      const ds = d.templating.list.find((v: Raw) => v.type === 'datasource');
      expect(ds).toMatchObject({ name: 'datasource', query: 'prometheus', current: { value: DS_INPUT } });
      const types = [...new Set(allPanels(d as DashboardJson).map((p) => p.type))].filter((t) => t !== 'row').sort();
      expect(d.__requires).toEqual([
        { type: 'grafana', id: 'grafana', name: 'Grafana', version: '11.0.0' },
        { type: 'datasource', id: 'prometheus', name: 'Prometheus', version: '1.0.0' },
        ...types.map((id) => ({ type: 'panel', id, name: expect.any(String), version: '' })),
      ]);
    },
  );

  it("are valid dashboards for Grafana 11.0 (that version's dashboard and panel schemas)", () => {
    expect(grafana11Problems(committed.map((c) => ({ file: c.file, json: c.json as unknown as Raw })))).toEqual([]);
  });

  it('the Grafana 11.0 check rejects fields, values and panel types that version does not have', () => {
    const d = structuredClone(byUid('backup-overview')) as unknown as Raw;
    const first = (type: string) => d.panels.find((p: Raw) => p.type === type);
    d.templating.list[1].allowCustomValue = true; // a variable field of later versions
    first('stat').options.percentChangeColorMode = 'standard'; // a stat option of later versions
    first('bargauge').options.displayMode = 'sparkline'; // not a display mode
    first('timeseries').targets[0].exemplars = true; // not a Prometheus query field (`exemplar` is)
    first('table').type = 'tabel';
    const problems = grafana11Problems([{ file: 'broken.json', json: d }]);
    for (const bad of ['allowCustomValue', 'percentChangeColorMode', '"sparkline"', 'exemplars', '"tabel"'])
      expect({ bad, found: problems.some((p) => p.includes(bad)) }).toEqual({ bad, found: true });
  });
});

describe('dashboard queries and variables', () => {
  it.each(committed.map((c) => [c.file, c.json] as const))(
    '%s queries only through the datasource variable',
    (_file, d) => {
      const refs = datasourceRefs(d).filter((r) => !r.path.startsWith('$.templating.list[0]'));
      expect(refs.length).toBeGreaterThan(0);
      for (const r of refs)
        expect({ path: r.path, ref: r.ref }).toEqual({
          path: r.path,
          ref: { type: 'prometheus', uid: DS_VARIABLE },
        });
    },
  );

  it.each(committed.map((c) => [c.file, c.json] as const))(
    '%s has the scrape job, instance, target and product variables, All matching absent labels',
    (_file, d) => {
      expect(variables(d)).toEqual(expect.arrayContaining(['datasource', 'product', 'job', 'instance', 'target']));
      for (const v of d.templating.list.filter((v) => v.type === 'query'))
        expect({ name: v.name, multi: v.multi, includeAll: v.includeAll, allValue: v.allValue }).toEqual({
          name: v.name,
          multi: true,
          includeAll: true,
          allValue: '.*',
        });
    },
  );

  it.each(committed.filter((c) => c.json.uid !== 'backup-exporter-health').map((c) => [c.file, c.json] as const))(
    '%s selects every target series by the settings, the scrape job and the instance',
    (_file, d) => {
      for (const p of allPanels(d))
        for (const t of p.targets ?? [])
          for (const s of selectors(t.expr).filter((x) => x.metric?.startsWith('backup_')))
            expect({
              panel: p.title,
              metric: s.metric,
              job: s.labels.filter((l) => l === 'job').length,
              instance: s.labels.includes('instance'),
            }).toEqual({
              panel: p.title,
              metric: s.metric,
              job: 2, // the settings' job selector and the $job variable
              instance: true,
            });
    },
  );
});

describe('dashboard layout and settings', () => {
  it('job dashboards filter by tenant and job_name; Huawei by server; product dashboards pin the product', () => {
    for (const uid of ['backup-overview', 'backup-vb365', 'backup-veeam-azure', 'backup-ahsay'])
      expect({ uid, vars: variables(byUid(uid)) }).toEqual({
        uid,
        vars: expect.arrayContaining(['tenant', 'job_name']),
      });
    expect(variables(byUid('backup-huawei-clouddc'))).toContain('server');
    const product = (uid: string) => byUid(uid).templating.list.find((v) => v.name === 'product');
    expect(product('backup-vb365')).toMatchObject({ type: 'constant', query: 'veeam_m365' });
    expect(product('backup-veeam-azure')).toMatchObject({ type: 'constant', query: 'veeam_azure' });
    expect(product('backup-ahsay')).toMatchObject({ type: 'constant', query: 'ahsay' });
    expect(product('backup-huawei-clouddc')).toMatchObject({ type: 'constant', query: 'huawei_clouddc' });
  });

  it.each(committed.map((c) => [c.file, c.json] as const))(
    '%s has unique panel ids, queries and a grid that fits',
    (_file, d) => {
      const panels = allPanels(d);
      expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
      for (const p of panels) {
        expect(p.gridPos.x + p.gridPos.w).toBeLessThanOrEqual(24);
        if (p.type !== 'row')
          expect({ panel: p.title, queries: (p.targets ?? []).length > 0 }).toEqual({ panel: p.title, queries: true });
      }
    },
  );

  it('the overview sorts "time since last success" worst first and colours it by thresholds', () => {
    const p = (byUid('backup-overview') as unknown as Raw).panels.find(
      (x: Raw) => x.title === 'Time since last success',
    );
    expect(p.options.sortBy).toEqual([{ displayName: 'Since last success', desc: true }]);
    expect(p.fieldConfig.defaults.thresholds.steps.map((s: Raw) => [s.value, s.color])).toEqual([
      [null, 'green'],
      [26 * 3600, 'orange'],
      [52 * 3600, 'red'],
    ]);
    expect(p.fieldConfig.overrides[0].properties[0].value.type).toBe('color-background');
  });

  it('settings pick the data source, tags and selectors of the generated dashboards', () => {
    const cfg = resolveSettings({
      selectors: { targets: 'cluster="prod"', exporter: 'job="be"' },
      grafana: { datasource: 'prom-main', tags: ['msp'] },
    });
    const d = JSON.parse(renderDashboard('backup-overview.json', cfg)) as Raw;
    expect(d.__inputs).toBeUndefined();
    expect(d.templating.list[0].current).toEqual({ text: 'prom-main', value: 'prom-main' });
    expect(d.tags).toEqual(['msp']);
    expect(d.links[0].tags).toEqual(['msp']);
    const exprs = allPanels(d as DashboardJson).flatMap((p) => (p.targets ?? []).map((t) => t.expr));
    expect(exprs.every((e) => e.includes('cluster="prod"') && !e.includes('backup-targets'))).toBe(true);
    const health = JSON.parse(renderDashboard('backup-exporter-health.json', cfg)) as Raw;
    expect(health.templating.list.find((v: Raw) => v.name === 'job').query).toBe(
      'label_values(backup_exporter_build_info{job="be"}, job)',
    );
  });
});
