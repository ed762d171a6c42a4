import { describe, expect, it, vi } from 'vitest';
import { FrameProbe, MemoryProbe, StorageProbe } from '../../src/ui/monitor/probes.ts';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the monitor probes in real Chromium', () => {
  it('read the JS heap from performance.memory, and say when the tab cannot be measured', () => {
    // This test page is not cross-origin isolated, so the whole-tab figure is not offered.
    const probe = new MemoryProbe({ performance, crossOriginIsolated });
    expect(crossOriginIsolated).toBe(false);
    expect(probe.source).toBe('performance.memory');
    const reading = probe.read();
    expect(reading.heapUsed).toBeGreaterThan(0);
    expect(reading.heapPct).toBeGreaterThan(0);
    expect(reading.heapPct).toBeLessThan(100);
    expect(reading.tab).toBeNull();
  });

  it('give no memory figure at all in a browser without the APIs, never a made-up one', () => {
    const probe = new MemoryProbe({ performance: { now: () => performance.now() } });
    expect(probe.source).toBe('none');
    expect(probe.read()).toEqual({ heapUsed: null, heapPct: null, tab: null });
  });

  it('count frames and find the Long Animation Frames API', async () => {
    const probe = new FrameProbe(window);
    expect(probe.source).toBe('long-animation-frame');
    probe.start();
    // Frames come as the browser draws them; on a busy machine the first may take a while.
    await vi.waitFor(() => expect(probe.read().fps).toBeGreaterThan(5), { timeout: 5000 });
    const reading = probe.read();
    probe.stop();
    expect(reading.blockedMs).toBeGreaterThanOrEqual(0);
  });

  it('report no blocking figure without PerformanceObserver, and nothing while hidden', async () => {
    const hidden = { hidden: false };
    const surface = {
      requestAnimationFrame: (cb: FrameRequestCallback) => requestAnimationFrame(cb),
      cancelAnimationFrame: (h: number) => cancelAnimationFrame(h),
      document: hidden,
      performance,
    };
    const probe = new FrameProbe(surface);
    expect(probe.source).toBe('none');
    probe.start();
    await vi.waitFor(() => expect(probe.read().fps).toBeGreaterThan(0), { timeout: 5000 });
    expect(probe.read().blockedMs).toBeNull();
    hidden.hidden = true;
    expect(probe.read()).toEqual({ fps: null, longFrames: null, blockedMs: null });
    probe.stop();
  });

  it('estimate storage where navigator.storage exists, and say nothing where it does not', async () => {
    const probe = new StorageProbe(navigator);
    // The estimate arrives in the background; the probe asks again on each read until it has it.
    await vi.waitFor(() => expect(probe.read().used).not.toBeNull(), { timeout: 5000 });
    const reading = probe.read();
    expect(reading.used).toBeGreaterThanOrEqual(0);
    expect(reading.pct).toBeGreaterThanOrEqual(0);
    const bare = new StorageProbe({});
    bare.read();
    await wait(50);
    expect(bare.read()).toEqual({ used: null, pct: null });
  });
});
