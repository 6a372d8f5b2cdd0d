// LocalGPT web chat: plain ES module, no framework, no build step.
// Model output and memory snippets are only ever set as text (textContent / text nodes), never as HTML.

const TOKEN_KEY = "localgpt.token";
const $ = (id) => document.getElementById(id);

const ui = {
  status: $("status"),
  log: $("log"),
  form: $("chat-form"),
  message: $("message"),
  send: $("send"),
  sessions: $("sessions"),
  newSession: $("new-session"),
  searchForm: $("search-form"),
  searchQ: $("search-q"),
  results: $("results"),
  indexStatus: $("index-status"),
  tokenDialog: $("token-dialog"),
  tokenForm: $("token-form"),
  token: $("token"),
  tokenWhy: $("token-why"),
  notices: $("notices"),
};

const state = { sessionId: null, busy: false };

// ---- HTTP ------------------------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

let tokenPrompt = null;

/** Asks for the bearer token once (concurrent 401s share one dialog) and keeps it in sessionStorage. */
function askToken(why) {
  if (!tokenPrompt) {
    tokenPrompt = new Promise((resolve) => {
      ui.tokenWhy.textContent = why;
      ui.token.value = "";
      const done = (event) => {
        event.preventDefault();
        const value = ui.token.value.trim();
        if (!value) return;
        sessionStorage.setItem(TOKEN_KEY, value);
        ui.tokenForm.removeEventListener("submit", done);
        ui.tokenDialog.close();
        tokenPrompt = null;
        resolve(value);
      };
      ui.tokenForm.addEventListener("submit", done);
      ui.tokenDialog.showModal();
      ui.token.focus();
    });
  }
  return tokenPrompt;
}

/** fetch with the stored token; on 401 asks for a token and tries again. Returns the Response (ok). */
async function request(path, options = {}) {
  for (let attempt = 0; ; attempt++) {
    const headers = new Headers(options.headers || {});
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) headers.set("Authorization", "Bearer " + token);
    const res = await fetch(path, { ...options, headers, cache: "no-store" });
    if (res.status === 401 && attempt < 5) {
      const message = await errorMessage(res);
      const now = sessionStorage.getItem(TOKEN_KEY);
      if (now && now !== token) continue; // a newer token was entered meanwhile
      sessionStorage.removeItem(TOKEN_KEY);
      await askToken(token ? message : "Enter the server's server.auth_token. It is kept for this tab only.");
      continue;
    }
    if (!res.ok) throw new ApiError(res.status, await errorMessage(res));
    return res;
  }
}

async function errorMessage(res) {
  try {
    const body = await res.json();
    if (body && body.error) return typeof body.error === "string" ? body.error : body.error.message;
  } catch (_) {
    // not JSON
  }
  return "HTTP " + res.status;
}

async function getJson(path) {
  return (await request(path)).json();
}

async function postJson(path, body) {
  const res = await request(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body || {}),
  });
  return res.json();
}

/** Reads a text/event-stream body and calls onEvent with each event's data (a string). */
async function readSse(res, onEvent) {
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    buffer += decoder.decode(value || new Uint8Array(), { stream: !done });
    let cut;
    while ((cut = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, "");
      const data = block.split(/\r?\n/).filter((l) => l.startsWith("data:"))
        .map((l) => l.slice(5).replace(/^ /, "")).join("\n");
      if (data && onEvent(data) === false) {
        reader.cancel().catch(() => {});
        return;
      }
    }
    if (done) return;
  }
}

// ---- Rendering -------------------------------------------------------------------------------------------------

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function scrollDown() {
  ui.log.scrollTop = ui.log.scrollHeight;
}

function clearLog() {
  ui.log.replaceChildren();
}

function addMessage(role, text) {
  $("empty-hint")?.remove();
  const item = el("article", "msg " + role);
  item.setAttribute("aria-label", role === "user" ? "You" : "LocalGPT");
  item.append(el("div", "who", role === "user" ? "You" : "LocalGPT"));
  const body = el("div", "body");
  if (role === "assistant") renderMarkdown(body, text);
  else body.textContent = text;
  item.append(body);
  ui.log.append(item);
  scrollDown();
  return body;
}

