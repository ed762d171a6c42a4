// The page's own measurements for live monitoring. Each probe reads a browser API only where it
// exists and says "not available" (null) otherwise: never a made-up number. Each takes the
// browser surface it reads as an argument, so a test can hand it one that lacks an API.

import type { LongFrameSource, MemorySource } from '../../schema/dashboard-file.ts';

interface ChromeMemory {
  readonly usedJSHeapSize: number;
  readonly jsHeapSizeLimit: number;
}
/** The parts of `performance` the probes read; some browsers lack some of them. */
export interface PerformanceSurface {
  now(): number;
  readonly memory?: ChromeMemory;
  measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }>;
}
export interface MemorySurface {
  readonly performance: PerformanceSurface;
  readonly crossOriginIsolated?: boolean;
}

const MB = 1024 * 1024;
/** How often the tab's whole memory is measured: the browser may take seconds to answer. */
const TAB_MEMORY_EVERY_MS = 20_000;

/** JS heap from `performance.memory`; the whole tab from measureUserAgentSpecificMemory. */
export class MemoryProbe {
  private tabBytes: number | null = null;
  private measuring = false;
  private lastMeasure = -Infinity;

  constructor(private readonly env: MemorySurface) {}

  /** The best memory API this browser offers this page. */
  get source(): MemorySource {
    if (this.canMeasureTab) return 'measureUserAgentSpecificMemory';
    return this.env.performance.memory ? 'performance.memory' : 'none';
  }

  private get canMeasureTab(): boolean {
    return (
      this.env.crossOriginIsolated === true &&
      typeof this.env.performance.measureUserAgentSpecificMemory === 'function'
    );
  }

  /** The latest figures; starts a whole-tab measurement now and then, without waiting for it. */
  read(): { heapUsed: number | null; heapPct: number | null; tab: number | null } {
    const perf = this.env.performance;
    if (
      this.canMeasureTab &&
      !this.measuring &&
      perf.now() - this.lastMeasure > TAB_MEMORY_EVERY_MS
    ) {
      this.measuring = true;
      this.lastMeasure = perf.now();
      perf.measureUserAgentSpecificMemory!()
        .then((result) => (this.tabBytes = result.bytes))
        // A measurement refused (the page lost isolation, say) leaves the figure unknown.
        .catch(() => (this.tabBytes = null))
        .finally(() => (this.measuring = false));
    }
    const memory = perf.memory;
    const heapOk = memory && memory.jsHeapSizeLimit > 0;
    return {
      heapUsed: heapOk ? memory.usedJSHeapSize / MB : null,
      heapPct: heapOk ? (memory.usedJSHeapSize / memory.jsHeapSizeLimit) * 100 : null,
      tab: this.tabBytes === null ? null : this.tabBytes / MB,
    };
  }
}

/** The parts of the page the frame probe needs. */
export interface FrameSurface {
  requestAnimationFrame(callback: (time: number) => void): number;
  cancelAnimationFrame(handle: number): void;
  readonly document: { readonly hidden: boolean };
  readonly performance: { now(): number };
  readonly PerformanceObserver?: {
    new (callback: (list: { getEntries(): PerformanceEntryLike[] }) => void): {
      observe(options: { type: string; buffered?: boolean }): void;
      disconnect(): void;
    };
    readonly supportedEntryTypes?: readonly string[];
  };
}
interface PerformanceEntryLike {
  readonly startTime: number;
  readonly duration: number;
  readonly blockingDuration?: number;
}

/** A frame over this long is a long frame (the browser's own line for a long task). */
const LONG_FRAME_MS = 50;

/**
 * Frame rate and long frames from requestAnimationFrame, and main-thread blocking from the
 * Long Animation Frames API (or Long Tasks where that is all there is). The cost of its own
 * callbacks is added to `busy`, so the monitor can report what it costs.
 */
export class FrameProbe {
  private frames: number[] = [];
  private longFrames: number[] = [];
  private blocked: { at: number; ms: number }[] = [];
  private handle: number | undefined;
  private lastFrame: number | undefined;
  private observer: { disconnect(): void } | undefined;
  readonly source: LongFrameSource;
  busy = 0;

  constructor(private readonly env: FrameSurface) {
    const types = env.PerformanceObserver?.supportedEntryTypes ?? [];
    this.source = types.includes('long-animation-frame')
      ? 'long-animation-frame'
      : types.includes('longtask')
        ? 'longtask'
        : 'none';
  }

  start(): void {
    if (this.handle !== undefined) return;
    const loop = (time: number) => {
      const t0 = this.env.performance.now();
      if (this.lastFrame !== undefined && time - this.lastFrame > LONG_FRAME_MS)
        this.longFrames.push(time);
      this.lastFrame = time;
      this.frames.push(time);
      this.handle = this.env.requestAnimationFrame(loop);
      this.busy += this.env.performance.now() - t0;
    };
    this.handle = this.env.requestAnimationFrame(loop);
    const Observer = this.env.PerformanceObserver;
    if (Observer && this.source !== 'none') {
      const observer = new Observer((list) => {
        for (const e of list.getEntries())
          this.blocked.push({
            at: e.startTime + e.duration,
            ms: e.blockingDuration ?? Math.max(0, e.duration - LONG_FRAME_MS),
          });
      });
      observer.observe({ type: this.source, buffered: false });
      this.observer = observer;
    }
  }

  stop(): void {
    if (this.handle !== undefined) this.env.cancelAnimationFrame(this.handle);
    this.handle = undefined;
    this.lastFrame = undefined;
    this.observer?.disconnect();
    this.observer = undefined;
  }

  /** The last second's figures; null while the page is hidden (it draws no frames then). */
  read(): { fps: number | null; longFrames: number | null; blockedMs: number | null } {
    const now = this.env.performance.now();
    const since = now - 1000;
    this.frames = this.frames.filter((t) => t > since);
    this.longFrames = this.longFrames.filter((t) => t > since);
    this.blocked = this.blocked.filter((b) => b.at > since);
    if (this.env.document.hidden) {
      // The gap of a hidden page is not a long frame.
      this.lastFrame = undefined;
      return { fps: null, longFrames: null, blockedMs: null };
    }
    return {
      fps: this.frames.length,
      longFrames: this.longFrames.length,
      blockedMs: this.source === 'none' ? null : this.blocked.reduce((sum, b) => sum + b.ms, 0),
    };
  }
}

/** The parts of `navigator` the storage probe reads. */
export interface StorageSurface {
  readonly storage?: { estimate?: () => Promise<{ usage?: number; quota?: number }> };
}

/** Storage used and quota from navigator.storage.estimate, refreshed every few samples. */
export class StorageProbe {
  private figures: { used: number | null; pct: number | null } = { used: null, pct: null };
  private asking = false;

  constructor(private readonly env: StorageSurface) {}

  /** The latest estimate; asks for a new one in the background. */
  read(): { used: number | null; pct: number | null } {
    const estimate = this.env.storage?.estimate;
    if (estimate && !this.asking) {
      this.asking = true;
      estimate
        .call(this.env.storage)
        .then(({ usage, quota }) => {
          this.figures = {
            used: usage === undefined ? null : usage / MB,
            pct: usage === undefined || !quota ? null : (usage / quota) * 100,
          };
        })
        .catch(() => (this.figures = { used: null, pct: null }))
        .finally(() => (this.asking = false));
    }
    return this.figures;
  }
}
