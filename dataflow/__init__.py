"""dataflow: classify, grade and assess datasets for China's cross-border data rules."""

__version__ = "0.1.0"

# Before any dataclass is defined: their compiled methods come from the cache folder.
from dataflow import codecache as _codecache

_codecache.install()
