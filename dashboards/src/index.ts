// The dashboards this repository ships, and their canonical JSON rendering (what `npm run dashboards`
// writes and what the tests compare with the committed files).
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { ahsay } from './ahsay';
import { azure } from './azure';
import { exporter } from './exporter';
import { huawei } from './huawei';
import { overview } from './overview';
import { vb365 } from './vb365';

export interface ShippedDashboard {
  file: string;
  build(): Dashboard;
}

export const DASHBOARDS: ShippedDashboard[] = [
  { file: 'backup-overview.json', build: () => overview().build() },
  { file: 'backup-vb365.json', build: () => vb365().build() },
  { file: 'backup-veeam-azure.json', build: () => azure().build() },
  { file: 'backup-ahsay.json', build: () => ahsay().build() },
  { file: 'backup-huawei-clouddc.json', build: () => huawei().build() },
  { file: 'backup-exporter-health.json', build: () => exporter().build() },
];

interface PanelLike {
  id?: number;
  panels?: PanelLike[];
}

/**
 * Final touches the builders do not offer: panel ids assigned in order (stable output, working panel
 * links), an explicit empty annotation list, and links without `placement` (a newer Grafana would move
 * them into the controls menu).
 */
function finish(d: Dashboard): Dashboard {
  let id = 0;
  const visit = (p: PanelLike) => {
    p.id = ++id;
    p.panels?.forEach(visit);
  };
  (d.panels as PanelLike[] | undefined)?.forEach(visit);
  d.annotations = { list: d.annotations?.list ?? [] };
  for (const link of d.links ?? []) delete link.placement;
  return d;
}

export function renderDashboard(d: ShippedDashboard): string {
  return `${JSON.stringify(finish(d.build()), null, 2)}\n`;
}
