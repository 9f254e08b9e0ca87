"""API descriptions hide the person a schema is about behind the call's shape: a reply that
only wraps a record of another schema (`ProfileResponse {profile: Profile}`), and a path that
names the person by a bare `{id}` after their collection (`/members/{id}/preferences`)."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

DATA = Path(__file__).resolve().parent.parent / "data" / "readers" / "openapi_context"


def _read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def test_a_reply_wrapping_a_persons_profile_is_theirs(tmp_path: Path) -> None:
    """Conduit's `ProfileResponse` holds only `profile`, a `$ref` to `Profile` (a person's
    profile): the reply is about that person, and the profile's biography and picture in it are
    theirs as they are in `Profile` itself."""
    results = _scan(tmp_path, {"conduit.yaml": _read("conduit_profiles.openapi.yaml")})
    reply = results["ProfileResponse response"]
    assert reply.subject.kind == "person_linked"
    assert any("wraps profile" in str(e) for e in reply.subject.evidence)
    assert [link.target for link in reply.subject.links] == ["Profile"]
    for column in ("bio", "image"):
        assert _finding(reply, column).personal, column


def test_a_reply_wrapping_records_of_no_one_stays_no_ones(tmp_path: Path) -> None:
    """`TagsResponse` wraps a list of `Tag` (a tag's name and how many articles use it) beside
    its count: a tag is no one's, so neither is the reply."""
    results = _scan(tmp_path, {"conduit.yaml": _read("conduit_profiles.openapi.yaml")})
    reply = results["TagsResponse response"]
    assert reply.subject.kind != "person_linked"
    assert not _finding(reply, "name").personal


def test_a_reply_wrapping_a_profile_written_out_in_place_is_found_by_its_shape(
    tmp_path: Path,
) -> None:
    """The same profile written out in place under `data` (no `$ref` left, as a bundled
    description has it): its members are exactly `Profile`'s, so the reply is that person's."""
    text = _read("conduit_profiles.openapi.yaml").replace(
        """              profile:
                $ref: '#/components/schemas/Profile'""",
        """              data:
                type: object
                properties:
                  username: {type: string}
                  bio: {type: string}
                  image: {type: string}
                  following: {type: boolean}""",
    )
    results = _scan(tmp_path, {"conduit.yaml": text})
    reply = results["ProfileResponse response"]
    assert reply.subject.kind == "person_linked"
    assert _finding(reply, "bio").personal


def test_a_reply_with_more_than_one_record_is_not_a_wrapper(tmp_path: Path) -> None:
    """A reply holding the profile beside another object of its own (`settings`) is not just
    the profile's wrapper: it is not judged by the profile alone."""
    text = _read("conduit_profiles.openapi.yaml").replace(
        """              profile:
                $ref: '#/components/schemas/Profile'""",
        """              profile:
                $ref: '#/components/schemas/Profile'
              settings:
                type: object
                properties:
                  colour: {type: string}""",
    )
    results = _scan(tmp_path, {"conduit.yaml": text})
    reply = results["ProfileResponse response"]
    assert not any("wraps profile" in str(e) for e in reply.subject.evidence)


def test_a_bare_id_after_a_persons_collection_is_that_persons_key(tmp_path: Path) -> None:
    """`/members/{id}/preferences`: the bare `{id}` is a member's key, read as `members_id`
    would be, so the preferences returned are that member's. The same bare `{id}` after
    `venues` keys a venue: its opening hours are no one's."""
    results = _scan(tmp_path, {"club.yaml": _read("club_members.openapi.yaml")})
    prefs = results["Preferences"]
    assert prefs.subject.kind == "person_linked"
    assert prefs.subject.role == "member"
    assert [link.column for link in prefs.subject.links] == ["members/{id}"]
    assert any("path parameter 'members/{id}'" in str(e) for e in prefs.subject.evidence)
    assert _finding(prefs, "favouriteSport").personal
    hours = results["OpeningHours"]
    assert hours.subject.kind != "person_linked"
    assert not _finding(hours, "opens").personal
