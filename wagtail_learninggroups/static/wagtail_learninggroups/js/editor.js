// The page editor, a little kinder. Without this script the forms work as they are.
(function () {
  "use strict";
  // The template's unit list follows its module select (see WorkshopTemplatePageForm).
  function followModules() {
    document.querySelectorAll("select[data-lg-units]").forEach(function (units) {
      var module = document.getElementById(units.getAttribute("data-lg-module-field"));
      var byModule = JSON.parse(units.getAttribute("data-lg-units"));
      if (!module) return;
      module.addEventListener("change", function () {
        var chosen = units.value;
        var list = module.value
          ? byModule[module.value] || []
          : [].concat.apply([], Object.values(byModule));
        units.replaceChildren(units.options[0]);
        list.forEach(function (unit) {
          units.add(new Option(unit[1], unit[0], false, String(unit[0]) === chosen));
        });
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", followModules);
  } else {
    followModules();
  }

  // After a refused publish Wagtail autosaves the form at once, and says "Saved" beside the
  // refusal. Nothing was saved, as the refusal says: the autosave waits for the editor's next
  // change (see SlotFillsPanel). Widgets send change events of their own as they start:
  // only the editor's count.
  var edited = false;
  function edit(event) {
    if (event.isTrusted && event.target.closest && event.target.closest("form[data-edit-form]")) {
      edited = true;
    }
  }
  document.addEventListener("input", edit, true);
  document.addEventListener("change", edit, true);
  document.addEventListener("w-autosave:save", function (event) {
    if (edited || !document.querySelector("[data-lg-publish-refused]")) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  }, true);
})();
