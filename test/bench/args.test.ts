// The flags of npm run bench.
import path from 'node:path';
import { parseArgs } from '../../src/bench/args';

describe('bench flags', () => {
  it('runs every scenario by default, the curve at 1x, 4x and 16x, and writes beside the reference', () => {
    const a = parseArgs([], '/repo');
    expect(a.scenarios).toEqual(['full', 'requests', 'curve']);
    expect(a.curve).toEqual([1, 4, 16]);
    expect(a.out).toBe(path.resolve('/repo/bench/last-run.json'));
    expect(a.reference).toBe(path.resolve('/repo/bench/results.json'));
    expect(a.exporter).toBeUndefined();
  });

  it('chooses scenarios, curve sizes (sorted, once each) and another program to measure', () => {
    const a = parseArgs(['--scenarios=requests,curve', '--curve=16,1,1', '--exporter=/old/dist/main.js'], '/repo');
    expect(a.scenarios).toEqual(['requests', 'curve']);
    expect(a.curve).toEqual([1, 16]);
    expect(a.exporter).toBe(path.resolve('/old/dist/main.js'));
  });

  it('refuses an unknown scenario and a curve size that is not a positive number', () => {
    expect(() => parseArgs(['--scenarios=full,fast'], '/repo')).toThrow(/unknown fast/);
    expect(() => parseArgs(['--curve=1,0'], '/repo')).toThrow(/--curve/);
    expect(() => parseArgs(['--warm=-1'], '/repo')).toThrow(/--warm/);
  });
});