/** A compact tool line; its full output opens below it (a native, keyboard-accessible disclosure). */
function toolLine(name, detail) {
  $("empty-hint")?.remove();
  const line = el("details", "tool");
  const head = el("summary");
  head.append(el("span", "tool-icon", "⚙"), el("span", "tool-name", name));
  if (detail) head.append(el("span", "tool-detail", detail));
  const result = el("span", "tool-result", "…");
  head.append(result);
  const output = el("pre", "tool-output");
  line.append(head, output);
  ui.log.append(line);
  scrollDown();
  return {
    end(text) {
      const body = unwrap(text);
      result.textContent = "→ " + firstLine(body);
      result.title = firstLine(body);
      output.textContent = pretty(body) || "(no output)";
    },
  };
}

/** The tool output without the <tool_output …> / </tool_output …> lines the agent wraps it in. */
function unwrap(text) {
  return (text || "").split("\n")
    .filter((l) => !/^<\/?\s*(tool_output|memory_context|external_content)\b[^>]*>$/.test(l.trim()))
    .join("\n").trim();
}

function errorLine(text) {
  const line = el("div", "error", text);
  line.setAttribute("role", "alert");
  ui.log.append(line);
  scrollDown();
}

/** A small, safe Markdown subset: fenced code, headings, lists, paragraphs, `code`, **bold**. Text nodes only. */
function renderMarkdown(target, text) {
  target.replaceChildren();
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  let para = [];
  let list = null;
  const flush = () => {
    if (para.length) {
      const p = el("p");
      inline(p, para.join("\n"));
      target.append(p);
      para = [];
    }
    list = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^```/.test(line)) {
      flush();
      const code = [];
      for (i++; i < lines.length && !/^```/.test(lines[i]); i++) code.push(lines[i]);
      const pre = el("pre");
      pre.append(el("code", null, code.join("\n")));
      target.append(pre);
    } else if (/^#{1,6} /.test(line)) {
      flush();
      const h = el("p", "heading");
      inline(h, line.replace(/^#+ /, ""));
      target.append(h);
    } else if (/^\s*([-*]|\d+\.) /.test(line)) {
      if (para.length) flush();
      if (!list) {
        list = el(/^\s*\d/.test(line) ? "ol" : "ul");
        target.append(list);
      }
      const li = el("li");
      inline(li, line.replace(/^\s*([-*]|\d+\.) /, ""));
      list.append(li);
    } else if (line.trim() === "") {
      flush();
    } else {
      list = null;
      para.push(line);
    }
  }
  flush();
}

