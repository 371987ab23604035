// The case view: enrollments (with pause, resume and cancel for keys that may write), the debtor's contact points
// with their caps, and the timeline as a story, filtered by channel and kind, newest or oldest first.
import { h, mount, notice, pill, localTime } from '../dom.js';
import { get, post, ApiError } from '../api.js';
import { GROUPS, groupOf, channelOf, card } from './timeline.js';
import { contactPoints } from './contacts.js';

const MAX_ENTRIES = 5000;

export async function render(main, route, caller) {
  const caseId = route.path[1];
  if (!caseId) return search(main);
  const entries = await timeline(caseId);
  const created = entries.filter((e) => e.kind === 'enrollment.created');
  const zone = created.length ? created[created.length - 1].data.timeZone : 'UTC';
  const attempts = new Map();
  for (const e of entries) if (e.data && e.data.attemptId && e.data.channel) attempts.set(e.data.attemptId, e.data.channel);

  const enrollmentBox = h('section.panel', { 'aria-labelledby': 'enr-h' }, h('h2#enr-h', 'Enrollments'), notice('Loading…'));
  const contactBox = h('section.panel', { 'aria-labelledby': 'cp-h' }, h('h2#cp-h', 'Contact points'), notice('Loading…'));
  const story = h('section.panel.story', { 'aria-labelledby': 'tl-h' });
  mount(main,
    h('div.page-head', h('h1', 'Case ', h('span.caseid', caseId)), h('p.meta', `times in the debtor's zone, ${zone}`)),
    h('div.case-grid', h('div.side', enrollmentBox, contactBox), story));

  drawTimeline(story, entries, zone, attempts, route, caller);
  enrollments(enrollmentBox, created, caller, () => render(main, route, caller));
  contactPoints(contactBox, caseId);
  return null;
}

async function timeline(caseId) {
  const all = [];
  let after = null;
  do {
    const page = await get(`/v1/cases/${encodeURIComponent(caseId)}/timeline?limit=500${after ? '&after=' + after : ''}`);
    all.push(...page.entries);
    after = page.next;
  } while (after && all.length < MAX_ENTRIES);
  return all;
}

async function search(main) {
  const input = h('input#case-id', { name: 'caseId', required: true, autocomplete: 'off', placeholder: 'case-1001', spellcheck: 'false' });
  const recent = h('section.recent', { 'aria-labelledby': 'recent-h' }, h('h2#recent-h', 'Recent cases'), notice('Loading…'));
  mount(main, h('h1', 'Cases'),
    h('form.inline', {
      role: 'search',
      onsubmit: (event) => {
        event.preventDefault();
        if (input.value.trim()) location.hash = `#/cases/${encodeURIComponent(input.value.trim())}`;
      },
    }, h('label', { for: 'case-id' }, 'Case id'), input, h('button.primary', { type: 'submit' }, 'Open')),
    h('p.help', 'The collection engine\'s case id, as it was enrolled. The case shows its story: decisions and why, attempts, '
      + 'delivery, replies, case events, calls and tasks.'),
    recent);
  input.focus();
  const { cases } = await get('/v1/cases?limit=50');
  const status = { active: 'ok', paused: 'warn', completed: 'muted', cancelled: 'bad', stopped: 'bad' };
  mount(recent, h('h2#recent-h', 'Recent cases'), cases.length ? h('div.table-wrap', h('table.list',
    h('thead', h('tr', ['Case', 'Debtor', 'Latest enrollment', 'Status', 'Changed'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', cases.map((c) => h('tr', h('th', { scope: 'row' }, h('a', { href: `#/cases/${encodeURIComponent(c.caseId)}` }, c.caseId)),
      h('td', c.debtorId), h('td', `${c.sequence} v${c.version}`), h('td', pill(c.status, status[c.status])),
      h('td', localTime(c.updatedAt, Intl.DateTimeFormat().resolvedOptions().timeZone))))))) : notice('No case has been enrolled yet.'));
  return null;
}

