// Channel health, read live from the service's own /metrics (the numbers Prometheus scrapes, not a second copy):
// sends, failures and provider latency per channel, circuit breakers, dispatch lag and the decisions' rules.
import { h, mount, notice, pill } from '../dom.js';
import { metricsText } from '../api.js';

const REFRESH_MS = 5000;
const FAILED = ['failed', 'undelivered', 'returned', 'unknown', 'bounced'];
const DELIVERED = ['delivered', 'read', 'mailed', 'completed'];

/** Prometheus text exposition -> [{name, labels, value}] */
export function parse(text) {
  const out = [];
  for (const line of text.split('\n')) {
    if (!line || line[0] === '#') continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!m) continue;
    const labels = {};
    for (const l of (m[2] || '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]] = l[2];
    out.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return out;
}

const sum = (samples, name, match = () => true) => samples.filter((s) => s.name === name && match(s.labels))
  .reduce((a, s) => a + s.value, 0);

/** The q-quantile of a histogram's cumulative buckets, linear within the bucket. */
function quantile(samples, name, match, q) {
  const buckets = samples.filter((s) => s.name === name && match(s.labels) && s.labels.le !== undefined)
    .map((s) => [s.labels.le === '+Inf' ? Infinity : Number(s.labels.le), s.value]).sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const [le, v] of buckets) {
    if (merged.length && merged[merged.length - 1][0] === le) merged[merged.length - 1][1] += v;
    else merged.push([le, v]);
  }
  const total = merged.length ? merged[merged.length - 1][1] : 0;
  if (!total) return null;
  let prevLe = 0;
  let prevCount = 0;
  for (const [le, count] of merged) {
    if (count >= q * total) {
      if (le === Infinity) return prevLe;
      return prevLe + (le - prevLe) * ((q * total - prevCount) / Math.max(1, count - prevCount));
    }
    prevLe = le;
    prevCount = count;
  }
  return prevLe;
}

function ms(seconds) {
  if (seconds === null || Number.isNaN(seconds)) return '–';
  return seconds < 1 ? `${Math.round(seconds * 1000)} ms` : `${seconds.toFixed(2)} s`;
}

export function summarize(samples) {
  const channels = new Set(samples.filter((s) => s.labels.channel && s.name.startsWith('parley_')).map((s) => s.labels.channel));
  const breakers = new Map();
  for (const s of samples.filter((x) => x.name === 'resilience4j_circuitbreaker_state' && x.value === 1)) {
    breakers.set(s.labels.name, s.labels.state);
    channels.add(s.labels.name.split('-')[0]);
  }
  const rows = [...channels].sort().map((channel) => {
    const ch = (l) => l.channel === channel;
    const latencyCount = sum(samples, 'parley_provider_latency_seconds_count', ch);
    return {
      channel,
      sends: sum(samples, 'parley_attempts_total', (l) => ch(l) && l.status === 'sending'),
      sent: sum(samples, 'parley_attempts_total', (l) => ch(l) && l.status === 'sent'),
      delivered: sum(samples, 'parley_attempts_total', (l) => ch(l) && DELIVERED.includes(l.status)),
      failed: sum(samples, 'parley_attempts_total', (l) => ch(l) && FAILED.includes(l.status)),
      errors: sum(samples, 'parley_provider_errors_total', ch),
      latency: latencyCount ? sum(samples, 'parley_provider_latency_seconds_sum', ch) / latencyCount : null,
      p95: quantile(samples, 'parley_provider_latency_seconds_bucket', ch, 0.95),
      breakers: [...breakers].filter(([name]) => name.startsWith(channel + '-')).map(([name, state]) => ({
        name, state, failureRate: sum(samples, 'resilience4j_circuitbreaker_failure_rate', (l) => l.name === name) })),
    };
  });
  const lagCount = sum(samples, 'parley_dispatch_lag_seconds_count');
  const decisions = samples.filter((s) => s.name === 'parley_decisions_total' && s.labels.outcome !== 'allow')
    .map((s) => ({ outcome: s.labels.outcome, rule: s.labels.rule, count: s.value })).sort((a, b) => b.count - a.count);
  return {
    rows,
    dispatch: {
      lagMean: lagCount ? sum(samples, 'parley_dispatch_lag_seconds_sum') / lagCount : null,
      lagMax: sum(samples, 'parley_dispatch_lag_seconds_max'),
      pending: sum(samples, 'parley_due_steps_pending'),
      unknown: sum(samples, 'parley_attempts_unknown'),
      claimed: sum(samples, 'parley_dispatch_claimed_total'),
    },
    decisions,
  };
}

export async function render(main) {
  const body = h('div.health');
  const stamp = h('p.meta', { role: 'status' });
  mount(main, h('div.page-head', h('h1', 'Channel health'), stamp), body);
  let previous = null;
  let stopped = false;
  const refresh = async () => {
    try {
      const now = Date.now();
      const current = { at: now, summary: summarize(parse(await metricsText())) };
      if (stopped) return;
      draw(body, current, previous);
      stamp.textContent = `from /metrics at ${new Date(now).toLocaleTimeString()}, refreshed every ${REFRESH_MS / 1000} s`;
      previous = current;
    } catch (e) {
      if (!stopped) mount(body, notice(`The metrics could not be read: ${e.message}`, 'error'));
    }
  };
  await refresh();
  const timer = setInterval(refresh, REFRESH_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

function rate(current, previous, channel, key) {
  if (!previous) return '';
  const before = previous.summary.rows.find((r) => r.channel === channel);
  const minutes = (current.at - previous.at) / 60000;
  const delta = (current.summary.rows.find((r) => r.channel === channel)[key]) - (before ? before[key] : 0);
  return minutes > 0 ? ` (${(delta / minutes).toFixed(1)}/min)` : '';
}

function draw(body, current, previous) {
  const { rows, dispatch, decisions } = current.summary;
  const breakerKind = { closed: 'ok', half_open: 'warn', open: 'bad', forced_open: 'bad', disabled: 'muted', metrics_only: 'muted' };
  mount(body,
    h('div.tiles',
      tile('Dispatch lag (mean)', ms(dispatch.lagMean)), tile('Dispatch lag (max, recent)', ms(dispatch.lagMax)),
      tile('Due steps waiting', String(dispatch.pending)), tile('Attempts of unknown outcome', String(dispatch.unknown),
        dispatch.unknown > 0 ? 'warn' : null), tile('Steps claimed', String(dispatch.claimed))),
    h('div.table-wrap', h('table.list.channels', h('caption', 'Per channel, since the service started'),
      h('thead', h('tr', ['Channel', 'Sends', 'Sent', 'Delivered', 'Failed', 'Provider errors', 'Latency (mean)', 'Latency (p95)', 'Breaker']
        .map((c, i) => h(i > 0 && i < 8 ? 'th.num' : 'th', { scope: 'col' }, c)))),
      h('tbody', rows.length ? rows.map((r) => h('tr', { dataset: { channel: r.channel } },
        h('th', { scope: 'row' }, h(`span.ch.ch-${r.channel}`, r.channel)),
        h('td.num', `${r.sends}${rate(current, previous, r.channel, 'sends')}`), h('td.num', String(r.sent)), h('td.num', String(r.delivered)),
        h('td.num', { class: r.failed ? 'num bad' : 'num' }, `${r.failed}${rate(current, previous, r.channel, 'failed')}`),
        h('td.num', String(r.errors)), h('td.num', ms(r.latency)), h('td.num', ms(r.p95)),
        h('td', r.breakers.length ? r.breakers.map((b) => h('span.breaker', pill(`${b.name}: ${b.state.replace('_', ' ')}`, breakerKind[b.state] || 'info'),
          b.failureRate >= 0 ? h('span.meta', ` ${b.failureRate.toFixed(0)}% failing`) : null)) : '–')))
        : h('tr', h('td', { colspan: 9 }, 'No channel has reported yet.'))))),
    h('h2', 'Deferrals and suppressions by rule'),
    decisions.length ? h('div.table-wrap', h('table.list', h('thead', h('tr', h('th', { scope: 'col' }, 'Outcome'), h('th', { scope: 'col' }, 'Rule'), h('th', { scope: 'col' }, 'Count'))),
      h('tbody', decisions.map((d) => h('tr', h('td', pill(d.outcome, d.outcome === 'defer' ? 'warn' : 'bad')), h('td', h('code', d.rule)), h('td.num', String(d.count)))))))
      : h('p.meta', 'No deferral or suppression since the service started.'));
}

function tile(label, value, kind) {
  return h(`div.tile${kind ? '.' + kind : ''}`, h('span.tile-value', value), h('span.tile-label', label));
}