function inline(target, text) {
  const parts = text.split(/(`[^`\n]+`|\*\*[^*\n]+\*\*)/);
  for (const part of parts) {
    if (!part) continue;
    if (part.startsWith("`") && part.endsWith("`") && part.length > 1) {
      target.append(el("code", null, part.slice(1, -1)));
    } else if (part.startsWith("**") && part.endsWith("**") && part.length > 4) {
      target.append(el("strong", null, part.slice(2, -2)));
    } else {
      target.append(document.createTextNode(part));
    }
  }
}

function shortId(id) {
  return id.length > 13 ? id.slice(0, 8) + "…" + id.slice(-4) : id;
}

function idle(seconds) {
  if (seconds < 60) return "active now";
  if (seconds < 3600) return "idle " + Math.round(seconds / 60) + " min";
  return "idle " + Math.round(seconds / 3600) + " h";
}

/** A heartbeat alert pushed by the daemon, shown above the chat until dismissed (newest first, at most 5). */
function showNotice(event) {
  const box = el("div", "notice");
  box.setAttribute("role", "alert");
  const when = new Date(event.at);
  const head = el("strong", "notice-head", "Heartbeat alert · "
    + (isNaN(when) ? String(event.at || "") : when.toLocaleString()));
  const dismiss = el("button", "notice-dismiss", "Dismiss");
  dismiss.type = "button";
  dismiss.addEventListener("click", () => box.remove());
  box.append(head, el("p", "notice-text", String(event.text || "")), dismiss);
  ui.notices.prepend(box);
  while (ui.notices.children.length > 5) ui.notices.lastElementChild.remove();
}

/** Listens to GET /api/events (server-sent events); reconnects with a growing pause when the stream ends. */
async function listenForEvents(pause = 2000) {
  try {
    const res = await request("/api/events");
    await readSse(res, (data) => {
      let event;
      try {
        event = JSON.parse(data);
      } catch (_) {
        return;
      }
      if (event.type === "connected") pause = 2000;
      if (event.type === "heartbeat_alert") showNotice(event);
    });
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return; // a server without events
  }
  setTimeout(() => listenForEvents(Math.min(pause * 2, 60000)), pause);
}

// ---- Actions ---------------------------------------------------------------------------------------------------

async function refreshStatus() {
  try {
    const [status, stats] = await Promise.all([getJson("/api/status"), getJson("/api/memory/stats")]);
    ui.status.textContent = "Model: " + status.model + " · " + status.active_sessions + " live session"
      + (status.active_sessions === 1 ? "" : "s") + " · version " + status.version;
    ui.indexStatus.textContent = "Index: " + stats.total_chunks + " chunks in " + stats.total_files + " file"
      + (stats.total_files === 1 ? "" : "s") + " (" + stats.index_size_kb + " KB)"
      + (stats.embedding_model ? " · " + stats.embedded_chunks + " embedded" : " · keyword only");
  } catch (e) {
    ui.status.textContent = "Server unreachable: " + e.message;
  }
}

async function refreshSessions() {
  try {
    const { sessions } = await getJson("/api/sessions");
    const items = sessions.map((s) => {
      const li = el("li");
      const button = el("button", "session", null);
      button.type = "button";
      button.dataset.id = s.session_id;
      button.title = s.session_id;
      button.append(el("span", "session-id", shortId(s.session_id)), el("span", "session-idle", idle(s.idle_seconds)));
      if (s.session_id === state.sessionId) button.setAttribute("aria-current", "true");
      button.addEventListener("click", () => resume(s.session_id));
      li.append(button);
      return li;
    });
    if (!items.length) items.push(el("li", "hint", "No sessions yet."));
    ui.sessions.replaceChildren(...items);
  } catch (e) {
    ui.sessions.replaceChildren(el("li", "error", "Sessions: " + e.message));
  }
}

async function resume(id) {
  if (state.busy) return;
  try {
    const { messages } = await getJson("/api/sessions/" + encodeURIComponent(id) + "/messages");
    state.sessionId = id;
    clearLog();
    const tools = new Map();
    for (const m of messages) {
      if (m.role === "user") addMessage("user", m.content);
      else if (m.role === "assistant") {
        if (m.content) addMessage("assistant", m.content);
        for (const call of m.tool_calls || []) tools.set(call.id, toolLine(call.name, call.arguments));
      } else if (m.role === "tool") {
        const line = tools.get(m.tool_call_id);
        if (line) line.end(m.content);
      }
    }
    if (!messages.length) ui.log.append(el("p", "hint", "This session has no messages yet."));
    await refreshSessions();
    ui.message.focus();
  } catch (e) {
    errorLine("Could not open session: " + e.message);
  }
}

async function newSession() {
  if (state.busy) return;
  try {
    const created = await postJson("/api/sessions", {});
    state.sessionId = created.session_id;
    clearLog();
    ui.log.append(el("p", "hint", "New session with " + created.model + "."));
    await Promise.all([refreshSessions(), refreshStatus()]);
    ui.message.focus();
  } catch (e) {
    errorLine("Could not start a session: " + e.message);
  }
}

/** JSON output indented for reading; anything else as it is. */
function pretty(text) {
  if (!/^[[{]/.test(text)) return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch (_) {
    return text;
  }
}

function firstLine(text) {
  const lines = (text || "").split("\n").filter((l) => l.trim());
  if (!lines.length) return "(no output)";
  const line = lines[0].length > 160 ? lines[0].slice(0, 160) + "…" : lines[0];
  return lines.length > 1 ? line + " (+" + (lines.length - 1) + " lines)" : line;
}

function setBusy(busy) {
  state.busy = busy;
  ui.send.disabled = busy;
  ui.newSession.disabled = busy;
  ui.log.setAttribute("aria-busy", String(busy));
}

async function send(text) {
  setBusy(true);
  addMessage("user", text);
  let body = null;
  let answer = "";
  const tools = new Map();
  const newAnswer = () => {
    body = addMessage("assistant", "");
    body.classList.add("streaming");
    answer = "";
  };
  const finish = () => {
    if (body) {
      body.classList.remove("streaming");
      renderMarkdown(body, answer);
    }
  };
  try {
    const payload = { message: text };
    if (state.sessionId) payload.session_id = state.sessionId;
    const res = await request("/api/chat/stream", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
      body: JSON.stringify(payload),
    });
    let ended = false;
    await readSse(res, (data) => {
      if (data === "[DONE]") {
        ended = true;
        return false;
      }
      let event;
      try {
        event = JSON.parse(data);
      } catch (_) {
        return true;
      }
      if (event.error !== undefined && event.type !== "error") {
        errorLine(typeof event.error === "string" ? event.error : event.error.message);
        return true;
      }
      switch (event.type) {
        case "session":
          state.sessionId = event.session_id;
          break;
        case "content":
          if (!body) newAnswer();
          answer += event.delta;
          body.textContent = answer;
          scrollDown();
          break;
        case "tool_start":
          finish();
          body = null;
          tools.set(event.id, toolLine(event.name, event.detail));
          break;
        case "tool_end": {
          (tools.get(event.id) || toolLine(event.name, "")).end(event.output);
          break;
        }
        case "error":
          errorLine(event.error);
          break;
        default:
          break;
      }
      return true;
    });
    if (!ended) errorLine("The connection closed before the answer was complete.");
  } catch (e) {
    errorLine(e.message);
  } finally {
    finish();
    setBusy(false);
    await Promise.all([refreshSessions(), refreshStatus()]);
  }
}

async function search(q) {
  ui.results.replaceChildren(el("li", "hint", "Searching…"));
  try {
    const found = await getJson("/api/memory/search?limit=10&q=" + encodeURIComponent(q));
    const items = found.results.map((r) => {
      const li = el("li", "hit");
      const head = el("div", "hit-head");
      const lines = r.line_start === r.line_end ? "line " + r.line_start : "lines " + r.line_start + "–" + r.line_end;
      head.append(el("span", "hit-file", r.file), el("span", "hit-lines", lines),
        el("span", "hit-score", "score " + Number(r.score).toFixed(3)));
      li.append(head, el("pre", "hit-snippet", r.content));
      return li;
    });
    if (!items.length) items.push(el("li", "hint", "Nothing found for “" + found.query + "”."));
    ui.results.replaceChildren(...items);
  } catch (e) {
    ui.results.replaceChildren(el("li", "error", "Search failed: " + e.message));
  }
}

// ---- Wiring ----------------------------------------------------------------------------------------------------

ui.form.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = ui.message.value.trim();
  if (!text || state.busy) return;
  ui.message.value = "";
  send(text);
});

ui.message.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    ui.form.requestSubmit();
  }
});

ui.searchForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const q = ui.searchQ.value.trim();
  if (q) search(q);
});

ui.newSession.addEventListener("click", newSession);

// The token dialog stays until a token is given: the page cannot do anything without one.
ui.tokenDialog.addEventListener("cancel", (event) => event.preventDefault());

refreshStatus();
refreshSessions();
listenForEvents();
