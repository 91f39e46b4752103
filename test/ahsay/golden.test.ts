// The demo CBS estate (the hand-made users and one generated user) rendered with a fixed clock, compared
// exactly with the golden file and checked by promtool. Regenerate after an intended change with UPDATE_GOLDEN=1.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectGolden, expectPromtoolClean, exposition as render } from '../helpers/golden';
import { harness, type Harness } from './helpers';

const GOLDEN = join(__dirname, 'golden', 'demo.prom');

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function exposition(summary: boolean): Promise<string> {
  h = await harness({ scale: { users: 1 }, summary });
  const out = await h.collect();
  expect(out.failed).toEqual([]);
  return render('cbs', 'ahsay', out.samples);
}

test('demo exposition matches the golden file', async () => {
  const text = await exposition(true);
  expectGolden(GOLDEN, text);
  expect(text).toContain(
    'backup_job_status{target="cbs",product="ahsay",tenant="alice",job_id="1700000000001",job_name="Documents",job_type="FILE",destination_id="-1700000000102",status="warning"} 1',
  );
  expect(text).not.toMatch(/\b(job|instance|type)="/);
  expect(text).not.toContain('destination_id=""');
});

test('the full report gives the same exposition as the summary', async () => {
  const text = await exposition(false);
  expect(text).toBe(readFileSync(GOLDEN, 'utf8'));
});

test('demo exposition passes promtool check metrics', async () => {
  expectPromtoolClean(await exposition(true));
});
