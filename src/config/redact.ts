// A target's configuration for display (/probe?debug=true), in the YAML key names users write, with every
// secret shown as `<secret>` and durations in Prometheus syntax.
import { formatDuration } from './duration';
import type { CommonTarget, HuaweiAuth, JobsTarget, TargetConfig } from './types';

export const SECRET = '<secret>';

type Shown = Record<string, unknown>;

/** The target as a plain object ready for YAML or JSON output; no secret value is included. */
export function redactTarget(target: TargetConfig): Shown {
  const out: Shown = common(target);
  switch (target.product) {
    case 'veeam_m365':
    case 'veeam_azure':
      if (target.apiVersion !== undefined) out.api_version = target.apiVersion;
      out.auth = { username: target.auth.username, password: SECRET };
      Object.assign(out, jobs(target));
      break;
    case 'ahsay':
      out.timezone = target.timezone;
      out.auth = { username: target.auth.username, password: SECRET };
      out.users = [...target.users];
      Object.assign(out, jobs(target));
      break;
    case 'huawei_clouddc':
      out.project_id = target.projectId;
      out.auth = huaweiAuth(target.auth);
      out.servers = [...target.servers];
      if (target.logExports) {
        const l = target.logExports;
        out.log_exports = {
          every: formatDuration(l.everyMs),
          ...(l.downloadDir === undefined ? {} : { download_dir: l.downloadDir }),
          keep: l.keep,
          state_file: l.stateFile,
        };
      }
      break;
  }
  return out;
}

function common(t: CommonTarget): Shown {
  const tls: Shown = { insecure_skip_verify: t.tls.insecureSkipVerify };
  if (t.tls.caFile !== undefined) tls.ca_file = t.tls.caFile;
  return {
    name: t.name,
    product: t.product,
    url: t.url,
    timeout: formatDuration(t.timeoutMs),
    min_interval: formatDuration(t.minIntervalMs),
    inventory_ttl: formatDuration(t.inventoryTtlMs),
    concurrency: t.concurrency,
    tls,
  };
}

function jobs(t: JobsTarget): Shown {
  // Shown as written: the anchoring `^(?:…)$` added at load is taken off again.
  const source = (r: RegExp): string => r.source.replace(/^\^\(\?:/, '').replace(/\)\$$/, '');
  return {
    lookback: formatDuration(t.lookbackMs),
    warning_is_success: t.warningIsSuccess,
    jobs: { include: t.jobs.include.map(source), exclude: t.jobs.exclude.map(source) },
  };
}

function huaweiAuth(a: HuaweiAuth): Shown {
  switch (a.kind) {
    case 'token':
      return { token: SECRET };
    case 'iam':
      return { iam: { url: a.url, domain: a.domain, username: a.username, password: SECRET } };
    case 'aksk':
      return { access_key: a.accessKey, secret_key: SECRET };
  }
}
