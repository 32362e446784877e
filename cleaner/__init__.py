"""cleaner: strip boilerplate from scraped articles with rule sets kept as data.

>>> from cleaner import clean
>>> clean('Title\\n\\nShare this article\\n\\nWe agreed,\u201d he said.')
'Title\\n\\n\u201cWe agreed,\u201d he said.\\n'
"""

from .api import Cleaner, clean
from .config import Config
from .loader import RuleFileError, load_rules
from .model import Result, Rule, RuleSet, Step

__all__ = [
    "Cleaner", "Config", "Result", "Rule", "RuleFileError", "RuleSet", "Step",
    "clean", "load_rules",
]
__version__ = "0.1.0"
