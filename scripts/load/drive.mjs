// The load test's virtual customers (scripts/load.sh starts the rest). Each is one of the seeded
// load customers (`server seed-load`) with a cookie jar and a client address of its own (sent in
// X-Forwarded-For, which the portal believes from the load balancer only): it signs in on a new
// device (password, then the code from the mail sink), then until the deadline does what a
// customer does, with a pause of 0.5–2.5 s between steps: the dashboard, the schedule, the
// history, the documents list and a statement PDF, a one-time payment (sometimes sent twice with
// the same key, as a double tap would), a message with a small attachment (sometimes sent twice),
// and now and then signs out and in again on its remembered device.
// Every request is timed by kind; any unexpected answer is an error. At the end it writes
// $OUT/summary.json (per kind: count, errors, p50/p95/p99 ms), $OUT/payments.tsv and
// $OUT/messages.tsv (key, reference: what the portal confirmed, for the exactly-once check) and
// prints the table.
// Env: BASE (the load balancer), SINK (the mail sink's HTTP), CUSTOMERS, SECONDS, RAMP_SECONDS, OUT.
import { writeFileSync } from "node:fs";

const BASE = process.env.BASE;
const SINK = process.env.SINK;
const N = Number(process.env.CUSTOMERS || 200);
const SECONDS = Number(process.env.SECONDS || 120);
const RAMP = Number(process.env.RAMP_SECONDS || 30);
const OUT = process.env.OUT;
const PASSWORD = "Northstar-demo-2026";
// A 1×1 PNG: the portal checks a file's kind by its content.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

const timings = {}; // kind -> [ms]
const errors = {}; // kind -> count
const errorSamples = [];
const payments = new Map(); // key -> reference
const messages = new Map(); // key -> reference
let stop = false;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pause = () => sleep(500 + Math.random() * 2000);

class Customer {
  constructor(i) {
    this.i = i;
    this.email = `load-${String(i).padStart(5, "0")}@load.example`;
    this.ip = `10.77.${i >> 8}.${i & 255}`;
    this.jar = new Map();
    this.n = 0;
  }

  // A form instance's key (16–64 letters, digits and dashes), new for each form.
  key(what) {
    return `load-${what}-${String(this.i).padStart(5, "0")}-${String(++this.n).padStart(6, "0")}`;
  }

