// The web editor's own additions, loaded by /admin/ after Decap CMS:
// - widgets that accept a single value where the schema allows "one value or a list" (Decap's own
//   list, select and relation widgets crash on a single value written by hand);
// - the preview in the site's own look: title, summary, facts box, text and sources.
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  var script = document.currentScript;
  JSON.parse(script.getAttribute("data-styles")).forEach(function (href) {
    CMS.registerPreviewStyle(href);
  });
  var HIDDEN = ["titel", "samenvatting", "bronnen", "body"];

  // An empty Immutable List, the type Decap keeps lists in; the registry hands one out.
  var EMPTY_LIST = CMS.getEditorComponents().toList().clear();
  ["list", "select", "relation"].forEach(function (base) {
    var widget = CMS.getWidget(base);
    var Control = window.createClass({
      render: function () {
        var value = this.props.value;
        if (value !== undefined && value !== null && value !== "" && !(value && value.toJS)) {
          value = EMPTY_LIST.push(value);
        }
        return h(widget.control, Object.assign({}, this.props, { value: value }));
      }
    });
    CMS.registerWidget("kb-" + base, Control, widget.preview, widget.schema);
  });

  function plain(value) {
    return value && value.toJS ? value.toJS() : value;
  }

  function shown(field, value) {
    var options = plain(field.get("options")) || [];
    var labelOf = function (item) {
      for (var i = 0; i < options.length; i++) {
        if (options[i].value === item) return options[i].label;
      }
      return String(item);
    };
    if (Array.isArray(value)) return value.map(labelOf).join(", ");
    if (value && typeof value === "object") {
      var nested = plain(field.get("fields")) || [];
      return nested.map(function (part) {
        var levels = part.options || [];
        var level = levels.filter(function (o) { return o.value === value[part.name]; })[0];
        return part.label.toLowerCase() + " " + (level ? level.label.toLowerCase() : value[part.name] || "?");
      }).join(", ");
    }
    return labelOf(value);
  }

  function facts(props) {
    var rows = [];
    props.collection.get("fields").forEach(function (field) {
      var name = field.get("name");
      if (HIDDEN.indexOf(name) !== -1 || field.get("widget") === "kb-relation") return;
      var value = plain(props.entry.getIn(["data", name]));
      if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) return;
      rows.push(h("div", { key: name }, h("dt", {}, field.get("label")), h("dd", {}, shown(field, value))));
    });
    return rows.length ? h("aside", { className: "kb-feiten", "aria-label": "Feiten" }, h("dl", {}, rows)) : null;
  }

  function sources(props) {
    var list = plain(props.entry.getIn(["data", "bronnen"])) || [];
    if (!list.length) return null;
    return h("div", {},
      h("h2", { id: "bronnen" }, "Bronnen"),
      h("ol", { className: "kb-bronnen" }, list.map(function (source, index) {
        var parts = [h("cite", { key: "t" }, source.titel || ""), ". " + (source.uitgever || "") + ", " + (source.jaar || "")];
        if (source.pagina) parts.push(", pagina " + source.pagina);
        parts.push(".");
        if (source.url) parts.push(" " + source.url);
        return h("li", { key: index }, parts);
      })));
  }

  var Preview = window.createClass({
    render: function () {
      var props = this.props;
      return h("div", { className: "md-main__inner md-grid" },
        h("div", { className: "md-content" },
          h("article", { className: "md-content__inner md-typeset" },
            h("h1", {}, props.entry.getIn(["data", "titel"]) || ""),
            h("p", { className: "kb-samenvatting" }, props.entry.getIn(["data", "samenvatting"]) || ""),
            facts(props),
            props.widgetFor("body"),
            sources(props))));
    }
  });
  ["praktijkvoorbeelden", "keuzemenu", "toolbox"].forEach(function (name) {
    CMS.registerPreviewTemplate(name, Preview);
  });
})();
