// Sequences: the list, and one sequence drawn as a graph, version by version.
import { h, mount, notice, pill } from '../dom.js';
import { get } from '../api.js';
import { draw } from './seqgraph.js';

export async function render(main, route) {
  const name = route.path[1];
  if (!name) return list(main);
  const data = await get(`/v1/sequences/${encodeURIComponent(name)}`);
  const wanted = Number(route.query.get('version')) || (data.versions.find((v) => v.current) || data.versions[0]).version;
  const shown = data.versions.find((v) => v.version === wanted) || data.versions[0];
  const def = shown.definition;
  const tabs = h('div.tabs', { role: 'tablist', 'aria-label': 'Versions' }, data.versions.map((v) => h('a.tab', {
    role: 'tab', href: `#/sequences/${encodeURIComponent(name)}?version=${v.version}`,
    'aria-selected': v.version === shown.version ? 'true' : 'false',
  }, `v${v.version}`, v.current ? ' (current)' : '')));
  mount(main,
    h('div.page-head', h('h1', name, ' ', pill(`v${shown.version}`), shown.current ? pill('current', 'ok') : pill('older', 'muted')),
      h('div.actions', h('a.button', { href: `#/analytics/${encodeURIComponent(name)}` }, 'Results'), ' ',
        h('a.button', { href: `#/preview?sequence=${encodeURIComponent(name)}` }, 'Preview this sequence'))),
    def.description ? h('p.lead', def.description) : null,
    tabs,
    h('div.graph-wrap', { tabindex: 0, 'aria-label': 'Sequence graph, scrollable' }, draw(def)),
    h('details.definition', h('summary', 'Definition as its file reads'), h('pre', JSON.stringify(def, null, 2))));
  return null;
}

async function list(main) {
  const { sequences } = await get('/v1/sequences');
  const byName = new Map();
  for (const s of sequences) byName.set(s.name, [...(byName.get(s.name) || []), s]);
  const rows = [...byName.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, versions]) => {
    versions.sort((a, b) => b.version - a.version);
    const current = versions.find((v) => v.current) || versions[0];
    return h('tr',
      h('th', { scope: 'row' }, h('a', { href: `#/sequences/${encodeURIComponent(name)}` }, name)),
      h('td', versions.map((v) => h('a.ver', { href: `#/sequences/${encodeURIComponent(name)}?version=${v.version}` },
        `v${v.version}`, v.current ? '*' : ''))),
      h('td.num', String(current.steps)),
      h('td', current.description || ''),
      h('td', h('a', { href: `#/analytics/${encodeURIComponent(name)}`, 'aria-label': `Results of ${name}` }, 'Results')));
  });
  mount(main, h('h1', 'Sequences'),
    rows.length ? h('div.table-wrap', h('table.list', h('caption', 'Every sequence this service runs; * marks the version new enrollments get.'),
      h('thead', h('tr', h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Versions'),
        h('th', { scope: 'col' }, 'Steps'), h('th', { scope: 'col' }, 'Description'), h('th', { scope: 'col' }, 'Analytics'))),
      h('tbody', rows))) : notice('No sequences are loaded.'));
  return null;
}
