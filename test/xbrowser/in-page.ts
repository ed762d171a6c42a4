// Runs inside the built app's page in Firefox and WebKit: the runner bundles it, serves it beside
// dist/ (the app never asks for it) and imports it from the page. It finds elements as a user
// would (by heading, label, button text or test id), acts on them with DOM events, watches for
// errors, catches downloads, and computes the golden hashes with the project's own engine code.
import { GOLDEN_HASHES, goldenHash } from '../support/golden.ts';
import { SERIES_HASHES, seriesHash } from '../support/series.ts';

/** The golden session's and the price series' hashes on both market models, as computed here. */
export async function hashes(): Promise<string[]> {
  return [await goldenHash(1), await goldenHash(2), await seriesHash(1), await seriesHash(2)];
}

/** The known answers those hashes must equal, in the same order. */
export function expectedHashes(): string[] {
  return [GOLDEN_HASHES[1], GOLDEN_HASHES[2], SERIES_HASHES[1], SERIES_HASHES[2]];
}

const problems: string[] = [];
const downloads: { name: string; text: string }[] = [];

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Collects console errors, uncaught errors, rejections and CSP violations from now on. */
function watch(): void {
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    problems.push(`console error: ${args.map(String).join(' ')}`);
    original(...args);
  };
  addEventListener('error', (e) => problems.push(`uncaught: ${e.message}`));
  addEventListener('unhandledrejection', (e) =>
    problems.push(`unhandled rejection: ${String(e.reason)}`),
  );
  document.addEventListener('securitypolicyviolation', (e) =>
    problems.push(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`),
  );
  // Downloads go through an object URL and a clicked link: keep the file's text instead of
  // letting the browser save it (MiniBrowser has nowhere to save it).
  const objectUrls = new Map<string, Blob>();
  const createObjectURL = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    const url = createObjectURL(blob);
    if (blob instanceof Blob) objectUrls.set(url, blob);
    return url;
  };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    const blob = objectUrls.get(this.href);
    if (this.download && blob) {
      const name = this.download;
      void blob.text().then((text) => downloads.push({ name, text }));
      return;
    }
    click.call(this);
  };
}
watch();

/** The problems seen since the last call. */
export function takeProblems(): string[] {
  return problems.splice(0);
}

/** The downloads caught since the last call. */
export function takeDownloads(): { name: string; text: string }[] {
  return downloads.splice(0);
}

function visible(element: Element | null | undefined): element is HTMLElement {
  if (!element || !element.isConnected || element.getClientRects().length === 0) return false;
  return getComputedStyle(element).visibility !== 'hidden';
}

function matches(text: string, name: string, exact: boolean): boolean {
  return exact ? text === name : text.includes(name);
}

/** The whole page's visible text. */
export function pageText(): string {
  return squash(document.body.innerText);
}

/** Whether a heading with this exact text is visible. */
export function hasHeading(name: string): boolean {
  return [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].some(
    (h) => visible(h) && squash(h.textContent) === name,
  );
}

/** The visible element with this test id, inside another test id's element if given. */
function byTestId(id: string, within?: string): HTMLElement | undefined {
  const root = within ? byTestId(within) : document;
  const found = root?.querySelector(`[data-testid="${id}"]`);
  return visible(found) ? found : undefined;
}

/** The text of a visible element found by test id, or null when there is none. */
export function testIdText(id: string, within?: string): string | null {
  const found = byTestId(id, within);
  return found ? squash(found.textContent) : null;
}

/** How many elements carry this test id (visible or not). */
export function testIdCount(id: string): number {
  return document.querySelectorAll(`[data-testid="${id}"]`).length;
}

/** The rows of a table found by test id, as their texts. */
export function rowsOf(id: string): string[] {
  const table = byTestId(id);
  return table ? [...table.querySelectorAll('tr')].map((r) => squash(r.textContent)) : [];
}

/** The control a visible label names (its own text, not its control's), or an aria-label. */
function labelled(name: string): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null {
  for (const label of document.querySelectorAll('label')) {
    const own = [...label.childNodes]
      .filter((n) => !(n instanceof HTMLInputElement || n instanceof HTMLSelectElement))
      .map((n) => n.textContent)
      .join('');
    if (squash(own) === name && label.control && visible(label.control)) {
      return label.control as HTMLInputElement;
    }
  }
  const aria = [...document.querySelectorAll(`[aria-label="${CSS.escape(name)}"]`)].find(visible);
  return (aria as HTMLInputElement | undefined) ?? null;
}

/** Types a value into a labelled field; false while the field is missing or disabled. */
export function fill(label: string, value: string): boolean {
  const field = labelled(label);
  if (!field || field.disabled) return false;
  field.focus();
  const prototype = Object.getPrototypeOf(field) as object;
  Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}

/** Picks an option of a labelled select by its value. */
export function select(label: string, value: string): boolean {
  const field = labelled(label);
  if (!(field instanceof HTMLSelectElement) || field.disabled) return false;
  if (![...field.options].some((o) => o.value === value)) return false;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
  return field.value === value;
}

function button(name: string, exact: boolean): HTMLButtonElement | undefined {
  return [...document.querySelectorAll('button')].find(
    (b) =>
      visible(b) && matches(squash(b.getAttribute('aria-label') ?? b.textContent), name, exact),
  );
}

/** Whether a visible button of that name exists and is enabled (null: no such button). */
export function buttonEnabled(name: string, exact = true): boolean | null {
  const found = button(name, exact);
  return found ? !found.disabled : null;
}

/** Clicks a visible, enabled button by its name; false while there is none. */
export function clickButton(name: string, exact = true): boolean {
  const found = button(name, exact);
  if (!found || found.disabled) return false;
  found.click();
  return true;
}

/** Clicks a visible link by its exact text. */
export function clickLink(name: string): boolean {
  const found = [...document.querySelectorAll('a')].find(
    (a) => visible(a) && squash(a.textContent) === name,
  );
  found?.click();
  return !!found;
}

/** Clicks a visible tab by its exact text. */
export function clickTab(name: string): boolean {
  const found = [...document.querySelectorAll('[role="tab"]')].find(
    (t) => visible(t) && squash(t.textContent) === name,
  ) as HTMLElement | undefined;
  found?.click();
  return !!found;
}

/** Chooses a file for a file input found by test id, as a user picking one would. */
export function chooseFile(testId: string, name: string, text: string): boolean {
  const input = document.querySelector(`[data-testid="${testId}"]`);
  if (!(input instanceof HTMLInputElement) || input.type !== 'file') return false;
  const transfer = new DataTransfer();
  transfer.items.add(new File([text], name, { type: 'application/json' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}

/** The self-test's result rows: name, status and message. */
export function selfTestResults(): { name: string; status: string; message: string }[] {
  return [...document.querySelectorAll('[data-testid="selftest-result"]')].map((row) => {
    const first = row.querySelector('td')?.cloneNode(true) as HTMLElement | undefined;
    first?.querySelectorAll('span, .message').forEach((e) => e.remove());
    return {
      name: squash(first?.textContent),
      status: squash(row.querySelectorAll('td')[2]?.textContent),
      message: squash(row.querySelector('.message')?.textContent),
    };
  });
}

/** Whether a service worker controls the page, and whether one is ready. */
export async function serviceWorkerState(): Promise<{ supported: boolean; controlled: boolean }> {
  if (!('serviceWorker' in navigator)) return { supported: false, controlled: false };
  return { supported: true, controlled: !!navigator.serviceWorker.controller };
}

/** Whether the service worker is ready, waiting at most a second (the caller polls). */
export async function serviceWorkerReady(): Promise<boolean> {
  if (!('serviceWorker' in navigator)) return false;
  const second = new Promise<false>((done) => setTimeout(() => done(false), 1000));
  return Promise.race([navigator.serviceWorker.ready.then(() => true), second]);
}

/** What this engine is, for the report. */
export function userAgent(): string {
  return navigator.userAgent;
}
