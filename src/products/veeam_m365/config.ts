// Configuration keys of a veeam_m365 target (Veeam Backup for Microsoft 365 REST API).
import { type PasswordTarget, passwordTargetConfig } from '../../config/password-target';
import type { CollectorSpec } from '../../config/types';

/** API versions, newest first: the order of detection. */
export const API_VERSIONS = ['v8', 'v7', 'v6', 'v5', 'v4', 'v3'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

export type VeeamM365Target = PasswordTarget<'veeam_m365', ApiVersion>;

export const COLLECTORS: CollectorSpec = {
  names: ['jobs', 'sessions', 'logs', 'repositories', 'license', 'coverage', 'proxies'],
  needs: { logs: ['sessions'] },
};

export const config = passwordTargetConfig('veeam_m365', API_VERSIONS, COLLECTORS);
