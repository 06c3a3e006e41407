// The stable key of a slot or a quiz: a hidden input, shown without its "Key" label too.
(function () {
  "use strict";
  var blocks = window.wagtailStreamField && window.wagtailStreamField.blocks;
  if (!blocks || !window.telepath) return;
  class SlotKeyBlockDefinition extends blocks.FieldBlockDefinition {
    render(placeholder, ...rest) {
      var row = placeholder.parentElement;
      var block = super.render(placeholder, ...rest);
      if (row && row.hasAttribute("data-contentpath")) row.hidden = true;
      return block;
    }
  }
  window.telepath.register("wagtail_learninggroups.blocks.SlotKeyBlock", SlotKeyBlockDefinition);
})();
