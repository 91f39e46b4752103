// What the exporter reads from CloudDC and IAM, as zod. Huawei publishes no OpenAPI document for CloudDC here:
// these schemas are written from the vendor facts the project keeps (the API reference pages of
// ExportServerLogs, ShowLogsExportStatus, DownloadServerLogs, ListServers and the IAM token page, and the
// models of Huawei's Go SDK, services/clouddc/v1/model) and must be changed with them, never to fit the
// simulator. Decided where the sources are silent or disagree (and why):
// - PhysicalServer: the SDK model has no `omitempty` on id, name, project_id, domain_id, manage_state,
//   onboard_time, location and hardware_attributes: required. power_state, health_state, tags and error may be
//   absent. `manage_state` is an open string (the docs and two SDKs list different values).
// - ShowServer answers the server's own fields (the SDK's ShowServerResponse is not wrapped); the wrapped form
//   `{server: …}` is accepted as the simulator's `showWrapped` mode only.
// - Ids: the SDK documents a lowercase UUID; the hostile `oddIds` mode sends other ids on purpose, so ids are
//   checked as UUIDs apart from that mode (schema.test.ts).
// - power_state and health_state: the SDK enums. The simulator's deliberate oddities (an undocumented health
//   value, an upper-case power value) are named in schema.test.ts; anything else outside the enums fails.
// - Export `status`: the SDK enum is processing/completed, every example shows `Running`, no failure value is
//   documented; `failed` is what the simulator sends for a failing export (the contract maps it). `percentage`
//   is a String "0-100" in one page, an Integer in another, `"30%"` in the examples: all three are accepted.
// - ListServers: `servers`, `page_info` and `count` are `omitempty` in the SDK but described by the docs as the
//   answer; required here. `page_info.next_marker` is absent on the last page.
// - IAM: 201 with the token in X-Subject-Token; `expires_at` with six fraction digits. How IAM refuses a
//   credential is not documented: a nested `{error: {code, message, title}}` (seen on a Huawei-derived cloud)
//   and IAM's own `{error_code, error_msg}` table are both accepted.
// - Error bodies of CloudDC and its gateway: `{error_code, error_msg}` (a request_id may follow); the 429 body
//   is documented only as "String", so any body is accepted there.
import { z } from 'zod';

const text = z.string();
export const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
/** ISO 8601 with an offset or `Z` ("2025-03-20T02:48:06+00:00", "2020-01-04T09:05:22.701000Z"). */
export const isoTime = z.iso.datetime({ offset: true });

export const POWER_STATES = ['on', 'off', 'powering-on', 'powering-off', 'rebooting'] as const;
export const HEALTH_STATES = ['OK', 'Warning', 'Critical', 'Unknown'] as const;

export const PhysicalServer = z.object({
  id: text.min(1),
  name: text,
  project_id: text,
  domain_id: text,
  manage_state: text,
  power_state: text.optional(),
  health_state: text.optional(),
  onboard_time: text,
  location: z.object({ dc: text.optional(), rack: text.optional(), unit: text.optional() }),
  hardware_attributes: z.object({
    sn: text.optional(),
    manufacturer: text.optional(),
    model: text.optional(),
    main_board_manufacturer: text.optional(),
  }),
  tags: z.array(z.object({ key: text, value: text.optional() })).optional(),
  error: z.object({ error_code: text.optional(), error_msg: text.optional(), error_type: text.optional() }).optional(),
});

export const ListServers = z.object({
  servers: z.array(PhysicalServer),
  page_info: z.object({
    next_marker: text.optional(),
    previous_marker: text.optional(),
    current_count: z.number().int().min(0).optional(),
  }),
  count: z.number().int().min(0),
});

/** `export_id`, `status`, `percentage`, `created_at`: the 202 of ExportServerLogs and ShowLogsExportStatus. */
export const ExportStatus = z.object({
  export_id: text.min(1),
  status: text,
  percentage: z.union([z.number().min(0).max(100), text.regex(/^(100|[1-9]?\d)(\.\d+)?%?$/)]),
  created_at: isoTime,
});

export const IamToken = z.object({
  token: z.object({
    expires_at: isoTime,
    issued_at: isoTime,
    methods: z.array(text).min(1),
    project: z.object({ id: text, name: text, domain: z.object({ id: text, name: text }).optional() }),
    roles: z.array(z.object({ id: text, name: text })).optional(),
    catalog: z.array(z.unknown()).optional(),
    user: z.object({ id: text, name: text, domain: z.object({ id: text, name: text }) }).optional(),
  }),
});

/** CloudDC and its API gateway: 400, 401, 404, 500. */
export const VendorError = z.object({ error_code: text.min(1), error_msg: text, request_id: text.optional() });

/** IAM refusing a token request: either shape (see above). */
export const IamError = z.union([
  z.object({ error: z.object({ code: z.union([z.number().int(), text]), message: text, title: text.optional() }) }),
  VendorError,
]);
