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
  var flashMs = parseInt(document.body.getAttribute("data-flash-ms"), 10) || 6000;
  document.querySelectorAll("[data-flash]").forEach(function (el) {
    setTimeout(function () { el.classList.add("fade"); }, flashMs);
  });

  // Forms that delete or disable ask first.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) event.preventDefault();
  }, true);

  // Actions on several tickets: the header box ticks the page, only the value the chosen action
  // needs is shown, and deleting asks first.
  var bulk = document.getElementById("bulk-form");
  if (bulk) {
    // Until a row is ticked the bar stays folded on small screens (it is whole without script).
    var idle = function () {
      bulk.classList.toggle("is-idle", !document.querySelector("[data-bulk-select]:checked"));
    };
    document.addEventListener("change", function (event) {
      if (event.target.hasAttribute("data-bulk-all")) {
        document.querySelectorAll("[data-bulk-select]").forEach(function (c) { c.checked = event.target.checked; });
      }
      if (event.target.hasAttribute("data-bulk-all") || event.target.hasAttribute("data-bulk-select")) idle();
    });
    idle();
    var chosen = bulk.querySelector("[data-bulk-action]");
    var showFor = function () {
      bulk.querySelectorAll("[data-bulk-for]").forEach(function (f) {
        f.hidden = f.getAttribute("data-bulk-for") !== chosen.value;
      });
    };
    chosen.addEventListener("change", showFor);
    showFor();
    bulk.addEventListener("submit", function (event) {
      if (chosen.value === "delete" && !window.confirm(bulk.getAttribute("data-confirm-delete"))) event.preventDefault();
    });
  }

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
      // Not disabled while it works: a disabled button loses the keyboard focus.
      if (button.getAttribute("aria-busy") === "true") return;
      button.setAttribute("aria-busy", "true");
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
        button.removeAttribute("aria-busy");
        if (document.activeElement === document.body) button.focus();
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
        // The requester's mail and phone show at once.
        option.setAttribute("data-mail", chosen.mail || "");
        option.setAttribute("data-phone", chosen.phone || "");
        select.appendChild(option);
        select.value = option.value;
        select.dispatchEvent(new Event("change", { bubbles: true }));
      });
    });
  });

  // Person pickers: a select becomes a combobox. Typing filters its options (name, login,
  // company, mail, accents ignored) and, when the list is too long to send whole, asks the
  // server; arrows move, Enter picks, Escape closes. A multiple select shows its picks as
  // removable chips. The select stays in the form and keeps the value.
  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var comboboxes = 0;
  document.querySelectorAll("select[data-combobox]").forEach(function (select) {
    var n = ++comboboxes;
    var multiple = select.multiple;
    var searchUrl = select.getAttribute("data-search-url");
    var box = document.createElement("div");
    box.className = "combobox";
    var chips = document.createElement("ul");
    chips.className = "combobox-chips";
    var input = document.createElement("input");
    input.type = "text";
    input.id = (select.id || "combobox-" + n) + "-input";
    input.className = "choice-search";
    input.autocomplete = "off";
    input.spellcheck = false;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.placeholder = select.getAttribute("data-combobox-label") || "";
    var list = document.createElement("ul");
    list.id = input.id.replace(/-input$/, "") + "-listbox";
    list.className = "combobox-list";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.setAttribute("aria-controls", list.id);
    var label = select.id && document.querySelector("label[for='" + CSS.escape(select.id) + "']");
    if (label) {
      label.htmlFor = input.id;
      list.setAttribute("aria-label", label.textContent);
    } else {
      input.setAttribute("aria-label", input.placeholder);
    }
    if (multiple) box.appendChild(chips);
    box.appendChild(input);
    box.appendChild(list);
    select.parentNode.insertBefore(box, select);
    select.hidden = true;
    select.tabIndex = -1;
    select.setAttribute("aria-hidden", "true");

    var shown = [], active = -1, timer = null, asked = 0, remote = [];

    function entry(o) {
      return {
        value: o.value, label: o.textContent, detail: o.getAttribute("data-detail") || "",
        mail: o.getAttribute("data-mail"), phone: o.getAttribute("data-phone")
      };
    }
    function optionFor(p) {
      var o = select.querySelector("option[value='" + CSS.escape(p.value) + "']");
      if (o) return o;
      o = document.createElement("option");
      o.value = p.value;
      o.textContent = p.label;
      if (p.detail) o.setAttribute("data-detail", p.detail);
      if (p.mail != null) o.setAttribute("data-mail", p.mail);
      if (p.phone != null) o.setAttribute("data-phone", p.phone);
      var groups = select.querySelector("option[value^='g']");
      select.insertBefore(o, groups);
      return o;
    }
    function showChosen() {
      if (multiple) {
        chips.textContent = "";
        Array.prototype.forEach.call(select.selectedOptions, function (o) {
          var li = document.createElement("li");
          li.className = "combobox-chip";
          li.appendChild(document.createTextNode(o.textContent + " "));
          var remove = document.createElement("button");
          remove.type = "button";
          remove.textContent = "×";
          remove.setAttribute("aria-label", (select.getAttribute("data-combobox-remove") || "") + " " + o.textContent);
          remove.addEventListener("click", function () {
            o.selected = false;
            select.dispatchEvent(new Event("change", { bubbles: true }));
            input.focus();
          });
          li.appendChild(remove);
          chips.appendChild(li);
        });
      } else {
        var o = select.options[select.selectedIndex];
        input.value = o && o.value ? o.textContent : "";
      }
    }
    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function mark(i) {
      active = i;
      Array.prototype.forEach.call(list.querySelectorAll("[role=option]"), function (li, k) {
        li.setAttribute("aria-selected", k === i ? "true" : "false");
        if (k === i) {
          input.setAttribute("aria-activedescendant", li.id);
          li.scrollIntoView({ block: "nearest" });
        }
      });
    }
    function render() {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var seen = {};
      shown = [];
      Array.prototype.forEach.call(select.options, function (o) {
        if (!o.value || (multiple && o.selected)) return;
        var e = entry(o);
        var text = fold(e.label + " " + e.detail + " " + (e.mail || ""));
        if (words.every(function (w) { return text.indexOf(w) >= 0; })) {
          seen[e.value] = true;
          shown.push(e);
        }
      });
      remote.forEach(function (p) {
        if (seen[p.value]) return;
        if (multiple && select.querySelector("option[value='" + CSS.escape(p.value) + "']:checked")) return;
        seen[p.value] = true;
        shown.push(p);
      });
      shown = shown.slice(0, 50);
      list.textContent = "";
      shown.forEach(function (p, i) {
        var li = document.createElement("li");
        li.id = list.id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        var name = document.createElement("span");
        name.className = "combobox-label";
        name.textContent = p.label;
        li.appendChild(name);
        if (p.detail) {
          var detail = document.createElement("span");
          detail.className = "combobox-detail";
          detail.textContent = p.detail;
          li.appendChild(detail);
        }
        li.addEventListener("mousedown", function (event) {
          event.preventDefault();
          choose(i);
        });
        list.appendChild(li);
      });
      if (!shown.length) {
        var none = document.createElement("li");
        none.className = "combobox-none";
        none.setAttribute("role", "status");
        none.textContent = select.getAttribute("data-combobox-none") || "";
        list.appendChild(none);
      }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      mark(shown.length && words.length ? 0 : -1);
    }
    function choose(i) {
      var p = shown[i];
      if (!p) return;
      var o = optionFor(p);
      if (multiple) {
        o.selected = true;
        input.value = "";
      } else {
        select.value = o.value;
      }
      select.dispatchEvent(new Event("change", { bubbles: true }));
      close();
    }
    function ask() {
      var text = input.value.trim();
      if (!searchUrl || text.length < 2) { remote = []; return; }
      var mine = ++asked;
      fetch(searchUrl + "?q=" + encodeURIComponent(text), {
        credentials: "same-origin", headers: { accept: "application/json" }
      }).then(function (r) { return r.ok ? r.json() : []; }).then(function (found) {
        if (mine !== asked || document.activeElement !== input) return;
        remote = found.filter(function (p) { return !multiple || p.mail; }).map(function (p) {
          return multiple
            ? { value: p.value.replace(/^u/, ""), label: p.label + " <" + p.mail + ">", detail: p.detail, mail: p.mail }
            : p;
        });
        render();
      });
    }
    input.addEventListener("input", function () {
      remote = [];
      render();
      clearTimeout(timer);
      timer = setTimeout(ask, 150);
    });
    input.addEventListener("focus", function () {
      if (!multiple) input.select();
    });
    input.addEventListener("keydown", function (event) {
      var open = !list.hidden;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!open) render();
        else mark(Math.min(active + 1, shown.length - 1));
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (open) mark(Math.max(active - 1, 0));
      } else if (event.key === "Enter") {
        if (open && active >= 0) {
          event.preventDefault();
          choose(active);
        } else if (open) {
          event.preventDefault();
        }
      } else if (event.key === "Escape") {
        if (open) {
          event.preventDefault();
          event.stopPropagation();
          close();
        }
        if (!multiple) showChosen();
      } else if (event.key === "Backspace" && multiple && !input.value && select.selectedOptions.length) {
        select.selectedOptions[select.selectedOptions.length - 1].selected = false;
        select.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
    input.addEventListener("blur", function () {
      close();
      // A single picker emptied by the user picks nobody; otherwise it shows the pick again.
      if (!multiple && !input.value.trim() && select.querySelector("option[value='']")) {
        if (select.value !== "") {
          select.value = "";
          select.dispatchEvent(new Event("change", { bubbles: true }));
        }
      }
      if (!multiple) showChosen();
      else input.value = "";
    });
    select.addEventListener("change", showChosen);
    showChosen();
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
    // A combobox's label names its input.
    var label = document.querySelector("label[for='" + select.id + "'], label[for='" + select.id + "-input']");
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
        a.className = "requester-mail";
        a.href = "mailto:" + mail;
        a.textContent = mail;
        box.appendChild(a);
      }
      if (phone) {
        var t = document.createElement("a");
        t.className = "requester-phone";
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
      list: ["\n- ", ""], link: ["[", "](https://)"], quote: ["\n> ", ""]
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

  // Pictures pasted or dropped into a text box: attached to the ticket at once and shown in the
  // text where the cursor is; on a ticket not created yet, added to the form's files.
  function insertAt(area, text) {
    var start = area.selectionStart, end = area.selectionEnd, value = area.value;
    var before = start > 0 && value.charAt(start - 1) !== "\n" ? "\n" : "";
    area.value = value.slice(0, start) + before + text + "\n" + value.slice(end);
    area.selectionStart = area.selectionEnd = start + before.length + text.length + 1;
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }
  document.querySelectorAll("[data-paste-for]").forEach(function (bar) {
    var area = document.getElementById(bar.getAttribute("data-paste-for"));
    if (!area) return;
    var url = bar.getAttribute("data-paste-url");
    var filesInput = bar.getAttribute("data-paste-files") && document.getElementById(bar.getAttribute("data-paste-files"));
    var status = document.createElement("p");
    status.className = "hint";
    status.setAttribute("role", "status");
    area.parentNode.insertBefore(status, area.nextSibling);
    function pictures(list) {
      return Array.prototype.filter.call(list || [], function (f) { return /^image\//.test(f.type); });
    }
    function take(files) {
      if (!files.length) return false;
      if (filesInput) {
        var dt = new DataTransfer();
        Array.prototype.forEach.call(filesInput.files, function (f) { dt.items.add(f); });
        files.forEach(function (f, i) {
          var name = f.name && f.name !== "image.png" ? f.name : "picture-" + Date.now() + "-" + i + ".png";
          dt.items.add(new File([f], name, { type: f.type }));
        });
        filesInput.files = dt.files;
        filesInput.dispatchEvent(new Event("change", { bubbles: true }));
        return true;
      }
      if (!url) return false;
      var body = new FormData();
      files.forEach(function (f, i) {
        var ext = (f.type.split("/")[1] || "png").replace("jpeg", "jpg");
        var name = f.name && f.name !== "image.png" ? f.name : "picture-" + Date.now() + "-" + i + "." + ext;
        body.append("attachments", f, name);
      });
      status.textContent = bar.getAttribute("data-paste-busy") || "";
      fetch(url, { method: "POST", body: body, credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.json().catch(function () { return { error: bar.getAttribute("data-paste-failed") }; }); })
        .then(function (answer) {
          if (answer.error) { status.textContent = answer.error; return; }
          status.textContent = "";
          (answer.files || []).forEach(function (f) { insertAt(area, f.markdown); });
        })
        .catch(function () { status.textContent = bar.getAttribute("data-paste-failed") || ""; });
      return true;
    }
    area.addEventListener("paste", function (event) {
      var files = pictures(event.clipboardData && event.clipboardData.files);
      if (take(files)) event.preventDefault();
    });
    area.addEventListener("dragover", function (event) {
      if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, "Files") >= 0) {
        event.preventDefault();
        area.classList.add("md-drop");
      }
    });
    area.addEventListener("dragleave", function () { area.classList.remove("md-drop"); });
    area.addEventListener("drop", function (event) {
      area.classList.remove("md-drop");
      var files = pictures(event.dataTransfer && event.dataTransfer.files);
      if (take(files)) event.preventDefault();
    });
  });

  // The ticket page's one save button says "Save and send" once a reply is typed.
  var saveButton = document.getElementById("save-button");
  var replyBox = document.getElementById("f-reply");
  if (saveButton && replyBox && saveButton.getAttribute("data-label-reply")) {
    var plain = saveButton.textContent;
    var follow = function () {
      saveButton.textContent = replyBox.value.trim() ? saveButton.getAttribute("data-label-reply") : plain;
    };
    replyBox.addEventListener("input", follow);
    follow();
  }

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
        if (!option) return;
        option.textContent = chosen.label;
        option.setAttribute("data-mail", chosen.mail || "");
        option.setAttribute("data-phone", chosen.phone || "");
        select.dispatchEvent(new Event("change", { bubbles: true }));
      });
    });
  });
})();

