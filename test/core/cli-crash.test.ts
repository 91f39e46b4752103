// An error nothing handled (uncaughtException, unhandledRejection) is printed with its stack through the
// logger, in either log format, with every configured secret hidden, and the program exits 1.
import { Writable } from 'node:stream';
import { createLogger, type LogFormat, SecretRedactor } from '../../src/common/log';
import { crashHandler } from '../../src/main';
import { encodings, HOSTILE } from '../security/encodings';

function capture(format: LogFormat) {
  let text = '';
  const out = new Writable({
    write(chunk: Buffer, _e, done) {
      text += chunk.toString();
      done();
    },
  });
  const log = createLogger({ level: 'info', format, redactor: new SecretRedactor(HOSTILE), out });
  return { log, text: () => text };
}

describe.each<LogFormat>(['logfmt', 'json'])('%s', (format) => {
  test.each([
    ['an Error', (form: string) => new Error(`connect failed for https://u:${form}@host/`)],
    ['a rejected string', (form: string) => `rejected with ${form}`],
  ])('%s: the stack is printed, no form of a secret, exit 1', (_name, make) => {
    for (const secret of HOSTILE) {
      for (const form of Object.values(encodings(secret))) {
        const { log, text } = capture(format);
        const codes: number[] = [];
        crashHandler(log, 'uncaught exception', (code) => codes.push(code))(make(form));
        expect(codes).toEqual([1]);
        expect(text()).toMatch(/uncaught exception/);
        expect(text()).toMatch(/at .*cli-crash\.test\.ts/);
        for (const shown of [form, JSON.stringify(form).slice(1, -1)]) expect(text()).not.toContain(shown);
      }
    }
  });
});
