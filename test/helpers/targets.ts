// Resolved target configurations for tests that do not go through the YAML loader.
import type {
  AhsayTarget,
  CommonTarget,
  HuaweiTarget,
  JobsTarget,
  VeeamAzureTarget,
  VeeamM365Target,
} from '../../src/config/types';

const common = (name: string, url: string): Omit<CommonTarget, 'product'> => ({
  name,
  url,
  timeoutMs: 10_000,
  minIntervalMs: 0,
  inventoryTtlMs: 300_000,
  concurrency: 8,
  tls: { insecureSkipVerify: false },
});
const jobs = (): Omit<JobsTarget, keyof CommonTarget> => ({
  lookbackMs: 7 * 86_400_000,
  warningIsSuccess: true,
  jobs: { include: [/^(?:.*)$/], exclude: [] },
});

export function m365Target(url: string, o: Partial<VeeamM365Target> = {}): VeeamM365Target {
  return {
    ...common('m365', url),
    ...jobs(),
    product: 'veeam_m365',
    auth: { username: 'monitor', password: 'secret-m365' },
    ...o,
  };
}
export function azureTarget(url: string, o: Partial<VeeamAzureTarget> = {}): VeeamAzureTarget {
  return {
    ...common('azure', url),
    ...jobs(),
    product: 'veeam_azure',
    auth: { username: 'monitor', password: 'secret-azure' },
    ...o,
  };
}
export function ahsayTarget(url: string, o: Partial<AhsayTarget> = {}): AhsayTarget {
  return {
    ...common('cbs', url),
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
    ...common('clouddc', url),
    product: 'huawei_clouddc',
    projectId: 'proj1',
    auth: { kind: 'token', token: 'secret-token' },
    servers: [],
    ...o,
  };
}
