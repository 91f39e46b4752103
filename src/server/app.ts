// The HTTP application of contract section 2: authentication from the web config, then every endpoint.
import Router from '@koa/router';
import Koa from 'koa';
import type { Socket } from 'node:net';
import type { Exporter } from '../core/exporter';
import type { Registry } from '../core/registry';
import { mountActions } from './actions';
import { mountAdminRoutes, mountScrapeRoutes } from './routes';

export interface AppDeps {
  exporter: Exporter;
  registry: Registry;
  /** --web.telemetry-path (default /metrics). */
  telemetryPath?: string;
  /** Re-reads the configuration and web config; resolves to an error text on failure. */
  reload(): Promise<string | undefined>;
  /** True once the first configuration is loaded. */
  ready(): boolean;
  /** Web-config check of a request (client certificate, basic auth); undefined = no authentication. */
  authorize?: (header: string | undefined, socket: Socket) => Promise<boolean>;
  /** Hides configured secrets in text that quotes upstream answers (a vendor may echo credentials back). */
  redact?: (text: string) => string;
}

export function createApp(deps: AppDeps): Koa {
  const redact = deps.redact ?? ((text: string) => text);
  const router = new Router();
  mountScrapeRoutes(router, deps, redact);
  mountAdminRoutes(router, deps);
  mountActions(router, deps.exporter, deps.registry.actions, redact);
  const app = new Koa();
  const authorize = deps.authorize;
  if (authorize) {
    app.use(async (ctx, next) => {
      if (await authorize(ctx.get('Authorization') || undefined, ctx.req.socket)) return next();
      ctx.status = 401;
      ctx.set('WWW-Authenticate', 'Basic realm="backup-exporter"');
      ctx.body = 'Unauthorized\n';
    });
  }
  app.use(router.routes()).use(router.allowedMethods());
  return app;
}
