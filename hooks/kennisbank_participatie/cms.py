"""The web editor at /admin/ (Decap CMS): its configuration, derived from the schema and the vocabulary.

Nothing here is written by hand per field: every Kind of the schema maps to one Decap widget, and a
Kind without a mapping stops the build (tests/test_redactie.py checks every Kind). Decap itself is
installed from npm (package.json pins it) and copied into the site from node_modules, so the site
serves it from its own host.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NotRequired, TypedDict
from urllib.parse import urlparse

import yaml

from . import urls
from .html import relative
from .schema import (
    COUNT_PATTERN,
    EFFORT_KEYS,
    FIRST_YEAR,
    KEUZEMENU,
    LAST_YEAR,
    PAGE_PATTERN,
    PERIOD_KEYS,
    PRAKTIJKVOORBEELD,
    SOURCE_KEYS,
    TOOLBOX,
    Collection,
    Field,
    Kind,
)
from .vocabulary import Vocabulary

DECAP_DIST = Path("node_modules") / "decap-cms" / "dist"
EDITED = (PRAKTIJKVOORBEELD, KEUZEMENU, TOOLBOX)
# The collection names in the editor's URLs and in relation widgets.
NAMES = {PRAKTIJKVOORBEELD.key: "praktijkvoorbeelden", KEUZEMENU.key: "keuzemenu", TOOLBOX.key: "toolbox"}
# "kb-" widgets are Decap's own, wrapped in docs/admin/redactie.js to accept one value where a list may stand.
# Labels that a capitalised key would get wrong.
LABELS = {
    "themas": "Thema's",
    "overheidsrol": "Rol van de overheid",
    "ladder": "Trede van de participatieladder",
    "vormen": "Vormen uit het Keuzemenu",
    "instrumenten": "Instrumenten uit de toolbox",
    "gerelateerd": "Verwante praktijkvoorbeelden",
    "initiatief": "Wie neemt het initiatief?",
}
DEFAULT_PORT = "8081"

# One field of the editor's form, or one collection, as Decap reads it from config.yml.
Widget = dict[str, object]


class Settings(TypedDict):
    """Decap's configuration, config.yml."""

    backend: dict[str, Any]  # mkdocs.yml's `extra: redactie:` may set any of Decap's backend settings
    local_backend: dict[str, str]
    publish_mode: object  # Decap checks the value; the build only passes it on
    locale: str
    media_folder: str
    public_folder: str
    slug: dict[str, object]
    collections: list[Widget]
    site_url: NotRequired[str]
    display_url: NotRequired[str]


def label(key: str) -> str:
    return LABELS.get(key, key[:1].upper() + key[1:])


def _options(field: Field, vocabularies: dict[str, Vocabulary]) -> list[dict[str, str]]:
    return [{"label": term.label, "value": term.value} for key in field.vocabulary for term in vocabularies[key].terms]


def _source_fields() -> list[Widget]:
    fields = []
    for key, (required, description) in SOURCE_KEYS.items():
        widget: Widget = {"name": key, "label": label(key), "hint": description, "required": required, "widget": "string"}
        if key == "jaar":
            widget.update(widget="number", value_type="int", min=FIRST_YEAR, max=LAST_YEAR)
        elif key == "pagina":
            widget["pattern"] = [PAGE_PATTERN, "Schrijf een pagina, zoals 12, of een reeks, zoals 12-13."]
        elif key == "url":
            widget["pattern"] = [r"^https?://[^\s<>]+$", "Schrijf een webadres dat begint met https://."]
        fields.append(widget)
    return fields


def _text(field: Field, vocabularies: dict[str, Vocabulary]) -> Widget:
    return {"widget": "string" if field.key == "titel" else "text"}


def _texts(field: Field, vocabularies: dict[str, Vocabulary]) -> Widget:
    return {"widget": "kb-list", "collapsed": False, "field": {"name": field.key, "label": label(field.key), "widget": "string"}}


def _year(field: Field, vocabularies: dict[str, Vocabulary]) -> Widget:
    return {"widget": "number", "value_type": "int", "min": FIRST_YEAR, "max": LAST_YEAR}


def _count(field: Field, vocabularies: dict[str, Vocabulary]) -> Widget:
    # A string widget: YAML 1.2 parsers (Decap's among them) would read a number with a dot as a fraction.
    return {"widget": "string", "pattern": [COUNT_PATTERN, "Schrijf een heel getal, zoals 45000 of 45.000."]}


