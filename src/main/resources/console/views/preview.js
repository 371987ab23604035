// Preview: a sequence's projected contact calendar for a debtor, drawn as week grids in the debtor's candidate
// zones with quiet hours shaded; each planned attempt is a button that explains its decisions.
import { h, mount, notice, pill, localTime } from '../dom.js';
import { get, post } from '../api.js';
import { partsIn, instantOf, daysBetween, addDays, validZone } from '../zones.js';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MAX_WEEKS = 8;

export async function render(main, route) {
  const { sequences } = await get('/v1/sequences');
  const names = [...new Set(sequences.map((s) => s.name))].sort();
  const q = route.query;
  const field = (id, label, attrs = {}) => [h('label', { for: id }, label), h(`input#${id}`, { name: id, autocomplete: 'off', ...attrs })];
  const select = h('select#p-sequence', { name: 'sequence' }, names.map((n) => h('option', { value: n, selected: n === (q.get('sequence') || 'm1-early') }, n)));
  const form = h('form.preview-form', { onsubmit: (e) => { e.preventDefault(); run(); } },
    h('fieldset', h('legend', 'Sequence'), h('label', { for: 'p-sequence' }, 'Sequence'), select,
      field('p-start-date', 'Start date (debtor\'s time)', { type: 'date', value: q.get('date') || '' }),
      field('p-start-time', 'Start time', { type: 'time', value: q.get('time') || '' })),
    h('fieldset', h('legend', 'Debtor'),
      field('p-zone', 'Time zone', { value: q.get('zone') || 'America/New_York', placeholder: 'America/New_York', list: 'zones' }),
      field('p-country', 'Country', { value: q.get('country') || 'US', maxlength: 2, size: 3 }),
      field('p-region', 'Region', { value: q.get('region') || 'NY', size: 6 }),
      field('p-city', 'City', { value: q.get('city') || 'New York' }),
      field('p-line', 'Street', { value: q.get('line') || '1 Main St' }),
      field('p-phone', 'Phone', { value: q.get('phone') || '+1 646 555 0101', type: 'tel' }),
      field('p-email', 'Email', { value: q.get('email') || 'debtor@example.com', type: 'email' })),
    h('datalist#zones', ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles',
      'Pacific/Honolulu', 'Asia/Shanghai', 'Europe/London', 'UTC'].map((z) => h('option', { value: z }))),
    h('button.primary', { type: 'submit' }, 'Preview'));
  const result = h('section.preview-result', { 'aria-live': 'polite' });
  mount(main, h('h1', 'Preview'), h('p.lead', 'What a sequence would do for a debtor: every planned attempt with the contact '
    + 'policy\'s decision, drawn in the debtor\'s time. Nothing is stored or sent.'), form, result);

  async function run() {
    const value = (id) => main.querySelector('#' + id).value.trim();
    const zone = value('p-zone');
    if (zone && !validZone(zone)) {
      mount(result, notice(`"${zone}" is not a time zone this browser knows (an IANA id such as America/New_York).`, 'error'));
      return;
    }
    const body = request(value, zone);
    mount(result, notice('Projecting…'));
    try {
      const preview = await post(`/v1/sequences/${encodeURIComponent(value('p-sequence'))}/preview`, body);
      draw(result, preview);
    } catch (e) {
      mount(result, notice(e.message, 'error'));
    }
  }
  if (q.get('sequence') || q.get('run')) run();
  return null;
}

function request(value, zone) {
  const points = [];
  if (value('p-phone')) points.push({ channel: 'sms', address: value('p-phone'), consent: true },
    { channel: 'voice', address: value('p-phone'), consent: true });
  if (value('p-email')) points.push({ channel: 'email', address: value('p-email'), consent: true });
  const address = { country: value('p-country').toUpperCase() };
  if (value('p-region')) address.region = value('p-region');
  if (value('p-city')) address.city = value('p-city');
  if (value('p-line')) {
    address.lines = [value('p-line')];
    points.push({ channel: 'letter', consent: true });
  }
  const debtor = { id: 'console-preview', name: 'Preview Debtor', locale: address.country === 'CN' ? 'zh-CN' : 'en',
    address, contactPoints: points };
  if (zone) debtor.timeZone = zone;
  const body = { debtor, account: { contractNo: 'PREVIEW-1', balance: '500.00', currency: address.country === 'CN' ? 'CNY' : 'USD',
    daysPastDue: 5, dueDate: new Date(Date.now() - 5 * 86400000).toISOString().slice(0, 10) } };
  if (value('p-start-date')) {
    body.startAt = instantOf(value('p-start-date'), value('p-start-time') || '09:00', zone || 'UTC').toISOString();
  }
  return body;
}

