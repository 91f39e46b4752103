// Every metric family the exporter exposes is defined here, once. Collectors refer to families by name;
// the renderer and docs/metrics.md read HELP, TYPE and labels from this table.

export type FamilyType = 'gauge' | 'counter' | 'histogram';

export interface FamilyDef {
  readonly type: FamilyType;
  readonly help: string;
  /** Labels beyond `target` and `product` (documentation, and a check in the tests). */
  readonly labels: readonly string[];
  /** Where the family is served: target series go to /metrics and /probe, self-metrics only to /metrics. */
  readonly scope: 'target' | 'self';
}

const JOB = ['tenant', 'job_id', 'job_name', 'job_type', 'destination_id'] as const;
const SERVER = ['server_id', 'server_name'] as const;
const REPOSITORY = ['repository_id', 'repository_name'] as const;
const COMPONENT = ['component_type', 'component_id', 'component_name'] as const;

function target(help: string, labels: readonly string[] = []): FamilyDef {
  return { type: 'gauge', help, labels, scope: 'target' };
}

export const FAMILIES = {
  // 4.1 target health
  backup_target_up: target('1 when login, version detection and the inventory collector finished within the deadline.'),
  backup_target_collector_success: target('1 when a part of the collection succeeded, per fixed collector name.', [
    'collector',
  ]),
  backup_target_scrape_duration_seconds: target('Duration of the collection being served.'),
  backup_target_scrape_timeout_seconds: target('Deadline the collection being served ran under.'),
  backup_target_last_collect_timestamp_seconds: target('End of the collection being served, Unix seconds.'),
  backup_target_info: target('API and server version of the target (value 1).', ['api_version', 'server_version']),
  // 4.2 jobs
  backup_job_status: target('State of the last run: one series per state, 1 for the current one.', [...JOB, 'status']),
  backup_job_last_run_info: target('Raw vendor status of the last run (value 1).', [...JOB, 'vendor_status']),
  backup_job_enabled: target('1 when the job is enabled, 0 when disabled.', JOB),
  backup_job_last_run_start_timestamp_seconds: target('Start of the last run, Unix seconds.', JOB),
  backup_job_last_run_end_timestamp_seconds: target('End of the last run, Unix seconds; absent while it runs.', JOB),
  backup_job_last_run_duration_seconds: target('Duration of the last run; for a running job, now minus start.', JOB),
  backup_job_last_success_timestamp_seconds: target(
    'End of the newest successful run within lookback, Unix seconds.',
    JOB,
  ),
  backup_job_next_run_timestamp_seconds: target('Next scheduled run, Unix seconds.', JOB),
  backup_job_last_run_warnings: target('Warning entries of the last run.', JOB),
  backup_job_last_run_errors: target('Error entries of the last run.', JOB),
  backup_job_last_run_progress_ratio: target('Progress of a running job, 0..1.', JOB),
  backup_job_last_run_transferred_bytes: target('Bytes transferred by the last run, as reported by the vendor.', JOB),
  backup_job_last_run_processed_objects: target('Objects processed by the last run.', JOB),
  backup_job_last_run_files: target('Files of the last run by kind of change.', [...JOB, 'change']),
  backup_job_last_run_files_stored_bytes: target('Bytes stored by the last run by kind of change, after compression.', [
    ...JOB,
    'change',
  ]),
  backup_job_last_run_files_original_bytes: target('Bytes of the last run by kind of change, before compression.', [
    ...JOB,
    'change',
  ]),
  backup_job_last_run_dedupe_enabled: target('1 when deduplication was enabled for the last run.', JOB),
  backup_job_last_run_dedupe_original_bytes: target('Bytes seen by deduplication in the last run.', JOB),
  backup_job_last_run_dedupe_saved_bytes: target('Bytes saved by deduplication in the last run.', JOB),
  // 4.3 servers and log exports
  backup_server_health: target('Health of the physical server: one series per state, 1 for the current one.', [
    ...SERVER,
    'state',
  ]),
  backup_server_power: target('Power state of the physical server: one series per state, 1 for the current one.', [
    ...SERVER,
    'state',
  ]),
  backup_log_export_status: target('State of the newest log export: one series per state, 1 for the current one.', [
    ...SERVER,
    'state',
  ]),
  backup_log_export_progress_ratio: target('Progress of the newest log export, 0..1.', SERVER),
  backup_log_export_created_timestamp_seconds: target('Creation time of the newest log export, Unix seconds.', SERVER),
  backup_log_export_downloaded_bytes: target('Size of the newest log export archive saved in download_dir.', SERVER),
  // 4.4 storage: repositories and tenant usage
  backup_repository_capacity_bytes: target('Capacity of the backup repository.', REPOSITORY),
  backup_repository_free_bytes: target('Free space of the backup repository.', REPOSITORY),
  backup_repository_used_bytes: target('Used space of the backup repository (object storage).', REPOSITORY),
  backup_repository_status: target('State of the backup repository: one series per state, 1 for the current one.', [
    ...REPOSITORY,
    'state',
  ]),
  backup_repository_info: target('Kind of the backup repository (value 1).', [
    ...REPOSITORY,
    'repository_type',
    'storage_tier',
    'immutable',
  ]),
  backup_storage_used_bytes: target('Backup data stored per storage tier.', ['storage_tier']),
  backup_tenant_used_bytes: target('Backup data of the tenant, per repository where the product says.', [
    'tenant',
    'repository_id',
  ]),
  backup_tenant_retained_bytes: target('Backup data of the tenant kept for retention.', ['tenant']),
  backup_tenant_quota_bytes: target('Storage quota of the tenant.', ['tenant']),
  backup_tenant_last_backup_timestamp_seconds: target('Last backup of the tenant, Unix seconds.', ['tenant']),
  // 4.5 licences
  backup_license_expiry_timestamp_seconds: target('Expiry of the licence, Unix seconds.'),
  backup_license_grace_expiry_timestamp_seconds: target('End of the licence grace period, Unix seconds.'),
  backup_license_capacity_units: target('Units (users, instances) the licence covers.'),
  backup_license_used_units: target('Units of the licence in use.'),
  backup_license_info: target('Type and vendor status of the licence (value 1).', ['license_type', 'vendor_status']),
  backup_tenant_license_used_units: target('Licence units the tenant uses.', ['tenant']),
  // 4.6 protection coverage
  backup_objects: target('Objects the product knows about, by type and whether a backup protected them.', [
    'tenant',
    'object_type',
    'protection',
  ]),
  // 4.7 infrastructure components
  backup_component_status: target('State of the component: one series per state, 1 for the current one.', [
    ...COMPONENT,
    'state',
  ]),
  backup_component_cpu_ratio: target('CPU usage of the component, 0..1.', COMPONENT),
  backup_component_memory_ratio: target('Memory usage of the component, 0..1.', COMPONENT),
} as const satisfies Record<string, FamilyDef>;

export type FamilyName = keyof typeof FAMILIES;

/** State sets (contract 4.2 and 4.3): every state is exported, 1 for the current one. */
export const JOB_STATES = ['success', 'warning', 'failed', 'running', 'stopped', 'none', 'unknown'] as const;
export type JobState = (typeof JOB_STATES)[number];
export const HEALTH_STATES = ['ok', 'warning', 'critical', 'unknown'] as const;
export const POWER_STATES = ['on', 'off', 'powering-on', 'powering-off', 'rebooting', 'unknown'] as const;
export const EXPORT_STATES = ['processing', 'completed', 'failed', 'unknown'] as const;
export type ExportState = (typeof EXPORT_STATES)[number];
/** Contract 4.4 and 4.7. */
export const REPOSITORY_STATES = ['ok', 'warning', 'failed', 'unknown'] as const;
export type RepositoryState = (typeof REPOSITORY_STATES)[number];
export const COMPONENT_STATES = ['online', 'offline', 'maintenance', 'unknown'] as const;
export type ComponentState = (typeof COMPONENT_STATES)[number];