def _term(field: Field, vocabularies: dict[str, Vocabulary]) -> Widget:
    return {"widget": "select", "multiple": False, "options": _options(field, vocabularies)}


def _terms(field: Field, vocabularies: dict[str, Vocabulary]) -> Widget:
    return {"widget": "kb-select", "multiple": True, "options": _options(field, vocabularies)}


def _refs(field: Field, vocabularies: dict[str, Vocabulary]) -> Widget:
    return {
        "widget": "kb-relation",
        "collection": NAMES[field.refers_to],
        "multiple": True,
        "value_field": "{{slug}}",
        "search_fields": ["titel"],
        "display_fields": ["titel"],
    }


def _sources(field: Field, vocabularies: dict[str, Vocabulary]) -> Widget:
    return {
        "widget": "list",
        "label_singular": "bron",
        "summary": "{{fields.titel}} ({{fields.jaar}})",
        "fields": _source_fields(),
    }


def _effort(field: Field, vocabularies: dict[str, Vocabulary]) -> Widget:
    levels = [{"label": term.label, "value": term.value} for term in vocabularies[field.vocabulary[0]].terms]
    return {
        "widget": "object",
        "fields": [
            {"name": key, "label": label(key), "widget": "select", "options": levels, "required": True} for key in EFFORT_KEYS
        ],
    }


def _period(field: Field, vocabularies: dict[str, Vocabulary]) -> Widget:
    # Decap checks the required fields inside an object even when the object itself may stay empty, so
    # the editor would refuse to save an entry without a period: the validator asks for 'van' instead.
    return {
        "widget": "object",
        "collapsed": True,
        "fields": [
            {"name": key, "label": label(key), "hint": description, "required": False, **_year(field, vocabularies)}
            for key, (_, description) in PERIOD_KEYS.items()
        ],
    }


WIDGETS: dict[Kind, Callable[[Field, dict[str, Vocabulary]], Widget]] = {
    Kind.TEXT: _text,
    Kind.TEXTS: _texts,
    Kind.YEAR: _year,
    Kind.COUNT: _count,
    Kind.TERM: _term,
    Kind.TERMS: _terms,
    Kind.REFS: _refs,
    Kind.SOURCES: _sources,
    Kind.EFFORT: _effort,
    Kind.PERIOD: _period,
}


def widget(field: Field, vocabularies: dict[str, Vocabulary]) -> Widget:
    if field.kind not in WIDGETS:
        raise KeyError(f"the web editor has no widget for {field.kind!r} (field '{field.key}'): add one to cms.WIDGETS")
    return {
        "name": field.key,
        "label": label(field.key),
        "hint": field.description,
        "required": field.required,
        **WIDGETS[field.kind](field, vocabularies),
    }


def collection(spec: Collection, vocabularies: dict[str, Vocabulary]) -> Widget:
    return {
        "name": NAMES[spec.key],
        "label": spec.label_plural,
        "label_singular": spec.label,
        "folder": spec.folder,
        "extension": "md",
        "format": "yaml-frontmatter",
        "create": True,
        "slug": "{{titel}}",
        "identifier_field": "titel",
        "summary": "{{titel}}",
        "sortable_fields": ["titel"],
        "preview_path": urls.entry(spec.url_prefix, "{{slug}}"),
        "fields": [widget(field, vocabularies) for field in spec.fields]
        + [
            {
                "name": "body",
                "label": "Tekst",
                "widget": "markdown",
                "required": True,
                "sanitize_preview": True,
                "hint": "De tekst van de pagina, met kopjes (##) zoals in het sjabloon.",
            }
        ],
    }


def backend(repo_url: str | None, edit_uri: str | None, settings: Mapping[str, Any]) -> dict[str, Any]:
    """GitHub from mkdocs.yml's repo_url by default; `extra: redactie:` there overrides any key."""
    parsed = urlparse(repo_url or "")
    found = {"name": "github"}
    if parsed.netloc == "github.com":
        found["repo"] = parsed.path.strip("/").removesuffix(".git")
    parts = (edit_uri or "").strip("/").split("/")
    if len(parts) >= 2 and parts[0] in ("edit", "blob"):
        found["branch"] = parts[1]
    return {**found, **settings}