/** Allowed hours per channel, from the decisions' facts ("08:00-21:00"). */
function hoursByChannel(calendar) {
  const out = new Map();
  for (const entry of calendar) {
    for (const d of entry.decisions) {
      const hours = d.facts && d.facts.hours;
      const channel = (d.facts && d.facts.channel) || entry.channel;
      // a channel allowed all day (letters) has no quiet hours to shade
      if (hours && /^\d\d:\d\d-\d\d:\d\d$/.test(hours) && hours !== '00:00-24:00' && !out.has(channel)) out.set(channel, hours);
    }
  }
  return out;
}

function zonesOf(preview) {
  const zones = new Set();
  for (const entry of preview.calendar) for (const d of entry.decisions) for (const z of (d.facts && d.facts.zones) || []) zones.add(z.zone);
  if (!zones.size) zones.add(preview.timeZone);
  return [...zones];
}

function minutes(hhmm) {
  const [h1, m1] = hhmm.split(':').map(Number);
  return h1 * 60 + m1;
}

/**
 * The channels whose contact hours are closed at an instant in some candidate zone, each with the zones: a contact
 * must be allowed in every zone the debtor may be in.
 */
function closedAt(instant, hours, zones) {
  const out = new Map();
  for (const [channel, window] of hours) {
    const [from, until] = window.split('-').map(minutes);
    const closedIn = zones.filter((zone) => {
      const p = partsIn(instant, zone);
      const minute = p.hour * 60 + p.minute;
      return minute < from || minute >= until;
    });
    if (closedIn.length) out.set(channel, closedIn);
  }
  return out;
}

function outcomeOf(entry) {
  const last = entry.decisions[entry.decisions.length - 1];
  if (!entry.sendAt) return 'suppress';
  return entry.decisions.some((d) => d.outcome === 'defer') ? 'defer' : (last ? last.outcome : 'allow');
}

function draw(result, preview) {
  const zones = zonesOf(preview);
  const hours = hoursByChannel(preview.calendar);
  const detail = h('aside.explain', { 'aria-live': 'polite', tabindex: -1 }, h('p.meta', 'Choose a planned attempt to see why it goes when it goes.'));
  const grids = h('div.grids');
  let zone = zones[0];
  const tabs = zones.length > 1 ? h('div.tabs', { role: 'tablist', 'aria-label': 'Candidate zones' }, zones.map((z) => h('button.tab', {
    type: 'button', role: 'tab', 'aria-selected': z === zone ? 'true' : 'false',
    onclick: (e) => {
      zone = z;
      for (const t of e.target.parentNode.children) t.setAttribute('aria-selected', t === e.target ? 'true' : 'false');
      mount(grids, weeks(preview, zone, hours, detail));
    },
  }, z))) : null;
  mount(grids, weeks(preview, zone, hours, detail));
  const legend = h('p.legend', h('span.swatch.quiet'), ' quiet hours: closed in one of the debtor\'s zones (allowed locally: ',
    [...hours].map(([c, hr]) => `${c} ${hr}`).join(', ') || 'any time', ')  ', h('span.swatch.ghost'), ' due, deferred  ', pill('allow', 'ok'), ' ', pill('defer', 'warn'), ' ', pill('suppress', 'bad'));
  mount(result, h('h2', `${preview.sequence} v${preview.version} from ${localTime(preview.startAt, preview.timeZone)} (${preview.timeZone})`),
    zones.length > 1 ? h('p.meta', `The debtor may be in ${zones.length} zones: a contact must be allowed in every one of them.`) : null,
    tabs, legend, h('div.preview-layout', grids, detail), table(preview, detail));
}

function weeks(preview, zone, hours, detail) {
  const items = preview.calendar.map((entry, i) => ({ entry, i, at: entry.sendAt || entry.dueAt }));
  const dates = items.map((it) => partsIn(it.at, zone)).concat([partsIn(preview.startAt, zone)]);
  const first = dates.reduce((a, b) => (a.date < b.date ? a : b));
  const last = dates.reduce((a, b) => (a.date > b.date ? a : b));
  const monday = addDays(first.date, -first.weekday);
  const count = Math.min(MAX_WEEKS, Math.floor(daysBetween(monday, last.date) / 7) + 1);
  const out = [];
  for (let w = 0; w < count; w++) out.push(week(addDays(monday, 7 * w), items, zone, zonesOf(preview), hours, detail));
  return out;
}

