"""The page `mkdocs serve` shows at every address while the content has mistakes.

It stands on its own (no theme, no nav: the site cannot be built) and asks the development
server to be told of the next rebuild, so the site comes back by itself once the files are fixed.
"""

from __future__ import annotations

from pathlib import Path

from . import urls
from .html import text
from .problems import ContentError, visible

# MkDocs' live-reload server answers /livereload/<epoch>/<id> with the newest build's epoch, at once
# when it is newer, else after a minute. The 404 page it serves for a missing address gets no
# reload script of its own, so the page carries one.
_RELOAD = """
(async () => {
  let known = 0;
  for (;;) {
    try {
      const answer = await fetch(`/livereload/${known}/${Date.now()}`);
      const epoch = parseInt(await answer.text(), 10);
      if (known && epoch > known) { location.reload(); return; }
      known = epoch;
    } catch (error) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
})();
"""

_STYLE = """
body { font: 1rem/1.5 system-ui, sans-serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
h1 { font-size: 1.5rem; color: #a40000; }
li { margin-bottom: .75rem; }
.plek { font-weight: 600; display: block; }
code { background: #f2f2f2; padding: 0 .2em; }
"""


def render(error: ContentError) -> str:
    rows = []
    for problem in error.problems:
        where = problem.path + (f", regel {problem.line}" if problem.line else "")
        where += f", veld '{problem.field}'" if problem.field else ""
        rows.append(f'<li><span class="plek">{text(visible(where))}</span>{text(visible(problem.message))}</li>')
    files = {problem.path for problem in error.problems}
    count = len(error.problems)
    return (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{count} {'fout' if count == 1 else 'fouten'} - Kennisbank Participatie</title>"
        f"<style>{_STYLE}</style></head><body><main>"
        f"<h1>De kennisbank kan niet worden gebouwd</h1>"
        f"<p>Er {'is' if count == 1 else 'zijn'} {count} {'fout' if count == 1 else 'fouten'} gevonden in "
        f"{len(files)} {'bestand' if len(files) == 1 else 'bestanden'}. Verbeter ze en sla het bestand op. "
        f"Deze pagina laadt dan vanzelf opnieuw.</p>"
        f'<ol id="kb-fouten">{"".join(rows)}</ol>'
        "<p>Uitleg over alle velden staat in <code>CONTRIBUTING.md</code>.</p>"
        f"</main><script>{_RELOAD}</script></body></html>\n"
    )


def write(site_dir: Path, error: ContentError) -> None:
    page = render(error)
    for name in (urls.page_file(urls.HOME), urls.NOT_FOUND):
        (site_dir / name).write_text(page, encoding="utf-8")
