// `npm run demo`: the exporter against the built-in simulators, until Ctrl-C. Flags: --web.listen-address
// (default 127.0.0.1:9897: loopback unless told otherwise) and --help. Exit codes as the exporter's: 1 for a
// bad flag, 2 when it cannot listen.
import { parseArgs } from 'node:util';
import { createLogger, SecretRedactor } from '../common/log';
import { ListenError } from '../server/run';
import { SIMULATORS } from '../simulators';
import { DEFAULT_LISTEN, startDemo } from './demo';

const USAGE = `usage: npm run demo -- [flags]

Starts simulators of every supported vendor API on loopback and the exporter against them.

Flags:
  --web.listen-address=ADDR   where the exporter listens (default: ${DEFAULT_LISTEN}; :9897 for every interface)
  --help                      print this help and exit
`;

function flags(argv: string[]): { listen: string; help: boolean } {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: { 'web.listen-address': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  return { listen: values['web.listen-address'] ?? DEFAULT_LISTEN, help: values.help === true };
}

async function run(argv: string[]): Promise<number | undefined> {
  let f: { listen: string; help: boolean };
  try {
    f = flags(argv);
  } catch (err) {
    process.stderr.write(`demo: ${(err as Error).message}\n${USAGE}`);
    return 1;
  }
  if (f.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const redactor = new SecretRedactor();
  const log = createLogger({ level: 'info', format: 'logfmt', redactor });
  const demo = await startDemo({ listen: f.listen, log, redactor });
  process.stdout.write(`
backup-exporter demo: simulated vendor APIs on loopback, and the exporter at ${demo.url}

  curl -s ${demo.url}/metrics | grep backup_job_status
  ${demo.url}/                (targets)
  ${demo.url}/probe?target=${SIMULATORS[0]?.name ?? ''}-demo&debug=true

Configuration: ${demo.configFile}
Press Ctrl-C to stop.
`);
  const stop = () => void demo.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return undefined;
}

run(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exit(code);
  },
  (err: unknown) => {
    process.stderr.write(`demo failed: ${(err as Error).message}\n`);
    process.exit(err instanceof ListenError ? 2 : 1);
  },
);
