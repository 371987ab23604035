// The analytics' tables: a funnel, the per-step numbers with their totals, variants side by side, and an experiment's
// comparisons with the confidence interval of each difference drawn around zero.
import { h, svg } from '../dom.js';

const STAGES = { enrolled: 'Enrolled', attempted: 'Attempted', delivered: 'Delivered', rightPartyContact: 'Right-party contact',
  replied: 'Replied', promised: 'Promised to pay', kept: 'Kept the promise' };
const COUNTS = [['attempts', 'Attempts'], ['delivered', 'Delivered'], ['rightPartyContacts', 'Right-party'],
  ['replies', 'Replies'], ['promises', 'Promises'], ['promisesKept', 'Kept'], ['promisesBroken', 'Broken'],
  ['amountPromised', 'Promised', 'money'], ['amountPaid', 'Paid', 'money'], ['optOuts', 'Opt-outs'], ['disputes', 'Disputes']];

export const percent = (rate) => (rate === null || rate === undefined ? '–' : `${(rate * 100).toFixed(1)}%`);
const signed = (rate) => (rate > 0 ? '+' : rate < 0 ? '−' : '±') + `${Math.abs(rate * 100).toFixed(1)} pt`;
const money = (text) => Number(text).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const col = (text) => h('th', { scope: 'col' }, text);

/** Seconds as "3 h 20 min" or "2 d 4 h". */
export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '–';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
  return `${Math.floor(s / 86400)} d ${Math.round((s % 86400) / 3600)} h`;
}

export function funnelTable(arm, label) {
  const rows = arm.funnel.map((stage) => h('tr', { dataset: { stage: stage.stage } },
    h('th', { scope: 'row' }, STAGES[stage.stage] || stage.stage),
    h('td.num', String(stage.enrollments)),
    h('td.num', percent(stage.rateOfEnrolled)),
    h('td.num', stage.rateOfPrevious === null ? '' : percent(stage.rateOfPrevious)),
    h('td.bar', { 'aria-hidden': 'true' }, h('span', { dataset: { w: stage.rateOfEnrolled || 0 } }))));
  const table = h('table.list.funnel', h('caption', `Funnel of ${label}: enrollments reaching each stage`),
    h('thead', h('tr', col('Stage'), col('Enrollments'), col('of enrolled'), col('of the stage before'), h('td'))),
    h('tbody', rows));
  // widths set through the CSSOM: the page's policy allows no inline style attributes
  for (const bar of table.querySelectorAll('td.bar span')) bar.style.width = `${Number(bar.dataset.w) * 100}%`;
  return h('div.table-wrap', table);
}

function rules(byRule) {
  const entries = Object.entries(byRule || {});
  return entries.length ? entries.map(([rule, n]) => h('span.rule', h('code', rule), ` ${n}`)) : '–';
}

function stepRow(s, head) {
  return h('tr', { dataset: { step: s.stepId ?? '' } }, head,
    COUNTS.map(([field, , kind]) => h('td.num', { dataset: { field } }, kind === 'money' ? money(s[field]) : String(s[field]))),
    h('td', { dataset: { field: 'deferrals' } }, rules(s.deferrals)),
    h('td', { dataset: { field: 'suppressions' } }, rules(s.suppressions)));
}

export function stepsTable(arm, label) {
  const rows = arm.steps.map((s) => stepRow(s, h('th', { scope: 'row' }, s.stepId === null ? h('em', 'before the first attempt') : h('code', s.stepId))));
  return h('div.table-wrap', h('table.list.steps', h('caption', `Per step of ${label}`),
    h('thead', h('tr', col('Step'), COUNTS.map(([, title]) => col(title)), col('Deferrals by rule'), col('Suppressions by rule'))),
    h('tbody', rows),
    arm.totals ? h('tfoot', stepRow(arm.totals, h('th', { scope: 'row' }, 'All steps'))) : null));
}

/** The funnels of a version's variants in one table, one column per variant. */
export function variantsSideBySide(variants) {
  const stages = variants[0].funnel.map((s) => s.stage);
  return h('div.table-wrap', h('table.list.variants',
    h('caption', 'The variants side by side: enrollments reaching each stage, and their share of the enrolled'),
    h('thead', h('tr', col('Stage'), variants.map((v) => h('th', { scope: 'col', dataset: { variant: v.variant } }, v.variant)))),
    h('tbody', stages.map((stage) => h('tr', { dataset: { stage } }, h('th', { scope: 'row' }, STAGES[stage] || stage),
      variants.map((v) => {
        const it = v.funnel.find((f) => f.stage === stage) || { enrollments: 0, rateOfEnrolled: null };
        return h('td.num', { dataset: { variant: v.variant } }, `${it.enrollments} · ${percent(it.rateOfEnrolled)}`);
      })))),
    h('tfoot', h('tr', h('th', { scope: 'row' }, 'Time to first contact (median)'),
      variants.map((v) => h('td.num', duration(v.firstContact && v.firstContact.medianSeconds)))))));
}

/** The interval [low, high] of a difference, drawn on a scale from −max to +max with zero in the middle. */
function interval(c, max) {
  const width = 160;
  const x = (v) => width / 2 + (v / max) * (width / 2 - 6);
  const crosses = c.low <= 0 && c.high >= 0;
  return svg('svg', { class: `ci${crosses ? '' : ' clear'}`, width, height: 18, viewBox: `0 0 ${width} 18`, role: 'img',
    'aria-label': `difference ${signed(c.difference)}, 95% interval ${signed(c.low)} to ${signed(c.high)}` },
  svg('line', { class: 'zero', x1: width / 2, x2: width / 2, y1: 1, y2: 17 }),
  svg('line', { class: 'range', x1: x(c.low), x2: x(c.high), y1: 9, y2: 9 }),
  svg('circle', { cx: x(c.difference), cy: 9, r: 3.5 }));
}

export function comparisonTable(e) {
  const max = Math.max(0.05, ...e.comparisons.flatMap((c) => [Math.abs(c.low), Math.abs(c.high)]));
  return h('div.table-wrap', h('table.list.comparison', { dataset: { champion: e.champion, challenger: e.challenger } },
    h('caption', `${e.challenger} against ${e.champion}: the difference of each rate (${e.challenger} minus ${e.champion}) with its 95% confidence interval`),
    h('thead', h('tr', col('Rate'), col(e.champion), col(e.challenger), col('Difference'), col('95% interval'), h('td'), col('Verdict'))),
    h('tbody', e.comparisons.map((c) => h('tr', { dataset: { rate: c.rate } },
      h('th', { scope: 'row' }, c.rate),
      h('td.num', { dataset: { label: e.champion } }, `${percent(c.championRate)} of ${c.championSize}`),
      h('td.num', { dataset: { label: e.challenger } }, `${percent(c.challengerRate)} of ${c.challengerSize}`),
      h('td.num', { dataset: { field: 'difference', label: 'Difference' } }, c.difference === null ? '–' : signed(c.difference)),
      h('td.num', { dataset: { field: 'interval', label: '95% interval' } }, c.low === null ? '–' : `${signed(c.low)} to ${signed(c.high)}`),
      h('td.ci', c.low === null ? '' : interval(c, max)),
      h('td.verdict', c.verdict))))));
}
