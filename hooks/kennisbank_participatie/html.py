"""Safe HTML: sanitize what editors write, escape every field we place in a page."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

import nh3
from mkdocs.utils import get_relative_url

_TAGS = set(nh3.ALLOWED_TAGS) - {"area", "map", "center", "strike", "tt", "acronym"}
_ATTRIBUTES = {tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()}
_ATTRIBUTES["*"] = {"class", "id", "title", "lang"}
_ATTRIBUTES["a"] = {"href", "hreflang", "title"}
_ATTRIBUTES["img"] = {"src", "alt", "title", "width", "height", "loading"}
for _cell in ("th", "td"):
    _ATTRIBUTES[_cell] = _ATTRIBUTES[_cell] | {"style"}
_STYLE = {"text-align"}
_URL_SCHEMES = {"http", "https", "mailto"}


# Attributes with which a browser fetches something by itself, on any element (HTML, SVG, legacy).
_LOADING = {
    "src",
    "srcset",
    "imagesrcset",
    "poster",
    "data",
    "background",
    "lowsrc",
    "dynsrc",
    "longdesc",
    "usemap",
    "manifest",
    "icon",
    "codebase",
    "archive",
    "classid",
    "profile",
    "xlink:href",
    "ping",
    "action",
    "formaction",
}
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
_CSS_LOADS = re.compile(r"url\(|image\(|image-set\(|@import|expression\(|src\(", re.I)


def is_own_site(url: str) -> bool:
    """Would a browser, on a page of this site, load url from this site? Decided as the WHATWG URL
    standard parses: leading and trailing spaces and C0 controls are stripped, tabs and newlines
    anywhere removed, and a backslash read as a slash, so ' //x', '\\\\x' and '/\\x' all name host x."""
    url = re.sub(r"[\t\n\r]", "", url.strip(_C0_AND_SPACE)).replace("\\", "/")
    return not (_SCHEME.match(url) or url.startswith("//"))


def _srcset_urls(value: str) -> list[str]:
    return [candidate.strip(_C0_AND_SPACE).split()[0] for candidate in value.split(",") if candidate.strip(_C0_AND_SPACE)]


def _css_text(value: str) -> str:
    """CSS as a browser reads it: escapes decoded ('u\\72l(' is 'url('), comments removed."""
    value = re.sub(
        r"\\([0-9a-f]{1,6})\s?", lambda m: chr(int(m.group(1), 16)) if int(m.group(1), 16) < 0x110000 else "", value, flags=re.I
    )
    value = re.sub(r"\\(.)", r"\1", value)
    return re.sub(r"/\*.*?(\*/|$)", "", value, flags=re.S)


def _own_site_only(tag: str, attribute: str, value: str) -> str | None:
    """The site asks no other host for anything: an attribute that would load from elsewhere is dropped."""
    name = attribute.lower()
    if name in ("srcset", "imagesrcset"):
        return value if all(is_own_site(url) for url in _srcset_urls(value)) else None
    if name in _LOADING:
        return value if is_own_site(value) else None
    if name == "style" and _CSS_LOADS.search(_css_text(value)):
        return None
    return value


def sanitize(rendered: str, keep_title: bool = False) -> str:
    """Keep normal Markdown output (tables, code, admonitions, heading anchors); drop scripts,
    event handlers, iframes, forms and javascript: URLs. A body's own level-1 headings become
    level 2, because the page title is the one h1; with keep_title, a plain page's first h1
    (its '# Title', from which MkDocs takes the title) stays its h1."""
    clean = nh3.clean(
        rendered,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        filter_style_properties=_STYLE,
        attribute_filter=_own_site_only,
        link_rel=None,
    )
    title = ""
    if keep_title and clean.lstrip().startswith("<h1"):
        title, _, clean = clean.partition("</h1>")
        title += "</h1>"
    return title + re.sub(r"<(/?)h1\b", r"<\1h2", clean)


def text(value: object) -> str:
    """Plain text from front matter, escaped for HTML."""
    return escape(str(value), quote=True)


def link(href: str, label: str, **attrs: str) -> str:
    extra = "".join(f' {name.rstrip("_").replace("_", "-")}="{escape(value)}"' for name, value in attrs.items())
    return f'<a href="{escape(href)}"{extra}>{text(label)}</a>'


def relative(target: str, page_url: str) -> str:
    """A link from one site-relative URL to another, so the site works below any path."""
    # get_relative_url keeps a target's trailing slash, but gives '..' for the site's root.
    return get_relative_url(target, page_url) if target else get_relative_url(".", page_url) + "/"


def heading(level: int, anchor: str, title: str) -> str:
    return f'<h{level} id="{escape(anchor)}">{text(title)}</h{level}>'


def items(rows: Iterable[str], tag: str = "ul", css: str = "") -> str:
    cls = f' class="{css}"' if css else ""
    body = "".join(f"<li>{row}</li>" for row in rows)
    return f"<{tag}{cls}>{body}</{tag}>"