def settings(
    vocabularies: dict[str, Vocabulary],
    repo_url: str | None,
    edit_uri: str | None,
    site_url: str | None,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Decap's configuration; `overrides` are mkdocs.yml's `extra: redactie:`."""
    overrides = dict(overrides or {})
    # Every save a branch and a pull request, so the checks run before anything is published.
    publish_mode = overrides.pop("publish_mode", "editorial_workflow")
    port = os.environ.get("DECAP_SERVER_PORT", DEFAULT_PORT)
    data: Settings = {
        "backend": backend(repo_url, edit_uri, overrides),
        "local_backend": {"url": f"http://127.0.0.1:{port}/api/v1"},
        "publish_mode": publish_mode,
        "locale": "nl",
        "media_folder": f"docs/{urls.MEDIA}".rstrip("/"),
        "public_folder": "/" + urls.MEDIA.rstrip("/"),
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [collection(spec, vocabularies) for spec in EDITED],
    }
    if site_url:
        data["site_url"] = data["display_url"] = site_url
    return data


def config(data: Settings) -> str:
    header = "# Generated by the build from hooks/kennisbank_participatie/schema.py and data/vocabulaire.yml (hooks/kennisbank_participatie/cms.py). Do not edit.\n"
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


# Where each Git host's API and avatars live when the settings do not say (api_root, base_url).
_GIT_HOSTS = {
    "github": ("https://api.github.com", "https://avatars.githubusercontent.com"),
    "gitlab": ("https://gitlab.com", "https://secure.gravatar.com"),
}


def _origin(url: str) -> str:
    parsed = urlparse(url)
    return f"{parsed.scheme}://{parsed.netloc}"


def content_security_policy(data: Settings) -> str:
    """The editor may talk to the site, the local backend and the Git host, and nothing else: an image
    in an untrusted entry's preview cannot call another host, and no script from elsewhere can run.
    Decap compiles its configuration schema (ajv) at run time, hence 'unsafe-eval'."""
    backend_settings = data["backend"]
    git = list(_GIT_HOSTS.get(backend_settings["name"], ()))
    git += [_origin(backend_settings[key]) for key in ("api_root", "base_url") if backend_settings.get(key)]
    hosts = " ".join(dict.fromkeys(git))
    local = _origin(data["local_backend"]["url"])
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            f"img-src 'self' data: blob: {hosts}",
            f"connect-src 'self' {local} {hosts}",
            "font-src 'self' data:",
            "frame-src 'self' blob:",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def decap_files(root: Path) -> list[Path]:
    """Decap's bundle and the chunks it loads next to itself; empty when `npm ci` has not run."""
    dist = root / DECAP_DIST
    if not (dist / urls.DECAP_BUNDLE).exists():
        return []
    return sorted(
        path
        for path in dist.iterdir()
        if path.name == urls.DECAP_BUNDLE
        or path.name.endswith(("." + urls.DECAP_BUNDLE, ".wasm", urls.DECAP_BUNDLE + ".LICENSE.txt"))
    )


def page(styles: list[str], available: bool, data: Settings) -> str:
    """The admin page; styles are the site's own stylesheets, for a preview that looks like the site."""
    if available:
        scripts = (
            f'<script src="{relative(urls.decap_file(urls.DECAP_BUNDLE), urls.ADMIN)}"></script>\n'
            f"<script src=\"{relative(urls.ADMIN_SCRIPT, urls.ADMIN)}\" data-styles='{json.dumps(styles)}'></script>"
        )
        body = ""
    else:
        scripts = ""
        body = (
            "<main><h1>Webeditor</h1><p>De webeditor is niet meegebouwd. Voer eerst <code>npm ci</code> uit "
            "en bouw de site opnieuw, of start alles in één keer met <code>bash scripts/redactie.sh</code>.</p></main>"
        )
    return f"""<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta http-equiv="Content-Security-Policy" content="{content_security_policy(data)}">
<title>Webeditor · Kennisbank Participatie</title>
<style>
/* A section's introduction (index.md) shares the folder with its forms or tools but is no entry. */
a[href$="/entries/index"] {{ display: none; }}
</style>
</head>
<body>
{body}{scripts}
</body>
</html>
"""
