// The Huawei CloudDC region of `npm run bench`: 500 physical servers on one page of 1,000. A warm collection
// needs no request at all (the server list is inventory); the region takes no part in the request-dominated
// scenario.
import { type BenchEstate, type BenchScenario, bound, type LowerBound, scaledCount } from '../bench';
import { type HuaweiSimulator, startHuaweiSimulator } from './server';

export function huaweiBench(scenario: BenchScenario, factor: number): BenchEstate<HuaweiSimulator> | undefined {
  if (scenario !== 'full') return undefined;
  const servers = scaledCount(500, factor);
  return {
    describe: `${servers} physical servers`,
    start: (o) => startHuaweiSimulator({ ...o, scale: { servers } }),
    bound: (sim) => huaweiBound(sim.servers.length),
  };
}

export function huaweiBound(servers: number): LowerBound {
  return bound(
    [
      {
        request: `GET /v1/{project}/physicalservers (${servers} servers)`,
        count: 0,
        why: 'the server list (with health and power) is inventory: reused for inventory_ttl (contract 2)',
      },
      {
        request: 'IAM token, log export polls',
        count: 0,
        why: 'token kept (24 h); no log_exports configured in the benchmark',
      },
    ],
    0,
  );
}
