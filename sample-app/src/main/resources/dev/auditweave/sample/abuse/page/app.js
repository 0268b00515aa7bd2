// The live page: polls GET /api/state every second and redraws; no reload, no build step, no library.
"use strict";

const POLL_MS = 1000;
const seen = new Set();

function cell(row, text, className) {
  const td = document.createElement("td");
  td.textContent = text === null || text === undefined ? "" : String(text);
  if (className) td.className = className;
  row.appendChild(td);
  return td;
}

function badge(row, band) {
  const td = cell(row, "");
  const span = document.createElement("span");
  span.className = "band band-" + band;
  span.textContent = band;
  td.appendChild(span);
}

function time(millis) {
  return new Date(millis).toISOString().replace("T", " ").replace(".000Z", "Z");
}

function fill(tableId, items, draw) {
  const body = document.querySelector("#" + tableId + " tbody");
  const rows = items.map(item => {
    const row = document.createElement("tr");
    draw(row, item);
    return row;
  });
  body.replaceChildren(...rows);
}

function render(state) {
  fill("identities", state.identities, (row, identity) => {
    row.dataset.subject = identity.subject;
    row.dataset.band = identity.band;
    cell(row, identity.subject);
    cell(row, identity.score, "score");
    badge(row, identity.band);
    cell(row, identity.entries);
  });
  fill("thresholds", state.thresholds, (row, t) => {
    row.dataset.scope = t.scope;
    cell(row, t.scope === "*" ? "* (default)" : t.scope);
    cell(row, t.low, "low");
    cell(row, t.medium, "medium");
    cell(row, t.high, "high");
  });
  fill("events", state.events, (row, e) => {
    row.dataset.logId = e.log_id;
    row.dataset.type = e.type;
    row.dataset.band = e.band;
    if (!seen.has(e.log_id)) {
      seen.add(e.log_id);
      row.className = "fresh";
    }
    cell(row, e.log_id);
    cell(row, time(e.received_at));
    cell(row, e.type + (e.known ? "" : " (unknown type)"), "type");
    cell(row, e.subject, "subject");
    cell(row, time(e.occurred_at));
    cell(row, JSON.stringify(e.data), "data");
    cell(row, e.manual_score === null ? e.points : e.manual_score + " (analyst)");
    badge(row, e.band);
    cell(row, e.verdict || "");
  });
  const notSent = document.getElementById("not-sent");
  if (state.not_sent.length > 0) {
    notSent.replaceChildren(...state.not_sent.map(item => {
      const li = document.createElement("li");
      li.className = item.ok ? "ok" : "fail";
      li.textContent = "[" + item.run + ", sink " + item.sink + "] step " + item.step + ": " + item.description
          + ": " + item.why;
      return li;
    }));
  }
  document.getElementById("allowlist").textContent = state.allowlist.length ? state.allowlist.join(", ") : "none";
  document.getElementById("unknown-types").textContent =
      state.unknown_types.length ? state.unknown_types.join(", ") : "none";
  document.getElementById("duplicates").textContent = state.counters.duplicates;
  document.getElementById("refused").textContent = state.counters.refused;
}

async function poll() {
  const status = document.getElementById("status");
  try {
    const response = await fetch("/api/state", { cache: "no-store" });
    if (!response.ok) throw new Error("HTTP " + response.status);
    render(await response.json());
    status.textContent = "up";
    document.getElementById("updated").textContent = "(updated " + new Date().toLocaleTimeString() + ")";
  } catch (error) {
    status.textContent = "unreachable (" + error.message + "), retrying";
  }
  setTimeout(poll, POLL_MS);
}

poll();
