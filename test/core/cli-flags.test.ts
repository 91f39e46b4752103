// Flags as Prometheus exporters take them (contract section 1): `--name=value` and `--name value`, repeated
// --web.listen-address, --web.telemetry-path, --no-schedulers; an unusable value names the flag.
import { FlagError, parseFlags } from '../../src/cli';

test('defaults', () => {
  expect(parseFlags([])).toEqual({
    configFile: 'config.yaml',
    configCheck: false,
    listenAddresses: [':9897'],
    telemetryPath: '/metrics',
    schedulers: true,
    logLevel: 'info',
    logFormat: 'logfmt',
    version: false,
    help: false,
  });
});

test('--web.listen-address repeated, in both spellings, keeps every address in order', () => {
  const flags = parseFlags([
    '--web.listen-address=127.0.0.1:9897',
    '--web.listen-address',
    '[::1]:9898',
    '--web.listen-address=:0',
  ]);
  expect(flags.listenAddresses).toEqual(['127.0.0.1:9897', '[::1]:9898', ':0']);
});

test.each([
  [['--web.telemetry-path=/probe-all'], '/probe-all'],
  [['--web.telemetry-path', '/export/metrics'], '/export/metrics'],
])('--web.telemetry-path %p', (argv, path) => {
  expect(parseFlags(argv).telemetryPath).toBe(path);
});

test('--no-schedulers turns the schedulers off; the other flags are untouched', () => {
  expect(parseFlags(['--no-schedulers'])).toMatchObject({ schedulers: false, configFile: 'config.yaml' });
  expect(parseFlags(['--config.file', 'x.yaml', '--no-schedulers', '--config.check'])).toMatchObject({
    schedulers: false,
    configFile: 'x.yaml',
    configCheck: true,
  });
});

test.each([
  [['--web.telemetry-path=metrics'], /--web\.telemetry-path/],
  [['--web.telemetry-path=/probe'], /--web\.telemetry-path/],
  [['--web.telemetry-path=/'], /--web\.telemetry-path/],
  [['--web.telemetry-path=/a b'], /--web\.telemetry-path/],
  [['--web.listen-address=127.0.0.1:9897', '--web.listen-address=nowhere'], /--web\.listen-address: "nowhere"/],
  [['--web.listen-address=:70000'], /--web\.listen-address/],
  [['--no-schedulers=false'], /no-schedulers/],
  [['--schedulers'], /schedulers/],
])('%p is refused naming the flag', (argv, message) => {
  expect(() => parseFlags(argv)).toThrow(FlagError);
  expect(() => parseFlags(argv)).toThrow(message);
});
