// AhsayCBS (JSON API): backup sets of backup users as jobs, one per destination.
import type { ProductModule } from '../../core/module';
import { type AhsayTarget, config } from './config';
import { AhsayState } from './state';

export const ahsay: ProductModule<AhsayTarget, AhsayState> = {
  product: 'ahsay',
  title: 'AhsayCBS',
  config,
  // Credentials travel in every request body: there is no login call, no token and nothing to count.
  logsIn: () => false,
  createState: (target, deps) => new AhsayState(target, deps),
};
