// Configuration keys of a veeam_azure target (Veeam Backup for Microsoft Azure REST API).
import { type PasswordTarget, passwordTargetConfig } from '../../config/password-target';
import type { CollectorSpec } from '../../config/types';

/** API versions the appliance may serve, newest first: the order of detection. */
export const API_VERSIONS = ['v8.1', 'v8', 'v7', 'v6', 'v5', 'v4', 'v3', 'v2', 'v1'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

export type VeeamAzureTarget = PasswordTarget<'veeam_azure', ApiVersion>;

export const COLLECTORS: CollectorSpec = {
  names: ['jobs', 'sessions', 'logs', 'repositories', 'license', 'coverage', 'storage'],
  needs: { logs: ['sessions'] },
};

export const config = passwordTargetConfig('veeam_azure', API_VERSIONS, COLLECTORS);
