// Strategy analytics of one sequence (GET /v1/analytics/sequences/{name}): the period picker, per version and variant
// the funnel and the per-step numbers, an experiment's variants side by side with the confidence interval of each
// difference and its verdict, and the CSV export.
import { h, mount, notice, pill } from '../dom.js';
import { get, download } from '../api.js';
import { funnelTable, stepsTable, variantsSideBySide, comparisonTable, duration } from './numbers.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The API's period from the route's days: from its first instant, to the end of the last day (UTC). */
export function period(query) {
  const out = new URLSearchParams();
  const from = query.get('from');
  const to = query.get('to');
  if (from && DAY.test(from)) out.set('from', `${from}T00:00:00Z`);
  if (to && DAY.test(to)) out.set('to', new Date(Date.parse(`${to}T00:00:00Z`) + 86400000).toISOString().replace('.000Z', 'Z'));
  const version = query.get('version');
  if (version && /^\d+$/.test(version)) out.set('version', version);
  return out;
}

export async function render(main, route) {
  const name = route.path[1];
  if (!name) {
    location.hash = '#/sequences';
    return null;
  }
  const asked = period(route.query);
  const base = `/v1/analytics/sequences/${encodeURIComponent(name)}`;
  const data = await get(`${base}${asked.toString() ? '?' + asked : ''}`);
  const csvName = `${name}-analytics${route.query.get('from') ? '-' + route.query.get('from') : ''}`
    + `${route.query.get('to') ? '-to-' + route.query.get('to') : ''}.csv`;
  const status = h('span.form-status', { role: 'status' });
  const exportButton = h('button#export', {
    type: 'button',
    onclick: async () => {
      status.textContent = 'Preparing the CSV…';
      try {
        await download(`${base}/export${asked.toString() ? '?' + asked : ''}`, 'text/csv', csvName);
        status.textContent = `Saved ${csvName}.`;
      } catch (e) {
        status.textContent = e.message;
      }
    },
  }, 'Export CSV');
  mount(main,
    h('div.page-head', h('h1', 'Results of ', name),
      h('div.actions', h('a.button', { href: `#/sequences/${encodeURIComponent(name)}` }, 'The sequence'), ' ', exportButton, ' ', status)),
    h('p.lead', 'The cohort is the enrollments started in the period; whatever happened to them since is counted. ',
      'A reply, promise, payment, opt-out or dispute is credited to the last attempt before it.'),
    periodForm(name, route.query),
    versions(data));
  return null;
}

function periodForm(name, query) {
  const from = h('input#a-from', { type: 'date', name: 'from', value: query.get('from') || '' });
  const to = h('input#a-to', { type: 'date', name: 'to', value: query.get('to') || '' });
  const version = h('input#a-version', { type: 'number', name: 'version', min: 1, step: 1, inputmode: 'numeric',
    value: query.get('version') || '', placeholder: 'all' });
  return h('form.inline.period', {
    'aria-label': 'Period',
    onsubmit: (event) => {
      event.preventDefault();
      const next = new URLSearchParams();
      for (const input of [from, to, version]) if (input.value) next.set(input.name, input.value);
      location.hash = `#/analytics/${encodeURIComponent(name)}${next.toString() ? '?' + next : ''}`;
    },
  },
  h('label', { for: 'a-from' }, 'Enrolled from'), from,
  h('label', { for: 'a-to' }, 'to (inclusive, UTC)'), to,
  h('label', { for: 'a-version' }, 'Version'), version,
  h('button.primary', { type: 'submit' }, 'Show'),
  h('a', { href: `#/analytics/${encodeURIComponent(name)}` }, 'All time'));
}

function versions(data) {
  if (!data.arms.length) return notice('No enrollment of this sequence started in the period.');
  const byVersion = new Map();
  for (const arm of data.arms) byVersion.set(arm.version, [...(byVersion.get(arm.version) || []), arm]);
  return [...byVersion.entries()].map(([version, list]) => {
    const experiments = data.experiments.filter((e) => e.version === version);
    // the champion first, as the comparisons read
    const champions = new Set(experiments.map((e) => e.champion));
    const variants = list.filter((a) => a.variant).sort((a, b) => champions.has(b.variant) - champions.has(a.variant));
    const arms = [...list.filter((a) => !a.variant), ...variants];
    return h('section.panel.version', { 'aria-labelledby': `v-${version}`, dataset: { version } },
      h('h2', { id: `v-${version}` }, `Version ${version}`,
        variants.length ? [' ', pill(`experiment: ${variants.map((a) => a.variant).join(' vs ')}`, 'warn')] : null),
      variants.length > 1 ? variantsSideBySide(variants) : null,
      experiments.map(comparisonTable),
      arms.map(arm));
  });
}

function arm(a) {
  const label = a.variant ? `v${a.version} ${a.variant}` : `v${a.version}`;
  const first = a.firstContact || {};
  return h('div.arm', { dataset: { arm: label } },
    h('h3', a.variant ? ['Variant ', pill(a.variant)] : 'All enrollments'),
    h('p.meta', `${a.enrollments} enrolled; ${first.contacted || 0} reached a delivered contact, `,
      first.contacted ? `after ${duration(first.medianSeconds)} (median), ${duration(first.meanSeconds)} (mean)` : 'none yet'),
    h('div.arm-grid', funnelTable(a, label), stepsTable(a, label)));
}
