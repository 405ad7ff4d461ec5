// "Cite this": for every paragraph (a button beside its ¶) and for the edition (About, How
// to cite), the citation as plain text and as CSL-JSON, BibTeX and RIS files for Zotero and
// other reference managers. The facts come from the page's #citation-data (written by
// xslt/html/cite.xsl); the address is the edition's canonical URL when it has one.
(function () {
  "use strict";
  var data = document.getElementById("citation-data");
  if (!data) return;
  var facts = JSON.parse(data.textContent);

  // One citation: the edition ({}) or a paragraph ({id, where}).
  function item(paragraph) {
    var url = facts.url ? facts.url + (paragraph.id ? facts.file + "#" + paragraph.id : "") : "";
    var section = paragraph.id && facts.page !== facts.title ? facts.page : "";
    return {
      key: (facts.key + (paragraph.id ? "_" + paragraph.id : "")).replace(/[^A-Za-z0-9_-]/g, "_"),
      file: facts.key + (paragraph.id ? "-" + paragraph.id : ""),
      where: paragraph.where || "", section: section, url: url
    };
  }

  function year(date) { return (date || "").slice(0, 4); }
  function dateParts(date) { return date ? [date.split("-").map(Number)] : null; }
  function inverted(name) { return name.given ? name.family + ", " + name.given : name.family; }
  function natural(name) { return name.given ? name.given + " " + name.family : name.family; }

  // "Grant, Ted, and Roger Silverman": the first author inverted, as in the About page.
  function authorLine() {
    var names = facts.authors;
    if (!names.length) return "";
    if (names.length === 1) return inverted(names[0]);
    var rest = names.slice(1).map(natural);
    return [inverted(names[0])].concat(rest.slice(0, -1), ["and " + rest[rest.length - 1]]).join(", ");
  }

  function sentence(text) { return text ? text.replace(/[.]$/, "") + ". " : ""; }

  function plainText(cite) {
    var title = facts.title + (cite.where ? ", " + cite.where + (cite.section ? " (" + cite.section + ")" : "") : "");
    var editors = facts.editors.map(function (e) { return e.role ? e.role + ": " + e.literal : e.literal; }).join("; ");
    var imprint = [facts.place ? facts.place + ": " + facts.publisher : facts.publisher, year(facts.issued)].filter(Boolean).join(", ");
    return (sentence(authorLine()) + sentence(title) + sentence(facts.edition) + sentence(editors) + sentence(imprint) + cite.url).trim();
  }

  function cslJson(cite) {
    var csl = {
      id: cite.key, type: cite.where ? "chapter" : "book",
      title: cite.where ? (cite.section || cite.where) : facts.title,
      author: facts.authors,
      editor: facts.editors.map(function (e) { return { literal: e.literal }; }),
      edition: facts.edition, publisher: facts.publisher, "publisher-place": facts.place,
      issued: dateParts(facts.issued) && { "date-parts": dateParts(facts.issued) },
      "original-date": dateParts(facts.original) && { "date-parts": dateParts(facts.original) },
      language: facts.language, URL: cite.url
    };
    if (cite.where) { csl["container-title"] = facts.title; csl.section = cite.where; }
    Object.keys(csl).forEach(function (k) { if (!csl[k] || (csl[k].length === 0)) delete csl[k]; });
    return JSON.stringify([csl], null, 2) + "\n";
  }

  // BibTeX: braces and the characters TeX treats as commands are escaped.
  function tex(text) { return String(text).replace(/([\\{}&%$#_^~])/g, "\\$1"); }

  function bibtex(cite) {
    var fields = [
      ["author", facts.authors.map(inverted).map(tex).join(" and ")],
      ["editor", facts.editors.map(function (e) { return "{" + tex(e.literal) + "}"; }).join(" and ")],
      ["title", tex(facts.title)],
      ["chapter", cite.where ? tex(cite.section || cite.where) : ""],
      ["note", cite.where ? tex(cite.where) : ""],
      ["edition", tex(facts.edition)], ["publisher", tex(facts.publisher)], ["address", tex(facts.place)],
      ["year", year(facts.issued)], ["date", facts.issued], ["origdate", year(facts.original)],
      ["langid", facts.language], ["url", cite.url]
    ].filter(function (f) { return f[1]; });
    return "@" + (cite.where ? "inbook" : "book") + "{" + cite.key + ",\n" +
      fields.map(function (f) { return "  " + f[0] + " = {" + f[1] + "}"; }).join(",\n") + "\n}\n";
  }

  function ris(cite) {
    var lines = [["TY", cite.where ? "CHAP" : "BOOK"]];
    facts.authors.forEach(function (a) { lines.push(["AU", inverted(a)]); });
    facts.editors.forEach(function (e) { lines.push(["A2", e.literal]); });
    if (cite.where) lines.push(["TI", cite.section || cite.where], ["T2", facts.title], ["N1", cite.where]);
    else lines.push(["TI", facts.title]);
    lines.push(["ET", facts.edition], ["PB", facts.publisher], ["CY", facts.place], ["PY", year(facts.issued)],
      ["DA", (facts.issued || "").replace(/-/g, "/")], ["LA", facts.language], ["UR", cite.url]);
    return lines.filter(function (l) { return l[1]; }).map(function (l) { return l[0] + "  - " + l[1]; }).join("\r\n") + "\r\nER  - \r\n";
  }

  var FORMATS = [
    { label: "CSL-JSON", ext: "json", type: "application/vnd.citationstyles.csl+json", make: cslJson },
    { label: "BibTeX", ext: "bib", type: "application/x-bibtex", make: bibtex },
    { label: "RIS", ext: "ris", type: "application/x-research-info-systems", make: ris }
  ];

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // The citation and its downloads; the text is selectable and has a copy button.
  function citationBlock(cite) {
    var block = element("div", "cite-block");
    var text = element("p", "citation", plainText(cite));
    block.appendChild(text);
    var list = element("ul", "cite-downloads");
    if (navigator.clipboard) {
      var copy = element("button", "cite-copy", "Copy");
      copy.type = "button";
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(text.textContent).then(function () { copy.textContent = "Copied"; }, function () {});
      });
      list.appendChild(element("li")).appendChild(copy);
    }
    FORMATS.forEach(function (format) {
      var link = element("a", "", format.label);
      link.href = "data:" + format.type + ";charset=utf-8," + encodeURIComponent(format.make(cite));
      link.download = cite.file + "." + format.ext;
      link.setAttribute("data-format", format.ext);
      list.appendChild(element("li")).appendChild(link);
    });
    block.appendChild(list);
    return block;
  }

  // Paragraphs: a "Cite" button beside the ¶ opens one panel under its paragraph.
  var panel = element("section", "cite-panel");
  panel.id = "cite-panel";
  panel.setAttribute("aria-label", "Cite this paragraph");
  function openPanel(button, paragraph) {
    var open = button.getAttribute("aria-expanded") === "true";
    document.querySelectorAll(".cite-button[aria-expanded='true']").forEach(function (b) { b.setAttribute("aria-expanded", "false"); });
    if (open) { panel.remove(); return; }
    panel.textContent = "";
    panel.appendChild(element("h2", "cite-heading", "Cite this paragraph"));
    panel.appendChild(citationBlock(item({ id: paragraph.id, where: paragraph.querySelector(".permalink").getAttribute("data-where") })));
    paragraph.after(panel);
    button.setAttribute("aria-expanded", "true");
  }
  document.querySelectorAll("p[id] > a.permalink").forEach(function (permalink) {
    var button = element("button", "cite-button", "Cite");
    button.type = "button";
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", "cite-panel");
    button.setAttribute("aria-label", "Cite " + permalink.getAttribute("data-where"));
    button.addEventListener("click", function () { openPanel(button, permalink.parentNode); });
    permalink.after(button);
  });

  // The edition: downloads under the About page's citation.
  var about = document.getElementById("about-cite");
  if (about) about.appendChild(citationBlock(item({}))).querySelector(".citation").remove();
})();
