// The query page: Ctrl+Enter (or Cmd+Enter) runs the editor's query; "Edit" copies a named
// query's SPARQL into the editor. Text goes in as a value, never as markup.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var editor = document.getElementById("sparql");
  if (!editor) {
    return;
  }
  editor.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      editor.form.submit();
    }
  });
  document.querySelectorAll("button.edit").forEach(function (button) {
    button.addEventListener("click", function () {
      editor.value = button.getAttribute("data-sparql");
      editor.focus();
      editor.scrollIntoView({ block: "center" });
    });
  });
});
