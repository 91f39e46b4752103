// What some shipped panel queries compute, evaluated by promtool on made-up series: disabled jobs are left out as in
// the alerts, a job stored by two scrape jobs counts once, and repository fill only exists where a capacity does.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { promtool, requireBinary } from '../helpers/promtool';
import { allValues, committedDashboards, type DashboardJson, panelQueries, substitute } from './grafana';

function overviewJson(): DashboardJson {
  const d = committedDashboards().find((x) => x.json.uid === 'backup-overview')?.json;
  if (!d) throw new Error('backup-overview.json is missing');
  return d;
}
const overview = overviewJson();

/** The overview panel's query with every variable at All, or `job` at one scrape job. */
function query(panel: string, job?: string): string {
  const q = panelQueries(overview).find((x) => x.panel === panel);
  if (!q) throw new Error(`no panel ${panel}`);
  return substitute(q.expr, { ...allValues(overview), ...(job ? { job } : {}) });
}

const JOB = (id: string, name: string) =>
  `target="m365", product="veeam_m365", tenant="acme", job_id="${id}", job_name="${name}"`;
const STATES = ['success', 'warning', 'failed', 'running', 'stopped', 'none', 'unknown'];

/** A job's whole state set (1 for `state`) and its enabled flag, as stored by each of two scrape jobs. */
function job(id: string, state: string, enabled?: 0 | 1) {
  return ['backup', 'backup-targets-0'].flatMap((scrape) => [
    ...STATES.map((s) => ({
      series: `backup_job_status{job="${scrape}", ${JOB(id, id)}, status="${s}"}`,
      values: s === state ? '1x5' : '0x5',
    })),
    ...(enabled === undefined
      ? []
      : [{ series: `backup_job_enabled{job="${scrape}", ${JOB(id, id)}}`, values: `${enabled}x5` }]),
  ]);
}

const repo = (metric: string, id: string, target: string, product: string, value: number) => ({
  series: `${metric}{job="backup", target="${target}", product="${product}", repository_id="${id}", repository_name="${id}"}`,
  values: `${value}x5`,
});

const INPUT = [
  ...job('a', 'failed', 1), // enabled, failed
  ...job('b', 'failed', 0), // disabled, failed: as quiet as in the alerts
  ...job('c', 'failed'), // no enabled flag (AhsayCBS), failed
  ...job('d', 'success', 1),
  repo('backup_repository_capacity_bytes', 'r1', 'm365', 'veeam_m365', 1000),
  repo('backup_repository_free_bytes', 'r1', 'm365', 'veeam_m365', 50),
  repo('backup_repository_capacity_bytes', 'r2', 'm365', 'veeam_m365', 1000),
  repo('backup_repository_used_bytes', 'r2', 'm365', 'veeam_m365', 400),
  repo('backup_repository_status', 'blob', 'azure', 'veeam_azure', 1),
];

function expectations() {
  const one = (value: number) => [{ labels: '{}', value }];
  const repoLabels = (id: string) =>
    `{job="backup", target="m365", product="veeam_m365", repository_id="${id}", repository_name="${id}"}`;
  return [
    { expr: query('Jobs'), eval_time: '2m', exp_samples: one(4) },
    { expr: query('Jobs', 'backup'), eval_time: '2m', exp_samples: one(4) },
    { expr: query('Not successful now'), eval_time: '2m', exp_samples: one(2) },
    { expr: query('Not successful now', 'backup-targets-0'), eval_time: '2m', exp_samples: one(2) },
    {
      expr: query('Jobs by status'),
      eval_time: '2m',
      exp_samples: [
        { labels: '{status="failed"}', value: 2 },
        { labels: '{status="success"}', value: 1 },
        { labels: '{status="disabled"}', value: 1 },
      ],
    },
    {
      expr: `count by (job_id) (${query('Jobs not successful now')})`,
      eval_time: '2m',
      exp_samples: [
        { labels: '{job_id="a"}', value: 2 },
        { labels: '{job_id="c"}', value: 2 },
      ],
    },
    {
      expr: query('Fullest repositories'),
      eval_time: '2m',
      exp_samples: [
        { labels: repoLabels('r1'), value: 0.95 },
        { labels: repoLabels('r2'), value: 0.4 },
      ],
    },
  ];
}

describe('overview queries, evaluated by promtool', () => {
  const hasPromtool = requireBinary('promtool');

  it('leave out disabled jobs, count each job once, and fill repositories only where a capacity exists', () => {
    if (!hasPromtool) return;
    const dir = mkdtempSync(join(tmpdir(), 'panel-queries-'));
    try {
      writeFileSync(join(dir, 'empty.rules.yml'), 'groups: []\n');
      const test = {
        rule_files: ['empty.rules.yml'],
        tests: [{ interval: '1m', input_series: INPUT, promql_expr_test: expectations() }],
      };
      writeFileSync(join(dir, 'queries.test.yml'), stringify(test, { lineWidth: 0 }));
      const r = promtool(['test', 'rules', 'queries.test.yml'], dir);
      expect({ code: r.code, output: r.output }).toEqual({ code: 0, output: expect.stringContaining('SUCCESS') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
