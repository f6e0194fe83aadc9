/* Ask before an irreversible action (core/includes/confirm_dialog.html).
 *
 * A submit button with data-confirm="question" does not submit at once: the dialog shows the
 * question; "Cancel" closes it and nothing is sent, the confirming button submits the form with
 * the same button (its name and value included). */
(function () {
  "use strict";

  var dialog = document.querySelector("[data-confirm-dialog]");
  if (!dialog || typeof dialog.showModal !== "function") {
    return;
  }
  var question = dialog.querySelector("[data-confirm-question]");
  var pending = null;

  document.addEventListener(
    "submit",
    function (event) {
      var button = event.submitter;
      if (!button || !button.dataset.confirm || button === pending) {
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      pending = button;
      question.textContent = button.dataset.confirm;
      dialog.returnValue = "";
      dialog.showModal();
    },
    true
  );

  dialog.addEventListener("close", function () {
    var button = pending;
    if (dialog.returnValue === "confirm" && button && button.form) {
      button.form.requestSubmit(button);
    }
    pending = null;
  });
})();
