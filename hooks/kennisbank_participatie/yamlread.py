"""Read editors' YAML (front matter and the data files) safely and strictly, with Dutch messages.

Limits are checked before the YAML composer runs: the composer recurses once per nesting level
(30,000 brackets crash the process) and expands aliases (a small file can ask for gigabytes).
The event stream is read first, which costs no recursion, so a file over a limit is reported
like any other mistake. Anchors, aliases and explicit tags are refused: editors never need them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from .problems import INVISIBLE as _INVISIBLE
from .problems import ContentError, Problem

_Loader: type[yaml.CSafeLoader] | type[yaml.SafeLoader]
try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

MAX_BYTES = 1_000_000  # a long praktijkvoorbeeld is 10 kB; this is far beyond any real file
MAX_YAML_BYTES = 200_000  # front matter is about 1 kB, the data files 10 kB; this keeps a check within a second
MAX_DEPTH = 20  # nested lists and groups; front matter needs 3, the data files 4
MAX_PROBLEMS = 25  # per file: beyond this the editor first fixes these
NULL_TAG = "tag:yaml.org,2002:null"

_CONTROL_NAMES = {
    "\x00": "NUL",
    "\x07": "BEL",
    "\x08": "BACKSPACE",
    "\x0b": "VERTICAL TAB",
    "\x0c": "FORM FEED",
    "\x1b": "ESCAPE",
    "\x7f": "DELETE",
    "\x85": "NEXT LINE",
}


def describe_character(char: str) -> str:
    """'onzichtbaar teken U+200B (ZERO WIDTH SPACE)': the editor can search for it by its code."""
    code = f"U+{ord(char):04X}"
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(char, "")
    kind = "stuurteken" if unicodedata.category(char) == "Cc" else "onzichtbaar teken"
    return f"{kind} {code}" + (f" ({name})" if name else "")


def invisible_characters(text: str, first_line: int = 1, limit: int = 5) -> list[tuple[int, str]]:
    """(line, description) of the first characters a reader cannot see."""
    found = []
    for match in _INVISIBLE.finditer(text):
        found.append((first_line + text.count("\n", 0, match.start()), describe_character(match.group())))
        if len(found) >= limit:
            break
    return found


def invisible_problem(rel: str, line: int, field: str, description: str) -> Problem:
    return Problem(
        rel,
        line,
        field,
        f"hier staat een {description}. Je ziet het niet, maar het breekt de site. "
        f"Haal het weg (het komt vaak mee bij kopiëren en plakken).",
    )


def read_text(path: Path, rel: str) -> tuple[str | None, list[Problem]]:
    """A content file as text with '\\n' line ends, or the problems that keep it from being read."""
    if path.is_symlink():
        return None, [link_problem(path, rel)]
    if not path.exists():
        return None, [Problem(rel, 0, "", "dit bestand ontbreekt.")]
    if not path.is_file():
        return None, [Problem(rel, 0, "", "dit is geen gewoon bestand. Zet hier alleen tekstbestanden neer.")]
    size = path.stat().st_size
    if size > MAX_BYTES:
        return None, [
            Problem(
                rel,
                0,
                "",
                f"dit bestand is te groot ({size / 1_000_000:.1f} MB). Toegestaan: hoogstens {MAX_BYTES // 1_000_000} MB.",
            )
        ]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return None, [
            Problem(
                rel,
                line,
                "",
                "het bestand is geen UTF-8-tekst: op deze regel staat een teken dat "
                "niet kan worden gelezen. Sla het bestand op als UTF-8.",
            )
        ]
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text, []


def link_problem(path: Path, rel: str) -> Problem:
    return Problem(
        rel,
        0,
        "",
        "dit is een link (symlink) naar een ander bestand of een andere map. De kennisbank "
        "gebruikt alleen gewone bestanden uit de repository. Zet de inhoud zelf hier neer.",
    )


@dataclass(frozen=True)
class FrontMatter:
    yaml: str  # the YAML between the two '---' lines
    first_line: int  # line number in the file of the YAML's first line
    body: str  # the Markdown after the closing '---'

    @property
    def body_line(self) -> int:
        return self.first_line + self.yaml.count("\n") + 1


_OPEN = re.compile(r"^---[ \t]*$")
_LOOKS_LIKE_OPEN = re.compile(r"^(-{4,}|-{1,2}|—|–)[ \t]*$|^---[^\n]")


def split(text: str, rel: str) -> tuple[FrontMatter | None, list[Problem]]:
    """Front matter is a first line '---', the YAML, and a line '---'. Anything else is no front matter."""
    lines = text.split("\n")
    if not _OPEN.match(lines[0]):
        first = next((n for n, line in enumerate(lines) if line.strip()), 0)
        if first and _OPEN.match(lines[first]) and any(_OPEN.match(line) for line in lines[first + 1 :]):
            return None, [
                Problem(
                    rel,
                    first + 1,
                    "",
                    "de front matter moet op de eerste regel van het bestand beginnen. Haal de lege regels erboven weg.",
                )
            ]
        if _LOOKS_LIKE_OPEN.match(lines[0]):
            return None, [
                Problem(
                    rel,
                    1,
                    "",
                    f"de eerste regel is '{lines[0].strip()[:20]}'. De front matter begint "
                    f"met een regel met precies drie streepjes: '---'.",
                )
            ]
        return None, []
    for number, line in enumerate(lines[1:], start=1):
        if _OPEN.match(line):
            return FrontMatter("\n".join(lines[1:number]) + "\n", 2, "\n".join(lines[number + 1 :])), []
        if _LOOKS_LIKE_OPEN.match(line) and line.startswith("-"):
            return None, [
                Problem(
                    rel,
                    number + 1,
                    "",
                    f"'{line.strip()[:20]}' sluit de front matter niet af. Gebruik een regel met precies drie streepjes: '---'.",
                )
            ]
    return None, [Problem(rel, 1, "", "de front matter is niet afgesloten. Zet na de velden een regel met alleen '---'.")]


def compose(source: str, rel: str, first_line: int = 1, whole: str = "de front matter") -> tuple[yaml.Node | None, list[Problem]]:
    """The YAML's node tree (positions kept, nothing constructed) and the problems found in it.
    The tree is None when the YAML cannot be read safely. Duplicate or odd field names and
    invisible characters written as escapes are reported with the tree still given, so every
    other mistake in the file is found in the same run."""
    size = len(source.encode("utf-8"))
    if size > MAX_YAML_BYTES:
        return None, [
            Problem(
                rel, first_line, "", f"{whole} is te lang ({size // 1000} kB). Toegestaan: hoogstens {MAX_YAML_BYTES // 1000} kB."
            )
        ]
    lines = source.split("\n")
    problems = [
        invisible_problem(rel, line, _field_at(lines, line - first_line), description)
        for line, description in invisible_characters(source, first_line)
    ]
    for number, line in enumerate(lines):
        if "\t" in line:
            problems.append(
                Problem(
                    rel,
                    number + first_line,
                    _field_at(lines, number),
                    "hier staat een tab. Gebruik spaties om in te springen en tussen de woorden.",
                )
            )
            break
    if problems:
        return None, problems
    problem = _check_events(source, rel, first_line, whole)
    if problem:
        return None, [problem]
    try:
        root = yaml.compose(source, Loader=_Loader)
    except yaml.YAMLError as error:  # the event check parses the same text, so this is not expected
        return None, [_yaml_problem(error, source, rel, first_line, whole)]
    if root is None:
        return None, []
    return root, _check_tree(root, rel, first_line, whole)


_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")
_ITEM = re.compile(r"^-(\s|$)")  # an item of a data file that is a list (data/publicaties.yml)
_ITEM_KEY = re.compile(r"^-?\s+([A-Za-z_][\w-]*)\s*:")


def _field_at(lines: list[str], index: int) -> str:
    """The field a line belongs to, read before the YAML is parsed (it may not parse): a top-level
    field, or in a file that is a list the item and the field on that line ('[2].titel').
    Only called for a problem: it walks back over the lines."""
    index = min(index, len(lines) - 1)
    for number in range(index, -1, -1):
        if match := _TOP_KEY.match(lines[number]):
            return match.group(1)
        if _ITEM.match(lines[number]):
            item = f"[{sum(1 for line in lines[: number + 1] if _ITEM.match(line))}]"
            on_line = _ITEM_KEY.match(lines[index].expandtabs(2))
            return f"{item}.{on_line.group(1)}" if on_line else item
    return ""


def _check_events(source: str, rel: str, first_line: int, whole: str) -> Problem | None:
    loader = _Loader(source)
    lines = source.split("\n")
    depth = 0
    try:
        while (event := loader.get_event()) is not None:
            mark = event.start_mark
            assert mark is not None  # the parser marks where every event starts
            line = mark.line + first_line

            def field() -> str:  # only when reporting: it walks back over the lines
                return _field_at(lines, mark.line)

            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return Problem(
                    rel,
                    line,
                    field(),
                    "de tekens '&' en '*' aan het begin van een waarde maken een anker of "
                    "verwijzing. Die zijn hier niet toegestaan. Zet de waarde tussen "
                    "aanhalingstekens als het teken erbij hoort.",
                )
            if (tag := getattr(event, "tag", None)) not in (None, "!"):
                return Problem(
                    rel,
                    line,
                    field(),
                    f"'{tag}' is een YAML-tag. Die zijn hier niet toegestaan. Zet de "
                    f"waarde tussen aanhalingstekens als het '!' erbij hoort.",
                )
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return Problem(
                        rel,
                        line,
                        field(),
                        f"hier zitten te veel lijsten of haakjes in elkaar. Toegestaan: hoogstens {MAX_DEPTH} niveaus diep.",
                    )
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
            elif isinstance(event, yaml.DocumentStartEvent) and event.explicit and mark.index:
                return Problem(rel, line, field(), "hier begint een tweede YAML-document. Haal deze regel weg.")
    except yaml.YAMLError as error:
        return _yaml_problem(error, source, rel, first_line, whole)
    finally:
        loader.dispose()
    return None


def _check_tree(root: yaml.Node, rel: str, first_line: int, whole: str) -> list[Problem]:
    """Field names are plain text and appear once per group; values hold no invisible characters
    (they can come in through escapes such as "\\x0c" or "\\e")."""
    problems: list[Problem] = []
    stack = [(root, "")]
    while stack and len(problems) < MAX_PROBLEMS:
        node, field = stack.pop()
        line = node.start_mark.line + first_line
        if isinstance(node, yaml.ScalarNode):
            found = invisible_characters(node.value, line, limit=1)
            if found:
                problems.append(invisible_problem(rel, line, field, found[0][1]))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, field) for item in node.value)
        else:
            seen: dict[str, int] = {}
            for key_node, value_node in node.value:
                key_line = key_node.start_mark.line + first_line
                if not isinstance(key_node, yaml.ScalarNode):
                    problems.append(Problem(rel, key_line, field, "een veldnaam moet gewone tekst zijn, zoals 'titel'."))
                    continue
                key = key_node.value
                if key in seen:
                    where = f"in {whole}" if node is root else "in dezelfde groep"
                    problems.append(
                        Problem(
                            rel, key_line, key, f"dit veld staat twee keer {where} (ook op regel {seen[key]}). Laat er één staan."
                        )
                    )
                seen.setdefault(key, key_line)
                stack.append((key_node, key))
                stack.append((value_node, key))
    return sorted(problems)


_HINTS = (
    (
        "mapping values are not allowed",
        "er staat een dubbele punt ':' in een waarde. Zet de hele waarde tussen "
        'aanhalingstekens, bijvoorbeeld titel: "Zwolle: de ideeënmakelaar".',
    ),
    ("could not find expected ':'", "hier mist een dubbele punt ':' na de naam van een veld."),
    ("found unexpected end of stream", "een aanhalingsteken of haakje wordt niet afgesloten."),
    ("did not find expected key", "de inspringing klopt niet: een veld staat niet recht onder de andere velden."),
    ("did not find expected ',' or ']'", "een lijst tussen [ ] is niet goed afgesloten."),
    ("did not find expected ',' or '}'", "een groep velden tussen { } is niet goed afgesloten."),
    ("did not find expected '-' indicator", "een lijst met streepjes '-' is niet goed ingesprongen."),
    (
        "found undefined alias",
        "het teken '*' aan het begin van een waarde is niet toegestaan. Zet de waarde tussen aanhalingstekens.",
    ),
    (
        "found unknown escape character",
        "een backslash '\\' tussen dubbele aanhalingstekens is niet toegestaan. Gebruik enkele aanhalingstekens.",
    ),
    (
        "expected alphabetic or numeric character",
        "het teken '*' of '&' aan het begin van een waarde is niet toegestaan. Zet de waarde tussen aanhalingstekens.",
    ),
    (
        "found character that cannot start any token",
        "een waarde begint met een teken dat niet mag, zoals '@', '`' of '%'. Zet de waarde tussen aanhalingstekens.",
    ),
    ("expected <block end>, but found '<scalar>'", "na een waarde tussen aanhalingstekens staat nog tekst."),
    (
        "found unexpected ':'",
        "er staat een dubbele punt ':' op een plek waar dat niet mag. Zet de waarde tussen aanhalingstekens.",
    ),
)
_QUOTES_INSIDE = re.compile(r"""^\s*(-\s+)?[^:'"]*:\s*(["'])(?:(?!\2).)*\2\s*[^\s#]""")


def _yaml_problem(error: yaml.YAMLError, source: str, rel: str, first_line: int, whole: str) -> Problem:
    if not isinstance(error, yaml.MarkedYAMLError):  # a reader error: a character YAML cannot read
        position = getattr(error, "position", 0)
        return Problem(
            rel,
            first_line + source.count("\n", 0, position),
            "",
            "hier staat een teken dat niet in YAML mag. Haal het weg of typ de tekst opnieuw.",
        )
    # An unclosed bracket or quote is found where the file ends; where it was opened helps the editor.
    opened = error.context and error.context.startswith(("while parsing a flow", "while scanning a quoted"))
    mark = (error.context_mark if opened else None) or error.problem_mark or error.context_mark
    line = mark.line if mark else 0
    lines = source.split("\n")
    # A quote inside a value between the same quotes ends the value early; libyaml then blames the indentation.
    for candidate in (line, line - 1, error.context_mark.line if error.context_mark else line):
        if 0 <= candidate < len(lines) and _QUOTES_INSIDE.match(lines[candidate]):
            return Problem(
                rel,
                candidate + first_line,
                "",
                "er staan aanhalingstekens binnen aanhalingstekens. "
                "Gebruik binnen de tekst de andere soort, bijvoorbeeld titel: 'De \"Buurt\" bestuurt', "
                "of zet een aanhalingsteken dubbel: titel: 'Op z''n best'.",
            )
    technical = " ".join(filter(None, [error.context, error.problem]))
    field = _field_at(lines, line) if opened else ""
    for needle, hint in _HINTS:
        if needle in technical:
            return Problem(rel, line + first_line, field, f"{whole} is geen geldige YAML: {hint}")
    return Problem(
        rel,
        line + first_line,
        field,
        f"{whole} is geen geldige YAML. Kijk op deze regel en de regel erboven of "
        "aanhalingstekens, haakjes, dubbele punten en inspringing kloppen.",
    )


def at_most(problems: list[Problem], rel: str) -> list[Problem]:
    """The first MAX_PROBLEMS problems of one file, and how many more there are."""
    problems = sorted(set(problems))
    if len(problems) <= MAX_PROBLEMS:
        return problems
    kept = problems[:MAX_PROBLEMS]
    return kept + [
        Problem(rel, 0, "", f"en nog {len(problems) - MAX_PROBLEMS} fouten in dit bestand. Verbeter eerst de fouten hierboven.")
    ]


def load_file(path: Path, rel: str) -> tuple[yaml.Node | None, list[Problem]]:
    """A whole YAML data file (data/vocabulaire.yml, data/keuzehulp.yml) as a node tree."""
    text, problems = read_text(path, rel)
    if text is None:
        return None, problems
    return compose(text, rel, 1, "dit bestand")


@dataclass
class DataFile:
    """A data file being checked: its top node, and every mistake found in it so far."""

    rel: str
    root: yaml.Node
    problems: list[Problem]

    def report(self, node: yaml.Node, field: str, message: str) -> None:
        self.problems.append(Problem(self.rel, node.start_mark.line + 1, field, message))


def open_data_file(path: Path, rel: str, when_empty: str, field: str = "") -> DataFile:
    """A data file read within the limits; ContentError when it cannot be read or holds nothing."""
    root, problems = load_file(path, rel)
    if root is None:
        raise ContentError(problems or [Problem(rel, 0, field, when_empty)])
    return DataFile(rel, root, problems)


# Reading data files: small helpers that report a wrong shape in Dutch and go on.

Report = Callable[[yaml.Node, str, str], None]  # node, field path, message


def shown(node: yaml.Node) -> str:
    """What an editor wrote, for a message: the value itself, or 'een lijst' / 'een groep velden'."""
    if isinstance(node, yaml.ScalarNode):
        value = node.value if len(node.value) <= 60 else node.value[:57] + "..."
        return f"'{value}'" if node.tag != NULL_TAG or node.value else "niets"
    return "een lijst" if isinstance(node, yaml.SequenceNode) else "een groep velden"


def mapping(node: yaml.Node, field: str, report: Report, allowed: dict[str, bool]) -> dict[str, yaml.Node] | None:
    """A group of fields: unknown and missing ones are reported. allowed: key -> required."""
    if not isinstance(node, yaml.MappingNode):
        report(node, field, f"hier horen velden ({', '.join(allowed)}), maar er staat {shown(node)}.")
        return None
    found = {key.value: value for key, value in node.value}
    for key, value in node.value:
        if key.value not in allowed:
            report(key, f"{field}.{key.value}".lstrip("."), f"dit veld is onbekend. Toegestaan: {', '.join(allowed)}.")
    for key, required in allowed.items():
        if required and key not in found:
            report(node, f"{field}.{key}".lstrip("."), "dit verplichte veld ontbreekt.")
    return {key: value for key, value in found.items() if key in allowed}


def sequence(node: yaml.Node, field: str, report: Report) -> list[yaml.Node]:
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        report(node, field, f"hier hoort een lijst met ten minste één onderdeel, maar er staat {shown(node)}.")
        return []
    return list(node.value)


def groups(
    node: yaml.Node, field: str, report: Report, allowed: dict[str, bool]
) -> Iterator[tuple[str, yaml.Node, dict[str, yaml.Node]]]:
    """A list of groups of fields, as every data file has: (field[n], its node, its fields) for each
    item that is a group; the list itself and each group are checked as sequence() and mapping() do."""
    for number, item in enumerate(sequence(node, field, report), start=1):
        where = f"{field}[{number}]"
        fields = mapping(item, where, report, allowed)
        if fields is not None:
            yield where, item, fields


def one_or_more(node: yaml.Node | None) -> list[yaml.Node]:
    """The items of a field that takes a list or, for one item, the item alone (like 'ook')."""
    if node is None:
        return []
    return list(node.value) if isinstance(node, yaml.SequenceNode) else [node]


def scalar(node: yaml.Node | None, field: str, report: Report) -> str | None:
    if node is None:
        return None
    if not isinstance(node, yaml.ScalarNode) or node.tag == NULL_TAG or not node.value.strip():
        report(node, field, f"hier hoort tekst, maar er staat {shown(node)}.")
        return None
    return str(node.value).strip()


def scalars(group: Mapping[str, yaml.Node], keys: Iterable[str], where: str, report: Report) -> dict[str, str] | None:
    """The text of each of `keys` in a group, or None when one of them is missing or no text (each reported)."""
    found = {key: scalar(group.get(key), f"{where}.{key}", report) for key in keys}
    texts = {key: value for key, value in found.items() if value is not None}
    return texts if len(texts) == len(found) else None


def texts(nodes: Iterable[yaml.Node], field: str, report: Report) -> list[str] | None:
    """The text of every node in a list, or None when one of them is no text (each reported)."""
    found = [scalar(node, field, report) for node in nodes]
    present = [value for value in found if value is not None]
    return present if len(present) == len(found) else None
