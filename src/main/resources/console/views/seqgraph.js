// Draws a sequence definition (the tree its YAML file reads as) as an SVG graph: one box per step in file order,
// "next in order" as a straight line down, every other branch as an orthogonal path in a lane on the right, each
// labelled with the outcomes that take it; waits, skip conditions, retries and fallbacks inside the boxes; the stop
// and pause conditions in a box at the end.
import { svg } from '../dom.js';

const BOX_X = 16;
const BOX_W = 330;
const LINE = 16;
const GAP = 44;
const LANE_START = 190;
const LANE_STEP = 16;
const CHAR = 6.6;

/** Splits a text into lines that fit a width, at spaces where it can. */
function wrap(text, width) {
  const max = Math.floor(width / CHAR);
  const lines = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(' ', max);
    if (cut <= 0) cut = max;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  lines.push(rest);
  return lines;
}

function fit(text, width) {
  const max = Math.floor(width / CHAR);
  return text.length <= max ? text : text.slice(0, Math.max(1, max - 1)) + '…';
}

/** "PT2H" -> "2 h", "P1D" and "PT24H" -> "1 d", "PT0S" -> "0 s" */
export function duration(iso) {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso || '');
  if (!m) return iso || '';
  let seconds = Number(m[1] || 0) * 86400 + Number(m[2] || 0) * 3600 + Number(m[3] || 0) * 60 + Number(m[4] || 0);
  const parts = [];
  for (const [size, unit] of [[86400, 'd'], [3600, 'h'], [60, 'min'], [1, 's']]) {
    const n = Math.floor(seconds / size);
    if (n > 0) parts.push(`${n} ${unit}`);
    seconds -= n * size;
  }
  return parts.length ? parts.join(' ') : '0 s';
}

export function timing(at) {
  if (!at) return '';
  const anchor = at.anchor === 'previous' ? 'the previous step settled' : at.anchor === 'due_date' ? 'the due date' : 'enrollment';
  if (at.localTime !== undefined) {
    const days = Number(at.days || 0);
    const day = days === 0 ? 'same day as' : days > 0 ? `${days} d after` : `${-days} d before`;
    return `wait: ${day} ${anchor}, at ${at.localTime} local`;
  }
  return `wait: ${duration(at.after)} after ${anchor}`;
}

function stepLines(step) {
  const lines = [[`${step.channel} · ${step.template}`, 'detail'], [timing(step.at), 'wait']];
  if (step.audience && step.audience !== 'borrower') lines.push([`audience: ${step.audience}`, 'detail']);
  if (step.skipIf && step.skipIf.length) lines.push([`skip if ${step.skipIf.join(', ')}`, 'skip']);
  if (step.retry) lines.push([`retry failed ×${step.retry.max} after ${duration(step.retry.backoff)}`, 'retry']);
  for (const f of step.fallback || []) lines.push([`fallback → ${f.channel} · ${f.template}`, 'fallback']);
  if (step.voicemail) lines.push([`voicemail: ${step.voicemail}`, 'detail']);
  return lines;
}

/** Lanes for the long edges: each gets the first lane no overlapping edge uses. */
function assignLanes(edges) {
  const lanes = [];
  for (const e of [...edges].sort((a, b) => (Math.abs(a.to - a.from) - Math.abs(b.to - b.from)))) {
    const lo = Math.min(e.from, e.to);
    const hi = Math.max(e.from, e.to);
    let lane = 0;
    while ((lanes[lane] || []).some(([l, u]) => !(hi < l || lo > u))) lane++;
    (lanes[lane] = lanes[lane] || []).push([lo, hi]);
    e.lane = lane;
  }
  return lanes.length;
}

