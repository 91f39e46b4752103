// The endpoints of contract section 2 that read or manage the exporter: /metrics (at --web.telemetry-path),
// /probe, /targets, health, readiness, reload and the landing page.
import type Router from '@koa/router';
import { Exporter } from '../core/exporter';
import type { AppDeps } from './app';
import { debugReport } from './debug';
import { scrapeOptions, sendExposition } from './exposition';
import { landingPage } from './landing';

export function mountScrapeRoutes(router: Router, deps: AppDeps, redact: (t: string) => string): void {
  const { exporter } = deps;
  router.get(deps.telemetryPath ?? '/metrics', async (ctx) => {
    const collections = await exporter.collect(scrapeOptions(ctx));
    const self = await exporter.metrics.registry.metrics();
    await sendExposition(ctx, [...Exporter.renderParts(collections), Buffer.from(self, 'utf8')]);
  });
  router.get('/probe', async (ctx) => {
    const name = ctx.query.target;
    const runner = typeof name === 'string' ? exporter.runner(name) : undefined;
    if (!runner) {
      ctx.status = 400;
      ctx.type = 'text/plain';
      ctx.body =
        typeof name === 'string' && name !== ''
          ? `unknown target "${name}": only configured target names can be probed\n`
          : 'missing parameter "target"\n';
      return;
    }
    const debug = ctx.query.debug === 'true';
    const collection = await runner.collect({ ...scrapeOptions(ctx), fresh: debug, debug });
    if (debug) {
      ctx.type = 'text/plain';
      const exposition = Exporter.render([{ collection }]);
      ctx.body = redact(debugReport(runner.target, deps.registry.config, collection, exposition));
      return;
    }
    await sendExposition(ctx, Exporter.renderParts([{ collection }]));
  });
}

export function mountAdminRoutes(router: Router, deps: AppDeps, redact: (t: string) => string): void {
  const { exporter } = deps;
  router.get('/targets', (ctx) => {
    ctx.type = 'application/json';
    const groups = exporter.targets.map((r) => ({
      targets: [r.target.name],
      labels: { __meta_backup_exporter_product: r.target.product },
    }));
    ctx.body = JSON.stringify(groups);
  });
  router.get('/-/healthy', (ctx) => {
    ctx.type = 'text/plain';
    ctx.body = 'OK\n';
  });
  router.get('/-/ready', (ctx) => {
    ctx.type = 'text/plain';
    ctx.status = deps.ready() ? 200 : 503;
    ctx.body = deps.ready() ? 'OK\n' : 'configuration not loaded\n';
  });
  router.post('/-/reload', async (ctx) => {
    const error = await deps.reload();
    ctx.type = 'text/plain';
    ctx.status = error ? 500 : 200;
    // The text may quote a secret of the running configuration (a new file's secrets are hidden by the loader).
    ctx.body = error ? redact(`${error}\n`) : 'OK\n';
  });
  router.get('/', (ctx) => {
    ctx.type = 'text/html';
    ctx.body = landingPage(exporter, deps.telemetryPath ?? '/metrics');
  });
}
