# Types of the `loupe` package. The keys mirror `loupe::view` (src/view.rs), the JSON the CLI
# prints; python/tests/test_api.py checks them against a real document so they cannot drift.
from typing import Any, Dict, Iterable, List, Optional, TypedDict

__version__: str

class Range(TypedDict):
    """A sentence or paragraph: code-point offsets, end exclusive."""

    start: int
    end: int

class SpanText(TypedDict):
    """A speaker mention or speech cue with its text."""

    start: int
    end: int
    text: str

class Entity(TypedDict):
    """An entity mention; ``cluster`` indexes ``Document["clusters"]``."""

    start: int
    end: int
    label: str
    text: str
    cluster: Optional[int]

class Value(TypedDict):
    """A date, time, money, percentage, quantity or number expression (OntoNotes labels:
    DATE TIME MONEY PERCENT QUANTITY CARDINAL ORDINAL); ``value`` is its normalised form
    (``{"kind", ...}``, see the README) or None; ``description`` that value in a few words
    ("about 12500 EUR"), as the exports write it, or None."""

    start: int
    end: int
    label: str
    text: str
    value: Optional[Dict[str, Any]]
    description: Optional[str]

class Quote(TypedDict):
    """A quotation (marks included), who said it and the speech cue."""

    start: int
    end: int
    text: str
    speaker: Optional[SpanText]
    cue: Optional[SpanText]
    cluster: Optional[int]

class Cluster(TypedDict):
    """An entity: its mentions (indices into ``Document["entities"]``) and salience in 0..1."""

    id: int
    label: str
    name: str
    aliases: List[str]
    mentions: List[int]
    salience: float

class Document(TypedDict):
    """One annotated text, exactly the JSON document of ``loupe annotate``."""

    sentences: List[Range]
    paragraphs: List[Range]
    headline: Optional[Range]
    entities: List[Entity]
    values: List[Value]
    quotes: List[Quote]
    clusters: List[Cluster]

def annotate(text: str) -> Document:
    """Annotates one text; offsets are code points. Raises TypeError for a non-str."""

def annotate_many(texts: Iterable[str], threads: Optional[int] = None) -> List[Document]:
    """Annotates every text on ``threads`` threads (default: all cores) without the GIL;
    documents come back in input order. Raises TypeError naming the first non-str item and
    ValueError for ``threads < 1``."""
