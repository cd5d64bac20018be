// Adds a "Copy link" button beside each read-only link field (input.copy-link). An enhancement
// only: without JavaScript the field is still there to select and copy by hand.
(function () {
  "use strict";

  function copyText(input) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(input.value);
    }
    // Older browsers and plain-HTTP hosts: copy the selected field the old way.
    input.select();
    return document.execCommand("copy") ? Promise.resolve() : Promise.reject(new Error("copy"));
  }

  function enhance(input) {
    var row = document.createElement("div");
    row.className = "copy-row";
    input.parentNode.insertBefore(row, input);
    row.appendChild(input);

    var button = document.createElement("button");
    button.type = "button";
    button.className = "small secondary";
    button.textContent = "Copy link";
    row.appendChild(button);

    // A live region, present before anything is copied so screen readers announce the change.
    var status = document.createElement("span");
    status.className = "copy-status";
    status.setAttribute("role", "status");
    row.appendChild(status);

    button.addEventListener("click", function () {
      status.textContent = "";
      copyText(input).then(
        function () {
          status.textContent = "Link copied";
        },
        function () {
          input.focus();
          input.select();
          status.textContent = "Press Ctrl+C (or Cmd+C) to copy the selected link";
        }
      );
    });
    input.addEventListener("focus", function () {
      input.select();
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("input.copy-link"), enhance);
})();
