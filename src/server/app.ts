// The HTTP application of contract section 2: the headers every answer carries, authentication from the web
// config, then every endpoint.
import Router from '@koa/router';
import Koa from 'koa';
import type { Socket } from 'node:net';
import type { Exporter } from '../core/exporter';
import type { AuthVerdict } from './basic-auth';
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
  authorize?: (header: string | undefined, socket: Socket) => Promise<AuthVerdict>;
  /** Hides configured secrets in text that quotes upstream answers (a vendor may echo credentials back). */
  redact?: (text: string) => string;
  /** Extra response headers of the web config (`http_server_config.headers`), read per request. */
  headers?: () => Readonly<Record<string, string>> | undefined;
  /** Told about an error no endpoint handled (the answer is a plain 500). */
  onError?: (err: unknown) => void;
}

export function createApp(deps: AppDeps): Koa {
  const redact = deps.redact ?? ((text: string) => text);
  const router = new Router();
  mountScrapeRoutes(router, deps, redact);
  mountAdminRoutes(router, deps, redact);
  mountActions(router, deps.exporter, deps.registry.actions, redact);
  const app = new Koa();
  app.use(async (ctx, next) => {
    // Plain-text answers (errors, debug output) must never be sniffed into HTML by a browser.
    ctx.set('X-Content-Type-Options', 'nosniff');
    for (const [name, value] of Object.entries(deps.headers?.() ?? {})) ctx.set(name, value);
    try {
      await next();
    } catch (err) {
      // Answered here rather than by Koa, which would drop the headers above and print the stack unfiltered.
      deps.onError?.(err);
      ctx.status = 500;
      ctx.type = 'text/plain';
      ctx.body = 'Internal Server Error\n';
    }
  });
  app.on('error', (err: unknown) => deps.onError?.(err));
  const authorize = deps.authorize;
  if (authorize) {
    app.use(async (ctx, next) => {
      const verdict = await authorize(ctx.get('Authorization') || undefined, ctx.req.socket);
      if (verdict === 'ok') return next();
      ctx.type = 'text/plain';
      if (verdict === 'busy') {
        // Password checks are at capacity (someone is guessing): answer now rather than queue without bound.
        ctx.status = 429;
        ctx.set('Retry-After', '1');
        ctx.body = 'Too Many Requests\n';
        return;
      }
      ctx.status = 401;
      ctx.set('WWW-Authenticate', 'Basic realm="backup-exporter"');
      ctx.body = 'Unauthorized\n';
    });
  }
  app.use(router.routes()).use(router.allowedMethods());
  return app;
}
