// A case's contact points: state, and per cap of the rule packs in force, used and remaining in its window now.
import { h, mount, notice, pill } from '../dom.js';
import { get } from '../api.js';
import { duration } from './seqgraph.js';

const STATE = { valid: 'ok', opted_out: 'bad', invalid: 'bad', suppressed: 'warn' };

export async function contactPoints(box, caseId) {
  const heading = h('h2#cp-h', 'Contact points');
  let data;
  try {
    data = await get(`/v1/cases/${encodeURIComponent(caseId)}/contact-points`);
  } catch (e) {
    mount(box, heading, notice(e.status === 404 ? 'The case was never enrolled.' : e.message, e.status === 404 ? 'info' : 'error'));
    return;
  }
  const points = data.contactPoints.map((p) => {
    const suppressed = (p.suppressions || []).length > 0;
    const state = p.status === 'valid' && suppressed ? 'suppressed' : p.status;
    return h('li.point', { dataset: { channel: p.channel, state } },
      h('div.point-head', h(`span.ch.ch-${p.channel}`, p.channel), ' ', h('span.addr', p.address), ' ',
        pill(state.replace('_', ' '), STATE[state] || 'info')),
      h('p.meta', `${p.type}${p.consent ? ', consent given' : ', no consent recorded'}`, p.statusReason ? ` · ${p.statusReason}` : ''),
      suppressed ? h('ul.reasons', p.suppressions.map((s) => h('li', `suppressed: ${s.reason} by ${s.source}${s.since ? ' since ' + String(s.since).slice(0, 16).replace('T', ' ') : ''}`))) : null,
      p.caps.length ? h('table.caps', h('caption.sr', `Caps on ${p.channel}`),
        h('thead', h('tr', h('th', { scope: 'col' }, 'cap'), h('th', { scope: 'col' }, 'used'), h('th', { scope: 'col' }, 'left'))),
        h('tbody', p.caps.map((c) => h('tr', { title: `${c.rule}: at most ${c.max} per ${duration(c.window)} per ${c.scope.replace('_', ' ')}` },
          h('td', h('code', c.rule), h('div.meter', { role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': c.max, 'aria-valuenow': c.used,
            'aria-label': `${c.used} of ${c.max} used` }, h(`span${c.remaining === 0 ? '.full' : ''}`, { dataset: { pct: c.max ? Math.min(100, Math.round(100 * c.used / c.max)) : 100 } }))),
          h('td.num', `${c.used}/${c.max}`), h('td.num', String(c.remaining))))))
        : h('p.meta', 'no cap bears on this channel'));
  });
  mount(box, heading, h('p.meta', `debtor ${data.debtorId} · packs ${data.packs.join(', ')}${data.addressesMasked ? ' · addresses masked for this key' : ''}`),
    h('ul.points', points));
  for (const bar of box.querySelectorAll('.meter span')) bar.style.width = `${bar.dataset.pct}%`;
}
