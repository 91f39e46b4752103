// Veeam Backup for Microsoft Azure (REST API v1–v8, v8.1): backup policies are the jobs, their sessions the
// runs, and the session log gives each last run's warnings and errors.
import type { ProductModule } from '../../core/samples';
import type { VeeamAzureTarget } from '../../config/types';
import { AzureSessionState } from './session';

export const product: ProductModule<VeeamAzureTarget> = {
  product: 'veeam_azure',
  collectors: ['jobs', 'sessions', 'logs'],
  logsIn: () => true,
  createSession: (target, deps) => new AzureSessionState(target, deps),
};
