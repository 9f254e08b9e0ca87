"""Entry point for ``python -m dataflow``."""

from dataflow.cli import run

if __name__ == "__main__":
    run()
