// AhsayCBS (JSON API): backup sets of backup users as jobs, one per destination.
import type { ProductModule } from '../../core/samples';
import type { AhsayTarget } from '../../config/types';
import { AhsaySession } from './session';

export const product: ProductModule<AhsayTarget> = {
  product: 'ahsay',
  collectors: ['jobs', 'runs', 'reports', 'progress'],
  // Credentials travel in every request body: there is no login call, no token and nothing to count.
  logsIn: () => false,
  createSession: (target, deps) => new AhsaySession(target, deps),
};
