// Configuration messages: one line per problem, `file:line: key.path: what`, and a last guard that hides every
// secret read so far in any encoding, should a message ever quote one.
import { Problems } from '../../src/config/problems';
import { encodings, HOSTILE } from '../security/encodings';

test('a secret quoted by a message is hidden in each of its forms', () => {
  for (const secret of HOSTILE) {
    for (const form of Object.values(encodings(secret))) {
      const problems = new Problems();
      problems.add(['targets', 0, 'url'], `not a valid URL: https://h/?p=${form}`);
      const err = problems.toError('config.yaml', () => 7, { secrets: HOSTILE });
      expect(err.message).toBe('config.yaml:7: targets[0].url: not a valid URL: https://h/?p=<secret>');
    }
  }
});
