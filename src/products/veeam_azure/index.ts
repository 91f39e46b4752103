// Veeam Backup for Microsoft Azure (REST API v1–v8, v8.1): backup policies are the jobs, their sessions the
// runs, and the session log gives each last run's warnings and errors.
import type { ProductModule } from '../../core/module';
import { config, type VeeamAzureTarget } from './config';
import { AzureState } from './state';

export const veeamAzure: ProductModule<VeeamAzureTarget, AzureState> = {
  product: 'veeam_azure',
  title: 'Veeam Backup for Microsoft Azure',
  config,
  logsIn: () => true,
  createState: (target, deps) => new AzureState(target, deps),
};
