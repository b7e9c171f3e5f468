// The mock's dashboard: plain JavaScript, no build step, no third-party code, no network but the mock itself.
//
// Two rules shape this file:
// 1. It uses only the public admin API (api-spec/admin-openapi.yaml), exactly as any other client would.
// 2. Every value it shows may come from an untrusted request (a requestId is whatever a client sent), so the DOM
//    is built with createElement and text nodes only; nothing from the API ever goes through innerHTML.
'use strict';

(() => {
  const TOKEN_KEY = 'deepcleer-mock.admin-token';
  const ADMIN = new URL('../', document.baseURI); // the page lives at /__admin/ui/
  const POLL_MS = 1000; // live updates: short polling of the visible view only
  const MAX_BACKOFF_MS = 30000;
  const MAX_ROWS = 200; // a full journal or 10 000 streams must not freeze the page

  // ---- DOM helpers: text nodes only ----

  function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  const $ = (id) => document.getElementById(id);

  function text(value) {
    if (value === null || value === undefined) return '—';
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }

  function clock(iso) {
    if (!iso) return h('span', {}, '—');
    return h('time', {datetime: iso, title: iso}, String(iso).slice(11, 23));
  }

  function pretty(value) {
    return h('pre', {}, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  }

  /** A definition list of every field, so fields added to the admin API later show up without a change here. */
  function fields(object, skip = []) {
    const list = h('dl', {class: 'fields'});
    for (const [name, value] of Object.entries(object || {})) {
      if (skip.includes(name)) continue;
      list.append(h('dt', {}, name),
          h('dd', {}, value !== null && typeof value === 'object' ? pretty(value) : text(value)));
    }
    return list;
  }

  function emptyRow(columns, message) {
    return h('tr', {}, h('td', {class: 'empty', colspan: columns}, message));
  }

  function codeClass(code) {
    if (code === null || code === undefined) return 'code-bad';
    return code === 1100 ? 'code-ok' : 'code-bad';
  }

  // ---- the admin API ----

  class TokenNeeded extends Error {}

  async function api(method, path, body) {
    const headers = {};
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token !== null) headers.Authorization = 'Bearer ' + token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(new URL(path, ADMIN), {
      method, headers, cache: 'no-store', body: body === undefined ? undefined : JSON.stringify(body)});
    if (response.status === 401) {
      askForToken(token === null ? '' : 'The mock refused that token.');
      throw new TokenNeeded('the admin token is needed');
    }
    if (response.status === 204) return null;
    const raw = await response.text();
    let json = null;
    try {
      json = raw ? JSON.parse(raw) : null;
    } catch (e) {
      json = null;
    }
    if (!response.ok) throw new Error(json && json.error ? json.error : `HTTP ${response.status}`);
    return json;
  }

  // ---- the admin token: asked for on the first 401, kept for this browser tab only ----

  function askForToken(message) {
    poll.waitingForToken = true;
    $('token-error').textContent = message;
    const dialog = $('token-dialog');
    if (!dialog.open) dialog.showModal();
    $('token-input').focus();
  }

  $('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    // An HTTP header carries Latin-1 only; fetch would throw on anything else and the page would never ask again.
    if (/[^\x20-\x7e]/.test($('token-input').value)) {
      $('token-error').textContent = 'An admin token is printable ASCII (it travels in an HTTP header).';
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, $('token-input').value);
    $('token-input').value = '';
    $('token-dialog').close();
    poll.waitingForToken = false;
    refresh();
  });
  // Escape would leave the page without data and without a way to ask again: keep the dialog until a token is given.
  $('token-dialog').addEventListener('cancel', (event) => event.preventDefault());

  // ---- live updates ----
  //
  // One request at a time for the visible view only; the next one is scheduled when the last has finished, at least
  // twice as long after as it took (a mock under full load answers slowly, and the dashboard then asks less often).
  // Errors back off exponentially; a hidden browser tab or an unticked "live" box stops polling altogether.

  const poll = {timer: null, running: false, again: false, failures: 0, lastTookMs: 0, waitingForToken: false,
    updatedAt: null};

  async function refresh() {
    if (poll.running) {
      poll.again = true;
      return;
    }
    clearTimeout(poll.timer);
    poll.running = true;
    const started = performance.now();
    try {
      await views[current].load();
      poll.failures = 0;
      poll.updatedAt = new Date();
      showError('');
    } catch (e) {
      if (!(e instanceof TokenNeeded)) {
        poll.failures++;
        showError(e.message);
      }
    } finally {
      poll.lastTookMs = performance.now() - started;
      poll.running = false;
      if (poll.again) {
        poll.again = false;
        refresh();
      } else {
        scheduleNext();
      }
    }
  }

  function nextDelay() {
    if (poll.failures > 0) return Math.min(MAX_BACKOFF_MS, POLL_MS * 2 ** poll.failures);
    return Math.max(POLL_MS, 2 * poll.lastTookMs);
  }

  function scheduleNext() {
    clearTimeout(poll.timer);
    poll.timer = null;
    if ($('live').checked && !document.hidden && !poll.waitingForToken) {
      poll.timer = setTimeout(refresh, nextDelay());
    }
    showStatus();
  }

  function showStatus() {
    let status;
    if (poll.waitingForToken) status = 'waiting for the admin token';
    else if (poll.failures > 0) status = `failing, retrying in ${Math.round(nextDelay() / 1000)} s`;
    else if (!$('live').checked) status = 'paused';
    else if (document.hidden) status = 'paused while hidden';
    else status = 'live';
    if (poll.updatedAt) status += ' · updated ' + poll.updatedAt.toLocaleTimeString();
    $('status').textContent = status;
  }

  function showError(message) {
    $('error').textContent = message;
    $('error').hidden = !message;
  }

  /**
   * Runs a change (add, delete, end, reset), then refreshes the view at once. The API's refusal (400/404/409,
   * "<field>: <problem>") stays on screen until the next change, apart from the polling's own errors: next to the
   * form that made the change, with the field it names flagged, else above the view.
   */
  async function act(action, form = null) {
    const target = form ? form.querySelector('.form-error') : $('action-error');
    $('action-error').hidden = true; // a new change: the last one's refusal is history
    try {
      await action();
      showRefusal(target, form, '');
    } catch (e) {
      if (!(e instanceof TokenNeeded)) showRefusal(target, form, e.message);
    }
    views[current].last = null;
    refresh();
  }

  /** Shows (or, with '', clears) a refusal, and flags the form field whose name starts the message. */
  function showRefusal(target, form, message) {
    target.textContent = message;
    target.hidden = !message;
    if (!form) return;
    const named = (/^([^:\s]+):/.exec(message) || [])[1] || '';
    for (const input of form.querySelectorAll('[data-field]')) {
      const field = input.dataset.field; // "script" is named by "script.frames[0].at: ..." too
      const hit = named === field || named.startsWith(field + '.') || named.startsWith(field + '[');
      input.setAttribute('aria-invalid', String(hit));
    }
  }

  /** A form field as the API wants it: absent when empty, a number when it reads as one, else as typed (the API
   * then answers with its own 400 message, which the form shows). */
  function numberField(id) {
    const value = $(id).value.trim();
    if (value === '') return undefined;
    return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  }

  function optionalText(id) {
    const value = $(id).value;
    return value === '' ? undefined : value;
  }

  /** A JSON form field, parsed; absent when empty (the API then says it is required). */
  function jsonField(id) {
    const value = $(id).value.trim();
    if (value === '') return undefined;
    try {
      return JSON.parse(value);
    } catch (e) {
      throw new Error(`${$(id).dataset.field}: is not valid JSON (${e.message})`);
    }
  }

  /** The match of a rule from the form's {prefix}-{name} inputs; an empty input matches anything. */
  function matchFields(prefix, names) {
    const match = {};
    for (const name of names) {
      if ($(prefix + name).value !== '') match[name] = $(prefix + name).value;
    }
    return match;
  }

  // ---- views ----

  const requests = {
    last: null, entries: [], expanded: new Set(),
    async load() {
      // Every field of the filter form is a query parameter of GET /__admin/requests, named as in the API.
      const query = new URLSearchParams();
      for (const [name, value] of new FormData($('requests-filter'))) {
        if (value !== '') query.set(name, value);
      }
      const data = await api('GET', 'requests?' + query);
      const raw = JSON.stringify(data);
      if (raw === this.last) return;
      this.last = raw;
      this.entries = data.requests || [];
      this.render();
    },
    render() {
      const rows = [];
      for (const entry of this.entries) {
        const key = String(entry.seq);
        rows.push(h('tr', {class: 'row', 'data-seq': key, onclick: () => this.toggle(key)},
            h('td', {class: 'c-seq'}, text(entry.seq)),
            h('td', {class: 'c-time'}, clock(entry.time)),
            h('td', {class: 'c-method'}, text(entry.method)),
            h('td', {class: 'c-path'}, text(entry.path)),
            h('td', {class: 'c-accessKey'}, text(entry.accessKey)),
            h('td', {class: 'c-requestId'}, text(entry.requestId)),
            h('td', {class: 'c-code ' + codeClass(entry.code)}, text(entry.code)),
            h('td', {class: 'c-reason'}, text(entry.reason)),
            h('td', {class: 'c-latency'}, typeof entry.latencyMs === 'number' ? entry.latencyMs.toFixed(2) : '—')));
        if (this.expanded.has(key)) {
          rows.push(h('tr', {class: 'detail', 'data-detail-seq': key}, h('td', {colspan: 9},
              fields(entry, ['seq', 'time', 'method', 'path', 'accessKey', 'requestId', 'code', 'latencyMs', 'body']),
              h('div', {}, 'body as received' + (entry.bodyTruncated ? ' (first 4 KiB)' : '') + ':'),
              h('pre', {class: 'c-body'}, entry.body === null || entry.body === undefined ? '' : String(entry.body)))));
        }
      }
      if (rows.length === 0) rows.push(emptyRow(9, 'No requests yet.'));
      $('requests-table').tBodies[0].replaceChildren(...rows);
    },
    toggle(key) {
      if (!this.expanded.delete(key)) this.expanded.add(key);
      this.render();
    },
  };

  const streams = {
    last: null, list: [], selected: null, detail: null, attempts: [], openPayloads: new Set(),
    async load() {
      const query = new URLSearchParams();
      if ($('filter-state').value) query.set('state', $('filter-state').value);
      if ($('filter-stream-accessKey').value !== '') query.set('accessKey', $('filter-stream-accessKey').value);
      const data = await api('GET', 'streams?' + query);
      let detail = null;
      let attempts = [];
      if (this.selected !== null) {
        try {
          detail = await api('GET', 'streams/' + encodeURIComponent(this.selected));
          attempts = ((await api('GET', 'callbacks')).callbacks || [])
              .filter((a) => a.streamRequestId === detail.requestId);
        } catch (e) {
          if (e instanceof TokenNeeded || !/^requestId: /.test(e.message)) throw e;
          detail = {gone: e.message}; // deleted, or gone with a reset
        }
      }
      const raw = JSON.stringify([data, detail, attempts]);
      if (raw === this.last) return;
      this.last = raw;
      this.list = data.streams || [];
      this.detail = detail;
      this.attempts = attempts;
      this.render();
    },
    render() {
      const rows = this.list.slice(0, MAX_ROWS).map((stream) =>
        h('tr', {class: stream.requestId === this.selected ? 'row selected' : 'row', 'data-request-id': stream.requestId,
          onclick: () => this.select(stream.requestId)},
        h('td', {class: 'c-requestId'}, text(stream.requestId)),
        h('td', {class: 'c-accessKey'}, text(stream.accessKey)),
        h('td', {class: 'c-state state-' + stream.state}, text(stream.state)),
        h('td', {}, clock(stream.openedAt)),
        h('td', {}, clock(stream.closedAt)),
        h('td', {}, text(stream.returnFinishInfo)),
        h('td', {}, h('button', {type: 'button'}, 'details'))));
      if (this.list.length > MAX_ROWS) {
        rows.push(emptyRow(7, `Showing ${MAX_ROWS} of ${this.list.length} streams; filter to narrow them down.`));
      }
      if (rows.length === 0) rows.push(emptyRow(7, 'No streams.'));
      $('streams-table').tBodies[0].replaceChildren(...rows);
      this.renderDetail();
    },
    select(requestId) {
      this.selected = requestId;
      this.openPayloads.clear();
      this.last = null;
      refresh();
    },
    renderDetail() {
      const panel = $('stream-detail');
      if (this.selected === null || this.detail === null) {
        panel.hidden = true;
        panel.replaceChildren();
        return;
      }
      panel.hidden = false;
      if (this.detail.gone) {
        panel.replaceChildren(h('p', {class: 'empty'}, 'This stream is gone: ' + this.detail.gone));
        return;
      }
      const stream = this.detail;
      const id = stream.requestId;
      const actions = h('div', {class: 'actions'});
      if (stream.state === 'ACTIVE') {
        const end = h('select', {id: 'end-kind', 'aria-label': 'how the stream ends'},
            h('option', {value: ''}, 'natural end'),
            [3001, 3002, 3003, 3004, 3005].map((code) => h('option', {value: code}, 'pull failure ' + code)));
        const risk = h('select', {id: 'end-riskLevel', 'aria-label': 'riskLevel'},
            ['PASS', 'REVIEW', 'REJECT'].map((level) => h('option', {}, level)));
        const pulled = h('input', {type: 'checkbox', id: 'end-pulled', checked: true});
        actions.append(end, risk, h('label', {}, pulled, ' pullStreamSuccess'),
            h('button', {type: 'button', id: 'stream-end', title: 'POST /__admin/streams/{id}/end: ends it the way ' +
              'the service would and sends the end callback if returnFinishInfo is 1', onclick: () => {
              const body = {riskLevel: risk.value, pullStreamSuccess: pulled.checked};
              if (end.value) body.errorCode = Number(end.value);
              act(() => api('POST', 'streams/' + encodeURIComponent(id) + '/end', body));
            }}, 'End stream'));
      }
      actions.append(h('button', {type: 'button', id: 'stream-delete', class: 'danger',
        title: 'DELETE /__admin/streams/{id}: forget it (no callback)', onclick: () => {
          if (window.confirm(`Delete stream ${id}? No callback is sent.`)) {
            act(() => api('DELETE', 'streams/' + encodeURIComponent(id)));
          }
        }}, 'Delete stream'));
      const extra = Object.entries(stream)
          .filter(([, value]) => Array.isArray(value) && value.some((item) => item && typeof item === 'object'));
      panel.replaceChildren(
          h('h2', {}, 'Stream ', h('span', {class: 'c-requestId'}, text(id))),
          actions,
          fields(stream, extra.map(([name]) => name)),
          ...extra.flatMap(([name, items]) => [h('h3', {}, name), table(items)]),
          h('h3', {}, 'Timeline'),
          this.timeline(stream));
    },
    timeline(stream) {
      const events = [];
      events.push({at: stream.openedAt, what: h('span', {}, 'opened')});
      if (stream.closedAt) events.push({at: stream.closedAt, what: h('span', {}, 'ended (' + text(stream.state) + ')')});
      for (const attempt of this.attempts) {
        const key = attempt.deliveryId + '#' + attempt.attempt;
        const summary = h('summary', {},
            `callback ${text(attempt.deliveryId)} attempt ${text(attempt.attempt)} → ${text(attempt.target)}: `,
            h('span', {class: 'outcome-' + attempt.outcome}, text(attempt.outcome)),
            attempt.httpStatus ? ` (HTTP ${attempt.httpStatus})` : '',
            attempt.error ? ` ${attempt.error}` : '');
        const details = h('details', {open: this.openPayloads.has(key), class: 'callback-attempt'}, summary,
            fields(attempt, ['deliveryId', 'attempt', 'target', 'outcome', 'httpStatus', 'error', 'at']));
        details.addEventListener('toggle', () => {
          if (details.open) this.openPayloads.add(key); else this.openPayloads.delete(key);
        });
        events.push({at: attempt.at, what: details});
      }
      events.sort((a, b) => String(a.at).localeCompare(String(b.at)));
      return h('ol', {class: 'timeline'}, events.map((event) => h('li', {}, clock(event.at), event.what)));
    },
  };

  /** A table of objects with the union of their fields; images the mock itself serves are shown. */
  function table(items) {
    const columns = [...new Set(items.flatMap((item) => Object.keys(item || {})))];
    return h('table', {},
        h('thead', {}, h('tr', {}, columns.map((column) => h('th', {}, column)))),
        h('tbody', {}, items.slice(0, MAX_ROWS).map((item) => h('tr', {},
            columns.map((column) => h('td', {}, cell(column, (item || {})[column])))))));
  }

  function cell(name, value) {
    // Only same-origin links become images (the page's policy allows no other): frames the mock generates.
    if (typeof value === 'string' && /url$/i.test(name)) {
      let url = null;
      try {
        url = new URL(value, document.baseURI);
      } catch (e) {
        url = null; // not a URL at all: shown as text below
      }
      if (url && url.origin === location.origin && /^https?:$/.test(url.protocol)) {
        return h('img', {class: 'media', src: url.href, alt: name, loading: 'lazy'});
      }
    }
    return text(value);
  }

  const callbacks = {
    last: null, attempts: [], expanded: new Set(),
    async load() {
      const data = await api('GET', 'callbacks');
      const raw = JSON.stringify(data);
      if (raw === this.last) return;
      this.last = raw;
      this.attempts = data.callbacks || [];
      this.render();
    },
    render() {
      const stream = $('filter-callback-stream').value;
      const outcome = $('filter-outcome').value;
      const shown = this.attempts
          .filter((a) => (stream === '' || a.streamRequestId === stream) && (outcome === '' || a.outcome === outcome))
          .reverse();
      const rows = [];
      for (const attempt of shown.slice(0, MAX_ROWS)) {
        const key = attempt.deliveryId + '#' + attempt.attempt;
        rows.push(h('tr', {class: 'row', 'data-attempt': key, onclick: () => this.toggle(key)},
            h('td', {}, text(attempt.deliveryId)),
            h('td', {class: 'c-stream'}, text(attempt.streamRequestId)),
            h('td', {}, text(attempt.contentType)),
            h('td', {}, text(attempt.target)),
            h('td', {}, text(attempt.attempt)),
            h('td', {}, clock(attempt.at)),
            h('td', {}, text(attempt.httpStatus)),
            h('td', {class: 'c-outcome outcome-' + attempt.outcome}, text(attempt.outcome)),
            h('td', {}, text(attempt.error)),
            h('td', {}, clock(attempt.nextAttemptAt))));
        if (this.expanded.has(key)) {
          rows.push(h('tr', {class: 'detail'}, h('td', {colspan: 10},
              fields(attempt, ['deliveryId', 'streamRequestId', 'contentType', 'target', 'attempt', 'at',
                'httpStatus', 'outcome', 'error', 'nextAttemptAt', 'payload']),
              h('div', {}, 'payload sent:'), h('pre', {class: 'c-payload'}, JSON.stringify(attempt.payload, null, 2)))));
        }
      }
      if (shown.length > MAX_ROWS) rows.push(emptyRow(10, `Showing the newest ${MAX_ROWS} of ${shown.length}.`));
      if (rows.length === 0) rows.push(emptyRow(10, 'No callback attempts.'));
      $('callbacks-table').tBodies[0].replaceChildren(...rows);
    },
    toggle(key) {
      if (!this.expanded.delete(key)) this.expanded.add(key);
      this.render();
    },
  };

  /**
   * A view of one admin list (GET {path}) as one table, re-rendered only when the answer changed: a row per item,
   * or one row saying why the list is empty.
   */
  function listView(path, columns, row, emptyMessage, extra = () => {}) {
    return {
      last: null,
      async load() {
        const data = await api('GET', path);
        const raw = JSON.stringify(data);
        if (raw === this.last) return;
        this.last = raw;
        extra(data);
        const rows = (data[path] || []).map(row);
        if (rows.length === 0) rows.push(emptyRow(columns, emptyMessage));
        $(path + '-table').tBodies[0].replaceChildren(...rows);
      },
    };
  }

  /** A row's Delete button: DELETE {path}, no questions asked (one rule is quickly added again). */
  const deleteButton = (kind, path) => h('button', {type: 'button', class: `danger ${kind}-delete`,
    onclick: () => act(() => api('DELETE', path))}, 'Delete');

  const faults = listView('faults', 9, (rule) => h('tr', {'data-fault-id': rule.id},
      h('td', {class: 'c-id'}, text(rule.id)),
      h('td', {class: 'c-match'}, matchText(rule.match, 'any close')),
      h('td', {class: 'c-answer'}, rule.fault ? text(rule.fault)
          : text(rule.code) + (rule.message === null || rule.message === undefined ? '' : ' ' + rule.message)),
      h('td', {}, text(rule.delayMs)),
      h('td', {}, rule.times === null ? 'unlimited' : text(rule.times)),
      h('td', {}, text(rule.probability)),
      h('td', {class: 'c-fired'}, text(rule.fired)),
      h('td', {class: 'c-remaining'}, rule.remaining === null ? 'unlimited' : text(rule.remaining)),
      h('td', {}, deleteButton('fault', 'faults/' + encodeURIComponent(rule.id)))),
      'No fault rules: closes follow the normal pipeline.',
      (data) => ($('fault-seed').textContent = text(data.seed)));

  function matchText(match, anything) {
    const parts = Object.entries(match || {}).filter(([, value]) => value !== null && value !== undefined)
        .map(([name, value]) => `${name} = ${value}`);
    return parts.length === 0 ? anything : parts.join(', ');
  }

  $('fault-kind').addEventListener('change', () => {
    const transport = $('fault-kind').value === 'transport';
    for (const label of document.querySelectorAll('.kind-code')) label.hidden = transport;
    for (const label of document.querySelectorAll('.kind-transport')) label.hidden = !transport;
  });

  $('fault-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const rule = {match: matchFields('fault-', ['accessKey', 'requestId'])};
    if ($('fault-kind').value === 'transport') {
      rule.fault = $('fault-transport').value;
    } else {
      rule.code = numberField('fault-code');
      rule.message = optionalText('fault-message');
    }
    rule.delayMs = numberField('fault-delayMs');
    rule.times = numberField('fault-times');
    rule.probability = numberField('fault-probability');
    act(() => api('POST', 'faults', rule), event.target);
  });

  $('faults-clear').addEventListener('click', () => {
    if (window.confirm('Delete every fault rule?')) act(() => api('DELETE', 'faults'));
  });

  const scenarios = listView('scenarios', 4, (rule) => h('tr', {'data-scenario-id': rule.id},
      h('td', {class: 'c-id'}, text(rule.id)),
      h('td', {class: 'c-match'}, matchText(rule.match, 'any stream')),
      h('td', {class: 'c-script'}, h('details', {}, h('summary', {}, scriptText(rule.script)), pretty(rule.script))),
      h('td', {}, deleteButton('scenario', 'scenarios/' + encodeURIComponent(rule.id)))),
      'No scenario rules: streams play their URL words, else every frame passes.');

  /** What a script does, in a line; its whole JSON is one click away. */
  function scriptText(script) {
    const label = (verdict) => (verdict.riskLabel1 ? ` (${verdict.riskLabel1})` : '');
    const parts = [
      ...(script.frames || []).map((frame) => `frame at ${frame.at} s ${frame.riskLevel}${label(frame)}`),
      ...(script.audio || []).map((audio) => `audio segment ${audio.segment} ${audio.riskLevel}${label(audio)}`)];
    const pull = script.pullFailure;
    if (pull) parts.push(`pull fails from ${pull.afterSeconds} s, ends ${pull.errorCode}`);
    if (typeof script.endAt === 'number') parts.push(`ends at ${script.endAt} s`);
    return parts.length === 0 ? 'every frame and segment passes' : parts.join('; ');
  }

  $('scenario-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const match = matchFields('scenario-', ['accessKey', 'url', 'room', 'tokenId']);
    act(() => api('POST', 'scenarios', {match, script: jsonField('scenario-script')}), event.target);
  });

  $('scenarios-clear').addEventListener('click', () => {
    if (window.confirm('Delete every scenario rule? Running streams keep their scripts.')) {
      act(() => api('DELETE', 'scenarios'));
    }
  });

  const accounts = listView('accounts', 7, (account) => h('tr', {'data-access-key': account.accessKey},
      h('td', {class: 'c-accessKey'}, text(account.accessKey)),
      h('td', {}, text(account.qps)),
      h('td', {}, text(account.maxStreams)),
      h('td', {}, (account.permissions || []).join(', ')),
      h('td', {}, text(account.streamLimitReached)),
      h('td', {}, text(account.qpsFrozen)),
      h('td', {}, h('button', {type: 'button', class: 'danger account-delete', onclick: () => {
        if (window.confirm(`Delete account ${account.accessKey} and its streams?`)) {
          act(() => api('DELETE', 'accounts/' + encodeURIComponent(account.accessKey)));
        }
      }}, 'Delete'))),
      'No accounts: every close answers 9101.');

  $('account-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const permissions = $('account-permissions').value;
    const account = {
      qps: numberField('account-qps'),
      maxStreams: numberField('account-maxStreams'),
      permissions: permissions === '' ? undefined : permissions.split(',').map((p) => p.trim()),
      streamLimitReached: $('account-streamLimitReached').checked,
    };
    act(() => api('PUT', 'accounts/' + encodeURIComponent($('account-accessKey').value), account), event.target);
  });

  // ---- tabs, filters, toolbar ----

  const views = {requests, streams, callbacks, faults, scenarios, accounts};
  let current = 'requests';

  function show(tab) {
    if (!views[tab]) tab = 'requests';
    current = tab;
    for (const button of document.querySelectorAll('#tabs button')) {
      button.setAttribute('aria-selected', String(button.dataset.tab === tab));
    }
    for (const panel of document.querySelectorAll('[data-panel]')) panel.hidden = panel.dataset.panel !== tab;
    $('action-error').hidden = true; // a refusal belongs to the view it happened in
    views[tab].last = null; // a view that was hidden re-renders from fresh data
    refresh();
  }

  for (const button of document.querySelectorAll('#tabs button')) {
    button.addEventListener('click', () => {
      history.replaceState(null, '', '#' + button.dataset.tab);
      show(button.dataset.tab);
    });
  }

  for (const form of document.querySelectorAll('form.filters')) {
    form.addEventListener('submit', (event) => event.preventDefault());
    let typing = null;
    form.addEventListener('input', () => {
      clearTimeout(typing);
      // Callbacks filter in the page; the others ask the mock, once typing pauses.
      typing = setTimeout(() => {
        views[current].last = null;
        if (current === 'callbacks') callbacks.render(); else refresh();
      }, 250);
    });
  }

  $('refresh').addEventListener('click', () => {
    views[current].last = null;
    refresh();
  });
  $('live').addEventListener('change', scheduleNext);
  document.addEventListener('visibilitychange', () => (document.hidden ? scheduleNext() : refresh()));

  $('reset').addEventListener('click', () => {
    if (!window.confirm('Restore the start-up baseline? Fault rules, the journal and the callback log are cleared.')) {
      return;
    }
    act(async () => {
      await api('POST', 'reset');
      requests.expanded.clear();
      callbacks.expanded.clear();
      streams.selected = null;
    });
  });

  show(location.hash.slice(1));
})();