// Live updates: the server tells when tickets change; the page fetches itself again and swaps
// the parts marked live (lists, figures), the left menu's counters and the user bar. New
// tickets flash red and, for technicians who asked for it, ring.
(function () {
  "use strict";
  var body = document.body;
  if (!window.EventSource || !body.hasAttribute("data-generation")) return;
  // Live updates can be switched off in the settings; the supervision screen always has them.
  if (body.getAttribute("data-live") === "0" && !body.hasAttribute("data-wall")) return;
  var known = body.getAttribute("data-generation");
  var wall = body.hasAttribute("data-wall");
  var ownRegion = document.querySelector("main [data-live-region]");
  var fresh = {};

  // Sound: browsers allow it once the page has been clicked or a key pressed.
  var audio = null;
  function unlock() {
    var Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) return;
    if (!audio) audio = new Ctx();
    if (audio.state === "suspended") audio.resume();
    document.querySelectorAll("[data-enable-sound]").forEach(function (b) {
      b.setAttribute("aria-pressed", "true");
      b.classList.add("is-on");
    });
  }
  document.addEventListener("click", unlock, { once: true });
  document.addEventListener("keydown", unlock, { once: true });
  document.querySelectorAll("[data-enable-sound]").forEach(function (b) {
    b.addEventListener("click", unlock);
  });
  function ring() {
    if (!audio || audio.state !== "running") {
      document.querySelectorAll("[data-enable-sound]").forEach(function (b) { b.classList.add("wants-attention"); });
      return;
    }
    [0, 0.18].forEach(function (delay, i) {
      var osc = audio.createOscillator(), gain = audio.createGain();
      osc.type = "sine";
      osc.frequency.value = i ? 1320 : 880;
      gain.gain.setValueAtTime(0.0001, audio.currentTime + delay);
      gain.gain.exponentialRampToValueAtTime(0.3, audio.currentTime + delay + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + delay + 0.25);
      osc.connect(gain).connect(audio.destination);
      osc.start(audio.currentTime + delay);
      osc.stop(audio.currentTime + delay + 0.3);
    });
  }

  // Swaps the content of each live part with the one of the same id in `doc`.
  function swap(doc) {
    // Rows ticked for an action on several tickets stay ticked.
    var ticked = {};
    document.querySelectorAll("[data-bulk-select]:checked").forEach(function (c) { ticked[c.value] = true; });
    var parts = Array.prototype.slice.call(document.querySelectorAll("[data-live-region]"));
    var menu = document.getElementById("sidebar");
    if (menu) parts.push(menu);
    parts.forEach(function (el) {
      var next = el.id && doc.getElementById(el.id);
      if (!next) return;
      // Someone typing in a filter keeps what they type; the next change catches up.
      if (el.contains(document.activeElement) && /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName)) return;
      var current = el === menu ? el.querySelector("a[aria-current]") : null;
      var href = current && current.getAttribute("href");
      el.innerHTML = next.innerHTML;
      if (el === menu && !ownRegion) {
        el.querySelectorAll("a[aria-current]").forEach(function (a) { a.removeAttribute("aria-current"); });
        if (href) {
          var again = el.querySelector("a[href='" + CSS.escape(href) + "']");
          if (again) again.setAttribute("aria-current", "page");
        }
      }
    });
    document.querySelectorAll("[data-ticket]").forEach(function (el) {
      if (fresh[el.getAttribute("data-ticket")]) el.classList.add("is-new");
    });
    var userbar = document.getElementById("userbar");
    if (userbar && Object.keys(fresh).length) {
      var bell = userbar.querySelector(".bar-new");
      if (bell) bell.classList.add("is-ringing");
    }
    document.querySelectorAll("[data-bulk-select]").forEach(function (c) { if (ticked[c.value]) c.checked = true; });
    flagTicketChanges(doc);
    noticeReminders();
    var generation = doc.body && doc.body.getAttribute("data-generation");
    if (generation) known = generation;
  }

  // The open ticket page: entries that came in flash, and a field someone else changed since
  // the page was shown is flagged with its new value before the user overwrites it (saving
  // still merges or refuses on the server).
  var seenEntries = {};
  document.querySelectorAll("#thread-entries [id^='entry-']").forEach(function (e) { seenEntries[e.id] = true; });
  function flagTicketChanges(doc) {
    var form = document.querySelector("form[data-ticket-page]");
    if (!form) return;
    document.querySelectorAll("#thread-entries [id^='entry-']").forEach(function (e) {
      if (!seenEntries[e.id]) { e.classList.add("is-new-live"); seenEntries[e.id] = true; }
    });
    doc.querySelectorAll("form[data-ticket-page] input[name^='orig.']").forEach(function (next) {
      var mine = form.querySelector("input[name='" + CSS.escape(next.name) + "']");
      if (!mine || mine.value === next.value) return;
      var name = next.name.slice(5);
      var field = document.querySelector(".field-" + CSS.escape(name));
      var nextField = doc.querySelector(".field-" + CSS.escape(name));
      if (!field) return;
      var shown = "";
      var control = nextField && nextField.querySelector("select, input, textarea, .read-only");
      if (control && control.tagName === "SELECT") {
        var o = control.options[control.selectedIndex];
        shown = o ? o.textContent : "";
      } else if (control) {
        shown = control.value !== undefined && control.tagName !== "P" ? control.value : control.textContent;
      }
      var note = field.querySelector(".changed-live");
      if (!note) {
        note = document.createElement("p");
        note.className = "changed-live";
        note.setAttribute("role", "status");
        field.appendChild(note);
      }
      field.classList.add("is-changed-live");
      note.textContent = form.getAttribute("data-changed-live") + " " + shown;
    });
  }

  // A reminder falling due while the page is open: the page refreshes then, says so and,
  // when sound is on, rings.
  function scheduleReminder() {
    var bell = document.querySelector("#reminder-bell .reminder-state");
    var wait = bell && parseInt(bell.getAttribute("data-next-in"), 10);
    if (!(wait >= 0)) return;
    setTimeout(function () { remindersDue = parseInt(bell.getAttribute("data-due"), 10) || 0; refresh(); }, Math.min(wait * 1000 + 1000, 2147483000));
  }
  var remindersDue = null;
  function noticeReminders() {
    var bell = document.querySelector("#reminder-bell .reminder-state");
    if (!bell || remindersDue === null) return;
    var now = parseInt(bell.getAttribute("data-due"), 10) || 0;
    if (now > remindersDue) {
      var box = document.createElement("div");
      box.className = "alert alert-info reminder-notice";
      box.setAttribute("role", "status");
      var link = document.createElement("a");
      link.href = "/reminders";
      link.textContent = bell.getAttribute("data-notice");
      box.appendChild(link);
      document.body.appendChild(box);
      setTimeout(function () { box.remove(); }, 15000);
      if (body.getAttribute("data-sound") === "1") ring();
    }
    remindersDue = null;
    scheduleReminder();
  }

  var timer = null, busy = false, pending = false;
  function refresh() {
    if (busy) { pending = true; return; }
    busy = true;
    // Pages without a live part of their own take the menu and the bar from the ticket list,
    // so that reading a page never repeats what opening it does.
    var url = ownRegion ? window.location.href : (body.getAttribute("data-live-source") || "/tickets");
    fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html) swap(new DOMParser().parseFromString(html, "text/html"));
      })
      .catch(function () {})
      .finally(function () {
        busy = false;
        if (pending) { pending = false; later(); }
      });
  }
  function later() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 250);
  }

  scheduleReminder();
  var source = new EventSource("/live");
  source.addEventListener("hello", function (e) {
    // Connected: the page hears every change from now on.
    body.setAttribute("data-live-connected", "1");
    // Something changed while the connection was down.
    if (known && e.data !== known) later();
  });
  source.addEventListener("error", function () { body.removeAttribute("data-live-connected"); });
  source.addEventListener("tickets", function (e) {
    if (e.data !== known) later();
  });
  source.addEventListener("ticket", function (e) {
    var news;
    try { news = JSON.parse(e.data); } catch (err) { return; }
    fresh[String(news.id)] = true;
    if (news.ring || (wall && (news.byRequester || news.unassigned))) ring();
    later();
  });
  // The session is over (logged out, password changed, account disabled): stop listening; the
  // next page asks to log in.
  source.addEventListener("ended", function () { source.close(); });
  window.addEventListener("pagehide", function () { source.close(); });
})();

