import { ahsayBound, ahsayUserWalk } from '../../src/simulators/ahsay/bench';
import { huaweiBound } from '../../src/simulators/huawei_clouddc/bench';
import { azureBound } from '../../src/simulators/veeam_azure/bench';
import { m365Bound } from '../../src/simulators/veeam_m365/bench';

const H = 3_600_000;
const NOW = Date.parse('2026-11-22T12:00:00Z');
const ctx = { nowMs: NOW, lookbackMs: 7 * 24 * H };

describe('VB365 warm lower bound', () => {
  const session = (id: string, jobId: string, agoH: number, running = false) => ({
    id,
    jobId,
    start: NOW - agoH * H,
    end: running ? null : NOW - agoH * H + 600_000,
    status: running ? 'Running' : 'Success',
    logItems: 150,
  });
  it('counts the windowed list, the running list and the logs of running last runs only', () => {
    const b = m365Bound(
      {
        jobs: [{ id: 'j1' }, { id: 'j2' }, { id: 'j3' }],
        sessions: [
          session('a', 'j1', 1),
          session('b', 'j1', 30),
          session('c', 'j2', 0.2, true),
          session('d', 'j2', 24),
          // j3 ran (and is still "running") outside the window: not its last run within lookback.
          session('e', 'j3', 9 * 24, true),
          session('f', 'j3', 2),
        ],
      },
      ctx,
    );
    expect(b.items.map((i) => i.count)).toEqual([1, 1, 1, 0, 0]);
    expect(b.minimalRequests).toBe(3);
    expect(b.criticalChain).toBe(2);
  });
  it('pages what started in the last 15 minutes at 10,000 sessions; the rest of the window is kept', () => {
    const recent = Array.from({ length: 12_000 }, (_, i) => session(`r${i}`, `j${i % 400}`, 0.1));
    const older = Array.from({ length: 12_000 }, (_, i) => session(`s${i}`, `j${i % 400}`, 1 + (i % 100)));
    const b = m365Bound({ jobs: [], sessions: [...recent, ...older] }, ctx);
    expect(b.items[0]!.count).toBe(2);
    expect(b.minimalRequests).toBe(3);
    expect(b.criticalChain).toBe(2);
    expect(m365Bound({ jobs: [], sessions: older }, ctx).items[0]!.count).toBe(1);
  });
});

describe('Veeam Azure warm lower bound', () => {
  it('counts session pages and logs of running policy runs, not of running noise', () => {
    const s = (id: string, policyId: string, agoH: number, type: string, status: string) => ({
      id,
      policyId,
      type,
      status,
      startMs: NOW - agoH * H,
    });
    const b = azureBound(
      {
        policies: [{ id: 'p1' }, { id: 'p2' }],
        sessions: [
          s('1', 'p1', 1, 'PolicyBackup', 'Running'),
          s('2', 'p1', 20, 'PolicyBackup', 'Success'),
          s('3', 'p2', 1, 'ManualSnapshot', 'Running'),
          s('4', 'p2', 5, 'PolicyBackup', 'Success'),
          s('5', 'p2', 6, 'HealthCheck', 'Warning'),
          s('6', 'p2', 8 * 24, 'PolicyBackup', 'Running'),
        ],
      },
      ctx,
      2,
    );
    expect(b.items.map((i) => i.count)).toEqual([3, 1, 0, 0]);
    expect(b.minimalRequests).toBe(4);
    expect(b.criticalChain).toBe(3);
  });
});

describe('AhsayCBS warm lower bound', () => {
  const zone = 'UTC';
  const at = (daysAgo: number, hour: number): number =>
    Date.parse('2026-11-22T00:00:00Z') - daysAgo * 24 * H + hour * H;
  const sets = [{ id: 's1' }];
  it('reads only today when the newest finished day completes the walk', () => {
    const u = { login: 'u1', sets, jobs: [{ setId: 's1', destId: 'A', start: at(1, 22), status: 'BS_STOP_SUCCESS' }] };
    expect(ahsayUserWalk(u, zone, ctx)).toEqual({ dayLists: 1, running: 0 });
  });
  it('re-reads a finished day that still holds a running job', () => {
    const u = {
      login: 'u3',
      sets,
      jobs: [
        { setId: 's1', destId: 'A', start: at(1, 23), status: 'BS_STILL_RUNNING' },
        { setId: 's1', destId: 'A', start: at(2, 22), status: 'BS_STOP_SUCCESS_WITH_WARNING' },
      ],
    };
    expect(ahsayUserWalk(u, zone, ctx)).toEqual({ dayLists: 2, running: 1 });
  });
  it('adds a report and a progress call per running last run', () => {
    const users = [
      { login: 'u1', sets, jobs: [{ setId: 's1', destId: 'A', start: at(1, 22), status: 'BS_STOP_SUCCESS' }] },
      {
        login: 'u2',
        sets,
        jobs: [
          { setId: 's1', destId: 'A', start: at(0, 10), status: 'BS_STILL_RUNNING' },
          { setId: 's1', destId: 'A', start: at(1, 10), status: 'BS_STOP_SUCCESS' },
        ],
      },
      { login: 'none', sets: [], jobs: [] },
    ];
    const b = ahsayBound(users, zone, ctx);
    expect(b.items.map((i) => i.count)).toEqual([2, 1, 1, 0]);
    expect(b.minimalRequests).toBe(4);
    expect(b.criticalChain).toBe(2);
  });
  it('walks the whole lookback when a set never succeeds', () => {
    const u = {
      login: 'u4',
      sets,
      jobs: [{ setId: 's1', destId: 'A', start: at(1, 1), status: 'BS_STOP_BY_SYSTEM_ERROR' }],
    };
    // Only today is unfinished; the other seven days of the walk are cached.
    expect(ahsayUserWalk(u, zone, ctx)).toEqual({ dayLists: 1, running: 0 });
  });
});

describe('Huawei CloudDC warm lower bound', () => {
  it('needs nothing while the server inventory is fresh', () => {
    expect(huaweiBound(500).minimalRequests).toBe(0);
  });
});
