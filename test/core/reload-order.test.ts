// A reload that changes a target starts the new state's background work only after the old state stopped:
// both would use the same files (a state file, downloads).
import { silentLogger } from '../../src/common/log';
import { Exporter } from '../../src/core/exporter';
import type { ProductModule } from '../../src/core/module';
import { SelfMetrics } from '../../src/core/self-metrics';
import { veeamM365 } from '../../src/products/veeam_m365';
import type { VeeamM365Target } from '../../src/products/veeam_m365/config';
import { m365Target } from '../helpers/targets';

test('the old state stops before the new one starts; a state replaced again never starts', async () => {
  const events: string[] = [];
  let n = 0;
  const module: ProductModule<VeeamM365Target> = {
    ...veeamM365,
    createState: () => {
      const id = ++n;
      return {
        collect: () => Promise.reject(new Error('not collected here')),
        start: () => events.push(`start ${id}`),
        stop: async () => {
          await new Promise((r) => setTimeout(r, 50));
          events.push(`stop ${id}`);
        },
      };
    },
  };
  const products = new Map([['veeam_m365', module as ProductModule]]);
  const exporter = new Exporter({ log: silentLogger(), metrics: new SelfMetrics({ defaultMetrics: false }), products });
  const config = (url: string) => ({ targets: [m365Target(url)], secrets: [] });
  exporter.apply(config('http://127.0.0.1:1'));
  await new Promise((r) => setTimeout(r, 10));
  exporter.apply(config('http://127.0.0.1:2'));
  exporter.apply(config('http://127.0.0.1:3'));
  await new Promise((r) => setTimeout(r, 200));
  expect(events).toEqual(['start 1', 'stop 1', 'stop 2', 'start 3']);
  await exporter.close();
});
