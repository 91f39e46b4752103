// The series of contract sections 4.4 to 4.7 (storage, licences, coverage, components) with their labels beyond
// `target` and `product`. The dashboards and alerts use them before every product collects them; once
// src/core/families.ts defines one, promql.test.ts checks that both agree.
const REPOSITORY = ['repository_id', 'repository_name'];
const COMPONENT = ['component_type', 'component_id', 'component_name'];

export const CONTRACT_FAMILIES: Record<string, string[]> = {
  backup_repository_capacity_bytes: REPOSITORY,
  backup_repository_free_bytes: REPOSITORY,
  backup_repository_used_bytes: REPOSITORY,
  backup_repository_status: [...REPOSITORY, 'state'],
  backup_repository_info: [...REPOSITORY, 'repository_type', 'storage_tier', 'immutable'],
  backup_storage_used_bytes: ['storage_tier'],
  backup_tenant_used_bytes: ['tenant', 'repository_id'],
  backup_tenant_retained_bytes: ['tenant'],
  backup_tenant_quota_bytes: ['tenant'],
  backup_tenant_last_backup_timestamp_seconds: ['tenant'],
  backup_license_expiry_timestamp_seconds: [],
  backup_license_grace_expiry_timestamp_seconds: [],
  backup_license_capacity_units: [],
  backup_license_used_units: [],
  backup_license_info: ['license_type', 'vendor_status'],
  backup_tenant_license_used_units: ['tenant'],
  backup_objects: ['tenant', 'object_type', 'protection'],
  backup_component_status: [...COMPONENT, 'state'],
  backup_component_cpu_ratio: COMPONENT,
  backup_component_memory_ratio: COMPONENT,
};
