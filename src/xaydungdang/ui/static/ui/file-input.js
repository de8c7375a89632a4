// File inputs in Vietnamese: the browser's own "Choose file / No file chosen" text cannot be
// translated, so the input is hidden behind a "Chọn tệp" label that shows the chosen name.
// Without JavaScript the browser's input stays visible (html without the "js" class).
document.documentElement.classList.add("js");
document.addEventListener("change", function (event) {
  var input = event.target;
  if (!(input instanceof HTMLInputElement) || input.type !== "file") return;
  var pick = input.closest(".file-pick");
  var shown = pick && pick.querySelector(".file-name");
  if (!shown) return;
  var names = Array.prototype.map.call(input.files || [], function (f) { return f.name; });
  shown.textContent = names.length ? names.join(", ") : "Chưa chọn tệp nào";
});
