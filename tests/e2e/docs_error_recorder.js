// Put first into every page by tests/e2e/test_docs_site.py: records the page's errors into the
// data-kbapi-errors attribute of the html element, so that Chromium's --dump-dom shows them.
(function () {
  var errors = [];
  function note(text) {
    errors.push(String(text));
    document.documentElement.dataset.kbapiErrors = errors.join(" | ");
  }
  var original = console.error;
  console.error = function () {
    note(Array.prototype.join.call(arguments, " "));
    original.apply(console, arguments);
  };
  window.addEventListener("error", function (e) {
    note(e.message || "failed to load " + (e.target.src || e.target.href));
  }, true);
  window.addEventListener("unhandledrejection", function (e) {
    note("unhandled rejection: " + e.reason);
  });
})();
