/* Pickers (ui/pickers.py): htmx fetches the suggestions; this file lets the user choose one with
   the mouse or the keyboard (↑ ↓ to move, Enter to choose, Esc to close). No inline script, no
   eval: it runs under a strict Content-Security-Policy. */
(function () {
  "use strict";

  function pickerOf(el) { return el ? el.closest("[data-picker]") : null; }
  function input(p) { return p.querySelector("[data-picker-input]"); }
  function list(p) { return p.querySelector(".picker-results"); }
  function options(p) { return Array.prototype.slice.call(list(p).querySelectorAll("[role=option]")); }
  function active(p) { return list(p).querySelector("[role=option][aria-selected=true]"); }

  function setOpen(p, open) {
    list(p).hidden = !open;
    input(p).setAttribute("aria-expanded", open ? "true" : "false");
    if (!open) { input(p).removeAttribute("aria-activedescendant"); }
  }

  function highlight(p, option) {
    options(p).forEach(function (o) { o.setAttribute("aria-selected", o === option ? "true" : "false"); });
    if (option) {
      input(p).setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    }
  }

  function addChip(p, value, label) {
    var box = p.querySelector(".picker-chosen");
    var existing = box.querySelector("input[value='" + CSS.escape(value) + "']");
    if (existing) { existing.checked = true; return; }
    var chip = p.querySelector("template[data-picker-chip]").content.firstElementChild.cloneNode(true);
    chip.querySelector("input").value = value;
    chip.querySelector("span").textContent = label;
    box.appendChild(chip);
  }

  function choose(p, option) {
    var field = input(p);
    if (p.dataset.picker === "many") {
      addChip(p, option.dataset.value, option.dataset.label);
      field.value = "";
    } else {
      p.querySelector("[data-picker-value]").value = option.dataset.value;
      field.value = option.dataset.label;
    }
    list(p).innerHTML = "";
    setOpen(p, false);
    field.focus();
  }

  // htmx sends the input under its form name; the endpoint reads q.
  document.addEventListener("htmx:configRequest", function (e) {
    var el = e.detail.elt;
    if (!el.matches || !el.matches("[data-picker-input]")) { return; }
    delete e.detail.parameters[el.name];
    e.detail.parameters.q = el.value;
  });

  document.addEventListener("htmx:afterSwap", function (e) {
    var p = pickerOf(e.detail.target);
    if (!p || e.detail.target !== list(p)) { return; }
    var found = options(p);
    found.forEach(function (o, i) { o.id = list(p).id + "-" + i; });
    setOpen(p, list(p).children.length > 0 && input(p).value.trim() !== "");
    highlight(p, found[0] || null);
  });

  document.addEventListener("input", function (e) {
    var p = pickerOf(e.target);
    if (!p || e.target !== input(p)) { return; }
    var hidden = p.querySelector("[data-picker-value]");
    if (hidden) { hidden.value = ""; }  // typing again undoes the choice
    if (!e.target.value.trim()) { setOpen(p, false); }
  });

  document.addEventListener("keydown", function (e) {
    var p = pickerOf(e.target);
    if (!p || e.target !== input(p) || list(p).hidden) { return; }
    var found = options(p);
    var i = found.indexOf(active(p));
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      var step = e.key === "ArrowDown" ? 1 : -1;
      highlight(p, found[(i + step + found.length) % found.length] || null);
    } else if (e.key === "Enter" && i >= 0) {
      e.preventDefault();  // choose, do not submit the form
      choose(p, found[i]);
    } else if (e.key === "Escape") {
      e.preventDefault();
      setOpen(p, false);
    }
  });

  // Keep the focus in the input while the mouse presses an option, then choose it on click.
  document.addEventListener("mousedown", function (e) {
    if (e.target.closest && e.target.closest(".picker-results")) { e.preventDefault(); }
  });
  document.addEventListener("click", function (e) {
    var option = e.target.closest && e.target.closest(".picker-results [role=option]");
    if (option) { choose(pickerOf(option), option); }
  });
  document.addEventListener("focusout", function (e) {
    var p = pickerOf(e.target);
    if (p && !p.contains(e.relatedTarget)) { setOpen(p, false); }
  });
})();
