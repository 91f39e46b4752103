// The configuration after loading: durations in milliseconds, secrets read from their files, regexes
// compiled. The YAML schema that produces it lives in ./schema.ts and the products' config.ts files.

export const PRODUCTS = ['veeam_m365', 'veeam_azure', 'ahsay', 'huawei_clouddc'] as const;
export type ProductName = (typeof PRODUCTS)[number];

export interface TlsConfig {
  /** PEM text of the extra CA bundle (read at load). */
  ca?: string;
  caFile?: string;
  insecureSkipVerify: boolean;
}

export interface CommonTarget {
  name: string;
  product: ProductName;
  /** Base URL without a trailing slash. */
  url: string;
  timeoutMs: number;
  minIntervalMs: number;
  inventoryTtlMs: number;
  concurrency: number;
  tls: TlsConfig;
}

export interface PasswordAuth {
  username: string;
  password: string;
}

export interface JobFilter {
  include: RegExp[];
  exclude: RegExp[];
}

export interface JobsTarget extends CommonTarget {
  lookbackMs: number;
  warningIsSuccess: boolean;
  jobs: JobFilter;
}

export interface VeeamM365Target extends JobsTarget {
  product: 'veeam_m365';
  /** `v3`..`v8`; undefined = detect. */
  apiVersion?: string;
  auth: PasswordAuth;
}

export interface VeeamAzureTarget extends JobsTarget {
  product: 'veeam_azure';
  /** `v1`..`v8`, `v8.1`; undefined = detect. */
  apiVersion?: string;
  auth: PasswordAuth;
}

export interface AhsayTarget extends JobsTarget {
  product: 'ahsay';
  /** IANA zone of the CBS server's timestamps. */
  timezone: string;
  auth: PasswordAuth;
  /** Backup-user login names; empty = all. */
  users: string[];
}

export type HuaweiAuth =
  | { kind: 'token'; token: string }
  | { kind: 'iam'; url: string; domain: string; username: string; password: string }
  | { kind: 'aksk'; accessKey: string; secretKey: string };

export interface LogExportsConfig {
  everyMs: number;
  downloadDir?: string;
  keep: number;
  stateFile: string;
}

export interface HuaweiTarget extends CommonTarget {
  product: 'huawei_clouddc';
  projectId: string;
  auth: HuaweiAuth;
  /** Physical server ids; empty = all. */
  servers: string[];
  logExports?: LogExportsConfig;
}

export type TargetConfig = VeeamM365Target | VeeamAzureTarget | AhsayTarget | HuaweiTarget;

export interface Config {
  targets: TargetConfig[];
  /** Every secret value in the configuration, for redaction of anything the exporter prints. */
  secrets: string[];
}

/** True when a job name passes the target's include/exclude filters (exclude wins). */
export function jobSelected(filter: JobFilter, name: string): boolean {
  return filter.include.some((r) => r.test(name)) && !filter.exclude.some((r) => r.test(name));
}
