import { dashboardFileSchema, type DashboardFile } from '../../schema/dashboard-file.ts';
import { isoNow } from '../format.ts';
import type { MonitorState } from './monitor-state.svelte.ts';

/** The dashboard as a versioned JSON snapshot: figures, components, alerts, recent history. */
export async function dashboardFile(monitor: MonitorState): Promise<DashboardFile> {
  const latest = monitor.latest;
  const file: DashboardFile = {
    type: 'powertrader.dashboard',
    version: 1,
    exportedAt: isoNow(),
    environment: {
      userAgent: navigator.userAgent,
      crossOriginIsolated,
      memorySource: monitor.memory.source,
      longFrameSource: monitor.frames.source,
      sampleIntervalMs: monitor.prefs.intervalMs,
    },
    metrics: monitor.catalogue.map((m) => ({
      id: m.id,
      label: m.label,
      unit: m.unit,
      value: latest?.sample.values[m.id] ?? null,
      shown: latest?.shown[m.id] ?? 'not available',
    })),
    components: [...monitor.components],
    alerts: { active: [...monitor.active], recent: await monitor.recentAlerts() },
    history: monitor.history.slice(-300),
    rules: [...monitor.rules],
  };
  return dashboardFileSchema.parse(file);
}
