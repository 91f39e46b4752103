// Placeholder until the product lands: the target is reported down with a clear reason.
import type { ProductModule } from '../../core/types';
import type { AhsayTarget } from '../../config/types';
import { UpstreamError } from '../../core/errors';

export const module: ProductModule<AhsayTarget> = {
  product: 'ahsay',
  collectors: [],
  logsIn: () => false,
  createSession: () => ({
    collect: async () => { throw new UpstreamError('internal', 'product ahsay is not implemented yet'); },
  }),
};
