// One timeline entry as a card of the case's story: what it is, and what it says about why.
import { h, localTime, pill } from '../dom.js';
import { duration } from './seqgraph.js';

/** The kinds of entry, as the filter offers them. */
export const GROUPS = [
  ['decision', 'Decisions'], ['attempt', 'Attempts'], ['delivery', 'Delivery'], ['reply', 'Replies'],
  ['case', 'Case events'], ['call', 'Calls'], ['task', 'Tasks'], ['enrollment', 'Enrollment and steps'], ['other', 'Other'],
];

/** Channels that hand the case to people (a field visit, an agency, legal): their attempts are tasks. */
const TASK_CHANNELS = ['visit', 'agency', 'legal', 'handoff', 'task'];

export function groupOf(kind, channel) {
  if (TASK_CHANNELS.includes(channel) && (kind.startsWith('attempt.') || kind.startsWith('task.'))) return 'task';
  if (kind === 'decision' || kind === 'attempt.suppressed') return 'decision';
  if (kind === 'attempt.sending' || kind === 'attempt.unknown') return 'attempt';
  if (kind === 'attempt.status' || kind === 'email.soft_bounce' || kind.startsWith('letter.')) return 'delivery';
  if (kind.startsWith('reply.')) return 'reply';
  if (kind === 'agent.flagged' || kind.startsWith('task.')) return 'task';
  if (kind.startsWith('call.')) return 'call';
  if (kind.startsWith('enrollment.') || kind.startsWith('step.')) return 'enrollment';
  if (kind === 'case.event' || kind.startsWith('promise.') || kind.startsWith('contact.') || kind.startsWith('hold.')
    || kind.startsWith('suppression.') || kind.startsWith('debtor.')) return 'case';
  return 'other';
}

/** The channel an entry is about: its own, its attempt's, or its kind's. */
export function channelOf(entry, attempts) {
  const d = entry.data || {};
  if (d.channel) return d.channel;
  if (d.attemptId && attempts.has(d.attemptId)) return attempts.get(d.attemptId);
  const prefix = entry.kind.split('.')[0];
  return { call: 'voice', letter: 'letter', email: 'email' }[prefix] || null;
}

const TITLES = {
  decision: 'Decision', 'attempt.suppressed': 'Suppressed', 'attempt.sending': 'Attempt', 'attempt.unknown': 'Outcome unknown',
  'attempt.status': 'Delivery', 'reply.received': 'Reply', 'reply.auto': 'Automatic reply', 'case.event': 'Case event',
  'promise.recorded': 'Promise to pay', 'promise.kept': 'Promise kept', 'promise.broken': 'Promise broken',
  'agent.flagged': 'Task for an agent', 'call.turn': 'Call transcript', 'step.scheduled': 'Step scheduled',
  'step.skipped': 'Step skipped', 'step.error': 'Step error', 'enrollment.created': 'Enrolled',
};

