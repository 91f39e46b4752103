// The committed dashboards are exactly what the TypeScript builds, importable anywhere (datasource variable,
// no datasource uid), with stable uids and the filter variables users expect.
import { DASHBOARDS, renderDashboard } from '../../dashboards/src';
import { allPanels, committedDashboards, type DashboardJson } from './grafana';

const EXPECTED_UIDS: Record<string, string> = {
  'backup-overview.json': 'backup-overview',
  'backup-vb365.json': 'backup-vb365',
  'backup-veeam-azure.json': 'backup-veeam-azure',
  'backup-ahsay.json': 'backup-ahsay',
  'backup-huawei-clouddc.json': 'backup-huawei-clouddc',
  'backup-exporter-health.json': 'backup-exporter-health',
};

const committed = committedDashboards();
const variables = (d: DashboardJson) => d.templating.list.map((v) => v.name);

/** Every `datasource` object anywhere in the JSON, with where it was found. */
function datasourceRefs(node: unknown, path = '$', out: Array<{ path: string; ref: unknown }> = []) {
  if (Array.isArray(node)) node.forEach((n, i) => datasourceRefs(n, `${path}[${i}]`, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'datasource' && typeof v === 'object') out.push({ path: `${path}.${k}`, ref: v });
      datasourceRefs(v, `${path}.${k}`, out);
    }
  }
  return out;
}

describe('dashboards', () => {
  it('the committed JSON is exactly what `npm run dashboards` generates', () => {
    expect(committed.map((c) => c.file).sort()).toEqual(DASHBOARDS.map((d) => d.file).sort());
    for (const d of DASHBOARDS) {
      const file = committed.find((c) => c.file === d.file);
      // On failure: run `npm run dashboards` and commit the result.
      expect({ file: d.file, json: file?.text }).toEqual({ file: d.file, json: renderDashboard(d) });
    }
  });

  it('have stable, unique uids', () => {
    expect(Object.fromEntries(committed.map((c) => [c.file, c.json.uid]))).toEqual(EXPECTED_UIDS);
  });

  it.each(committed.map((c) => [c.file, c.json] as const))(
    '%s uses the datasource variable and never a datasource uid',
    (_file, d) => {
      const ds = d.templating.list.find((v) => v.name === 'datasource');
      expect(ds).toMatchObject({ type: 'datasource', query: 'prometheus' });
      const refs = datasourceRefs(d).filter((r) => r.path !== '$.templating.list[0].datasource');
      expect(refs.length).toBeGreaterThan(0);
      for (const r of refs)
        expect({ path: r.path, ref: r.ref }).toEqual({
          path: r.path,
          ref: { type: 'prometheus', uid: '${datasource}' },
        });
      for (const p of allPanels(d).filter((p) => p.type !== 'row'))
        expect({ panel: p.title, ds: p.datasource?.uid }).toEqual({ panel: p.title, ds: '${datasource}' });
    },
  );

  it.each(committed.map((c) => [c.file, c.json] as const))(
    '%s has the target and product variables, All matching absent labels',
    (_file, d) => {
      expect(variables(d)).toEqual(expect.arrayContaining(['datasource', 'product', 'target']));
      for (const v of d.templating.list.filter((v) => v.type === 'query')) {
        expect({ name: v.name, multi: v.multi, includeAll: v.includeAll, allValue: v.allValue }).toEqual({
          name: v.name,
          multi: true,
          includeAll: true,
          allValue: '.*',
        });
      }
    },
  );

  it('job dashboards filter by tenant and job_name; Huawei by server', () => {
    for (const uid of ['backup-overview', 'backup-vb365', 'backup-veeam-azure', 'backup-ahsay']) {
      const d = committed.find((c) => c.json.uid === uid)!.json;
      expect({ uid, vars: variables(d) }).toEqual({ uid, vars: expect.arrayContaining(['tenant', 'job_name']) });
    }
    expect(variables(committed.find((c) => c.json.uid === 'backup-huawei-clouddc')!.json)).toContain('server');
  });

  it('pins the product of product dashboards with a constant', () => {
    const product = (uid: string) =>
      committed.find((c) => c.json.uid === uid)!.json.templating.list.find((v) => v.name === 'product');
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
      expect(d.schemaVersion).toBe(42); // docs/monitoring.md states the Grafana version this needs
    },
  );

  it('the overview sorts "time since last success" worst first and colours it by thresholds', () => {
    const d = committed.find((c) => c.json.uid === 'backup-overview')!.json as unknown as {
      panels: Array<Record<string, any>>;
    };
    const p = d.panels.find((x) => x.title === 'Time since last success')!;
    expect(p.options.sortBy).toEqual([{ displayName: 'Since last success', desc: true }]);
    expect(p.fieldConfig.defaults.thresholds.steps.map((s: { color: string }) => s.color)).toEqual([
      'green',
      'orange',
      'red',
    ]);
    expect(p.fieldConfig.overrides[0].properties[0].value.type).toBe('color-background');
  });
});
