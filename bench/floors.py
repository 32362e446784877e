"""The quality ratchet: bench/floors.json records the figures cleaner must not fall below.

    {"html_f1": 0.951, "html_accuracy": 0.365, "posttrafilatura_f1_delta": 0.003,
     "htmltext_f1": 0.731}

(the figures of the day they were recorded: floors, not targets; the keys are the names
quality.py's figures go by, other keys are kept and ignored).

A figure below its floor fails the run. Lowering a floor takes `--lower-floor REASON`: the
floor is rewritten to today's figure and the reason printed, to go into the commit message,
so a regression is always a decision someone wrote down and never an accident.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

FLOORS = Path(__file__).resolve().parent / "floors.json"

# Only float noise is forgiven: a floor is a promise, so it is recorded rounded *down*
# (0.9516 -> 0.951, never 0.952) and then compared as written.
_EPSILON = 1e-9


def load(path: Path = FLOORS) -> dict[str, float] | None:
    """The recorded floors, or None when no floor has been recorded yet."""
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def below(floors: dict[str, float], figures: dict[str, float | None]) -> list[str]:
    """The floor names whose figure is under the floor, or missing from this run."""
    return [name for name, floor in _numeric(floors).items()
            if not _meets(figures.get(name), floor)]


def lower(path: Path, floors: dict, figures: dict[str, float | None], names: list[str]) -> None:
    """Rewrite the named floors to today's figures, keeping every other key as it was."""
    updated = dict(floors)
    for name in names:
        if figures.get(name) is not None:
            # rounded down, or the rewritten floor would sit above the figure it came from
            updated[name] = math.floor(figures[name] * 10_000) / 10_000
    path.write_text(json.dumps(updated, indent=2) + "\n", encoding="utf-8")


def check(figures: dict[str, float | None], lower_reason: str | None,
          path: Path = FLOORS) -> bool:
    """Print the ratchet's verdict; False if the run must fail."""
    floors = load(path)
    if floors is None:
        print(f"\nfloors: {path.name} not recorded yet, nothing to check")
        return True
    failing = below(floors, figures)
    print(f"\nfloors ({path.name}):")
    for name, floor in _numeric(floors).items():
        mark = "BELOW" if name in failing else "ok"
        print(f"  {name:26s} floor {floor:.4f}  now {_show(figures.get(name))}  {mark}")
    if not failing:
        return True
    if lower_reason is None:
        print(f"FAILED: {', '.join(failing)} below the floor "
              "(to accept it, rerun with --lower-floor REASON)")
        return False
    return _lower(path, floors, figures, failing, lower_reason)


def _lower(path, floors, figures, failing, reason) -> bool:
    unmeasured = [n for n in failing if figures.get(n) is None]
    lower(path, floors, figures, failing)
    print(f"lowered {', '.join(n for n in failing if n not in unmeasured) or 'nothing'}: {reason}")
    if unmeasured:
        # a floor cannot be lowered to "no figure": the run that lost it must be fixed
        print(f"FAILED: no figure for {', '.join(unmeasured)} in this run")
    return not unmeasured


def _numeric(floors: dict) -> dict[str, float]:
    # other keys (a note, a date) are the recorder's business, kept but not checked
    return {k: v for k, v in floors.items() if isinstance(v, (int, float))}


def _meets(value: float | None, floor: float) -> bool:
    return value is not None and value >= floor - _EPSILON


def _show(value: float | None) -> str:
    return "  none" if value is None else f"{value:.4f}"
