"""The booklet's wording check looks for people before anything is printed for everyone."""

from dataclasses import replace

from pledge_desktop.domain.setup import PatientRepresentative


def test_the_booklet_check_names_what_could_point_at_someone(demo_workspace) -> None:
    booklet = demo_workspace.booklet
    cycle_id = demo_workspace.cycles.find("2026").id
    demo_workspace.setup.save_representative(
        PatientRepresentative(cycle_id, "Dora Unconsented", consent_to_be_named=False)
    )
    words = booklet.words(cycle_id)
    planted = replace(
        words,
        get_involved=words.get_involved
        + " Dora Unconsented will tell you more. Two men told us they felt left out.",
    )
    booklet.save(cycle_id, planted, booklet.choices(cycle_id))
    found = {(f.kind, f.text) for f in booklet.check_wording(cycle_id).findings}
    assert ("name", "Dora Unconsented") in found
    assert ("few people", "Two men") in found
    team = {m.name for m in demo_workspace.setup.team(cycle_id)}
    assert not {text for kind, text in found if kind == "name"} & team, "the team may be named"
