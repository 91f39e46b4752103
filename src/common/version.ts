// Version and revision: the package version, and the git revision baked in at build time when available.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function revision(): string {
  if (process.env.BACKUP_EXPORTER_REVISION) return process.env.BACKUP_EXPORTER_REVISION;
  try {
    return (
      execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: __dirname, stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim() || 'unknown'
    );
  } catch {
    return 'unknown';
  }
}

export const VERSION = packageVersion();
export const REVISION = revision();
export const NODE_VERSION = process.version;
