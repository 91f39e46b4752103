// The `reports` collector: GetBackupJobReportSummary of each job's last run (no per-file arrays), or
// GetBackupJobReport on servers without the summary. A finished run's report never changes: fetched once and
// kept in the immutable cache; a running run's is fetched on every collection.
import { UpstreamError } from '../../common/errors';
import type { PartScope } from '../../core/module';
import type { CbsClient, RunKey } from './client';
import { whileRunning } from './progress';
import type { CbsReport } from './decode-report';
import { type CbsJob, eachItem, jobItem, type RunDetails, type RunJob, runKey, withLastRun } from './runs';

/** Whether the server offers GetBackupJobReportSummary: learned on the first report, kept until reload. */
export class ReportSource {
  private summary: boolean | undefined;
  private probing: Promise<unknown> | undefined;

  /** Reports by job; a job whose report failed is an item failure of the part, the others keep theirs. */
  collect(d: RunDetails, jobs: readonly CbsJob[], scope: PartScope): Promise<Map<CbsJob, CbsReport>> {
    return eachItem(withLastRun(jobs), d.concurrency, scope, jobItem, report, { d, source: this });
  }

  /** A running run's report is fetched every time; a finished one's once, then kept. */
  async report(d: RunDetails, job: RunJob): Promise<CbsReport | undefined> {
    const key = runKey(job);
    if (job.last.state === 'running') return whileRunning(this.fetch(d.client, key), d.log);
    const cacheKey = `report:${key.login}\u0000${key.owner}\u0000${key.setId}\u0000${key.destinationId ?? ''}\u0000${key.jobId}`;
    return d.immutable.once(cacheKey, true, fetchReport, { source: this, client: d.client, key });
  }

  /** Prefers the summary (no per-file arrays); the first answer tells whether the server offers it. */
  async fetch(client: CbsClient, key: RunKey): Promise<CbsReport> {
    if (this.summary === undefined && this.probing) await this.probing.catch(() => undefined);
    if (this.summary === false) return full(client, key);
    const p = client.report(key, true);
    if (this.summary === undefined) this.probing = p;
    const r = await p;
    if (r !== 'missing') {
      this.summary = true;
      return r;
    }
    this.summary = false;
    return full(client, key);
  }
}

/** A function of this module, not a closure made per collection (see common/pool). */
function report(job: RunJob, c: { d: RunDetails; source: ReportSource }): Promise<CbsReport | undefined> {
  return c.source.report(c.d, job);
}

function fetchReport(c: { source: ReportSource; client: CbsClient; key: RunKey }): Promise<CbsReport> {
  return c.source.fetch(c.client, c.key);
}

async function full(client: CbsClient, key: RunKey): Promise<CbsReport> {
  const r = await client.report(key, false);
  if (r === 'missing') throw new UpstreamError('http', 'GetBackupJobReport: not found', { status: 404 });
  return r;
}
