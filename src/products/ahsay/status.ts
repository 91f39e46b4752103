// AhsayCBS BackupJobStatus → job state (contract 4.2). There is no official full list of values; unknown ones
// map to `unknown` and keep their raw text in vendor_status.
import { mapStatus } from '../../core/jobs';
import type { JobState } from '../../core/families';

const TABLE: Record<string, JobState> = {
  bs_stop_success: 'success',
  bs_stop_success_with_warning: 'warning',
  // Completed, but with errors in the log: the data that could be read was backed up.
  bs_stop_success_with_error: 'warning',
  bs_stop_by_system_error: 'failed',
  bs_stop_by_scheduler: 'failed',
  bs_stop_by_quota_exceeded: 'failed',
  bs_stop_missed_backup: 'failed',
  bs_backup_not_finished: 'failed',
  bs_stop_incomplete: 'failed',
  bs_still_running: 'running',
  bs_stop_by_user: 'stopped',
};

/** Case-insensitive; any value starting BS_MISSED_ (database, virtual machine, public folder…) is failed. */
export function ahsayState(vendorStatus: string): JobState {
  const s = vendorStatus.trim();
  if (s.toUpperCase().startsWith('BS_MISSED_')) return 'failed';
  return mapStatus(TABLE, s);
}
