"""A JSON Schema document of an API body that describes its hypermedia links (``links[].href``
with an example path) says which resource its bodies belong to: the path's parameters are
given to every dataset of the document, as an OpenAPI operation's would be. Only parameter
names travel, never the example's values."""

from __future__ import annotations

import json
from pathlib import Path

from dataflow.readers import read_path

DATA = Path(__file__).resolve().parent.parent / "data" / "readers" / "hmrc_links"


def test_an_example_path_with_values_gives_its_first_collection_with_a_bare_key() -> None:
    # trimmed from hmrc/individuals-income-received-api insurance_definitions.json
    result = read_path(DATA / "insurance_definitions.json")
    by_name = {d.name: d for d in result.datasets}
    life = by_name["lifeInsurance"]
    assert life.api is not None and life.api.path_params == ("individuals/{id}",)
    assert all("AA123456A" not in str(d.api) for d in result.datasets)


def _links_doc(example: object) -> dict[str, object]:
    return {
        "type": "object",
        "title": "Retrieve Savings Response",
        "properties": {
            "grossAmount": {"type": "number"},
            "links": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"href": {"type": "string", "example": example}},
                },
            },
        },
    }


def test_a_path_template_gives_its_named_parameters(tmp_path: Path) -> None:
    path = tmp_path / "savings.json"
    path.write_text(json.dumps(_links_doc("/individuals/savings/{nino}/{taxYear}")))
    (dataset,) = read_path(path).datasets
    assert dataset.api is not None and dataset.api.path_params == ("nino", "taxYear")


def test_a_link_without_a_key_or_without_a_path_gives_nothing(tmp_path: Path) -> None:
    for example in ("/reference/countries", "self", "https://example.org", 5):
        path = tmp_path / "doc.json"
        path.write_text(json.dumps(_links_doc(example)))
        (dataset,) = read_path(path).datasets
        assert dataset.api is None, example
