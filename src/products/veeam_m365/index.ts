// Placeholder until the product lands: the target is reported down with a clear reason.
import type { ProductModule } from '../../core/types';
import type { VeeamM365Target } from '../../config/types';
import { UpstreamError } from '../../core/errors';

export const module: ProductModule<VeeamM365Target> = {
  product: 'veeam_m365',
  collectors: [],
  logsIn: () => false,
  createSession: () => ({
    collect: async () => { throw new UpstreamError('internal', 'product veeam_m365 is not implemented yet'); },
  }),
};