  cookies() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  // One timed request; `ok(status)` says which answers are right. Returns the response and its body.
  async request(kind, path, { method = "GET", form, body, headers = {}, ok = (s) => s === 200 } = {}) {
    const h = { "X-Forwarded-For": this.ip, Cookie: this.cookies(), ...headers };
    if (method === "POST") h.Origin = BASE;
    if (form) {
      h["Content-Type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(form).toString();
    }
    const t0 = performance.now();
    let res;
    let text = "";
    try {
      res = await fetch(BASE + path, { method, headers: h, body, redirect: "manual" });
      text = Buffer.from(await res.arrayBuffer()).toString("latin1");
    } catch (e) {
      res = { status: 0, headers: new Headers() };
      text = String(e);
    }
    (timings[kind] ||= []).push(performance.now() - t0);
    for (const c of res.headers.getSetCookie?.() || []) {
      const [pair] = c.split(";");
      const at = pair.indexOf("=");
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
      if (/Max-Age=0/i.test(c) || value === "") this.jar.delete(name);
      else this.jar.set(name, value);
    }
    if (!ok(res.status)) {
      errors[kind] = (errors[kind] || 0) + 1;
      if (errorSamples.length < 20) errorSamples.push(`${kind} ${path} → ${res.status}: ${text.slice(0, 200)}`);
      throw new Error(`${kind} failed`);
    }
    return { res, text };
  }

  json(kind, endpoint, form = {}) {
    return this.request(kind, `/api/${endpoint}`, { method: "POST", form }).then(({ text }) =>
      JSON.parse(Buffer.from(text, "latin1").toString("utf8")),
    );
  }

  async signIn() {
    const before = (await this.inbox()).length;
    const step = await this.json("sign_in_password", "login", { email: this.email, password: PASSWORD });
    if (step === "Done") return;
    if (!step.Code) throw new Error(`unexpected sign-in step ${JSON.stringify(step)}`);
    const code = await this.code(before);
    await this.json("sign_in_code", "complete_login", { method: "code", code });
  }

  async inbox() {
    return (await fetch(`${SINK}/mail?to=${encodeURIComponent(this.email)}`)).json();
  }

  // The device code from the newest authorization mail after `before` (waits for it, 20 s at most).
  async code(before) {
    const t0 = performance.now();
    for (;;) {
      const mail = (await this.inbox()).slice(before).find((m) => /authorization code/i.test(m.subject));
      if (mail) {
        (timings.code_mail_delivered ||= []).push(performance.now() - t0);
        return /\b\d{6}\b/.exec(mail.text)[0];
      }
      if (performance.now() - t0 > 20_000) {
        errors.code_mail_delivered = (errors.code_mail_delivered || 0) + 1;
        throw new Error("no device code mail within 20 s");
      }
      await sleep(100);
    }
  }

  async setUp() {
    await this.signIn();
    const [contract] = await this.json("contracts_list", "my_contracts");
    this.loan = contract.id;
    const [source] = await this.json("payment_sources", "payment_sources");
    this.source = source.id;
  }

  async payment() {
    const options = await this.json("payment_options", "payment_options", { contract_id: this.loan });
    const [y, o] = options.earliest;
    const day = new Date(Date.UTC(y, 0, o)).toISOString().slice(0, 10);
    const key = this.key("pay");
    const form = { contract_id: this.loan, source_id: this.source, amount: "1.00", date: day, extra_to: "next_instalment", key };
    await this.confirmed("payment", "make_payment", form, payments);
  }

  // Sends a keyed form, keeps the reference the portal confirmed under its key, and one time in
  // five sends it again, as a double tap would: the answer must be the same reference.
  async confirmed(kind, endpoint, form, kept) {
    const first = await this.json(kind, endpoint, form);
    kept.set(form.key, first.reference);
    if (Math.random() < 0.2) {
      const again = await this.json(`${kind}_same_key`, endpoint, form);
      if (again.reference !== first.reference) {
        errors[`${kind}_same_key`] = (errors[`${kind}_same_key`] || 0) + 1;
        errorSamples.push(`the same key ${form.key} gave ${again.reference} after ${first.reference}`);
      }
    }
  }

  async message() {
    const fd = new FormData();
    fd.append("file", new Blob([PNG], { type: "image/png" }), `photo-${this.i}.png`);
    const up = await this.request("upload", "/messages/attachments", { method: "POST", body: fd });
    const file = JSON.parse(up.text);
    const key = this.key("msg");
    const form = { topic: "payments", contract: String(this.loan), body: `Load test message ${key}`, key, attachments: String(file.id) };
    await this.confirmed("message", "send_message", form, messages);
  }

  async documents() {
    const [docs] = await this.json("documents_list", "my_documents");
    const p = docs.statements[0];
    if (!p) return;
    const file = `statement-${p.year}-${String(p.month).padStart(2, "0")}.pdf`;
    const { text } = await this.request("statement_pdf", `/documents/${this.loan}/${file}`);
    if (!text.startsWith("%PDF-")) throw new Error("not a PDF");
  }

  async step() {
    const r = Math.random();
    const page = (kind, path) => this.request(kind, path, { headers: { Accept: "text/html" } });
    if (r < 0.3) await page("dashboard", "/dashboard");
    else if (r < 0.45) await page("schedule", `/contracts/${this.loan}/schedule`);
    else if (r < 0.6) await page("history", `/contracts/${this.loan}/history`);
    else if (r < 0.72) await this.documents();
    else if (r < 0.84) await this.payment();
    else if (r < 0.96) await this.message();
    else {
      await this.request("sign_out", "/api/logout", { method: "POST", form: {} });
      await this.signIn();
    }
  }

  async run() {
    await sleep(Math.random() * RAMP * 1000);
    try {
      await this.setUp();
    } catch {
      return;
    }
    while (!stop) {
      try {
        await this.step();
      } catch {
        // Counted where it happened; go on as a person would after an error.
      }
      await pause();
    }
  }
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const started = performance.now();
setTimeout(() => (stop = true), SECONDS * 1000);
await Promise.all(Array.from({ length: N }, (_, k) => new Customer(k + 1).run()));
const elapsed = (performance.now() - started) / 1000;

const summary = {};
let total = 0;
let failed = 0;
console.log(`\n${N} virtual customers, ${elapsed.toFixed(0)} s\n`);
console.log(`${"kind".padEnd(22)} ${"requests".padStart(9)} ${"errors".padStart(7)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)}`);
for (const kind of Object.keys(timings).sort()) {
  const t = timings[kind].sort((a, b) => a - b);
  const e = errors[kind] || 0;
  const row = { requests: t.length, errors: e, p50: pct(t, 50), p95: pct(t, 95), p99: pct(t, 99) };
  summary[kind] = row;
  if (kind !== "code_mail_delivered") {
    total += t.length;
    failed += e;
  }
  console.log(
    `${kind.padEnd(22)} ${String(t.length).padStart(9)} ${String(e).padStart(7)} ${row.p50.toFixed(1).padStart(8)} ${row.p95.toFixed(1).padStart(8)} ${row.p99.toFixed(1).padStart(8)}`,
  );
}
for (const [kind, e] of Object.entries(errors)) if (!timings[kind]) failed += e;
console.log(`\nrequests: ${total} (${(total / elapsed).toFixed(0)}/s), errors: ${failed}`);
console.log("(code_mail_delivered: from the sign-in request's answer until the code's mail is in the sink; not a request)");
for (const s of errorSamples) console.log("  error: " + s);
writeFileSync(`${OUT}/summary.json`, JSON.stringify({ customers: N, seconds: elapsed, total, errors: failed, kinds: summary }, null, 1));
writeFileSync(`${OUT}/payments.tsv`, [...payments].map(([k, r]) => `${k}\t${r}\n`).join(""));
writeFileSync(`${OUT}/messages.tsv`, [...messages].map(([k, r]) => `${k}\t${r}\n`).join(""));
process.exit(failed === 0 ? 0 : 1);
