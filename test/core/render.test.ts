import { renderExposition, renderTarget, joinChunks } from '../../src/core/render';
import { jobSamples } from '../../src/core/jobs';
import { promtoolCheckMetrics, requireBinary } from '../helpers/promtool';

const now = 1_700_000_000;

function job(id: string, name: string) {
  return jobSamples(
    {
      identity: { tenant: 'contoso', job_id: id, job_name: name, job_type: 'Backup' },
      last: { id: 's1', start: now - 600, end: now - 60, state: 'warning', vendorStatus: 'Warning' },
      lastSuccess: { id: 's1', start: now - 600, end: now - 60, state: 'warning', vendorStatus: 'Warning' },
      enabled: true,
      warnings: 2,
      errors: 0,
    },
    now,
  );
}

describe('exposition rendering', () => {
  test('each family appears once with its samples together, across targets', () => {
    const text = renderExposition([
      { target: 'a', product: 'veeam_m365', samples: job('1', 'Mailboxes') },
      { target: 'b', product: 'veeam_azure', samples: job('2', 'VMs') },
    ]);
    const types = text.split('\n').filter((l) => l.startsWith('# TYPE '));
    expect(new Set(types).size).toBe(types.length);
    const statusLines = text.split('\n').filter((l) => l.startsWith('backup_job_status{'));
    expect(statusLines).toHaveLength(14);
    const block = text.slice(text.indexOf('# TYPE backup_job_status'), text.indexOf('# HELP backup_job_last_run_info'));
    expect(block.split('\n').filter((l) => l.startsWith('backup_job_status{'))).toHaveLength(14);
    expect(text).toContain(
      'backup_job_status{target="a",product="veeam_m365",tenant="contoso",job_id="1",job_name="Mailboxes",job_type="Backup",status="warning"} 1',
    );
    expect(text).toContain(
      'backup_job_last_run_duration_seconds{target="b",product="veeam_azure",tenant="contoso",job_id="2",job_name="VMs",job_type="Backup"} 540',
    );
  });

  test('label values with quotes, backslashes, newlines and unicode are escaped', () => {
    const text = joinChunks([renderTarget('t', 'ahsay', job('x', 'C:\\Users "Öl"\nzwei ✓'))]);
    expect(text).toContain('job_name="C:\\\\Users \\"Öl\\"\\nzwei ✓"');
    if (requireBinary('promtool')) expect(promtoolCheckMetrics(text)).toBe('');
  });

  test('a job without a run has status none and no last-run series', () => {
    const text = renderExposition([
      {
        target: 't',
        product: 'ahsay',
        samples: jobSamples({ identity: { job_id: '1', job_name: 'n', job_type: 'FILE' } }, now),
      },
    ]);
    expect(text).toContain('status="none"} 1');
    expect(text).not.toContain('backup_job_last_run_info');
    expect(text).not.toContain('backup_job_last_success_timestamp_seconds{');
    expect(text).not.toContain('tenant=');
  });

  test('the rendered output passes promtool check metrics', () => {
    if (!requireBinary('promtool')) return;
    const text = renderExposition([{ target: 'a', product: 'veeam_m365', samples: job('1', 'M') }]);
    expect(promtoolCheckMetrics(text)).toBe('');
  });
});
