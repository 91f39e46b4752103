// Vendor ids go into URL paths: each is one encoded segment, so an id such as `..` or `a/b` from a broken or
// hostile server can never address another API path.
import { decodeError } from '../common/errors';

export function segment(value: string): string {
  if (value === '' || value === '.' || value === '..') {
    throw decodeError(`an id of ${JSON.stringify(value)} cannot be used in a URL path`);
  }
  return encodeURIComponent(value);
}
