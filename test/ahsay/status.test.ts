// BackupJobStatus → job state (contract 4.2 table).
import { ahsayState } from '../../src/products/ahsay/samples';

describe('ahsayState (contract 4.2 table)', () => {
  test.each([
    ['BS_STOP_SUCCESS', 'success'],
    ['BS_STOP_SUCCESS_WITH_WARNING', 'warning'],
    ['BS_STOP_SUCCESS_WITH_ERROR', 'warning'],
    ['BS_STOP_BY_SYSTEM_ERROR', 'failed'],
    ['BS_STOP_BY_SCHEDULER', 'failed'],
    ['BS_STOP_BY_QUOTA_EXCEEDED', 'failed'],
    ['BS_STOP_MISSED_BACKUP', 'failed'],
    ['BS_BACKUP_NOT_FINISHED', 'failed'],
    ['BS_STOP_INCOMPLETE', 'failed'],
    ['BS_MISSED_DATABASAE', 'failed'],
    ['BS_MISSED_DATABASE', 'failed'],
    ['BS_MISSED_VIRTUAL_MACHINE', 'failed'],
    ['BS_MISSED_PUBLIC_FOLDER', 'failed'],
    ['bs_missed_anything_new', 'failed'],
    ['BS_STILL_RUNNING', 'running'],
    ['BS_STOP_BY_USER', 'stopped'],
    ['bs_stop_success', 'success'],
    [' BS_STOP_SUCCESS ', 'success'],
    ['Bs_Still_Running', 'running'],
    ['BS_STOP_BY_SOLAR_FLARE', 'unknown'],
    ['BS_MISSED', 'unknown'],
    ['', 'unknown'],
  ])('%s → %s', (vendor, state) => {
    expect(ahsayState(vendor)).toBe(state);
  });
});
