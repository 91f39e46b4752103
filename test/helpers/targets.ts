// Resolved target configurations for tests that do not go through the YAML loader.
import type { JobsSettings, TargetConfig } from '../../src/config/types';
import type { AhsayTarget } from '../../src/products/ahsay/config';
import type { HuaweiTarget } from '../../src/products/huawei_clouddc/config';
import type { VeeamAzureTarget } from '../../src/products/veeam_azure/config';
import type { VeeamM365Target } from '../../src/products/veeam_m365/config';
import { PRODUCTS } from '../../src/products';

/** Every collector of the product, as a target without `collectors:` runs. */
function collectorsOf(product: string): string[] {
  const m = PRODUCTS.find((p) => p.product === product);
  if (!m) throw new Error(`no product ${product}`);
  return [...m.config.collectors.names];
}

const common = (name: string, url: string, product: string): Omit<TargetConfig, 'product'> => ({
  name,
  url,
  timeoutMs: 10_000,
  minIntervalMs: 0,
  inventoryTtlMs: 300_000,
  concurrency: 8,
  tls: { insecureSkipVerify: false },
  collectors: collectorsOf(product),
});
const jobs = (): JobsSettings => ({
  lookbackMs: 7 * 86_400_000,
  warningIsSuccess: true,
  jobs: { include: [/^(?:.*)$/], exclude: [] },
});

export function m365Target(url: string, o: Partial<VeeamM365Target> = {}): VeeamM365Target {
  return {
    ...common('m365', url, 'veeam_m365'),
    ...jobs(),
    product: 'veeam_m365',
    auth: { username: 'monitor', password: 'secret-m365' },
    ...o,
  };
}
export function azureTarget(url: string, o: Partial<VeeamAzureTarget> = {}): VeeamAzureTarget {
  return {
    ...common('azure', url, 'veeam_azure'),
    ...jobs(),
    product: 'veeam_azure',
    auth: { username: 'monitor', password: 'secret-azure' },
    ...o,
  };
}
export function ahsayTarget(url: string, o: Partial<AhsayTarget> = {}): AhsayTarget {
  return {
    ...common('cbs', url, 'ahsay'),
    ...jobs(),
    product: 'ahsay',
    timezone: 'Asia/Hong_Kong',
    auth: { username: 'api', password: 'secret-cbs' },
    users: [],
    ...o,
  };
}
export function huaweiTarget(url: string, o: Partial<HuaweiTarget> = {}): HuaweiTarget {
  return {
    ...common('clouddc', url, 'huawei_clouddc'),
    product: 'huawei_clouddc',
    projectId: 'proj1',
    auth: { kind: 'token', token: 'secret-token' },
    servers: [],
    ...o,
  };
}
