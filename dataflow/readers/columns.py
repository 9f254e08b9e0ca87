"""What data-file readers share: the column list and the batch type they stream."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from dataflow.model import Field

# One batch: number of rows, and values by column path (``a``, ``a.b``, ``a[].b``). Values are
# stripped text, ``None`` for null or empty. Columns inside arrays hold one value per array item,
# so their lists can be longer than the number of rows.
Batch = tuple[int, dict[str, list[str | None]]]
BatchIterator = Iterator[Batch]


@dataclass
class Column:
    """A column of a data file: its path below the dataset (``a``, ``a.b``, ``tags[]``)."""

    path: str
    data_type: str | None = None
    line: int | None = None
    nullable: bool | None = None

    @property
    def name(self) -> str:
        """Last path segment without ``[]``."""
        last = self.path.rsplit(".", 1)[-1]
        while last.endswith("[]"):
            last = last[:-2]
        return last or self.path

    def field(self, dataset: str) -> Field:
        """The ``Field`` of this column in ``dataset``."""
        return Field(
            name=self.name,
            pointer=f"{dataset}.{self.path}",
            data_type=self.data_type,
            line=self.line,
            nullable=self.nullable,
        )
