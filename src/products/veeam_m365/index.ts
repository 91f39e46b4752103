// Veeam Backup for Microsoft 365 (REST API v3 to v8).
import type { ProductModule } from '../../core/types';
import type { VeeamM365Target } from '../../config/types';
import { M365Session } from './collector';

export const product: ProductModule<VeeamM365Target> = {
  product: 'veeam_m365',
  collectors: ['jobs', 'sessions', 'logs'],
  logsIn: () => true,
  createSession: (target, deps) => new M365Session(target, deps),
};
