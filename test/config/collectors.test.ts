// The per-target `collectors:` key (contract section 3), on a product spec of its own.
import { selectCollectors } from '../../src/config/collectors';
import { Problems } from '../../src/config/problems';

const SPEC = { names: ['jobs', 'sessions', 'logs', 'license'], needs: { logs: ['sessions'] } };
const AT = ['targets', 0, 'collectors'];

function select(raw?: { include?: string[]; exclude?: string[] }) {
  const problems = new Problems();
  const names = selectCollectors(raw, SPEC, AT, problems);
  const messages = problems.size === 0 ? [] : problems.toError('c.yaml', () => 1).problems;
  return { names, messages };
}

test('omitted: every collector', () => {
  expect(select()).toEqual({ names: ['jobs', 'sessions', 'logs', 'license'], messages: [] });
});

test('exclude leaves the others; a collector that needs an excluded one goes with it', () => {
  expect(select({ exclude: ['license'] }).names).toEqual(['jobs', 'sessions', 'logs']);
  expect(select({ exclude: ['sessions'] }).names).toEqual(['jobs', 'license']);
});

test('include implies the inventory collector and keeps the product order', () => {
  expect(select({ include: ['license', 'sessions'] }).names).toEqual(['jobs', 'sessions', 'license']);
});

test.each([
  [
    { include: ['jobs'], exclude: ['license'] },
    'c.yaml:1: targets[0].collectors.exclude: set include or exclude, not both',
  ],
  [
    { exclude: ['licence'] },
    'c.yaml:1: targets[0].collectors.exclude[0]: unknown collector "licence" (did you mean license?)',
  ],
  [
    { exclude: ['jobs'] },
    'c.yaml:1: targets[0].collectors.exclude[0]: the inventory collector jobs cannot be excluded',
  ],
  [{ include: ['logs'] }, 'c.yaml:1: targets[0].collectors.include[0]: logs needs sessions: list it too'],
])('%j is an error naming the key', (raw, message) => {
  expect(select(raw).messages).toEqual([message]);
});