function drawTimeline(story, entries, zone, attempts, route, caller) {
  const channels = [...new Set(entries.map((e) => channelOf(e, attempts)).filter(Boolean))].sort();
  const state = {
    channel: route.query.get('channel') || '',
    groups: new Set(GROUPS.map(([g]) => g)),
    newestFirst: route.query.get('order') !== 'oldest',
  };
  const list = h('ol.timeline', { 'aria-live': 'polite' });
  const count = h('p.meta.count', { role: 'status' });
  const redraw = () => {
    let shown = entries.filter((e) => state.groups.has(groupOf(e.kind, channelOf(e, attempts)))
      && (!state.channel || channelOf(e, attempts) === state.channel));
    if (state.newestFirst) shown = [...shown].reverse();
    mount(list, shown.map((e) => card(e, zone, channelOf(e, attempts))));
    count.textContent = `${shown.length} of ${entries.length} entries`;
    if (!shown.length) list.append(h('li.empty', entries.length ? 'Nothing matches the filter.' : 'This case has no history yet.'));
  };
  const channelSelect = h('select#f-channel', {
    onchange: (e) => { state.channel = e.target.value; redraw(); },
  }, h('option', { value: '' }, 'every channel'), channels.map((c) => h('option', { value: c, selected: c === state.channel }, c)));
  const order = h('select#f-order', {
    onchange: (e) => { state.newestFirst = e.target.value === 'newest'; redraw(); },
  }, h('option', { value: 'newest', selected: state.newestFirst }, 'newest first'),
  h('option', { value: 'oldest', selected: !state.newestFirst }, 'oldest first'));
  const kinds = h('fieldset.kinds', h('legend', 'Kinds'), GROUPS.map(([g, label]) => h('label.check', h('input', {
    type: 'checkbox', checked: true, value: g,
    onchange: (e) => { if (e.target.checked) state.groups.add(g); else state.groups.delete(g); redraw(); },
  }), ` ${label}`)));
  mount(story, h('h2#tl-h', 'Timeline'),
    h('div.filters', h('label', { for: 'f-channel' }, 'Channel '), channelSelect,
      h('label', { for: 'f-order' }, 'Order '), order, count), kinds, list);
  redraw();
}

async function enrollments(box, created, caller, reload) {
  if (!created.length) {
    mount(box, h('h2#enr-h', 'Enrollments'), notice('No enrollment.'));
    return;
  }
  const rows = await Promise.all(created.map((e) => get(`/v1/enrollments/${e.enrollmentId}`).catch((err) => ({ id: e.enrollmentId, error: err.message }))));
  const status = h('p.form-status', { role: 'status' });
  const act = async (id, what) => {
    status.textContent = `${what}…`;
    try {
      await post(`/v1/enrollments/${id}/${what}`);
      status.textContent = `${what}: done`;
      reload();
    } catch (e) {
      status.textContent = e instanceof ApiError && e.status === 403 ? 'This key may not change enrollments.' : e.message;
    }
  };
  const readOnly = !caller.canWrite;
  const button = (enr, what, allowed) => h(`button.small${what === 'cancel' ? '.danger' : ''}`, {
    type: 'button', dataset: { action: what, enrollment: enr.id },
    disabled: readOnly || !allowed,
    title: readOnly ? 'read-only key: changes nothing' : null,
    onclick: () => {
      if (what === 'cancel' && !confirm(`Cancel enrollment ${enr.id} in ${enr.sequence}? No further contact is made for it.`)) return;
      act(enr.id, what);
    },
  }, what[0].toUpperCase() + what.slice(1));
  mount(box, h('h2#enr-h', 'Enrollments'), h('ul.enrollments', rows.map((enr) => enr.error ? h('li', enr.id, ': ', enr.error)
    : h('li.enrollment', { dataset: { id: enr.id, status: enr.status } },
      h('div', h('a', { href: `#/sequences/${encodeURIComponent(enr.sequence)}?version=${enr.version}` }, `${enr.sequence} v${enr.version}`),
        ' ', pill(enr.status, { active: 'ok', paused: 'warn', completed: 'muted', cancelled: 'bad', stopped: 'bad' }[enr.status])),
      h('p.meta', `started ${localTime(enr.startAt, enr.timeZone)}`, enr.statusReason ? ` · ${enr.statusReason}` : '',
        enr.next && enr.status === 'active' ? ` · next ${enr.next.stepId} ${localTime(enr.next.dueAt, enr.timeZone)}` : ''),
      h('div.actions', button(enr, 'pause', enr.status === 'active'), button(enr, 'resume', enr.status === 'paused'),
        button(enr, 'cancel', enr.status === 'active' || enr.status === 'paused'))))),
  readOnly ? h('p.meta', 'This key is read-only: it sees everything and changes nothing.') : null, status);
}
