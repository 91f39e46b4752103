// The simulator answers like AhsayCBS on the wire: POST only, credentials in the body (JSON or form),
// HTTP 200 with Status Error, "No Backup Job on that day", 404 for an endpoint the server lacks.
import { request } from 'undici';
import { startAhsaySimulator, type AhsaySimulator } from '../../src/simulators/ahsay/server';
import { NOW } from './helpers';

let sim: AhsaySimulator;
afterEach(async () => {
  await sim?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: the tests read whatever the simulator answered.
async function post(path: string, body: Record<string, unknown>, form = false): Promise<{ status: number; json: any }> {
  const r = await request(`${sim.url}/obs/api/json/${path}.do`, {
    method: 'POST',
    headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
    body: form ? new URLSearchParams(body as Record<string, string>).toString() : JSON.stringify(body),
  });
  const text = await r.body.text();
  return { status: r.statusCode, json: text ? JSON.parse(text) : undefined };
}

const auth = { SysUser: 'api', SysPwd: 'secret-cbs' };

test('envelopes, benign empty day, form bodies, and what the call log keeps', async () => {
  sim = await startAhsaySimulator({ now: () => NOW });
  const bad = await post('ListBackupSets', { SysUser: 'api', SysPwd: 'nope', LoginName: 'alice' });
  expect(bad).toEqual({
    status: 200,
    json: { Status: 'Error', Message: 'Incorrect system username/password', ExptType: expect.any(String) },
  });
  const users = await post('2/ListUsers', auth);
  expect(users.json.Status).toBe('OK');
  expect(users.json.User.map((u: { LoginName: string }) => u.LoginName)).toContain('alice');
  const empty = await post('ListBackupJobStatus', { ...auth, LoginName: 'alice', BackupDate: '2026-03-02' });
  expect(empty.json).toMatchObject({ Status: 'Error', Message: '[Error] No Backup Job on that day' });
  const day = await post('ListBackupJobStatus', { ...auth, LoginName: 'alice', BackupDate: '2026-03-01' }, true);
  expect(day.json.Status).toBe('OK');
  expect(day.json.Data[0]).toMatchObject({
    StartTime: expect.stringMatching(/^2026-03-01 \d\d:\d\d:\d\d$/),
    BackupJobStatus: expect.stringMatching(/^BS_/),
  });
  expect(sim.calls.every((c) => !('SysPwd' in c.params))).toBe(true);
  const get = await request(`${sim.url}/obs/api/json/ListUsers.do`);
  expect(get.statusCode).toBe(404);
  await get.body.text();
});

test('a server without the summary endpoint answers 404 for it; the full report has the file arrays', async () => {
  sim = await startAhsaySimulator({ now: () => NOW, summary: false });
  const key = {
    ...auth,
    LoginName: 'alice',
    Owner: '',
    BackupSetID: '1700000000001',
    DestinationID: '-1700000000101',
    BackupJobID: '2026-03-01-22-00-00',
    Cdp: 'false',
  };
  expect((await post('GetBackupJobReportSummary', key)).status).toBe(404);
  const full = await post('GetBackupJobReport', key);
  expect(full.json.Data).toMatchObject({
    ID: '2026-03-01-22-00-00',
    BackupJobStatus: 'BS_STOP_SUCCESS',
    NewFilesZipRatio: '33%',
    MovedFilesZipRatio: '05',
  });
  expect(Array.isArray(full.json.Data.new)).toBe(true);
});
