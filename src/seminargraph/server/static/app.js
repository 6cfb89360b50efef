// The query page: Ctrl+Enter (or Cmd+Enter) runs the editor's query; "Edit" copies a named
// query's SPARQL into the editor; the parameter fields suggest people, organisations and events
// from /entities.json as the user types (without this script they take an id or IRI as typed).
// Text goes in as a value, never as markup.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("input[data-kind]").forEach(suggest);
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

// Fill the field's datalist with the entities whose name or id holds what was typed: asked a
// moment after the last key, and only the answer to the latest question is shown.
function suggest(input) {
  var list = document.getElementById(input.getAttribute("list"));
  var timer = null;
  var asked = 0;
  var shown = null;
  if (!list) {
    return;
  }
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(lookUp, 150);
  });

  function lookUp() {
    var text = input.value.trim();
    if (text === shown) {
      return;
    }
    var question = ++asked;
    if (!text || /^https?:\/\//.test(text)) {
      fill([], text);
      return;
    }
    var parameters = new URLSearchParams({
      kind: input.getAttribute("data-kind"),
      q: text,
      lang: document.documentElement.lang || "sv",
    });
    fetch("/entities.json?" + parameters.toString(), { headers: { Accept: "application/json" } })
      .then(function (answer) {
        return answer.ok ? answer.json() : { items: [] };
      })
      .then(function (found) {
        if (question === asked) {
          fill(found.items || [], text);
        }
      })
      .catch(function () {
        if (question === asked) {
          fill([], text);
        }
      });
  }

  function fill(items, text) {
    var options = items.map(function (item) {
      var option = document.createElement("option");
      option.value = item.id;
      option.label = item.label;
      option.textContent = item.label;
      return option;
    });
    list.replaceChildren.apply(list, options);
    shown = text;
  }
}
