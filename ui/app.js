// Progressive enhancements; every page works without this script.
(function () {
  "use strict";

  // The menu button folds and unfolds the left menu on small screens.
  document.querySelectorAll("[data-menu-toggle]").forEach(function (button) {
    var menu = document.getElementById(button.getAttribute("aria-controls"));
    if (!menu) return;
    button.addEventListener("click", function () {
      var open = menu.classList.toggle("open");
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
  });

  // The user menu closes when clicking elsewhere or pressing Escape.
  document.addEventListener("click", function (event) {
    document.querySelectorAll("details.user-menu[open]").forEach(function (d) {
      if (!d.contains(event.target)) d.removeAttribute("open");
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll("details.user-menu[open]").forEach(function (d) {
      d.removeAttribute("open");
      var summary = d.querySelector("summary");
      if (summary) summary.focus();
    });
  });

  // Action messages fade after a while.
  document.querySelectorAll("[data-flash]").forEach(function (el) {
    setTimeout(function () { el.classList.add("fade"); }, 6000);
  });

  // Forms that delete or disable ask first.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) event.preventDefault();
  }, true);

  // A filter box hides the rows that do not contain what is typed.
  document.querySelectorAll("[data-filter-rows]").forEach(function (input) {
    var rows = document.querySelectorAll(input.getAttribute("data-filter-rows"));
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().trim();
      rows.forEach(function (row) {
        var text = row.getAttribute("data-filter-text") || row.textContent.toLowerCase();
        row.hidden = words !== "" && text.indexOf(words) === -1;
      });
    });
  });

  // Posts a form in the background, asking for JSON.
  function postForm(form) {
    return fetch(form.action, {
      method: "POST",
      headers: { "Accept": "application/json" },
      body: new URLSearchParams(new FormData(form)),
      credentials: "same-origin"
    });
  }

  // Rights matrix: one click flips a grant without reloading the page.
  document.querySelectorAll("form[data-toggle-right]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button");
      button.disabled = true;
      postForm(form).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      }).then(function (data) {
        button.classList.toggle("granted", data.granted);
        button.classList.toggle("denied", !data.granted);
        button.setAttribute("aria-pressed", data.granted ? "true" : "false");
        var table = document.getElementById("rights-table");
        var labels = table ? table.dataset : {};
        var text = button.querySelector(".state-text");
        if (text) text.textContent = data.granted ? labels.granted : labels.denied;
      }).catch(function () {
        form.submit();
      }).finally(function () {
        button.disabled = false;
      });
    });
  });

  // Quick add of a user from another form: the form opens in a dialog and the new user is
  // added to the choice list and selected.
  function openDialog(title, url, onChosen) {
    var dialog = document.createElement("dialog");
    dialog.className = "quick-dialog";
    var heading = document.createElement("h2");
    heading.textContent = title;
    var body = document.createElement("div");
    dialog.appendChild(heading);
    dialog.appendChild(body);
    document.body.appendChild(dialog);
    dialog.addEventListener("close", function () { dialog.remove(); });

    function show(html) {
      body.innerHTML = html;
      var form = body.querySelector("form[data-quick-form]");
      var cancel = body.querySelector("[data-dialog-close]");
      if (cancel) cancel.addEventListener("click", function () { dialog.close(); });
      if (!form) return;
      var first = form.querySelector("input:not([type=hidden])");
      if (first) first.focus();
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        postForm(form).then(function (response) {
          var type = response.headers.get("content-type") || "";
          if (response.ok && type.indexOf("application/json") === 0) {
            return response.json().then(function (chosen) { onChosen(chosen); dialog.close(); });
          }
          return response.text().then(show);
        });
      });
    }
    fetch(url, { credentials: "same-origin" }).then(function (r) { return r.text(); }).then(show);
    dialog.showModal();
  }

  document.querySelectorAll("[data-quick-user]").forEach(function (button) {
    var select = document.querySelector(button.getAttribute("data-quick-user"));
    if (!select) return;
    button.addEventListener("click", function () {
      openDialog(button.getAttribute("data-quick-title"), button.getAttribute("data-quick-url"), function (chosen) {
        var option = document.createElement("option");
        option.value = (button.getAttribute("data-quick-prefix") || "") + chosen.value;
        option.textContent = chosen.label;
        select.appendChild(option);
        select.value = option.value;
        select.dispatchEvent(new Event("change", { bubbles: true }));
      });
    });
  });

  // Long requester lists: a search box fills the list from the server and picks the first match.
  document.querySelectorAll("select[data-search-url]").forEach(function (select) {
    var input = document.createElement("input");
    input.type = "search";
    input.className = "choice-search";
    input.autocomplete = "off";
    input.placeholder = select.getAttribute("data-search-label");
    input.setAttribute("aria-label", select.getAttribute("data-search-label"));
    input.setAttribute("aria-controls", select.id);
    var none = document.createElement("p");
    none.className = "hint";
    none.hidden = true;
    none.setAttribute("role", "status");
    none.textContent = select.getAttribute("data-search-none");
    var row = select.parentNode.classList.contains("with-actions") ? select.parentNode : select;
    row.parentNode.insertBefore(input, row);
    row.parentNode.insertBefore(none, row);
    var timer = null, asked = 0;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var text = input.value.trim();
        if (text.length < 2) return;
        var mine = ++asked;
        fetch(select.getAttribute("data-search-url") + "?q=" + encodeURIComponent(text), {
          credentials: "same-origin", headers: { accept: "application/json" }
        }).then(function (r) { return r.ok ? r.json() : []; }).then(function (found) {
          if (mine !== asked) return;
          Array.prototype.slice.call(select.querySelectorAll("option[data-found]")).forEach(function (o) {
            if (!o.selected) o.remove();
          });
          var groups = select.querySelector("option[value^='g']");
          found.forEach(function (p) {
            if (select.querySelector("option[value='" + CSS.escape(p.value) + "']")) return;
            var o = document.createElement("option");
            o.value = p.value;
            o.textContent = p.label;
            o.setAttribute("data-mail", p.mail);
            o.setAttribute("data-phone", p.phone);
            o.setAttribute("data-found", "");
            select.insertBefore(o, groups);
          });
          none.hidden = found.length > 0;
          if (found.length) {
            select.value = found[0].value;
            select.dispatchEvent(new Event("change", { bubbles: true }));
          }
        });
      }, 200);
    });
  });

  // Ticket form: the subcategory list follows the chosen category.
  document.querySelectorAll("select[data-follows]").forEach(function (sub) {
    var category = document.querySelector(sub.getAttribute("data-follows"));
    if (!category) return;
    function filter() {
      var chosen = category.value;
      Array.prototype.forEach.call(sub.options, function (o) {
        var owner = o.getAttribute("data-category");
        var fits = !owner || owner === chosen;
        o.hidden = !fits;
        o.disabled = !fits;
      });
      var current = sub.options[sub.selectedIndex];
      if (current && current.disabled) sub.value = "";
    }
    category.addEventListener("change", filter);
    filter();
  });

  // Quick add of a subcategory under the chosen category.
  document.querySelectorAll("[data-quick-subcategory]").forEach(function (button) {
    var select = document.querySelector(button.getAttribute("data-quick-subcategory"));
    var category = document.querySelector(button.getAttribute("data-category-from"));
    if (!select || !category) return;
    button.addEventListener("click", function () {
      if (!category.value) { category.focus(); return; }
      var url = button.getAttribute("data-quick-url") + "?category=" + encodeURIComponent(category.value);
      openDialog(button.getAttribute("data-quick-title"), url, function (chosen) {
        var option = document.createElement("option");
        option.value = chosen.value;
        option.textContent = chosen.label;
        option.setAttribute("data-category", chosen.category);
        select.appendChild(option);
        select.value = chosen.value;
      });
    });
  });

  // A warning sign while the requester or the technician is not chosen.
  document.querySelectorAll("select[data-warn-empty]").forEach(function (select) {
    var label = document.querySelector("label[for='" + select.id + "']");
    if (!label) return;
    function update() {
      var sign = label.querySelector(".field-warning");
      if (select.value === "" && !sign) {
        sign = document.createElement("span");
        sign.className = "field-warning";
        sign.setAttribute("aria-hidden", "true");
        sign.textContent = "⚠";
        label.insertBefore(sign, label.firstChild);
      } else if (select.value !== "" && sign) {
        sign.remove();
      }
    }
    select.addEventListener("change", update);
  });

  // The requester's mail and phone follow the choice.
  document.querySelectorAll("select[data-requester-info]").forEach(function (select) {
    var box = document.querySelector(select.getAttribute("data-requester-info"));
    if (!box) return;
    select.addEventListener("change", function () {
      var o = select.options[select.selectedIndex];
      box.textContent = "";
      if (!o) return;
      var mail = o.getAttribute("data-mail"), phone = o.getAttribute("data-phone");
      if (mail) {
        var a = document.createElement("a");
        a.href = "mailto:" + mail;
        a.textContent = mail;
        box.appendChild(a);
      }
      if (phone) {
        var t = document.createElement("a");
        t.href = "tel:" + phone.replace(/\s/g, "");
        t.textContent = phone;
        box.appendChild(document.createTextNode(" "));
        box.appendChild(t);
      }
    });
  });

  // Markdown toolbar: wraps the selection.
  document.querySelectorAll("[data-md-for]").forEach(function (bar) {
    var area = document.getElementById(bar.getAttribute("data-md-for"));
    if (!area) return;
    var forms = {
      bold: ["**", "**"], italic: ["*", "*"], code: ["`", "`"],
      list: ["\n- ", ""], link: ["[", "](https://)"]
    };
    bar.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-md]");
      if (!button) return;
      var f = forms[button.getAttribute("data-md")];
      var start = area.selectionStart, end = area.selectionEnd, text = area.value;
      area.value = text.slice(0, start) + f[0] + text.slice(start, end) + f[1] + text.slice(end);
      area.focus();
      area.selectionStart = start + f[0].length;
      area.selectionEnd = end + f[0].length;
    });
  });

  // Quick edit of the user selected in a choice list: the dialog opens on that user and the
  // option's label follows the change.
  document.querySelectorAll("[data-quick-edit]").forEach(function (button) {
    var select = document.querySelector(button.getAttribute("data-quick-edit"));
    if (!select) return;
    button.addEventListener("click", function () {
      var id = (select.value || "").replace(/^u/, "");
      if (!/^[0-9]+$/.test(id)) return;
      var url = button.getAttribute("data-quick-url").replace("{id}", id);
      openDialog(button.getAttribute("data-quick-title"), url, function (chosen) {
        var option = select.options[select.selectedIndex];
        if (option) option.textContent = chosen.label;
      });
    });
  });
})();
