// Golden exposition of a huawei_clouddc collection at a fixed clock, checked by promtool.
// Regenerate with UPDATE_GOLDEN=1 after an intended change, and review the diff.
import path from 'node:path';
import { expectGolden, expectPromtoolClean, exposition } from '../helpers/golden';
import { downloaded, type Harness, harness, NOW, until } from './helpers';

const GOLDEN = path.join(__dirname, 'golden', 'collect.prom');
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

test('golden exposition: servers and log exports in every state', async () => {
  h = await harness({ scale: { servers: 8 } }, (_sim, dir) => ({
    logExports: {
      everyMs: 86_400_000,
      downloadDir: path.join(dir, 'dl'),
      keep: 3,
      stateFile: path.join(dir, 'state.json'),
    },
  }));
  const [s0, s1, , , s4, s5, s6] = h.sim.servers;
  // completed and downloaded (s0), completed with an integer percentage (s1), failed (s5)
  for (const s of [s0!, s1!, s5!]) expect(await h.main.state.startLogExport(s.id)).toMatchObject({ status: 202 });
  for (let i = 0; i < 3; i++) await h.main.collect();
  await until(() => downloaded(h!) === 2, 5000, 'two downloads');
  // processing, a minute later (s4); lost (s6)
  h.clock.now = NOW + 60_000;
  await h.main.state.startLogExport(s4!.id);
  await h.main.state.startLogExport(s6!.id);
  h.sim.exports.delete(`${s6!.id}/1`);
  const out = await h.main.collect();
  expect(out.failed).toEqual([]);
  const text = exposition('clouddc', 'huawei_clouddc', out.samples);
  expectGolden(GOLDEN, text);
  expectPromtoolClean(text);
});
