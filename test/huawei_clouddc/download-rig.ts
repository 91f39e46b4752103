// Download tests without collections: a state file that already records completed exports (which the
// simulator knows too), and states wired as the engine wires them, except that their background client has a
// short timeout: a download's idle timeout is that client's timeout (60 s in the exporter).
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCaches } from '../../src/core/cache';
import { SelfMetrics } from '../../src/core/self-metrics';
import { createTargetHttp, type TargetHttp } from '../../src/http/client';
import { LoginGate } from '../../src/http/login-gate';
import { huaweiCloudDc } from '../../src/products/huawei_clouddc';
import type { HuaweiTarget } from '../../src/products/huawei_clouddc/config';
import type { HuaweiState } from '../../src/products/huawei_clouddc/state';
import {
  type HuaweiSimOptions,
  type HuaweiSimulator,
  startHuaweiSimulator,
} from '../../src/simulators/huawei_clouddc/server';
import { captureLog } from '../helpers/session';
import { huaweiTarget } from '../helpers/targets';
import { NOW, type StateRecord, tempDir } from './helpers';

export interface RigState {
  state: HuaweiState;
  http: TargetHttp;
}

export interface Rig extends RigState {
  sim: HuaweiSimulator;
  dir: string;
  target: HuaweiTarget;
  /** `<download_dir>/clouddc/<server>/1.tar.gz`. */
  archive(serverId: string): string;
  /** Another state on the same files (a reload's new state). */
  open(): RigState;
  logs(): string;
  close(): Promise<void>;
}

/** A completed export `1` of the server, known to the simulator; returns its state-file record. */
export function completedExport(sim: HuaweiSimulator, serverId: string): StateRecord {
  const createdAt = new Date(NOW).toISOString();
  sim.exports.set(`${serverId}/1`, {
    serverId,
    exportId: '1',
    createdAt,
    polls: 3,
    fails: false,
    percentStyle: 'percent',
  });
  return { serverId, exportId: '1', createdAt: NOW / 1000, status: 'completed', state: 'completed', terminal: true };
}

export function writeState(file: string, exports: StateRecord[]): void {
  writeFileSync(file, JSON.stringify({ version: 1, target: 'clouddc', exports }));
}

/** The simulator, a state file with the records `records(sim)` gives, and one state (not yet started). */
export async function downloadRig(
  simOpts: HuaweiSimOptions,
  idleMs: number,
  records: (sim: HuaweiSimulator, dir: string) => StateRecord[],
): Promise<Rig> {
  const sim = await startHuaweiSimulator({ tls: true, now: () => NOW, scale: { servers: 3 }, ...simOpts });
  const dir = tempDir();
  const stateFile = path.join(dir, 'state.json');
  const logExports = { everyMs: 86_400_000, downloadDir: path.join(dir, 'downloads'), keep: 1, stateFile };
  const target = huaweiTarget(sim.url, { tls: { ca: sim.cert!, insecureSkipVerify: false }, logExports });
  writeState(stateFile, records(sim, dir));
  const captured = captureLog();
  const log = captured.log.child({ target: target.name });
  const metrics = new SelfMetrics({ defaultMetrics: false });
  const opened: RigState[] = [];
  const open = (): RigState => {
    const http = createTargetHttp(target, { log });
    const deps = {
      log,
      caches: createCaches(metrics, target.inventoryTtlMs),
      http: http.background(idleMs),
      gate: new LoginGate(),
      onLogin: () => undefined,
      schedulers: false,
    };
    const s = { state: huaweiCloudDc.createState(target, deps), http };
    opened.push(s);
    return s;
  };
  const first = open();
  return {
    ...first,
    sim,
    dir,
    target,
    archive: (serverId) => path.join(dir, 'downloads', 'clouddc', serverId, '1.tar.gz'),
    open,
    logs: captured.logs,
    close: async () => {
      for (const s of opened) {
        await s.state.stop();
        await s.http.destroy();
      }
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
