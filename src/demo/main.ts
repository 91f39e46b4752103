// `npm run demo`: the exporter on :9897 against the built-in simulators, until Ctrl-C.
import { createLogger, SecretRedactor } from '../common/log';
import { startDemo } from './demo';

async function run(): Promise<void> {
  const listen = process.argv.find((a) => a.startsWith('--web.listen-address='))?.split('=')[1] ?? ':9897';
  const redactor = new SecretRedactor();
  const log = createLogger({ level: 'info', format: 'logfmt', redactor });
  const demo = await startDemo({ listen, log, redactor });
  process.stdout.write(`
backup-exporter demo: simulated Veeam Backup for Microsoft 365, Veeam Backup for Microsoft Azure,
AhsayCBS and Huawei CloudDC APIs on loopback, and the exporter at ${demo.url}

  curl -s ${demo.url}/metrics | grep backup_job_status
  ${demo.url}/                (targets)
  ${demo.url}/probe?target=m365-demo&debug=true

Configuration: ${demo.configFile}
Press Ctrl-C to stop.
`);
  const stop = () => {
    void demo.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

run().catch((err: unknown) => {
  process.stderr.write(`demo failed: ${(err as Error).message}\n`);
  process.exit(1);
});
