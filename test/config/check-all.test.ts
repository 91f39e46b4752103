// One run reports every problem: configurations with many independent problems, each reported with
// file:line: key, none hidden behind another (a bad type before files and regexes, a syntax error before
// other targets, an unknown product before the target's other keys), unknown keys with the key meant.
import { problemsOf, REGISTRY, TempDir } from './helpers';

const PRODUCTS = [...REGISTRY.keys()].join(', ');
const tmp = new TempDir();
afterAll(() => tmp.remove());

const cases: Array<[string, string, string[]]> = [
  [
    'a bad type does not hide missing files, bad regexes and unknown collectors of the same target',
    `targets:
  - name: m365
    product: veeam_m365
    url: https://vb365
    timeout: 5
    concurrency: many
    tls: { ca_file: missing-ca.pem }
    jobs: { include: ['(', 'ok'], exclude: [7] }
    collectors: { exclude: [sesions] }
    auth: { username: u, password_file: missing-pw }
`,
    [
      'config.yaml:5: targets[0].timeout: expected a duration (use e.g. 500ms, 30s, 5m, 1h, 7d, 1w, 1y or 1h30m)',
      'config.yaml:6: targets[0].concurrency: expected a number, got a string',
      'config.yaml:7: targets[0].tls.ca_file: cannot read missing-ca.pem (ENOENT)',
      'config.yaml:8: targets[0].jobs.exclude[0]: expected a string, got a number (put the value in quotes)',
      'config.yaml:8: targets[0].jobs.include[0]: invalid regular expression: Unterminated group',
      'config.yaml:9: targets[0].collectors.exclude[0]: unknown collector "sesions" (did you mean sessions?)',
      'config.yaml:10: targets[0].auth.password_file: cannot read missing-pw (ENOENT)',
    ],
  ],
  [
    'a syntax error hides only its own target: the other targets and global are checked',
    `global: { timeout: 0s }
targets:
  - name: good-syntax
    product: veeam_m365
    url: ftp://x
    auth: { username: u, password: p }
  - name: broken
    product: veeam_m365
    url: https://x
    auth: { username: u, password: p ]
  - name: also-good-syntax
    product: veeam_m365
    url: https://x
    inventory_tll: 5m
    auth: { username: u, password: p }
`,
    [
      'config.yaml:1: global.timeout: must be greater than 0s',
      'config.yaml:5: targets[0].url: must start with http:// or https://',
      'config.yaml:10: YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }',
      'config.yaml:14: targets[2].inventory_tll: unknown key (did you mean inventory_ttl?)',
    ],
  ],
  [
    'a target of an unknown product: its common keys and unknown keys are still checked',
    `targets:
  - name: bad name
    product: veeam_365
    url: ftp://x
    inventory_tll: 5m
    tls: { ca_file: missing-ca.pem }
    auth: { username: u, password: p }
`,
    [
      'config.yaml:2: targets[0].name: must match [A-Za-z0-9][A-Za-z0-9_.-]*',
      `config.yaml:3: targets[0].product: must be one of: ${PRODUCTS} (did you mean veeam_m365?)`,
      'config.yaml:4: targets[0].url: must start with http:// or https://',
      'config.yaml:5: targets[0].inventory_tll: unknown key (did you mean inventory_ttl?)',
      'config.yaml:6: targets[0].tls.ca_file: cannot read missing-ca.pem (ENOENT)',
    ],
  ],
  [
    'unknown keys at every level, each with the key meant',
    `target: []
global:
  inventory_tll: 5m
  timout: 10s
targets:
  - name: m365
    product: veeam_m365
    url: https://x
    inventory_tll: 5m
    tsl: {}
    tls: { ca_fle: x }
    jobs: { inclde: [a] }
    collectors: { exlude: [logs] }
    auth: { username: u, pasword: p, password: p }
`,
    [
      'config.yaml:1: target: unknown key (did you mean targets?)',
      'config.yaml:3: global.inventory_tll: unknown key (did you mean inventory_ttl?)',
      'config.yaml:4: global.timout: unknown key (did you mean timeout?)',
      'config.yaml:9: targets[0].inventory_tll: unknown key (did you mean inventory_ttl?)',
      'config.yaml:10: targets[0].tsl: unknown key (did you mean tls?)',
      'config.yaml:11: targets[0].tls.ca_fle: unknown key (did you mean ca_file?)',
      'config.yaml:12: targets[0].jobs.inclde: unknown key (did you mean include?)',
      'config.yaml:13: targets[0].collectors.exlude: unknown key (did you mean exclude?)',
      'config.yaml:14: targets[0].auth.pasword: unknown key (did you mean password?)',
    ],
  ],
  [
    'unset variables, duplicate names and bad values together',
    `global: { lookback: 1h }
targets:
  - name: a
    product: veeam_m365
    url: \${UNSET_URL}
    auth: { username: u, password: p }
  - name: a
    product: veeam_m365
    url: https://x
    api_version: v9
    auth: { username: u, password: "\${UNSET_PW}" }
`,
    [
      'config.yaml:1: global.lookback: must be at least 1d',
      'config.yaml:5: targets[0].url: environment variable UNSET_URL is not set',
      'config.yaml:7: targets[1].name: duplicate target name (also used by targets[0])',
      'config.yaml:10: targets[1].api_version: must be one of: v3, v4, v5, v6, v7, v8',
      'config.yaml:11: targets[1].auth.password: environment variable UNSET_PW is not set',
    ],
  ],
];

test.each(cases)('%s', async (_name, yaml, expected) => {
  expect(await problemsOf(tmp, yaml)).toEqual(expected);
});
