// One table of invalid configurations and the exact messages they produce, line numbers included.
import { PRODUCTS } from '../../src/products';
import { problemsOf, TempDir } from './helpers';

/** Every product of the registry, as the loader lists them. */
const ALL = PRODUCTS.map((p) => p.product).join(', ');

const tmp = new TempDir();
afterAll(() => tmp.remove());

const M365 = `  - name: m365
    product: veeam_m365
    url: https://vb365.example.com:4443
    auth: { username: monitor, password: pw }
`;

const cases: Array<[string, string, string[]]> = [
  ['empty file', '', ['config.yaml:1: targets: missing required key']],
  ['no targets key', 'global:\n  timeout: 10s\n', ['config.yaml:1: targets: missing required key']],
  ['targets not a list', 'targets: {}\n', ['config.yaml:1: targets: expected a list, got a mapping']],
  ['top level is a list', '- a\n', ['config.yaml:1: (top level): expected a mapping, got a list']],
  ['unknown top-level key', 'targets: []\nscrape_interval: 1m\n', ['config.yaml:2: scrape_interval: unknown key']],
  [
    'YAML syntax error',
    'targets: []\nglobal:\n  timeout: "10s\n',
    ['config.yaml:4: YAML syntax error: Missing closing "quote'],
  ],
  [
    'unquoted variable as a whole value in a flow mapping is accepted (and substituted)',
    'targets:\n  - name: a\n    product: veeam_m365\n    url: https://x\n    auth: { username: u, password: ${PW} }\n',
    ['config.yaml:5: targets[0].auth.password: environment variable PW is not set'],
  ],
  [
    'unquoted variable inside a longer value in a flow mapping',
    'targets:\n  - name: a\n    product: veeam_m365\n    url: https://x\n    auth: { username: u, password: x${PW} }\n',
    [
      'config.yaml:5: YAML syntax error: Unexpected flow-map-start at node end (inside { } or [ ], quote a value that contains ${...}: "${VAR}")',
      'config.yaml:5: YAML syntax error: Unexpected scalar at node end (inside { } or [ ], quote a value that contains ${...}: "${VAR}")',
      'config.yaml:5: YAML syntax error: Unexpected flow-map-end token in YAML stream (inside { } or [ ], quote a value that contains ${...}: "${VAR}")',
    ],
  ],
  [
    'two YAML documents',
    'targets: []\n---\ntargets: []\n',
    ['config.yaml:2: YAML syntax error: only one YAML document is allowed'],
  ],
  [
    'unknown alias',
    'global: { timeout: *t }\ntargets: []\n',
    ['config.yaml:1: YAML: Unresolved alias (the anchor must be set before the alias): t'],
  ],
  ['duplicate YAML key', 'targets: []\ntargets: []\n', ['config.yaml:2: YAML syntax error: Map keys must be unique']],
  [
    'global values',
    'global:\n  timeout: 0s\n  min_interval: 1x\n  inventory_ttl: 5\n  concurrency: 0\n  lookback: 12h\n  warning_is_success: "yes"\n  foo: 1\ntargets: []\n',
    [
      'config.yaml:2: global.timeout: must be greater than 0s',
      'config.yaml:3: global.min_interval: not a valid duration (use e.g. 500ms, 30s, 5m, 1h, 7d, 1w, 1y or 1h30m)',
      'config.yaml:4: global.inventory_ttl: expected a duration (use e.g. 500ms, 30s, 5m, 1h, 7d, 1w, 1y or 1h30m)',
      'config.yaml:5: global.concurrency: must be at least 1',
      'config.yaml:6: global.lookback: must be at least 1d',
      'config.yaml:7: global.warning_is_success: expected true or false, got a string',
      'config.yaml:8: global.foo: unknown key',
    ],
  ],
  [
    'fractional concurrency',
    'global: { concurrency: 1.5 }\ntargets: []\n',
    ['config.yaml:1: global.concurrency: expected an integer, got a fractional number'],
  ],
  [
    'target without product',
    'targets:\n  - name: a\n    url: https://x\n',
    ['config.yaml:2: targets[0].product: missing required key'],
  ],
  [
    'unknown product',
    'targets:\n  - name: a\n    product: veeam_vbr\n',
    [
      // The keys every target has are still checked.
      'config.yaml:2: targets[0].url: missing required key',
      `config.yaml:3: targets[0].product: must be one of: ${ALL}`,
    ],
  ],
  ['target not a mapping', 'targets:\n  - just-a-name\n', ['config.yaml:2: targets[0]: expected a mapping (a target)']],
  [
    'missing required keys',
    'targets:\n  - product: veeam_m365\n    auth:\n      password: x\n',
    [
      'config.yaml:2: targets[0].name: missing required key',
      'config.yaml:2: targets[0].url: missing required key',
      'config.yaml:3: targets[0].auth.username: missing required key',
    ],
  ],
  [
    'bad name, url and api_version',
    'targets:\n  - name: -m365\n    product: veeam_m365\n    url: https://x/api?x=1\n    api_version: v9\n    auth: { username: u, password: p }\n',
    [
      'config.yaml:2: targets[0].name: must match [A-Za-z0-9][A-Za-z0-9_.-]*',
      'config.yaml:4: targets[0].url: must not contain a query or fragment',
      'config.yaml:5: targets[0].api_version: must be one of: v3, v4, v5, v6, v7, v8',
    ],
  ],
  [
    'url scheme and credentials',
    `targets:\n${M365.replace('https://vb365.example.com:4443', 'ftp://x')}  - name: b\n    product: veeam_azure\n    url: https://u:p@x\n    auth: { username: u, password: p }\n`,
    [
      'config.yaml:4: targets[0].url: must start with http:// or https://',
      'config.yaml:8: targets[1].url: must not contain credentials (use auth)',
    ],
  ],
  [
    'keys of other products',
    `targets:\n${M365}    timezone: UTC\n    project_id: p\n  - name: hw\n    product: huawei_clouddc\n    url: https://h\n    project_id: p\n    auth: { token: t }\n    lookback: 2d\n    warning_is_success: false\n    jobs: { include: [a] }\n    api_version: v1\n    bogus: 1\n`,
    [
      'config.yaml:6: targets[0].timezone: does not apply to product veeam_m365',
      'config.yaml:7: targets[0].project_id: does not apply to product veeam_m365',
      'config.yaml:13: targets[1].lookback: does not apply to product huawei_clouddc',
      'config.yaml:14: targets[1].warning_is_success: does not apply to product huawei_clouddc',
      'config.yaml:15: targets[1].jobs: does not apply to product huawei_clouddc',
      'config.yaml:16: targets[1].api_version: does not apply to product huawei_clouddc',
      'config.yaml:17: targets[1].bogus: unknown key',
    ],
  ],
  [
    'duplicate names',
    `targets:\n${M365}${M365}${M365.replace('m365', 'other')}${M365}`,
    [
      'config.yaml:6: targets[1].name: duplicate target name (also used by targets[0])',
      'config.yaml:14: targets[3].name: duplicate target name (also used by targets[0])',
    ],
  ],
  [
    'bad regexes and tls',
    `targets:\n${M365}    jobs:\n      include: ['(', 'ok']\n      exclude: ['a)|(b']\n    tls: { ca_file: ca.pem, insecure_skip_verify: true }\n`,
    [
      'config.yaml:7: targets[0].jobs.include[0]: invalid regular expression: Unterminated group',
      "config.yaml:8: targets[0].jobs.exclude[0]: invalid regular expression: Unmatched ')'",
      'config.yaml:9: targets[0].tls.ca_file: cannot read ca.pem (ENOENT)',
      'config.yaml:9: targets[0].tls.insecure_skip_verify: cannot be true together with ca_file',
    ],
  ],
  [
    'ahsay timezone',
    'targets:\n  - name: cbs\n    product: ahsay\n    url: https://cbs\n    timezone: Asia/Atlantis\n    auth: { username: u, password: p }\n  - name: cbs2\n    product: ahsay\n    url: https://cbs\n    auth: { username: u, password: p }\n    users: [a, 1]\n',
    [
      'config.yaml:5: targets[0].timezone: not a valid IANA time zone (e.g. Asia/Hong_Kong)',
      'config.yaml:7: targets[1].timezone: missing required key',
      'config.yaml:11: targets[1].users[1]: expected a string, got a number (put the value in quotes)',
    ],
  ],
  [
    'huawei auth methods',
    'targets:\n  - name: a\n    product: huawei_clouddc\n    url: https://h\n    project_id: p\n    auth: {}\n  - name: b\n    product: huawei_clouddc\n    url: https://h\n    project_id: p\n    auth: { token: t, access_key: k, secret_key: s }\n  - name: c\n    product: huawei_clouddc\n    url: https://h\n    project_id: p\n    auth:\n      secret_key: s\n  - name: d\n    product: huawei_clouddc\n    url: https://h\n    project_id: p\n    auth:\n      iam: { url: https://iam, domain: d, username: u, project: x }\n',
    [
      'config.yaml:6: targets[0].auth: set one of token (or token_file), iam, or access_key with secret_key (or secret_key_file)',
      'config.yaml:11: targets[1].auth: set only one of token (or token_file), iam, or access_key with secret_key (or secret_key_file); found token, access_key',
      'config.yaml:16: targets[2].auth.access_key: missing required key',
      'config.yaml:23: targets[3].auth.iam.password: missing required key (password or password_file)',
      'config.yaml:23: targets[3].auth.iam.project: unknown key',
    ],
  ],
  [
    'huawei iam without password, log_exports',
    'targets:\n  - name: a\n    product: huawei_clouddc\n    url: https://h\n    project_id: p\n    auth:\n      iam: { url: https://iam, domain: d, username: u }\n    log_exports: { every: 30s, keep: 0 }\n',
    [
      'config.yaml:7: targets[0].auth.iam.password: missing required key (password or password_file)',
      'config.yaml:8: targets[0].log_exports.every: must be at least 1m',
      'config.yaml:8: targets[0].log_exports.keep: must be at least 1',
      'config.yaml:8: targets[0].log_exports.state_file: missing required key',
    ],
  ],
  [
    'iam password missing and shared state file',
    'targets:\n  - name: a\n    product: huawei_clouddc\n    url: https://h\n    project_id: p\n    auth:\n      iam: { url: https://iam, domain: d, username: u }\n    log_exports: { state_file: s.json }\n  - name: b\n    product: huawei_clouddc\n    url: https://h\n    project_id: p\n    auth: { token: t }\n    log_exports: { state_file: ./s.json }\n',
    [
      'config.yaml:7: targets[0].auth.iam.password: missing required key (password or password_file)',
      'config.yaml:14: targets[1].log_exports.state_file: already used by targets[0]',
    ],
  ],
  [
    'secret and its file',
    `targets:\n${M365.replace('password: pw', 'password: pw, password_file: pw.txt')}  - name: b\n    product: veeam_azure\n    url: https://x\n    auth: { username: u }\n`,
    [
      'config.yaml:5: targets[0].auth.password_file: password and password_file cannot both be set',
      'config.yaml:9: targets[1].auth.password: missing required key (password or password_file)',
    ],
  ],
  [
    'environment variables',
    'targets:\n  - name: ${NAME}\n    product: veeam_m365\n    url: ${URL}\n    auth:\n      username: u\n      password: "${UNSET_PASSWORD}"\n      password_file: "${x"\n      passwd: ${PW}\n',
    [
      'config.yaml:2: targets[0].name: environment variable NAME is not set',
      'config.yaml:4: targets[0].url: environment variable URL is not set',
      'config.yaml:7: targets[0].auth.password: environment variable UNSET_PASSWORD is not set',
      'config.yaml:8: targets[0].auth.password_file: unterminated "${" (write "$${" for a literal "${")',
      'config.yaml:9: targets[0].auth.passwd: environment variable PW is not set',
      'config.yaml:9: targets[0].auth.passwd: unknown key',
    ],
  ],
];

test.each(cases)('%s', async (_name, yaml, expected) => {
  expect(await problemsOf(tmp, yaml)).toEqual(expected);
});
