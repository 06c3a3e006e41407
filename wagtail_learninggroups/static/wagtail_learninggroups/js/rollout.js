/* Roll-out, as Stimulus controllers of the Wagtail admin. The form works without them; they
   tick a region's offices with its box, filter the offices by name, and follow a run's progress
   without reloading the page. */
(() => {
  const { Controller } = window.StimulusModule;

  class RolloutForm extends Controller {
    static targets = ["all", "region", "regionBox", "office", "filter", "filterBox", "none"];

    connect() {
      this.filterBoxTarget.hidden = false;
      // A region or "All offices" ticked before (the form came back with an error) ticks its offices.
      if (this.allTarget.checked) this.tick(this.element, true);
      this.regionBoxTargets.forEach((box) => box.checked && this.tick(box.closest("fieldset"), true));
      this.sync();
    }

    boxes(scope) {
      return [...scope.querySelectorAll('input[name="locations"]')];
    }

    tick(scope, checked) {
      this.boxes(scope).forEach((box) => (box.checked = checked));
    }

    toggleAll() {
      this.tick(this.element, this.allTarget.checked);
      this.sync();
    }

    toggleRegion(event) {
      this.tick(event.target.closest("fieldset"), event.target.checked);
      this.sync();
    }

    /* A region's box (and "All offices") is ticked when all its offices are, half when some are:
       so what it sends agrees with the offices ticked. */
    mark(box, scope) {
      const boxes = this.boxes(scope);
      const ticked = boxes.filter((office) => office.checked).length;
      box.checked = boxes.length > 0 && ticked === boxes.length;
      box.indeterminate = ticked > 0 && ticked < boxes.length;
    }

    sync() {
      this.regionBoxTargets.forEach((box) => this.mark(box, box.closest("fieldset")));
      this.mark(this.allTarget, this.element);
    }

    filter() {
      const words = this.filterTarget.value.trim().toLowerCase();
      this.officeTargets.forEach((item) => (item.hidden = !item.dataset.name.includes(words)));
      this.regionTargets.forEach(
        (region) => (region.hidden = !region.querySelector("li:not([hidden])")),
      );
      this.noneTarget.hidden = this.regionTargets.some((region) => !region.hidden);
    }
  }

  class RolloutProgress extends Controller {
    static targets = ["bar", "text", "queued"];
    static values = { url: String, every: { type: Number, default: 1500 } };

    connect() {
      this.timer = setTimeout(() => this.poll(), this.everyValue);
    }

    disconnect() {
      clearTimeout(this.timer);
    }

    async poll() {
      try {
        const response = await fetch(this.urlValue, { headers: { Accept: "application/json" } });
        const run = response.ok ? await response.json() : null;
        if (run && run.over) {
          window.location.reload();
          return;
        }
        if (run && run.status === "running") {
          this.barTarget.max = run.total;
          this.barTarget.value = run.done;
          this.barTarget.textContent = this.textTarget.textContent = run.text;
          this.queuedTargets.forEach((note) => (note.hidden = true));
        }
      } catch (error) {
        // A slow or dropped connection: ask again at the next turn.
      }
      this.timer = setTimeout(() => this.poll(), this.everyValue);
    }
  }

  window.wagtail.app.register("lg-rollout", RolloutForm);
  window.wagtail.app.register("lg-rollout-progress", RolloutProgress);
})();
