/** The app's sections. A new page adds its entry here and its component in App.svelte. */
export const PAGES = [
  { id: 'trade', label: 'Trade' },
  { id: 'lab', label: 'Tier lab' },
  { id: 'lesson', label: 'Lesson' },
  { id: 'costs', label: 'Costs' },
  { id: 'sessions', label: 'Sessions' },
  { id: 'class', label: 'Class' },
  { id: 'monitor', label: 'Monitor' },
  { id: 'selftest', label: 'Self-test' },
  { id: 'how', label: 'How it works' },
] as const;
export type PageId = (typeof PAGES)[number]['id'];

function fromHash(hash: string): PageId {
  // A share link carries settings after the page id: #/lab?strategy=…
  const id = hash.replace(/^#\/?/, '').split('?')[0];
  return PAGES.find((p) => p.id === id)?.id ?? 'trade';
}

/** Which section is shown, kept in the URL hash so that links and the back button work. */
export class Navigation {
  page = $state<PageId>(fromHash(location.hash));

  constructor() {
    window.addEventListener('hashchange', () => (this.page = fromHash(location.hash)));
  }
}
