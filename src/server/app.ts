// The HTTP endpoints of contract section 2.
import Koa from 'koa';
import Router from '@koa/router';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { Exporter } from '../core/exporter';
import type { CollectOptions } from '../core/target';
import { debugReport } from './debug';
import { landingPage } from './landing';

const CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export interface AppDeps {
  exporter: Exporter;
  /** Re-reads the configuration and web config; resolves to an error text on failure. */
  reload(): Promise<string | undefined>;
  /** True once the first configuration is loaded. */
  ready(): boolean;
  /** Web-config check of a request (client certificate, basic auth); undefined = no authentication. */
  authorize?: (header: string | undefined, socket: import('node:net').Socket) => Promise<boolean>;
  /** Hides configured secrets in text that quotes upstream answers (a vendor may echo credentials back). */
  redact?: (text: string) => string;
}

function scrapeOptions(ctx: Koa.Context): CollectOptions {
  const header = Number(ctx.get('X-Prometheus-Scrape-Timeout-Seconds'));
  return Number.isFinite(header) && header > 0 ? { scrapeTimeoutSeconds: header } : {};
}

/**
 * Sends an exposition given as pieces in order. Compressed piece by piece, so the whole text (tens of MB for a
 * large estate) never exists as one string next to its UTF-8 copy.
 */
async function sendExposition(ctx: Koa.Context, parts: readonly Buffer[]): Promise<void> {
  ctx.set('Content-Type', CONTENT_TYPE);
  if (ctx.acceptsEncodings('gzip', 'identity') === 'gzip') {
    ctx.set('Content-Encoding', 'gzip');
    ctx.body = await gzipParts(parts);
  } else {
    ctx.body = Buffer.concat(parts);
  }
}

async function gzipParts(parts: readonly Buffer[]): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(Readable.from(parts), zlib.createGzip(), async (gzipped: AsyncIterable<Buffer>) => {
    for await (const c of gzipped) out.push(c);
  });
  return Buffer.concat(out);
}

export function createApp(deps: AppDeps): Koa {
  const { exporter } = deps;
  const redact = deps.redact ?? ((text: string) => text);
  const router = new Router();

  router.get('/metrics', async (ctx) => {
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
      ctx.body = redact(debugReport(runner.target, collection, Exporter.render([{ collection }])));
      return;
    }
    await sendExposition(ctx, Exporter.renderParts([{ collection }]));
  });

  router.get('/targets', (ctx) => {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(
      exporter.targets.map((r) => ({
        targets: [r.target.name],
        labels: { __meta_backup_exporter_product: r.target.product },
      })),
    );
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
    ctx.body = error ? `${error}\n` : 'OK\n';
  });

  router.post('/-/log-exports', async (ctx) => {
    const { target, server } = ctx.query;
    const runner = typeof target === 'string' ? exporter.runner(target) : undefined;
    ctx.type = 'text/plain';
    if (!runner || !runner.session.startLogExport || typeof server !== 'string' || server === '') {
      ctx.status = 400;
      ctx.body = !runner
        ? 'unknown target\n'
        : typeof server !== 'string' || server === ''
          ? 'missing parameter "server"\n'
          : 'target has no log_exports\n';
      return;
    }
    const result = await runner.session.startLogExport(server);
    ctx.status = result.status;
    if (result.status === 202) {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ target, server, export_id: result.exportId });
    } else {
      ctx.body = redact(`${result.reason}\n`);
    }
  });

  router.get('/', (ctx) => {
    ctx.type = 'text/html';
    ctx.body = landingPage(exporter);
  });

  const app = new Koa();
  if (deps.authorize) {
    const authorize = deps.authorize;
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
