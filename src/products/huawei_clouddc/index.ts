// Placeholder until the product lands: the target is reported down with a clear reason.
import type { ProductModule } from '../../core/types';
import type { HuaweiTarget } from '../../config/types';
import { UpstreamError } from '../../core/errors';

export const module: ProductModule<HuaweiTarget> = {
  product: 'huawei_clouddc',
  collectors: [],
  logsIn: () => false,
  createSession: () => ({
    collect: async () => { throw new UpstreamError('internal', 'product huawei_clouddc is not implemented yet'); },
  }),
};
