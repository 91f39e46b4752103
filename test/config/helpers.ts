// Temp-dir helpers for the configuration tests.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError, loadConfigText } from '../../src/config/load';
import type { Config, ConfigRegistry } from '../../src/config/types';
import { createRegistry } from '../../src/core/registry';
import { PRODUCTS } from '../../src/products';

/** The products' configuration declarations, as main.ts hands them to the loader. */
export const REGISTRY: ConfigRegistry = createRegistry(PRODUCTS).config;

export class TempDir {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'backup-exporter-config-'));
  write(name: string, content: string): string {
    const file = path.join(this.dir, name);
    writeFileSync(file, content);
    return file;
  }
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Loads YAML as `<dir>/config.yaml`; the file name in messages is `config.yaml` relative to nothing. */
export function load(tmp: TempDir, yaml: string, env: Record<string, string> = {}): Promise<Config> {
  return loadConfigText(yaml, path.join(tmp.dir, 'config.yaml'), REGISTRY, env);
}

/** The problem lines of a failing load, with the temp dir taken out of them. */
export async function problemsOf(tmp: TempDir, yaml: string, env: Record<string, string> = {}): Promise<string[]> {
  try {
    await load(tmp, yaml, env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return err.message.split('\n').map((l) => l.split(`${tmp.dir}${path.sep}`).join(''));
  }
  throw new Error('the configuration loaded without error');
}
