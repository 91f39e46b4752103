// Module actions: endpoints a product declares (POST /-/log-exports?target=NAME&...), mounted once per path
// for every product. The target names the module; a target whose product lacks the action gets a 400.
import type Router from '@koa/router';
import type { Exporter } from '../core/exporter';

type Declared = ReadonlyArray<{ path: string; what: string }>;

export function mountActions(router: Router, exporter: Exporter, declared: Declared, redact: (t: string) => string) {
  for (const { path, what } of declared) {
    router.post(path, async (ctx) => {
      const params = new URLSearchParams(ctx.querystring);
      const name = params.get('target');
      const runner = name ? exporter.runner(name) : undefined;
      const action = runner?.module.actions?.find((a) => a.path === path);
      ctx.type = 'text/plain';
      if (!runner || !action) {
        ctx.status = 400;
        ctx.body = !runner ? 'unknown target\n' : `target ${name} has no ${what}\n`;
        return;
      }
      const result = await action.run(runner.state, params);
      ctx.status = result.status;
      if ('json' in result) {
        ctx.type = 'application/json';
        // Values are hidden before JSON escapes them once more (a secret with `"` would no longer match).
        ctx.body = redact(JSON.stringify(result.json, (_key, v: unknown) => (typeof v === 'string' ? redact(v) : v)));
      } else {
        ctx.body = redact(`${result.text}\n`);
      }
    });
  }
}
