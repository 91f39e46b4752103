// Huawei Cloud CloudDC: physical-server health and power, and the log exports the exporter itself starts
// (by its scheduler, or at once through POST /-/log-exports).
import type { ActionResult, ModuleAction, ProductModule } from '../../core/module';
import { config, type HuaweiTarget } from './config';
import { HuaweiState } from './state';

/** `POST /-/log-exports?target=NAME&server=ID` (contract section 2). */
const logExportAction: ModuleAction<HuaweiState> = {
  method: 'POST',
  path: '/-/log-exports',
  what: 'log_exports',
  async run(state: HuaweiState, params: URLSearchParams): Promise<ActionResult> {
    const target = params.get('target') ?? '';
    const server = params.get('server');
    if (!server) return { status: 400, text: 'missing parameter "server"' };
    const r = await state.startLogExport(server);
    if (r.status !== 202) return { status: r.status, text: r.reason };
    // The export started upstream even when the state file could not be written: 202, with the warning.
    const warning = r.warning === undefined ? {} : { warning: r.warning };
    return { status: 202, json: { target, server, export_id: r.exportId, ...warning } };
  },
};

export const huaweiCloudDc: ProductModule<HuaweiTarget, HuaweiState> = {
  product: 'huawei_clouddc',
  title: 'Huawei Cloud CloudDC',
  config,
  logsIn: (target) => target.auth.kind === 'iam',
  createState: (target, deps) => new HuaweiState(target, deps),
  actions: [logExportAction],
};
