/* Progressive enhancement, served by the app itself (the CSP allows no inline script and no other site).
   Without it every page works as plain forms. File names come from outside: they are only ever set as text
   (textContent), never as HTML. */
"use strict";

function setupUpload() {
  const form = document.getElementById("upload");
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  const input = document.getElementById("files");
  const zone = document.getElementById("dropzone");
  const submit = form.querySelector("button[type=submit]");
  const labels = document.getElementById("labels").dataset;
  const limit = Number(form.dataset.limit);
  let chosen = []; // the files to send, chosen in the input or dropped on the zone
  let rows = []; // their rows in the table, in the same order
  let busy = false;

  const stop = (event) => { event.preventDefault(); event.stopPropagation(); };
  ["dragenter", "dragover"].forEach((name) => zone.addEventListener(name, (e) => { stop(e); zone.classList.add("over"); }));
  ["dragleave", "drop"].forEach((name) => zone.addEventListener(name, (e) => { stop(e); zone.classList.remove("over"); }));
  zone.addEventListener("drop", (event) => {
    const files = event.dataTransfer ? Array.from(event.dataTransfer.files) : [];
    if (busy || !files.length) return;
    try { input.files = event.dataTransfer.files; } catch (err) { /* older browsers: the list below is used */ }
    input.required = false;
    choose(files);
  });
  input.addEventListener("change", () => { if (!busy) choose(Array.from(input.files)); });

  form.addEventListener("submit", (event) => {
    if (!chosen.length) return; // the browser says the field is required
    event.preventDefault();
    if (busy) return;
    if (total(chosen) > limit) { warn(labels.tooLarge); return; }
    const data = new FormData();
    data.append("csrf_token", form.elements.csrf_token.value);
    chosen.forEach((f) => data.append("files", f, f.name || "unnamed")); // a nameless part would be skipped
    const manifest = document.getElementById("manifest").files[0];
    if (manifest) data.append("manifest", manifest, manifest.name);
    form.querySelectorAll("[name^='set-']").forEach((field) => data.append(field.name, field.value)); // for all files
    send(data);
  });

  function choose(files) {
    chosen = files;
    const body = document.getElementById("file-list").tBodies[0];
    while (body.firstChild) body.removeChild(body.firstChild);
    problems([]);
    rows = files.map((file, i) => row(body, file, i));
    document.getElementById("files-view").hidden = !files.length;
    say(fill(labels.chosen, { files: files.length, size: size(total(files)) }));
  }

  function row(body, file, i) {
    const tr = body.insertRow();
    const name = document.createElement("th");
    name.scope = "row";
    name.id = "file-" + i;
    name.textContent = file.name;
    tr.appendChild(name);
    cell(tr, size(file.size));
    const bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute("aria-labelledby", "files-progress file-" + i); // "Progress" and the file's name
    const percent = document.createElement("span");
    cell(tr, "").append(bar, " ", percent);
    const r = { tr, bar, percent, status: cell(tr, ""), record: cell(tr, ""), reason: cell(tr, ""), size: file.size };
    state(r, labels.ready, "ready");
    return r;
  }

  function send(data) {
    const xhr = new XMLHttpRequest();
    const bar = document.getElementById("bar");
    const starts = [];
    const all = rows.reduce((sum, r) => { starts.push(sum); return sum + r.size; }, 0);
    let sentBefore = -1;
    setBusy(true);
    bar.value = 0;
    document.getElementById("percent").textContent = "";
    rows.forEach((r) => state(r, labels.queued, "queued"));
    xhr.upload.addEventListener("progress", (e) => {
      if (!e.lengthComputable) return;
      const fraction = e.total ? e.loaded / e.total : 1;
      bar.value = Math.round(100 * fraction);
      document.getElementById("percent").textContent = bar.value + "%";
      // The files go in order in one request: a file's share of the bytes sent so far is its progress.
      const bytes = fraction * all;
      let sent = 0;
      rows.forEach((r, i) => {
        if (r.phase !== "queued" && r.phase !== "uploading") { sent += 1; return; }
        const own = r.size ? Math.min(Math.max((bytes - starts[i]) / r.size, 0), 1) : Number(bytes >= starts[i]);
        r.bar.value = Math.round(100 * own);
        r.percent.textContent = r.bar.value + "%";
        if (own >= 1) { state(r, labels.sent, "sent"); sent += 1; }
        else if (own > 0 && r.phase === "queued") state(r, labels.uploading, "uploading");
      });
      if (sent !== sentBefore) say(fill(labels.uploadCount, { sent, files: rows.length })); // not every tick
      sentBefore = sent;
    });
    xhr.upload.addEventListener("load", () => {
      bar.value = 100;
      rows.forEach((r) => {
        r.bar.removeAttribute("value"); // indeterminate: the archive is working on it
        r.percent.textContent = "";
        state(r, labels.ingesting, "ingesting");
      });
      say(fill(labels.ingestingAll, { files: rows.length }));
    });
    xhr.addEventListener("load", () => {
      setBusy(false);
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch (err) { body = null; }
      if (body && xhr.status === 200) return outcomes(body);
      if (body && xhr.status === 422) {
        problems(body.manifest || []);
        return refused(labels.manifestErrors);
      }
      refused((body && body.error && (body.error.text || body.error.message)) || labels.failed);
    });
    xhr.addEventListener("error", () => { setBusy(false); refused(labels.failed); });
    xhr.open("POST", form.dataset.api);
    xhr.setRequestHeader("X-CSRF-Token", form.elements.csrf_token.value);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.send(data);
  }

  function outcomes(result) {
    problems(result.manifest || []);
    const left = new Set(rows);
    result.outcomes.forEach((o) => {
      const r = rows[o.index] || rows.find((x) => left.has(x) && x.tr.cells[0].textContent === o.name);
      if (!r || !left.has(r)) return;
      left.delete(r);
      done(r, 100);
      state(r, labels["status" + o.status.replace(/(^|_)(\w)/g, (m, s, c) => c.toUpperCase())] || o.status, o.status);
      if (o.id) {
        const a = document.createElement("a");
        a.href = "/records/" + encodeURIComponent(o.id);
        a.textContent = String(o.id);
        r.record.appendChild(a);
      }
      const reason = o.reason_text == null ? o.reason : o.reason_text; // in the reader's language
      r.reason.textContent = reason == null ? "" : String(reason);
    });
    left.forEach((r) => { done(r, 0); state(r, labels.notIngested, "not-ingested"); });
    review(result.outcomes.filter((o) => o.read));
    const s = result.summary;
    say(fill(labels.summary, { files: s.files, added: s.added, duplicate: s.duplicate, unsupported: s.unsupported, failed: s.failed }));
    chosen = [];
    form.reset(); // the outcomes stay in the table; the next files start a new list
    input.required = true;
  }

  function review(read) { // what was read of each new record, with a link to check and correct it
    const body = document.getElementById("review-list").tBodies[0];
    while (body.firstChild) body.removeChild(body.firstChild);
    read.forEach((o) => {
      const tr = body.insertRow();
      cell(tr, o.name);
      [o.read.doc_number, o.read.doc_type_text, o.read.title, o.read.issued_text].forEach((v) => cell(tr, v || "—"));
      const level = document.createElement("span");
      level.className = "badge level-" + o.read.classification;
      level.textContent = o.read.classification_text;
      cell(tr, "").appendChild(level);
      const a = document.createElement("a");
      a.href = o.read.check;
      a.textContent = labels.check;
      cell(tr, "").appendChild(a);
    });
    document.getElementById("review-view").hidden = !read.length;
  }

  function refused(message) {
    rows.forEach((r) => { done(r, 0); state(r, labels.notIngested, "not-ingested"); });
    warn(message);
  }

  function problems(list) {
    const ul = document.getElementById("manifest-problems");
    while (ul.firstChild) ul.removeChild(ul.firstChild);
    list.forEach((p) => {
      const li = document.createElement("li");
      li.className = p.severity;
      const where = p.line ? fill(labels.manifestLine, { line: p.line }) : labels.manifest;
      const severity = p.severity_text ? " (" + p.severity_text + ")" : "";
      li.textContent = where + severity + ": " + (p.text == null ? p.message : p.text);
      ul.appendChild(li);
    });
    ul.hidden = !list.length;
  }

  function state(r, text, phase) {
    r.phase = phase;
    r.tr.className = "file-" + phase;
    r.status.textContent = text;
    r.status.className = "status status-" + phase;
  }

  function done(r, value) {
    r.bar.value = value;
    r.percent.textContent = "";
  }

  function setBusy(on) {
    busy = on;
    submit.disabled = on;
    input.disabled = on;
    document.getElementById("progress").hidden = false;
  }

  function say(text) { // announced politely (role=status)
    document.getElementById("upload-alert").hidden = true;
    document.getElementById("phase").textContent = text;
  }

  function warn(text) { // announced at once (role=alert)
    const box = document.getElementById("upload-alert");
    document.getElementById("phase").textContent = "";
    box.hidden = false;
    box.textContent = text;
  }
}

