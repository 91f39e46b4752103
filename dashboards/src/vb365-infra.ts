// Veeam Backup for Microsoft 365 beyond its jobs: the licence, the users no backup covers yet and the backup
// proxies (contract 4.5 to 4.7).
import { licenseInfo, licenseTimeLeft, licenseUse } from './capacity';
import { type Mixin, type PanelBuilder, redFrom } from './common';
import { stat, timeseries } from './panels';
import { sel } from './promql';
import { table } from './tables';

const ORG = 'sum by (target, tenant)';

const users = (m: Mixin, protection: string) =>
  sel('backup_objects', m.target, 'tenant=~"$tenant"', 'object_type="user"', `protection="${protection}"`);

/** Users per organization: not backed up, backed up, and licences in use. */
function usersTable(m: Mixin) {
  const qs = [
    { expr: `${ORG} (${users(m, 'unprotected')})` },
    { expr: `${ORG} (${users(m, 'protected')})` },
    { expr: `${ORG} (${sel('backup_tenant_license_used_units', m.target, 'tenant=~"$tenant"')})` },
  ];
  return table('Users per organization', qs, {
    description:
      'Licensed users never backed up (BackupUsersUnprotected fires when some stay so for a day), users backed up, and the licences each organization uses.',
    value: ['Not backed up', 'Backed up', 'Licences used'],
    order: ['target', 'tenant'],
    hide: ['product'],
    sortDesc: true,
    thresholds: redFrom(1),
  });
}

export function licence(m: Mixin): PanelBuilder[] {
  const unprotected = stat(
    'Users not backed up',
    { expr: `sum(${users(m, 'unprotected')})` },
    {
      description: 'Licensed users that no backup has processed yet.',
      width: 6,
      background: true,
      thresholds: redFrom(1),
    },
  );
  return [
    licenseUse(m, 'Licensed users used'),
    licenseTimeLeft(
      m,
      'backup_license_expiry_timestamp_seconds',
      'Licence expires in',
      'Time until the licence expires.',
    ),
    licenseTimeLeft(
      m,
      'backup_license_grace_expiry_timestamp_seconds',
      'Grace period ends in',
      'VB365 v7 and later: time until the grace period after the licence ends.',
    ),
    unprotected,
    licenseInfo(m),
    usersTable(m),
  ];
}

export function proxies(m: Mixin): PanelBuilder[] {
  const comp = (metric: string, ...more: string[]) => sel(metric, m.target, 'component_type="proxy"', ...more);
  const ratio = (title: string, metric: string) =>
    timeseries(title, [{ expr: comp(metric), legend: '{{target}} {{component_name}}' }], {
      description: `${title} as the proxy reports it.`,
      unit: 'percentunit',
      min: 0,
      max: 1,
    });
  const notOnline = stat(
    'Proxies not online',
    { expr: `sum(${comp('backup_component_status', 'state!="online"')})` },
    {
      description: 'Proxies offline, in maintenance or in an unknown state (each proxy has exactly one state at 1).',
      width: 4,
      background: true,
      thresholds: redFrom(1),
    },
  );
  const states = table('Proxies', [{ expr: `${comp('backup_component_status')} == 1` }], {
    description: 'State of every backup proxy: online, offline, maintenance or unknown.',
    width: 20,
    hideValue: true,
    hide: ['product', 'component_type'],
    order: ['target', 'component_name', 'state', 'component_id'],
  });
  return [
    notOnline,
    states,
    ratio('Proxy CPU usage', 'backup_component_cpu_ratio'),
    ratio('Proxy memory usage', 'backup_component_memory_ratio'),
  ];
}
