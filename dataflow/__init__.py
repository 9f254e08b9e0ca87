"""dataflow: classify, grade and assess datasets for China's cross-border data rules."""

__version__ = "0.1.0"