// Column filters under the ticket list's headers: a choice applies at once (also in a list
// that was swapped in live).
document.addEventListener("change", function (event) {
  var field = event.target;
  if (!field.matches || !field.matches("[data-autosubmit]")) return;
  var form = document.getElementById(field.getAttribute("form"));
  if (form && form.requestSubmit) form.requestSubmit();
  else if (form) form.submit();
});

// The print view's button opens the browser's print dialog.
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest("[data-print]");
  if (button) window.print();
});

// Calendar: an intervention dragged onto another day or hour is moved by its own plain form
// (the form stays usable without a mouse or without this script).
(function () {
  var calendar = document.querySelector(".calendar[data-movable]");
  if (!calendar) return;
  var dragged = null;
  calendar.addEventListener("dragstart", function (event) {
    var entry = event.target.closest && event.target.closest(".cal-entry[draggable]");
    if (!entry) return;
    dragged = entry;
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", entry.getAttribute("data-intervention") || "");
  });
  function target(event) {
    return event.target.closest && event.target.closest("td[data-date]");
  }
  calendar.addEventListener("dragover", function (event) {
    var cell = target(event);
    if (!dragged || !cell) return;
    event.preventDefault();
    cell.classList.add("drop-target");
  });
  calendar.addEventListener("dragleave", function (event) {
    var cell = target(event);
    if (cell) cell.classList.remove("drop-target");
  });
  calendar.addEventListener("drop", function (event) {
    var cell = target(event);
    if (!dragged || !cell) return;
    event.preventDefault();
    cell.classList.remove("drop-target");
    var form = dragged.querySelector(".cal-move form");
    if (!form) return;
    form.elements.start_date.value = cell.getAttribute("data-date");
    var time = cell.getAttribute("data-time");
    if (time && form.elements.start_time) form.elements.start_time.value = time;
    dragged = null;
    form.submit();
  });
})();
