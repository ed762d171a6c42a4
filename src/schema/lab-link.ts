import { DEFAULT_LAB, MAX_LAB_TIERS, type LabRequest } from './lab.ts';
import { formFromRequest, parseLabForm, type LabForm } from './lab-form.ts';
import { formFromTier, type LabTierForm } from './lab-tier.ts';

/**
 * The version of the lab's share links. 1: strategy, days, seed and seeds, no `v` (the three
 * built-in tiers, capped). 2: adds `v`, the tiers and the what-if switch.
 */
export const LAB_LINK_VERSION = 2;

const V1_KEYS = ['v', 'strategy', 'days', 'seed', 'seeds'];
const V2_KEYS = [...V1_KEYS, 'cap', 'tier'];
const TIER_PARTS: readonly (keyof LabTierForm)[] = [
  'label',
  'riskPerTrade',
  'maxPosition',
  'maxOpenPositions',
  'dailyLoss',
  'drawdown',
];

/** The query of a share link that reruns exactly this request (`v=2&strategy=…&tier=…`). */
export function labQuery(request: LabRequest): string {
  const query = new URLSearchParams({
    v: String(LAB_LINK_VERSION),
    strategy: request.strategy,
    days: String(request.days),
    seed: request.seed,
    seeds: String(request.seeds),
  });
  if (request.liftCap) query.set('cap', 'lifted');
  for (const tier of request.tiers) {
    const form = formFromTier(tier);
    query.append('tier', TIER_PARTS.map((part) => form[part]).join(','));
  }
  return query.toString();
}

export type LabLink =
  /** The hash names no lab settings: open the default lab, run nothing. */
  | { readonly type: 'none' }
  /** A link that can be honoured: show these settings and run them. */
  | { readonly type: 'run'; readonly form: LabForm; readonly request: LabRequest }
  /** A link that cannot: why, in words for the person who opened it. */
  | { readonly type: 'refused'; readonly reason: string };

/** Reads a lab share link from the page's hash (`#/lab?v=2&…`), older versions included. */
export function readLabLink(hash: string): LabLink {
  const text = hash.split('?')[1] ?? '';
  if (text === '') return { type: 'none' };
  const query = new URLSearchParams(text);
  const version = query.get('v') ?? '1';
  if (version !== '1' && version !== '2') {
    return refused(
      /^\d+$/.test(version) && Number(version) > LAB_LINK_VERSION
        ? `it is a version ${version} link, made by a newer PowerTrader than this one (which opens versions 1 to ${LAB_LINK_VERSION}). Reload the app to update it, then open the link again.`
        : `its version "${version}" is not one this app knows (1 to ${LAB_LINK_VERSION}).`,
    );
  }
  const known = version === '1' ? V1_KEYS : V2_KEYS;
  const unknown = [...new Set(query.keys())].find((key) => !known.includes(key));
  if (unknown !== undefined)
    return refused(`it has a setting "${unknown}" that a version ${version} link does not have.`);
  const defaults = formFromRequest(DEFAULT_LAB);
  const pick = (key: string, fallback: string) => query.get(key) ?? fallback;
  const form: LabForm = {
    strategy: pick('strategy', defaults.strategy),
    days: pick('days', defaults.days),
    seed: pick('seed', defaults.seed),
    seeds: pick('seeds', defaults.seeds),
    liftCap: false,
    tiers: defaults.tiers,
  };
  if (version === '2') {
    const cap = pick('cap', 'on');
    if (cap !== 'on' && cap !== 'lifted')
      return refused(`its cap setting "${cap}" should be "on" or "lifted".`);
    form.liftCap = cap === 'lifted';
    const tiers = query.getAll('tier');
    if (tiers.length === 0) return refused('it names no tier to compare.');
    if (tiers.length > MAX_LAB_TIERS)
      return refused(`it names ${tiers.length} tiers; a lab compares at most ${MAX_LAB_TIERS}.`);
    const parsedTiers: LabTierForm[] = [];
    for (const [i, text] of tiers.entries()) {
      const parts = text.split(',');
      if (parts.length !== TIER_PARTS.length)
        return refused(
          `tier ${i + 1} has ${parts.length} parts; it needs ${TIER_PARTS.length} (name, risk per trade %, max position %, max open positions, daily loss limit %, drawdown breaker %).`,
        );
      parsedTiers.push(
        Object.fromEntries(
          TIER_PARTS.map((part, j) => [part, parts[j]!]),
        ) as unknown as LabTierForm,
      );
    }
    form.tiers = parsedTiers;
  }
  const parsed = parseLabForm(form);
  if (!parsed.ok) return refused(parsed.message);
  return { type: 'run', form, request: parsed.value };
}

function refused(why: string): LabLink {
  return { type: 'refused', reason: `This lab link cannot be opened: ${why}` };
}
