"""Entry point for ``python -m dataflow``."""

from dataflow.cli import main

if __name__ == "__main__":
    main()