function week(monday, items, zone, zones, hours, detail) {
  const grid = h('div.week', { role: 'grid', 'aria-label': `Week of ${monday} in ${zone}` });
  grid.append(h('div.corner', { role: 'columnheader' }, zone.split('/').pop().replace('_', ' ')));
  for (let d = 0; d < 7; d++) grid.append(h('div.dayhead', { role: 'columnheader' }, `${DAYS[d]} ${addDays(monday, d).slice(5)}`));
  const cells = new Map();
  for (let hour = 0; hour < 24; hour++) {
    grid.append(h('div.hourhead', { role: 'rowheader' }, `${String(hour).padStart(2, '0')}:00`));
    for (let d = 0; d < 7; d++) {
      const start = instantOf(addDays(monday, d), `${String(hour).padStart(2, '0')}:00`, zone);
      const atStart = closedAt(start, hours, zones);
      const atEnd = closedAt(new Date(start.getTime() + 59 * 60000), hours, zones);
      const whole = [...atStart.keys()].filter((c) => atEnd.has(c));
      const cls = whole.length && whole.length === hours.size ? '.quiet' : atStart.size || atEnd.size ? '.quiet-some' : '';
      const why = [...new Map([...atEnd, ...atStart])].map(([c, closedIn]) => `${c} closed in ${closedIn.join(', ')}`);
      const cell = h(`div.cell${cls}`, { role: 'gridcell', title: why.length ? `quiet hours: ${why.join('; ')}` : null });
      cells.set(`${d}:${hour}`, cell);
      grid.append(cell);
    }
  }
  const place = (instant, node) => {
    const p = partsIn(instant, zone);
    const d = daysBetween(monday, p.date);
    if (d >= 0 && d < 7) cells.get(`${d}:${p.hour}`).append(node);
  };
  for (const it of items) {
    const outcome = outcomeOf(it.entry);
    if (outcome === 'defer' && it.entry.dueAt !== it.entry.sendAt) {
      place(it.entry.dueAt, h('span.ghost', { title: `${it.entry.stepId} was due here; deferred to ${localTime(it.entry.sendAt, zone)}` }, '⇢'));
    }
    place(it.at, chip(it, outcome, zone, detail));
  }
  return h('div.week-wrap', { tabindex: 0, 'aria-label': `Week of ${monday}, scrollable` }, grid);
}

function chip(it, outcome, zone, detail) {
  const e = it.entry;
  const rules = e.decisions.filter((d) => d.outcome !== 'allow').map((d) => d.rule);
  const first = e.decisions.find((d) => d.outcome !== 'allow') || e.decisions[0];
  return h(`button.chip.${outcome}.ch-${e.channel}`, {
    type: 'button', dataset: { step: e.stepId, outcome, rules: rules.join(' ') },
    title: `${e.stepId} (${e.channel}) ${outcome}${first && first.reasons ? ': ' + first.reasons[0] : ''}`,
    onclick: () => explain(detail, e, zone),
  }, `${e.channel} ${e.stepId}`);
}

function explain(detail, e, zone) {
  mount(detail, h('h3', `${e.stepId} · ${e.channel}`),
    h('p.meta', `template ${e.template || '-'}`),
    h('dl.facts', h('dt', 'due'), h('dd', localTime(e.dueAt, zone)), h('dt', 'goes'), h('dd', e.sendAt ? localTime(e.sendAt, zone) : 'never (suppressed)')),
    h('ol.decisions', e.decisions.map((d) => h('li', pill(d.outcome, { allow: 'ok', defer: 'warn', suppress: 'bad' }[d.outcome]), ' ',
      h('code', d.rule), d.until ? ` until ${localTime(d.until, zone)}` : '', h('ul.reasons', (d.reasons || []).map((r) => h('li', r)))))));
  detail.focus();
}

function table(preview, detail) {
  const zone = preview.timeZone;
  return h('div.table-wrap', h('table.list.calendar', h('caption', 'The calendar as a list'),
    h('thead', h('tr', ['Step', 'Channel', 'Due', 'Goes', 'Decision', 'Rule'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', preview.calendar.map((e) => {
      const outcome = outcomeOf(e);
      const rule = (e.decisions.find((d) => d.outcome !== 'allow') || e.decisions[0] || {}).rule || '';
      return h('tr', { dataset: { outcome } }, h('th', { scope: 'row' }, h('button.link', { type: 'button', onclick: () => explain(detail, e, zone) }, e.stepId)),
        h('td', e.channel), h('td', localTime(e.dueAt, zone)), h('td', e.sendAt ? localTime(e.sendAt, zone) : 'never'),
        h('td', pill(outcome, { allow: 'ok', defer: 'warn', suppress: 'bad' }[outcome])), h('td', h('code', rule)));
    }))));
}
