// The calls the simulated CBS answers, and its error texts. Texts quoted from the vendor's help centre are
// marked as such; the others stand in for undocumented ones.
import { DateTime } from 'luxon';
import type { SimReply } from '../common';
import type { SimJob, SimUser } from './data';
import type { AhsaySimulator } from './server';
import { backupSetShape, progressShape, reportShape, statusShape, userShape } from './shapes';

type Api = (sim: AhsaySimulator, p: Record<string, unknown>) => SimReply;

export const MESSAGES = {
  // AuthSystemUser's documented answer (ExptType com.ahsay.obs.core.dbs.c in its example).
  credentials: 'Incorrect system username/password',
  // Since 8.3.4.0, any call of a system user whose password expired (AddSysUser page).
  expired: 'Your password has expired and must be changed. Please update in web console or by UpdateSysUser API',
  // AuthUser's documented answer for an unknown backup user (ExptType com.ahsay.obs.core.dbs.ai).
  noUser: (login: unknown) => `[UserCacheManager.NoSuchUserExpt] User ‘${String(login)}’ not found.`,
  // Undocumented: one user's trouble, worded with "user", "username" and "password".
  troubled: (login: unknown) =>
    `Cannot open the user home of backup user ‘${String(login)}’: the username or password of its network drive is wrong`,
  noJob: '[Error] No Backup Job on that day',
};

const EXPT_TYPES: Record<string, string> = {
  c: 'com.ahsay.obs.core.dbs.c',
  ai: 'com.ahsay.obs.core.dbs.ai',
  obs: 'com.ahsay.obs.core.ex.ObsException',
};

const ok = (payload: Record<string, unknown>): SimReply => ({ json: { Status: 'OK', ...payload } });
export const error = (message: string, type = 'obs'): SimReply => ({
  json: { Status: 'Error', Message: message, ExptType: EXPT_TYPES[type] ?? type },
});

/** The user a call is about; a deleted one (still in a ListUsers answer read before) is not found. */
function findUser(sim: AhsaySimulator, p: Record<string, unknown>): SimUser | SimReply {
  const user = sim.users.find((u) => u.login === p.LoginName);
  if (!user || sim.deletedUsers.includes(user.login)) return error(MESSAGES.noUser(p.LoginName), 'ai');
  return user;
}

const isUser = (u: SimUser | SimReply): u is SimUser => 'login' in u;

function findRun(sim: AhsaySimulator, p: Record<string, unknown>): { user: SimUser; job: SimJob } | SimReply {
  const user = findUser(sim, p);
  if (!isUser(user)) return user;
  const job = user.jobs.find(
    (j) =>
      j.setId === p.BackupSetID && j.id === p.BackupJobID && (j.destId === undefined || j.destId === p.DestinationID),
  );
  return job ? { user, job } : error(`Backup job "${String(p.BackupJobID)}" not found`);
}

const listUsers: Api = (sim) => ok({ User: sim.users.map(userShape) });

const report =
  (full: boolean): Api =>
  (sim, p) => {
    const run = findRun(sim, p);
    return 'job' in run ? ok({ Data: reportShape(run.job, sim.timezone, full) }) : run;
  };

const jobStatus: Api = (sim, p) => {
  const user = findUser(sim, p);
  if (!isUser(user)) return user;
  if (sim.troubledUsers.includes(user.login)) return error(MESSAGES.troubled(user.login));
  const jobs = user.jobs.filter(
    (j) => DateTime.fromMillis(j.start, { zone: sim.timezone }).toISODate() === p.BackupDate,
  );
  if (jobs.length === 0) return error(MESSAGES.noJob);
  return ok({ Data: jobs.map((j) => statusShape(user, j, sim.timezone, sim.dateOnlyTimes)) });
};

export const API: Record<string, Api> = {
  '2/ListUsers': listUsers,
  ListUsers: listUsers,
  AuthSystemUser: () => ok({}),
  ListBackupSets: (sim, p) => {
    const user = findUser(sim, p);
    if (!isUser(user)) return user;
    return ok({ Data: user.sets.map((s) => ({ ID: s.id, Name: s.name, Type: s.type })) });
  },
  '2/GetBackupSet': (sim, p) => {
    const user = findUser(sim, p);
    if (!isUser(user)) return user;
    const set = user.sets.find((s) => s.id === p.BackupSetID);
    if (!set) return error(`Backup set ‘${String(p.BackupSetID)}’ not found`);
    return ok(backupSetShape(set, sim.backupSetDataArray));
  },
  ListBackupJobStatus: jobStatus,
  GetBackupJobReport: report(true),
  GetBackupJobReportSummary: report(false),
  GetBackupJobProgress: (sim, p) => {
    const run = findRun(sim, p);
    if (!('job' in run)) return run;
    if (run.job.status !== 'BS_STILL_RUNNING') return error('Backup job is not running');
    return ok({ Data: progressShape(run.user, run.job, sim.timezone) });
  },
};
