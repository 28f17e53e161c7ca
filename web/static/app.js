/* Progressive enhancement, served by the app itself (the CSP allows no inline script and no other site).
   Without it every page works as plain forms. */
"use strict";

function setupUpload() {
  const form = document.getElementById("upload");
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  const input = document.getElementById("files");
  const zone = document.getElementById("dropzone");
  const labels = document.getElementById("labels").dataset;
  const limit = Number(form.dataset.limit);
  let dropped = null; // files dropped on the zone, used instead of the input's

  const stop = (event) => { event.preventDefault(); event.stopPropagation(); };
  ["dragenter", "dragover"].forEach((name) => zone.addEventListener(name, (e) => { stop(e); zone.classList.add("over"); }));
  ["dragleave", "drop"].forEach((name) => zone.addEventListener(name, (e) => { stop(e); zone.classList.remove("over"); }));
  zone.addEventListener("drop", (event) => {
    dropped = Array.from(event.dataTransfer.files);
    input.required = false;
    listFiles(dropped, labels.waiting);
  });
  input.addEventListener("change", () => { dropped = null; listFiles(Array.from(input.files), ""); });

  form.addEventListener("submit", (event) => {
    const files = dropped || Array.from(input.files);
    if (!files.length) return; // let the browser say the field is required
    event.preventDefault();
    const total = files.reduce((sum, f) => sum + f.size, 0);
    if (total > limit) { say(labels.tooLarge, true); return; }
    const data = new FormData();
    data.append("csrf_token", form.elements.csrf_token.value);
    files.forEach((f) => data.append("files", f, f.name));
    const manifest = document.getElementById("manifest").files[0];
    if (manifest) data.append("manifest", manifest, manifest.name);
    send(data, files);
  });

  function send(data, files) {
    const xhr = new XMLHttpRequest();
    const bar = document.getElementById("bar");
    const percent = document.getElementById("percent");
    document.getElementById("progress").hidden = false;
    listFiles(files, labels.uploading);
    form.querySelector("button[type=submit]").disabled = true;
    xhr.upload.addEventListener("progress", (e) => {
      if (!e.lengthComputable) return;
      const done = Math.round((100 * e.loaded) / e.total);
      bar.value = done;
      percent.textContent = done + "%";
      if (e.loaded === e.total) { say(labels.waiting); listFiles(files, labels.waiting); }
    });
    xhr.addEventListener("load", () => {
      form.querySelector("button[type=submit]").disabled = false;
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch (err) { body = null; }
      if (!body || (xhr.status !== 200 && xhr.status !== 422)) {
        say((body && body.error && body.error.message) || labels.failed, true);
        return;
      }
      say(labels.done);
      showOutcomes(body);
    });
    xhr.addEventListener("error", () => { form.querySelector("button[type=submit]").disabled = false; say(labels.failed, true); });
    xhr.open("POST", form.dataset.api);
    xhr.setRequestHeader("X-CSRF-Token", form.elements.csrf_token.value);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.send(data);
  }

  function say(text, isError) {
    const phase = document.getElementById("phase");
    document.getElementById("progress").hidden = false;
    phase.textContent = text;
    phase.className = isError ? "error" : "";
  }

  function table() {
    const t = document.getElementById("outcomes");
    t.hidden = false;
    document.getElementById("outcomes-h").hidden = false;
    const body = t.tBodies[0];
    while (body.firstChild) body.removeChild(body.firstChild);
    return body;
  }

  function cell(row, text) {
    const td = row.insertCell();
    td.textContent = text == null ? "" : String(text); // text, never HTML: file names come from outside
    return td;
  }

  function listFiles(files, state) {
    const body = table();
    files.forEach((f) => {
      const row = body.insertRow();
      cell(row, f.name);
      cell(row, state);
      cell(row, "");
      cell(row, "");
    });
  }

  function showOutcomes(result) {
    const body = table();
    (result.manifest || []).forEach((p) => {
      const row = body.insertRow();
      row.className = "outcome-failed";
      cell(row, "manifest:" + p.line);
      cell(row, p.severity);
      cell(row, "");
      cell(row, p.message);
    });
    result.outcomes.forEach((o) => {
      const row = body.insertRow();
      row.className = "outcome-" + o.status;
      cell(row, o.name);
      const status = cell(row, labels["status" + o.status.replace(/(^|_)(\w)/g, (m, s, c) => c.toUpperCase())] || o.status);
      status.className = "status status-" + o.status;
      const link = cell(row, "");
      if (o.id) {
        const a = document.createElement("a");
        a.href = "/records/" + encodeURIComponent(o.id);
        a.textContent = String(o.id);
        link.appendChild(a);
      }
      cell(row, o.reason);
    });
    if (result.summary) {
      const s = result.summary;
      say(labels.summary.replace("{files}", s.files).replace("{added}", s.added).replace("{duplicate}", s.duplicate)
        .replace("{unsupported}", s.unsupported).replace("{failed}", s.failed));
    }
  }
}

document.addEventListener("DOMContentLoaded", setupUpload);
