// Builds dist/ from the current sources before the integration tests, which run the program as users do
// (`node dist/main.js`): a test must never run stale compiled code.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async function buildDist() {
  const root = path.join(__dirname, '..');
  // typescript's package exports hide bin/tsc from require.resolve: find it next to its package.json.
  const tsc = path.join(path.dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
};
