// Small DOM helper shared by the knowledge base's scripts. Text is always set as text, never as HTML.
window.kb = window.kb || {};
window.kb.el = function (tag, attrs, children) {
  "use strict";
  var node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (key) {
    if (key === "text") node.textContent = attrs[key];
    else node.setAttribute(key, attrs[key]);
  });
  (children || []).forEach(function (child) { if (child) node.appendChild(child); });
  return node;
};
