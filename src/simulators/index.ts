// The simulator registry: one line per product.
import { simulator as ahsay } from './ahsay';
import { simulator as huaweiCloudDc } from './huawei_clouddc';
import type { SimulatorModule } from './module';
import { simulator as veeamAzure } from './veeam_azure';
import { simulator as veeamM365 } from './veeam_m365';

export const SIMULATORS: readonly SimulatorModule[] = [veeamM365, veeamAzure, ahsay, huaweiCloudDc];
