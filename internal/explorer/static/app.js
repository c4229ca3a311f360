// The explorer page: reads /explorer/api/ every second and draws the view
// the location's hash names (#/, #/task/0x…, #/contract/0x…, #/address/0x…).
// Every value reaches the page as text (textContent, createTextNode), never
// as HTML.
"use strict";

const API = "api/";
const POLL_MS = 1000;
const HASH = /^0x[0-9a-fA-F]{64}$/;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

// el makes an element: attrs are set as attributes (never as HTML), each
// child is a node or a string turned into a text node.
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== undefined && v !== null && v !== false) e.setAttribute(k, String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function group(s) {
  s = String(s);
  const neg = s.startsWith("-");
  if (neg) s = s.slice(1);
  return (neg ? "-" : "") + s.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

// units writes an integer string of base units with `decimals` decimals,
// at most `shown` of them, without trailing zeros.
function units(v, decimals, shown) {
  if (v === undefined || v === null || v === "") return "-";
  let n;
  try { n = BigInt(v); } catch (e) { return "-"; }
  const base = 10n ** BigInt(decimals);
  const whole = n / base;
  let frac = (n % base).toString().padStart(decimals, "0").slice(0, shown).replace(/0+$/, "");
  return group(whole.toString()) + (frac ? "." + frac : "");
}
const eng = (grains) => units(grains, 8, 8) + " ENG";
const eth = (wei) => units(wei, 18, 4) + " ETH";
const short = (h) => (typeof h === "string" && h.length > 14 ? h.slice(0, 10) + "…" + h.slice(-4) : h || "-");

function link(kind, id, text) {
  const ok = kind === "address" ? ADDRESS.test(id || "") : HASH.test(id || "");
  if (!ok) return el("span", { class: "mono" }, text || "-");
  return el("a", { class: "mono", href: "#/" + kind + "/" + id, title: id }, text || short(id));
}

function status(s) {
  const name = s || "-";
  return el("span", { class: "status status-" + name.replace(/[^a-z]/g, "-") }, name);
}

function workerCell(addr, name) {
  if (!addr) return "-";
  return link("address", addr, name || short(addr));
}

function txCell(tx) {
  if (!tx) return "-";
  return el("span", { class: "mono", title: tx.hash }, short(tx.hash) + " @" + group(tx.block));
}

function table(id, headers, rows) {
  return el("table", { id },
    el("thead", null, el("tr", null, headers.map((h) => el("th", { class: h.num ? "num" : null }, h.label || h)))),
    el("tbody", null, rows));
}

function cell(v, num) { return el("td", { class: num ? "num" : null }, v); }

function section(id, title, count, ...body) {
  return el("section", { id }, el("h2", null, title, count !== undefined ? el("span", { class: "muted" }, " (" + group(count) + ")") : null), body);
}

function latency(t) {
  const parts = [];
  if (t.latency_blocks !== undefined) parts.push(group(t.latency_blocks) + (t.latency_blocks === 1 ? " block" : " blocks"));
  if (t.latency_ms !== undefined) parts.push(group(t.latency_ms) + " ms");
  return parts.join(", ") || "-";
}

function taskRows(tasks) {
  return tasks.map((t) => el("tr", { "data-id": t.id, "data-status": t.status },
    el("td", null, link("task", t.id)),
    cell(t.kind || "-"),
    el("td", null, t.contract ? link("contract", t.contract) : "-"),
    el("td", null, t.sender ? link("address", t.sender, short(t.sender)) : "-"),
    el("td", null, workerCell(t.worker, t.worker_name)),
    el("td", null, status(t.status)),
    cell(t.gas_used !== undefined ? group(t.gas_used) + " / " + group(t.gas_limit ?? "-") : "- / " + group(t.gas_limit ?? "-"), true),
    cell(t.fee ? eng(t.fee) : "-", true),
    cell(latency(t), true)));
}

function tasksTable(list) {
  return table("task-table", ["task", "kind", "contract", "sender", "worker", "status", { label: "gas used / limit", num: true }, { label: "fee", num: true }, { label: "latency", num: true }], taskRows(list));
}

function batchesTable(list) {
  return table("batch-table", [{ label: "batch", num: true }, "contract", { label: "tasks", num: true }, "root", "worker", { label: "fees", num: true }, { label: "gas", num: true }, "tx @block"],
    list.map((b) => el("tr", { "data-contract": b.contract },
      cell(group(b.index), true),
      el("td", null, link("contract", b.contract)),
      cell(group(b.tasks), true),
      el("td", { class: "mono", title: b.root }, short(b.root)),
      el("td", null, workerCell(b.worker, b.worker_name)),
      cell(eng(b.fees), true),
      cell(b.gas_used !== undefined ? group(b.gas_used) : "-", true),
      el("td", null, txCell(b.tx)))));
}

function contractsTable(list) {
  return table("contract-table", ["contract", "code hash", "owner", "deploy task", { label: "deltas", num: true }, { label: "batches", num: true }, "deployed @block"],
    list.map((c) => el("tr", { "data-id": c.address },
      el("td", null, link("contract", c.address)),
      el("td", { class: "mono", title: c.code_hash || "" }, short(c.code_hash)),
      el("td", null, c.owner ? link("address", c.owner, short(c.owner)) : "-"),
      el("td", null, c.deploy_task ? link("task", c.deploy_task) : "-"),
      cell(group(c.deltas), true),
      cell(group(c.batches), true),
      el("td", null, txCell(c.deployed)))));
}

function workersTable(list) {
  return table("worker-table", ["worker", "custodian", "signer", "status", "selected", { label: "stake", num: true }, { label: "ETH balance", num: true }],
    list.map((w) => el("tr", { "data-id": w.custodian },
      cell(w.name || "-"),
      el("td", null, link("address", w.custodian, w.custodian)),
      el("td", null, w.signer ? link("address", w.signer, short(w.signer)) : "-"),
      el("td", null, status(w.status)),
      cell(w.selected ? "yes" : "no"),
      cell(eng(w.stake), true),
      cell(eth(w.eth_balance), true))));
}

function epochSection(e) {
  if (!e) return section("epoch", "Epoch", undefined, el("p", { class: "muted" }, "no epoch set yet"));
  return section("epoch", "Epoch " + group(e.number), undefined,
    el("dl", null,
      el("dt", null, "number"), el("dd", { id: "epoch-number" }, group(e.number)),
      el("dt", null, "first block"), el("dd", null, group(e.first_block)),
      el("dt", null, "seed"), el("dd", { class: "mono" }, e.seed),
      el("dt", null, "selected"), el("dd", null, group(e.selected.length) + " workers, " + eng(e.total_stake) + " staked"),
      e.set ? [el("dt", null, "set by"), el("dd", null, txCell(e.set))] : null),
    table("epoch-table", ["worker", "signer", { label: "stake", num: true }],
      e.selected.map((s) => el("tr", null,
        el("td", null, s.custodian ? link("address", s.custodian, s.name || short(s.custodian)) : "-"),
        el("td", null, link("address", s.signer, s.signer)),
        cell(eng(s.stake), true)))));
}

function dl(id, pairs) {
  return el("dl", { id }, pairs.filter(Boolean).map(([k, v]) => [el("dt", null, k), el("dd", null, v === undefined || v === null || v === "" ? "-" : v)]));
}

const views = {
  home: async () => {
    const s = await get("summary?limit=50", ["head"]);
    const out = [epochSection(s.epoch), section("workers", "Workers", s.workers.length, workersTable(s.workers)),
      section("tasks", "Tasks", s.tasks.total, s.tasks.items.length ? tasksTable(s.tasks.items) : el("p", { class: "muted" }, "no task yet"))];
    if (s.batches.total > 0) out.push(section("batches", "Batches", s.batches.total, batchesTable(s.batches.items)));
    out.push(section("contracts", "Secret contracts", s.contracts.total, contractsTable(s.contracts.items)));
    setHead(s.head);
    return out;
  },
  task: async (id) => {
    const t = await get("task/" + id);
    return [section("task", "Task", undefined, dl("task-fields", [
      ["id", el("span", { class: "mono", id: "task-id" }, t.id)],
      ["kind", t.kind],
      ["status", status(t.status)],
      ["contract", t.contract ? link("contract", t.contract, t.contract) : null],
      ["sender", t.sender ? link("address", t.sender, t.sender) : null],
      ["worker", t.worker ? link("address", t.worker, (t.worker_name ? t.worker_name + "  " : "") + t.worker) : null],
      ["gas limit", t.gas_limit !== undefined ? group(t.gas_limit) : null],
      ["gas price", t.gas_px !== undefined ? group(t.gas_px) + " grains" : null],
      ["gas used", t.gas_used !== undefined ? group(t.gas_used) : null],
      ["fee", t.fee ? eng(t.fee) : null],
      ["inputs hash", t.inputs_hash ? el("span", { class: "mono" }, t.inputs_hash) : null],
      ["output hash", t.output_hash ? el("span", { class: "mono" }, t.output_hash) : null],
      ["state delta hash", t.state_delta_hash ? el("span", { class: "mono" }, t.state_delta_hash) : null],
      ["record transaction", t.created ? el("span", { class: "mono" }, t.created.hash + "  block " + group(t.created.block)) : null],
      ["outcome transaction", t.ended ? el("span", { class: "mono" }, t.ended.hash + "  block " + group(t.ended.block)) : null],
      ["latency", latency(t)],
    ]))];
  },
  contract: async (id) => {
    const p = await get("contract/" + id + "?limit=100");
    const c = p.contract;
    const out = [section("contract", "Secret contract", undefined, dl("contract-fields", [
      ["address", el("span", { class: "mono", id: "contract-address" }, c.address)],
      ["code hash", c.code_hash ? el("span", { class: "mono" }, c.code_hash) : null],
      ["owner", c.owner ? link("address", c.owner, c.owner) : null],
      ["deploy task", c.deploy_task ? link("task", c.deploy_task, c.deploy_task) : null],
      ["deployed", c.deployed ? txCell(c.deployed) : null],
      ["state deltas", group(c.deltas)],
      ["batches", group(c.batches)],
    ])), section("tasks", "Tasks", p.tasks.total, tasksTable(p.tasks.items))];
    if (p.batches.total > 0) out.push(section("batches", "Batches", p.batches.total, batchesTable(p.batches.items)));
    return out;
  },
  address: async (addr) => {
    const p = await get("address/" + addr + "?limit=100");
    const out = [];
    if (p.worker) out.push(section("worker", "Worker" + (p.worker.name ? " " + p.worker.name.replace(/^worker /, "") : ""), undefined, workersTable([p.worker])));
    out.push(section("address", "Account " + p.address, p.tasks.total, p.tasks.items.length ? tasksTable(p.tasks.items) : el("p", { class: "muted" }, "no task of this account in the index")));
    return out;
  },
};

class APIError extends Error {}

// sig collects the answers a draw read, but for the keys left out of it,
// so a view whose answers did not change is not drawn again (the user's
// selection and scroll stay).
let sig = "";

async function get(path, unsigned) {
  const r = await fetch(API + path, { headers: { Accept: "application/json" }, cache: "no-store" });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new APIError(body.error || "the explorer answered " + r.status);
  sig += path + JSON.stringify(body, (k, v) => (unsigned && unsigned.includes(k) ? undefined : v));
  return body;
}

function setHead(h) {
  document.getElementById("head").textContent = "block " + group(h);
}

function notice(msg) {
  const n = document.getElementById("notice");
  n.textContent = msg || "";
  n.hidden = !msg;
}

function route() {
  const parts = location.hash.replace(/^#\/?/, "").split("/");
  const kind = parts[0] || "home";
  const id = parts[1] || "";
  if (kind === "home") return ["home", ""];
  if ((kind === "task" || kind === "contract") && HASH.test(id)) return [kind, id];
  if (kind === "address" && ADDRESS.test(id)) return [kind, id];
  return null;
}

let drawing = false;
let drawn = "";
let searchMsg = "";

async function draw() {
  if (drawing) return;
  drawing = true;
  const view = document.getElementById("view");
  try {
    const r = route();
    if (!r) {
      notice("That page does not exist: the explorer's pages are #/, #/task/0x…, #/contract/0x… and #/address/0x….");
      view.replaceChildren();
      drawn = "";
      return;
    }
    const key = location.hash;
    sig = "";
    const nodes = await views[r[0]](r[1]);
    if (key !== location.hash) return; // the user moved on meanwhile
    if (sig + key !== drawn) {
      view.replaceChildren(...nodes);
      drawn = sig + key;
    }
    notice(searchMsg);
  } catch (e) {
    notice(e instanceof APIError ? e.message : "The explorer cannot be reached: " + e.message);
  } finally {
    drawing = false;
  }
}

async function search(ev) {
  ev.preventDefault();
  const q = document.getElementById("q").value.trim();
  if (!q) return;
  try {
    const found = await get("search?q=" + encodeURIComponent(q));
    if (found.length === 0) {
      searchMsg = "Nothing in the index matches " + q + ".";
    } else {
      searchMsg = "";
      location.hash = "#/" + found[0].kind + "/" + found[0].id;
    }
  } catch (e) {
    searchMsg = e.message;
  }
  draw();
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("search").addEventListener("submit", search);
  window.addEventListener("hashchange", () => { searchMsg = ""; draw(); });
  draw();
  setInterval(draw, POLL_MS);
});
