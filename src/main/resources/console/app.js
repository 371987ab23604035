// The console's shell: signing in with an API key (kept in sessionStorage), the routes of the address bar's
// fragment, and the header. Each view is a module with render(main, route) that may return a function to stop it.
import { h, mount, notice } from './dom.js';
import { session, get, call, whenUnauthorized, ApiError } from './api.js';
import * as cases from './views/case.js';
import * as sequences from './views/sequences.js';
import * as preview from './views/preview.js';
import * as health from './views/health.js';
import * as analytics from './views/analytics.js';

const main = document.getElementById('main');
const who = document.getElementById('who');
let stopView = null;

/** "#/cases/c-1?key=..&x=1" -> {path: ['cases', 'c-1'], query: URLSearchParams} */
export function parseRoute(hash = location.hash) {
  const raw = hash.replace(/^#\/?/, '');
  const [path, query = ''] = raw.split('?');
  const decode = (part) => {
    try {
      return decodeURIComponent(part);
    } catch (e) {
      return part; // a stray % is taken as written
    }
  };
  return { path: path.split('/').filter(Boolean).map(decode), query: new URLSearchParams(query) };
}

/** A key handed over once in the fragment goes to sessionStorage and leaves the address bar at once. */
function takeKeyFromFragment() {
  const route = parseRoute();
  const key = route.query.get('key');
  if (key === null) return false;
  route.query.delete('key');
  const rest = route.query.toString();
  const hash = '#/' + route.path.map(encodeURIComponent).join('/') + (rest ? '?' + rest : '');
  history.replaceState(null, '', location.pathname + location.search + hash);
  session.clear();
  session.storeKey(key);
  return true;
}

function header() {
  const caller = session.caller();
  if (!caller) {
    mount(who);
    return;
  }
  const role = caller.canWrite ? caller.role : `${caller.role}, read-only`;
  mount(who, h('span.whoami', { title: caller.seesAddresses ? 'contact addresses shown' : 'contact addresses masked' },
    `${caller.name} (${role})`), h('button.link#logout', { type: 'button', onclick: logout }, 'Log out'));
}

function logout() {
  session.clear();
  header();
  showLogin('You are logged out.');
}

function showLogin(message) {
  if (stopView) stopView();
  stopView = null;
  highlight(null);
  const input = h('input#key', { type: 'password', name: 'key', autocomplete: 'off', required: true,
    'aria-describedby': 'key-help', spellcheck: 'false' });
  const status = h('p.form-status', { role: 'status' }, message || '');
  const form = h('form.login', {
    onsubmit: async (event) => {
      event.preventDefault();
      status.textContent = 'Checking the key…';
      const key = input.value.trim();
      try {
        const caller = await callerOf(key);
        session.store(key, caller);
        header();
        route();
      } catch (e) {
        status.textContent = e instanceof ApiError && e.status === 401 ? 'That key is not known.' : e.message;
        input.select();
      }
    },
  },
  h('h1', 'Sign in'),
  h('label', { for: 'key' }, 'API key'),
  input,
  h('p.help#key-help', 'The same key the API takes. It is kept in this browser tab only, until you log out or close it.'),
  h('button.primary', { type: 'submit' }, 'Sign in'),
  status);
  mount(main, form);
  input.focus();
}

function callerOf(key) {
  return call('GET', '/v1/caller', undefined, key);
}

function highlight(section) {
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.dataset.section === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

const views = { cases, sequences, preview, health, analytics };
/** The section of the header a view belongs to. */
const SECTION_OF = { analytics: 'sequences' };

async function route() {
  if (!session.key()) {
    showLogin();
    return;
  }
  if (!session.caller()) {
    try {
      session.store(session.key(), await get('/v1/caller'));
    } catch (e) {
      session.clear();
      showLogin(e instanceof ApiError && e.status === 401 ? 'That key is not known.' : e.message);
      return;
    }
    header();
  }
  const current = parseRoute();
  const section = current.path[0] || 'cases';
  const view = views[section];
  if (stopView) stopView();
  stopView = null;
  highlight(view ? SECTION_OF[section] || section : null);
  if (!view) {
    mount(main, notice(`There is no page "${current.path.join('/')}".`, 'error'));
    return;
  }
  mount(main, notice('Loading…'));
  try {
    stopView = (await view.render(main, current, session.caller())) || null;
  } catch (e) {
    mount(main, notice(e.message, 'error'));
  }
  main.focus({ preventScroll: true });
}

whenUnauthorized(() => {
  session.clear();
  header();
  showLogin('The key is no longer accepted; sign in again.');
});

window.addEventListener('hashchange', () => {
  if (takeKeyFromFragment()) header();
  route();
});
takeKeyFromFragment();
header();
route();
