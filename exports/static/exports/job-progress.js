/* Export job page: poll the JSON status endpoint until the job is done or failed.
   Without JavaScript the page refreshes itself (<noscript> meta refresh). */
(function () {
  "use strict";
  var root = document.getElementById("export-job");
  if (!root) { return; }
  var finished = function (status) { return status === "done" || status === "failed"; };
  if (finished(root.dataset.status)) { return; }
  var q = function (id) { return root.querySelector('[data-testid="' + id + '"]'); };
  var bar = q("job-progress");

  function show(data) {
    q("job-status").textContent = data.status_label;
    q("job-stage").textContent = data.stage;
    bar.style.width = data.progress + "%";
    bar.textContent = data.progress + "%";
    bar.parentNode.setAttribute("aria-valuenow", data.progress);
    if (data.status === "failed") {
      q("job-error").textContent = data.error;
      q("job-error").classList.remove("d-none");
    }
    if (data.status === "done") {
      q("job-download").querySelector("a").href = data.download_url;
      q("job-download").classList.remove("d-none");
    }
    if (finished(data.status)) {
      bar.classList.remove("progress-bar-striped", "progress-bar-animated");
      var wait = q("job-wait");
      if (wait) { wait.remove(); }
    }
  }

  function poll() {
    fetch(root.dataset.statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        show(data);
        if (!finished(data.status)) { window.setTimeout(poll, 1000); }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 500);
})();
