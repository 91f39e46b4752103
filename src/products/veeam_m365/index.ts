// Veeam Backup for Microsoft 365 (REST API v3 to v8): backup and copy jobs per organization, their sessions as
// runs, and the warnings and errors of each last run.
import type { ProductModule } from '../../core/module';
import { config, type VeeamM365Target } from './config';
import { M365State } from './state';

export const veeamM365: ProductModule<VeeamM365Target, M365State> = {
  product: 'veeam_m365',
  title: 'Veeam Backup for Microsoft 365',
  config,
  logsIn: () => true,
  createState: (target, deps) => new M365State(target, deps),
};
