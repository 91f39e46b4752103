// The product registry: one line per supported product.
import { ahsay } from './ahsay';
import { huaweiCloudDc } from './huawei_clouddc';
import { veeamAzure } from './veeam_azure';
import { veeamM365 } from './veeam_m365';

export const PRODUCTS = [veeamM365, veeamAzure, ahsay, huaweiCloudDc] as const;
