// Hostile names from the vendor APIs (quotes, backslashes, newlines, unicode) come out as correctly escaped
// label values: the exposition stays line-oriented, parses back to the original text and passes promtool.
import { useTwoTargets } from '../helpers/two-targets';
import { promtoolCheckMetrics, requireBinary } from '../helpers/promtool';

const HOSTILE = 'He said "hi" \\ C:\\temp\\n\nsecond line\r\tÜmlaut ✓ 日本語 🚀 } { ,x="y"';
const ESCAPED = HOSTILE.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

const env = useTwoTargets({
  global: 'timeout: 10s, min_interval: 0s',
  jobs: 2,
  servers: 2,
  huaweiAuth: 'token',
  prepare: ({ m365, huawei }) => {
    m365.data.jobs[0]!.name = HOSTILE;
    m365.data.orgs[0]!.name = `tenant ${HOSTILE}`;
    huawei.servers[0]!.name = `server ${HOSTILE}`;
  },
});

/** Label values of a sample line, unescaped the way Prometheus' text parser does. */
function labelValues(line: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;
  const body = line.slice(line.indexOf('{') + 1, line.lastIndexOf('}'));
  for (const m of body.matchAll(re)) out[m[1]!] = m[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
  return out;
}

test('quotes, backslashes, newlines and unicode are escaped and parse back unchanged', async () => {
  const r = await env.ex.get('/metrics');
  expect(r.status).toBe(200);
  const lines = r.text.split('\n').filter((l) => l !== '');
  // Line-oriented: a raw newline in a value would start a line that is neither a comment nor a sample.
  for (const l of lines) expect(l).toMatch(/^(# (HELP|TYPE) |[a-zA-Z_:][a-zA-Z0-9_:]*[{ ])/);
  expect(r.text).toContain(`job_name="${ESCAPED}"`);
  expect(r.text).toContain(`tenant="tenant ${ESCAPED}"`);
  expect(r.text).toContain(`server_name="server ${ESCAPED}"`);
  const jobLines = lines.filter((l) => l.startsWith('backup_job_status{') && l.includes('job_name="He said'));
  expect(jobLines.length).toBe(7);
  for (const l of jobLines) {
    expect(labelValues(l).job_name).toBe(HOSTILE);
    expect(labelValues(l).tenant).toBe(`tenant ${HOSTILE}`);
  }
  const server = lines.find((l) => l.startsWith('backup_server_health{') && l.includes('server_name="server He'));
  expect(labelValues(server ?? '').server_name).toBe(`server ${HOSTILE}`);
  if (requireBinary('promtool')) expect(promtoolCheckMetrics(r.text)).toBe('');
});

test('/probe and its debug page escape the same way', async () => {
  const probe = await env.ex.get('/probe?target=clouddc');
  expect(probe.text).toContain(`server_name="server ${ESCAPED}"`);
  const debug = await env.ex.get('/probe?target=m365&debug=true');
  expect(debug.text).toContain(`job_name="${ESCAPED}"`);
  if (requireBinary('promtool')) expect(promtoolCheckMetrics(probe.text)).toBe('');
});