export function draw(definition) {
  const steps = definition.steps || [];
  const index = new Map(steps.map((s, i) => [s.id, i + 1]));
  const END = steps.length + 1;
  const nodes = [{ id: 'start', title: 'enrolled', lines: [[`${definition.name} v${definition.version}`, 'detail']], kind: 'terminal' }];
  steps.forEach((s) => nodes.push({ id: s.id, title: s.id, lines: stepLines(s), kind: 'step', channel: s.channel }));
  nodes.push({ id: 'end', title: 'end', lines: [['sequence completed', 'detail']], kind: 'terminal' });
  if (definition.onBrokenPromise && index.has(definition.onBrokenPromise)) {
    nodes[index.get(definition.onBrokenPromise)].lines.push(['↩ a broken promise resumes here', 'promise']);
  }

  for (const n of nodes) {
    n.lines = n.lines.flatMap(([text, cls]) => wrap(text, BOX_W - 20).map((t, k) => [k ? '  ' + t : t, cls]));
  }
  let y = 12;
  for (const n of nodes) {
    n.y = y;
    n.h = 24 + n.lines.length * LINE + 8;
    y += n.h + GAP;
  }

  // edges: adjacent ones straight down (labels merged), the others in lanes
  const down = new Map();
  const long = [];
  const addDown = (i, label) => down.set(i, [...(down.get(i) || []), label]);
  addDown(0, 'start');
  steps.forEach((s, k) => {
    const i = k + 1;
    const byTarget = new Map();
    for (const [outcome, target] of Object.entries(s.on || {})) {
      const t = target === 'end' ? END : index.get(target);
      if (t === undefined) continue;
      byTarget.set(t, [...(byTarget.get(t) || []), outcome]);
    }
    for (const [t, outcomes] of byTarget) {
      if (t === i + 1) addDown(i, outcomes.join(', '));
      else long.push({ from: i, to: t, label: outcomes.join(', ') });
    }
    addDown(i, byTarget.size ? 'other outcomes' : 'next');
  });
  const laneCount = assignLanes(long);
  const portsUsed = new Map();
  const port = (i, dir) => {
    const key = `${i}:${dir}`;
    const k = portsUsed.get(key) || 0;
    portsUsed.set(key, k + 1);
    const n = nodes[i];
    // edges leave from the top of a box down (each with its label above it), and come in from the bottom up
    return dir === 'out' ? n.y + 14 + k * 14 : Math.max(n.y + 8, n.y + n.h - 8 - k * 9);
  };
  const right = BOX_X + BOX_W;
  const width = Math.max(620, right + LANE_START + laneCount * LANE_STEP + 24);

  const stops = [];
  if ((definition.stopOn || []).length) stops.push(`stops, at any step, on: ${definition.stopOn.join(', ')}`);
  if ((definition.pauseOn || []).length) stops.push(`pauses on: ${definition.pauseOn.join(', ')}`);
  if (definition.onBrokenPromise) stops.push(`a broken promise goes on at: ${definition.onBrokenPromise}`);
  const stopsY = y;
  const stopLines = stops.flatMap((t) => wrap(t, width - BOX_X - 28));
  const height = stopsY + (stopLines.length ? 20 + stopLines.length * LINE + 10 : 0) + 8;

  const g = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, class: 'seqgraph', role: 'img',
    'aria-label': `Graph of ${definition.name} version ${definition.version}: ${steps.length} steps` },
  svg('defs', {}, svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7,
    orient: 'auto-start-reverse' }, svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' }))));

  for (const [i, labels] of down) {
    if (i + 1 >= nodes.length) continue;
    const x = BOX_X + BOX_W / 2;
    const y1 = nodes[i].y + nodes[i].h;
    const y2 = nodes[i + 1].y;
    g.append(svg('line', { x1: x, y1, x2: x, y2: y2 - 1, class: 'edge', 'marker-end': 'url(#arrow)' }));
    g.append(svg('text', { x: x + 8, y: (y1 + y2) / 2 + 4, class: 'edge-label' }, fit(labels.join(' · '), BOX_W / 2 + LANE_START - 16)));
  }
  for (const e of long) {
    const laneX = right + LANE_START + e.lane * LANE_STEP;
    const y1 = port(e.from, 'out');
    const y2 = port(e.to, 'in');
    g.append(svg('path', { d: `M${right},${y1} H${laneX} V${y2} H${right + 2}`, class: `edge${e.to <= e.from ? ' back' : ''}`,
      'marker-end': 'url(#arrow)' }));
    g.append(svg('text', { x: right + 4, y: y1 - 3, class: 'edge-label' }, svg('title', {}, `${e.label} → ${nodes[e.to].title}`),
      fit(e.label, LANE_START - 8 + e.lane * LANE_STEP)));
  }
  for (const n of nodes) {
    const box = svg('g', { class: `node ${n.kind}${n.channel ? ' ch-' + n.channel : ''}`, tabindex: 0,
      'aria-label': [n.title, ...n.lines.map(([t]) => t)].join('; ') });
    box.append(svg('title', {}, [n.title, ...n.lines.map(([t]) => t)].join('\n')));
    box.append(svg('rect', { x: BOX_X, y: n.y, width: BOX_W, height: n.h, rx: n.kind === 'terminal' ? 18 : 6 }));
    box.append(svg('text', { x: BOX_X + 10, y: n.y + 18, class: 'node-title' }, fit(n.title, BOX_W - 20)));
    n.lines.forEach(([text, cls], k) => box.append(svg('text', { x: BOX_X + 10, y: n.y + 18 + (k + 1) * LINE,
      class: `node-line ${cls}` }, fit(text, BOX_W - 20))));
    g.append(box);
  }
  if (stopLines.length) {
    const box = svg('g', { class: 'node stops' });
    box.append(svg('rect', { x: BOX_X, y: stopsY, width: width - BOX_X - 8, height: 20 + stopLines.length * LINE, rx: 6 }));
    stopLines.forEach((text, k) => box.append(svg('text', { x: BOX_X + 10, y: stopsY + 18 + k * LINE, class: 'node-line stop' }, text)));
    g.append(box);
  }
  return g;
}
