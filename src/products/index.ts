// The product registry: one module per supported product.
import type { ProductModule } from '../core/types';
import type { ProductName, TargetConfig } from '../config/types';
import { product as veeamM365 } from './veeam_m365';
import { product as veeamAzure } from './veeam_azure';
import { product as ahsay } from './ahsay';
import { product as huawei } from './huawei_clouddc';

export const PRODUCT_MODULES: Record<ProductName, ProductModule<any>> = {
  veeam_m365: veeamM365,
  veeam_azure: veeamAzure,
  ahsay,
  huawei_clouddc: huawei,
};

export function productModule(target: TargetConfig): ProductModule<TargetConfig> {
  return PRODUCT_MODULES[target.product];
}
