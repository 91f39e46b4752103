// Placeholder until the product lands: the target is reported down with a clear reason.
import type { ProductModule } from '../../core/types';
import type { VeeamAzureTarget } from '../../config/types';
import { UpstreamError } from '../../core/errors';

export const module: ProductModule<VeeamAzureTarget> = {
  product: 'veeam_azure',
  collectors: [],
  logsIn: () => false,
  createSession: () => ({
    collect: async () => { throw new UpstreamError('internal', 'product veeam_azure is not implemented yet'); },
  }),
};