function cell(row, text) {
  const td = row.insertCell();
  td.textContent = text == null ? "" : String(text); // text, never HTML: file names come from outside
  return td;
}

function total(files) {
  return files.reduce((sum, f) => sum + f.size, 0);
}

function decimal(text) { // 38.5 → 38,5 on a Vietnamese page (the page's lang says which)
  return document.documentElement.lang === "vi" ? text.replace(".", ",") : text;
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (m, key) => (key in values ? String(values[key]) : m));
}

function size(bytes) {
  let value = bytes;
  for (const unit of ["B", "KB", "MB", "GB"]) {
    if (value < 1024 || unit === "GB") return unit === "B" ? value + " B" : decimal(value.toFixed(1)) + " " + unit;
    value /= 1024;
  }
  return "";
}

document.addEventListener("DOMContentLoaded", setupUpload);

/* The search page: a new sort applies at once (the form is sent as it stands); on a phone the filters
   start folded behind their "Bộ lọc" button, so the first result is on the first screen. */
function setupSearch() {
  document.querySelectorAll("select[data-submit]").forEach((select) => {
    select.addEventListener("change", () => select.form.submit());
  });
  const filters = document.getElementById("filters");
  if (filters && window.matchMedia && window.matchMedia("(max-width: 40rem)").matches) filters.open = false;
}

/* What an action did (saved, refused, declassified) is said at the top of the page: focus goes there so a
   screen reader reads it and the clerk sees it, wherever the form was. */
function focusNotice() {
  const notice = document.getElementById("notice");
  if (notice) { notice.scrollIntoView({ block: "start" }); notice.focus(); }
}

document.addEventListener("DOMContentLoaded", setupSearch);
document.addEventListener("DOMContentLoaded", focusNotice);