export function title(kind) {
  return TITLES[kind] || kind.replace(/[._]/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

const OUTCOME = { allow: 'ok', defer: 'warn', suppress: 'bad', delivered: 'ok', read: 'ok', sent: 'info', failed: 'bad',
  undelivered: 'bad', returned: 'bad', unknown: 'warn' };

function reasons(list) {
  return list && list.length ? h('ul.reasons', list.map((r) => h('li', r))) : null;
}

function facts(d, zone) {
  const f = d.facts || {};
  const rows = [];
  if (d.until) rows.push(['until', `${localTime(d.until, zone)} (debtor's time)`]);
  if (f.zones) rows.push(['zones', f.zones.map((z) => `${z.zone} (${z.source})${z.localTime ? ' at ' + z.localTime.slice(11, 16) + ' local' : ''}`).join('; ')]);
  if (f.hours) rows.push(['hours', f.hours + (f.hoursSetBy ? ` (from ${f.hoursSetBy.from}, until ${f.hoursSetBy.until})` : '')]);
  if (f.caps && f.caps.length) rows.push(['caps', f.caps.map((c) => `${c.id}: ${c.counted} of ${c.max} per ${duration(c.window)}`).join('; ')]);
  if (f.packs) rows.push(['packs', f.packs.join(', ')]);
  return rows.length ? h('dl.facts', rows.map(([k, v]) => [h('dt', k), h('dd', v)])) : null;
}

function body(entry, d, zone) {
  switch (entry.kind) {
    case 'decision':
    case 'attempt.suppressed':
      return [h('p.line', pill(d.outcome || 'suppress', OUTCOME[d.outcome || 'suppress']), ' rule ', h('code', d.rule || ''),
        d.stepId ? ` · step ${d.stepId}` : ''), facts(d, zone), reasons(d.reasons)];
    case 'attempt.sending': {
      const c = d.content || {};
      return [h('p.line', `${d.channel} to `, h('span.addr', d.to || ''), d.template ? ` · template ${d.template}` : '',
        d.stepId ? ` · step ${d.stepId}` : ''),
      c.subject ? h('p.line', 'Subject: ', c.subject) : null,
      c.text ? h('blockquote.message', c.text) : null,
      c.segments ? h('p.meta', `${c.encoding}, ${c.segments} segment${c.segments > 1 ? 's' : ''}`) : null];
    }
    case 'attempt.status':
      return [h('p.line', pill(d.status, OUTCOME[d.status] || 'info'), ` ${d.channel || ''}`,
        d.providerRef ? h('span.meta', ` · ${d.providerRef}`) : null),
      d.error ? h('p.line.bad', `${d.errorCode ? d.errorCode + ': ' : ''}${d.error}`) : null];
    case 'reply.received':
    case 'reply.auto':
      return [h('p.line', `${d.channel || ''} from `, h('span.addr', d.from || ''), ' · intent ',
        pill(d.intent || 'other', 'intent'), d.secondaryIntent ? [' then ', pill(d.secondaryIntent, 'intent')] : null),
      d.text ? h('blockquote.message', d.text) : null,
      d.promise ? h('p.line.promise', 'Promised: ', h('strong', `${d.promise.amount ?? '?'}`), ' by ',
        h('strong', d.promise.date || '?'), h('span.meta', ` ("${d.promise.amountText || ''}", "${d.promise.dateText || ''}")`)) : null,
      d.reasons ? h('details', h('summary', 'Why this intent'), reasons(d.reasons)) : null];
    case 'call.turn':
      return [h('p.line', `turn ${d.turn ?? ''} · the callee `, d.silence ? h('em', 'keyed nothing')
        : d.keys !== undefined && d.keys !== null ? ['keyed ', h('code', d.keys)] : 'answered'),
        (d.said || []).length ? h('blockquote.message.said', h('span.meta', 'Parley said: '), (d.said || []).join(' ')) : null,
        d.next ? h('p.meta', `then: ${typeof d.next === 'string' ? d.next : JSON.stringify(d.next)}`) : null];
    case 'case.event':
      return [h('p.line', pill(d.type, 'intent'), d.reference ? h('span.meta', ` ref ${d.reference}`) : null),
        d.details ? kv(d.details) : null];
    case 'promise.recorded':
    case 'promise.kept':
    case 'promise.broken':
      return [h('p.line.promise', h('strong', d.amount ?? '?'), ' by ', h('strong', d.date || '?'),
        d.source ? h('span.meta', ` · from ${d.source}`) : null, d.dueAt ? h('span.meta', ` · broken if unpaid by ${localTime(d.dueAt, zone)}`) : null),
      kv(omit(d, ['amount', 'date', 'source', 'dueAt', 'promiseId', 'amountText', 'dateText']))];
    case 'agent.flagged':
      return [h('p.line', d.reason || ''), d.text ? h('blockquote.message', d.text) : null, kv(omit(d, ['reason', 'text']))];
    case 'enrollment.created':
      return [h('p.line', 'sequence ', h('a', { href: `#/sequences/${encodeURIComponent(d.sequence)}?version=${d.version}` },
        `${d.sequence} v${d.version}`), ` · zone ${d.timeZone}`),
      d.plannedSteps ? h('p.meta', 'planned: ', d.plannedSteps.map((s) => `${s.stepId} (${s.channel})`).join(', ')) : null];
    case 'step.scheduled':
      return h('p.line', `${d.stepId} on ${d.channel}, due ${localTime(d.dueAt, zone)}${d.retry ? `, retry ${d.retry}` : ''}`);
    default:
      return kv(d);
  }
}

function omit(d, keys) {
  return Object.fromEntries(Object.entries(d).filter(([k]) => !keys.includes(k)));
}

function kv(d) {
  const rows = Object.entries(d || {}).filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (!rows.length) return null;
  return h('dl.facts', rows.map(([k, v]) => [h('dt', k), h('dd', typeof v === 'object' ? JSON.stringify(v) : String(v))]));
}

/** One entry as a card; its data comes with addresses already masked by the API when the key may not see them. */
export function card(entry, zone, channel) {
  const d = entry.data || {};
  const group = groupOf(entry.kind, channel);
  return h(`li.entry.g-${group}`, { dataset: { kind: entry.kind, group, channel: channel || '' } },
    h('div.when', h('time', { datetime: entry.at, title: `${entry.at} (UTC)` }, localTime(entry.at, zone))),
    h('article.card', { 'aria-label': `${title(entry.kind)} at ${localTime(entry.at, zone)}` },
      h('header', h('span.kind', title(entry.kind)), channel ? h(`span.ch.ch-${channel}`, channel) : null,
        h('span.meta', ` #${entry.id}`)),
      body(entry, d, zone)));
}
