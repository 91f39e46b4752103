// The YAML schema: the top level, `global:`, and one strict target schema per product (the products'
// config.ts files).
import { z } from 'zod';
import { globalShape } from './fields';
import { PRODUCTS, type ProductName, type TargetConfig } from './types';
import type { ResolveContext } from './resolve';
import * as m365 from '../products/veeam_m365/config';
import * as azure from '../products/veeam_azure/config';
import * as ahsay from '../products/ahsay/config';
import * as huawei from '../products/huawei_clouddc/config';

export { errorMap } from './messages';

export const globalSchema = z.strictObject(globalShape);

/** `global:` may be left empty; `targets` is required (an empty list is fine). */
export const rootSchema = z.strictObject({
  global: globalSchema.nullish(),
  targets: z.array(z.unknown()),
});

interface ProductConfig {
  schema: z.ZodObject;
  resolve(raw: never, ctx: ResolveContext): Promise<TargetConfig>;
}

export const PRODUCT_CONFIGS: Record<ProductName, ProductConfig> = {
  veeam_m365: m365,
  veeam_azure: azure,
  ahsay,
  huawei_clouddc: huawei,
};

/** Target-level keys that some product accepts: on another product they "do not apply" rather than being unknown. */
export const ALL_TARGET_KEYS: ReadonlySet<string> = new Set(
  PRODUCTS.flatMap((p) => Object.keys(PRODUCT_CONFIGS[p].schema.shape)),
);

export function isProduct(value: unknown): value is ProductName {
  return typeof value === 'string' && (PRODUCTS as readonly string[]).includes(value);
}
