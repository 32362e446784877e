"""Stage 2 for HTML: where a page becomes a Document of Blocks.

The front module; the rest is private to the subpackage:

- `segment`: parse, read the metadata, extract, turn the body into Blocks;
- `dom`: element rules, compiled, and the elements they name in the parsed tree;
- `overlay`: which extracted blocks stand wholly inside a named element;
- `guard`: an element rule whose blocks hold prose is undone for that page;
- `extract`: the main content, by trafilatura's public API;
- `meta`: title, author, date and site name from trafilatura's metadata readers;
- `shape`: what the parser lost, and paragraphs too heavy for the extractor flattened;
- `trafilatura_private`: the one place where trafilatura names outside its `__all__`
  are imported, written for one version (a tripwire test fails on any other).

Importing this loads lxml, never trafilatura: that loads with the first HTML page.
"""

from .dom import DomRules, compile_dom, prune
from .segment import Segmented, canonical_url, check_size, parse, parse_log, segment_html
from .shape import flatten_heavy_paragraphs, parser_losses

__all__ = ["DomRules", "Segmented", "canonical_url", "check_size", "compile_dom",
           "flatten_heavy_paragraphs", "parse", "parse_log", "parser_losses", "prune",
           "segment_html"]
