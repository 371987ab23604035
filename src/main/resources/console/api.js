// The console's only way to the service: the same /v1 API, with the key signed in with, as a bearer token.

const KEY = 'parley.console.key';
const CALLER = 'parley.console.caller';

export const session = {
  key: () => sessionStorage.getItem(KEY),
  caller: () => JSON.parse(sessionStorage.getItem(CALLER) || 'null'),
  store(key, caller) {
    sessionStorage.setItem(KEY, key);
    sessionStorage.setItem(CALLER, JSON.stringify(caller));
  },
  storeKey: (key) => sessionStorage.setItem(KEY, key),
  clear() {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(CALLER);
  },
};

/** A failed call: the problem document's title and detail, and each field it names. */
export class ApiError extends Error {
  constructor(status, problem) {
    const fields = (problem && problem.errors || []).map((e) => `${e.field || e.pointer || ''} ${e.message || ''}`.trim());
    super([problem && (problem.detail || problem.title) || `HTTP ${status}`, ...fields].join('; '));
    this.status = status;
    this.problem = problem;
  }
}

let onUnauthorized = () => {};
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

export async function call(method, path, body, key = session.key()) {
  const headers = { Accept: 'application/json' };
  if (key) headers.Authorization = `Bearer ${key}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    const error = new ApiError(response.status, json);
    if (response.status === 401 && key === session.key()) onUnauthorized(error);
    throw error;
  }
  return json;
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body);

/** The service's own Prometheus metrics (no key needed), as text. */
export async function metricsText() {
  const response = await fetch('/metrics', { headers: { Accept: 'text/plain' } });
  if (!response.ok) throw new ApiError(response.status, null);
  return response.text();
}

/** Saves what a GET answers (a CSV export, say) as a file: fetched with the key, handed to the browser as a blob. */
export async function download(path, accept, filename, key = session.key()) {
  const response = await fetch(path, { headers: { Accept: accept, Authorization: `Bearer ${key}` } });
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch (e) {
      problem = null;
    }
    throw new ApiError(response.status, problem);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
