// The v8.1 demo appliance rendered with a fixed clock, compared exactly with the golden file and checked by
// promtool. Regenerate after an intended change with UPDATE_GOLDEN=1.
import { join } from 'node:path';
import { expectGolden, expectPromtoolClean, exposition as render } from '../helpers/golden';
import { harness, type Harness } from './helpers';

const GOLDEN = join(__dirname, 'golden', 'v8.1-demo.prom');

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function exposition(version: string): Promise<string> {
  h = await harness({ version });
  return render('azure', 'veeam_azure', (await h.collect()).samples);
}

test('v8.1 demo exposition matches the golden file', async () => {
  const text = await exposition('v8.1');
  expectGolden(GOLDEN, text);
  expect(text).toContain('backup_job_status{target="azure",product="veeam_azure",job_id="');
  expect(text).not.toMatch(/\b(job|instance|type|tenant)="/);
});

test.each(['v1', 'v8.1'])('%s exposition passes promtool check metrics', async (version) => {
  expectPromtoolClean(await exposition(version));
});
