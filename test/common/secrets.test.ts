// The secret redactor: every form in which an upstream or a serialiser may write a secret is hidden, also when
// the text was cut in the middle of one.
import { Writable } from 'node:stream';
import { createLogger, type LogFormat } from '../../src/common/log';
import { HIDDEN, SecretRedactor, secretForms } from '../../src/common/secrets';
import { encodings, HOSTILE } from '../security/encodings';

const redactor = new SecretRedactor(HOSTILE);

describe.each(HOSTILE)('secret %p', (secret) => {
  test.each(Object.entries(encodings(secret)))('%s form is hidden', (_name, form) => {
    const out = redactor.redact(`before ${form} after`);
    expect(out).toBe(`before ${HIDDEN} after`);
  });

  test('a beginning left at the end of cut text is hidden; the rest of the text stays', () => {
    for (const form of Object.values(encodings(secret))) {
      for (let n = 2; n < form.length; n++) {
        expect(redactor.redactCut(`head ${form.slice(0, n)}`)).toBe(`head ${HIDDEN}`);
      }
    }
    expect(redactor.redactCut('nothing secret here')).toBe('nothing secret here');
  });
});

test('short values are not treated as secrets, and no secret leaves text alone', () => {
  expect(new SecretRedactor(['ab']).redact('ab cd')).toBe('ab cd');
  expect(new SecretRedactor().redact('a "b" \\c')).toBe('a "b" \\c');
  expect(secretForms('plain123')).toEqual(['plain123']);
});

test('values in log arguments: strings, nested objects, arrays and errors, without changing the originals', () => {
  const err = new TypeError(`failed with ${HOSTILE[0]}`);
  const arg = { a: [`x ${HOSTILE[1]}`], b: { c: HOSTILE[2], n: 3 }, err };
  const out = redactor.redactValue(arg) as typeof arg;
  expect(JSON.stringify(out)).not.toContain('S3cr3t');
  expect(out.a[0]).toBe(`x ${HIDDEN}`);
  expect(out.b).toEqual({ c: HIDDEN, n: 3 });
  expect(out.err).toBeInstanceOf(TypeError);
  expect(out.err.message).toBe(`failed with ${HIDDEN}`);
  expect(out.err.stack).not.toContain('S3cr3t');
  expect(err.message).toContain(HOSTILE[0]);
});

describe.each<LogFormat>(['logfmt', 'json'])('%s logs', (format) => {
  test.each(['debug', 'info', 'warn', 'error'] as const)('%s: no form of any secret in message or fields', (level) => {
    let text = '';
    const out = new Writable({
      write(chunk: Buffer, _e, done) {
        text += chunk.toString();
        done();
      },
    });
    const log = createLogger({ level: 'debug', format, redactor, out }).child({ target: 't' });
    for (const secret of HOSTILE) {
      for (const form of Object.values(encodings(secret))) {
        log[level]({ reason: `upstream said ${form}`, err: new Error(form) }, `message ${form}`);
      }
    }
    expect(text.split('\n').length).toBeGreaterThan(HOSTILE.length * 5);
    for (const secret of HOSTILE) {
      for (const [name, form] of Object.entries(encodings(secret))) {
        // As written in the line: escaped once more by the serialiser.
        for (const shown of [form, JSON.stringify(form).slice(1, -1)]) {
          expect(text.includes(shown) ? `${name}: ${shown}` : '').toBe('');
        }
      }
    }
  });
});
