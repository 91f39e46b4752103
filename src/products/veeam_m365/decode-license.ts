// Decoders of the licence endpoints (contract 4.5 and 4.6): the installed licence, one organization's licence
// use, and one licensed user (only what coverage counts: organization and whether a backup processed it).
import { decodeError } from '../../common/errors';
import { bool, count, id as idOf, isObject, isoTime, text } from '../../common/decode';

export interface Vb365License {
  /** Unix seconds: `licenseExpires` (v7+), `expirationDate` (v6); absent when null. */
  expiry?: number;
  /** Unix seconds: `gracePeriodExpires` (v7+). */
  graceExpiry?: number;
  totalUnits?: number;
  usedUnits?: number;
  /** `type` as sent (`Subscription`, `Rental`, `AwsPrivateOffer`, …). */
  type?: string;
  /** `status` as sent (`Valid`, `Expired`). */
  status?: string;
}

export interface LicensedUser {
  organizationId?: string;
  organizationName?: string;
  /** Absent when the item does not say (such a user is not counted). */
  backedUp?: boolean;
}

export function decodeLicense(v: unknown, path: string): Vb365License {
  if (!isObject(v)) throw decodeError(`expected a licence object from ${path}`, path);
  const out: Vb365License = {};
  // The field is `expirationDate` in v6 and `licenseExpires` from v7: whichever the server sends.
  const expiry = isoTime(v.licenseExpires) ?? isoTime(v.expirationDate);
  if (expiry !== undefined) out.expiry = expiry;
  const grace = isoTime(v.gracePeriodExpires);
  if (grace !== undefined) out.graceExpiry = grace;
  const total = count(v.totalNumber);
  if (total !== undefined) out.totalUnits = total;
  const used = count(v.usedNumber);
  if (used !== undefined) out.usedUnits = used;
  const type = text(v.type);
  if (type !== undefined) out.type = type;
  const status = text(v.status);
  if (status !== undefined) out.status = status;
  return out;
}

/** `licensedUsers` of `/Organizations/{id}/LicensingInformation`; absent when missing or unreadable. */
export function decodeLicensingInformation(v: unknown, path: string): number | undefined {
  if (!isObject(v)) throw decodeError(`expected a licensing information object from ${path}`, path);
  return count(v.licensedUsers);
}

export function decodeLicensedUser(v: unknown): LicensedUser | undefined {
  if (!isObject(v)) return undefined;
  const out: LicensedUser = {};
  const orgId = idOf(v.organizationId);
  if (orgId) out.organizationId = orgId;
  const orgName = text(v.organizationName);
  if (orgName !== undefined) out.organizationName = orgName;
  const backedUp = bool(v.isBackedUp);
  if (backedUp !== undefined) out.backedUp = backedUp;
  return out;
}
