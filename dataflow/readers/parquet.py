"""Parquet: the schema from the footer (nested structs and lists too), rows by row group.

Structs become ``a.b``, lists ``a[]`` (``a[].b`` for structs in lists), map values ``a[]``.
pyarrow is imported here only, inside functions. Its error messages can quote file content,
so problems describe the failure in dataflow's own words.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dataflow.i18n import msg, os_error
from dataflow.readers._common import MAX_FIELDS, Problems
from dataflow.readers.columns import BatchIterator, Column
from dataflow.readers.samples import MAX_VALUE_CHARS


def arrow_leaves(
    arrow_type: Any, path: str, nullable: bool, out: list[tuple[str, Any, bool]]
) -> None:
    import pyarrow.types as pat

    if len(out) >= MAX_FIELDS:
        return
    if pat.is_struct(arrow_type):
        for i in range(arrow_type.num_fields):
            child = arrow_type.field(i)
            arrow_leaves(child.type, f"{path}.{child.name}", child.nullable, out)
        return
    if (
        pat.is_list(arrow_type)
        or pat.is_large_list(arrow_type)
        or pat.is_fixed_size_list(arrow_type)
    ):
        arrow_leaves(arrow_type.value_type, f"{path}[]", True, out)
        return
    if pat.is_map(arrow_type):
        arrow_leaves(arrow_type.item_type, f"{path}[]", True, out)
        return
    out.append((path, arrow_type, nullable))


def leaf_arrays(array: Any, arrow_type: Any, path: str, out: dict[str, Any]) -> None:
    import pyarrow.types as pat

    if pat.is_struct(arrow_type):
        for i in range(arrow_type.num_fields):
            child = arrow_type.field(i)
            leaf_arrays(array.field(i), child.type, f"{path}.{child.name}", out)
        return
    if (
        pat.is_list(arrow_type)
        or pat.is_large_list(arrow_type)
        or pat.is_fixed_size_list(arrow_type)
    ):
        leaf_arrays(array.flatten(), arrow_type.value_type, f"{path}[]", out)
        return
    if pat.is_map(arrow_type):
        leaf_arrays(array.items, arrow_type.item_type, f"{path}[]", out)
        return
    out[path] = array


def as_text(array: Any) -> list[str | None]:
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.types as pat

    if pat.is_dictionary(array.type):
        array = array.dictionary_decode()
    try:
        if pat.is_binary(array.type) or pat.is_large_binary(array.type):
            raise pa.ArrowInvalid("decode per value")
        text = pc.utf8_trim_whitespace(array.cast(pa.string()))
        text = pc.utf8_slice_codeunits(text, 0, MAX_VALUE_CHARS)
        text = pc.if_else(pc.equal(text, ""), pa.scalar(None, pa.string()), text)
        values: list[str | None] = text.to_pylist()
        return values
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        pass
    out: list[str | None] = []
    for value in array.to_pylist():
        if value is None:
            out.append(None)
            continue
        if isinstance(value, bytes):
            value = value.decode("utf-8", errors="replace")
        text = str(value).strip()
        out.append(text[:MAX_VALUE_CHARS] or None)
    return out


class ParquetFile:
    """One Parquet file: ``open()`` reads the footer, ``batches()`` the row groups."""

    def __init__(self, path: Path, problems: Problems) -> None:
        self.path = path
        self.problems = problems
        self.columns: list[Column] = []
        self._file: Any = None
        self.num_rows: int | None = None

    def open(self) -> bool:
        """Read the footer; ``False`` (with a problem) when it is missing or corrupt."""
        try:
            size = self.path.stat().st_size
        except OSError as exc:
            self.problems.add(msg("p.cannot_read", why=os_error(exc)))
            return False
        if size == 0:
            self.problems.add(msg("p.parquet_empty"))
            return False
        try:
            import pyarrow.parquet as pq

            self._file = pq.ParquetFile(str(self.path))
            schema = self._file.schema_arrow
            self.num_rows = self._file.metadata.num_rows
        except Exception:  # pyarrow's message may quote bytes of the file
            self.problems.add(msg("p.parquet_footer"))
            return False
        leaves: list[tuple[str, Any, bool]] = []
        for field in schema:
            arrow_leaves(field.type, field.name, field.nullable, leaves)
        if len(leaves) >= MAX_FIELDS:
            self.problems.warn(msg("p.parquet_wide", max=MAX_FIELDS))
        self.columns = [
            Column(path, data_type=str(arrow_type), nullable=nullable)
            for path, arrow_type, nullable in leaves
        ]
        return True

    def batches(self, batch_rows: int, only: frozenset[str] | None = None) -> BatchIterator:
        """Stream rows in batches of at most ``batch_rows`` (``only``: these column paths).

        Memory is bounded by the batch and by one row group's column chunks (Parquet is
        decoded a row group at a time).
        """
        wanted = {c.path for c in self.columns if only is None or c.path in only}
        top = None
        if only is not None:
            top = sorted({p.split(".")[0].split("[")[0] for p in wanted})
        try:
            for record_batch in self._file.iter_batches(batch_size=batch_rows, columns=top):
                arrays: dict[str, Any] = {}
                for i, field in enumerate(record_batch.schema):
                    leaf_arrays(record_batch.column(i), field.type, field.name, arrays)
                yield (
                    record_batch.num_rows,
                    {path: as_text(arr) for path, arr in arrays.items() if path in wanted},
                )
        except Exception:  # corrupt pages: report in our words, keep what was read
            self.problems.add(msg("p.parquet_pages"))
