// The whole exporter against one TLS simulator: the simulator's CA is written to a temporary directory so the
// configuration can name it (`tls.ca_file`), exactly as a user's configuration would.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestExporter, type TestExporter } from './exporter';

export interface SimExporter {
  ex: TestExporter;
  /** The temporary directory (holds ca.pem; free for state files). */
  dir: string;
  /** Stops the exporter and removes the directory (the simulator is the caller's to close). */
  close(): Promise<void>;
}

/** Starts the exporter on `config(caFile, dir)` against a simulator started with TLS. */
export async function startExporterWithCa(
  sim: { readonly cert?: string },
  dirPrefix: string,
  config: (caFile: string, dir: string) => string,
): Promise<SimExporter> {
  if (!sim.cert) throw new Error('the simulator was not started with TLS');
  const dir = mkdtempSync(path.join(os.tmpdir(), dirPrefix));
  const caFile = path.join(dir, 'ca.pem');
  writeFileSync(caFile, sim.cert);
  try {
    const ex = await startTestExporter(config(caFile, dir));
    return {
      ex,
      dir,
      close: async () => {
        await ex.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
