"""Known failures, in one place. Each is a strict xfail: fixing one turns the suite red
until it is removed from here, so this list never goes stale.

sample name -> why it fails
"""

SAMPLES: dict[str, str] = {}
