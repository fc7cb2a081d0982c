"""Loupe: the people, organisations and places in news text, its quotations and who said them.

A thin Python face over the Rust core (the native module ``loupe._loupe``):

>>> import loupe
>>> doc = loupe.annotate("“We will rebuild the bridge,” said Mayor Ana Ruiz.")
>>> doc["quotes"][0]["speaker"]["text"]
'Mayor Ana Ruiz'

Every document is exactly what ``loupe annotate`` prints, with offsets in code points
(``text[start:end]``). ``annotate_many`` annotates a batch on several threads without the GIL.
"""

from ._loupe import __version__, annotate, annotate_many

__all__ = ["annotate", "annotate_many", "__version__"]
